package tcptutor.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tcptutor.tcp.Profile;

/**
 * The world a lesson starts from. Every field becomes commands of the tutor's command language
 * ({@link #commands()}), run before the first step, in this order: profile, knobs, seed, ISNs, ports,
 * your side (raw segments or a stack), the peer application's script, {@code run} (e.g. a finished
 * handshake), then faults (so they apply to the learner's first moves, not to the set-up).
 */
public record Setup(Profile profile, Map<String, String> knobs, Long seed, Long isnYou, Long isnPeer,
                    Integer portYou, Integer portPeer, boolean youStack, List<Line> peer, List<Line> run,
                    List<Line> faults, Pos pos) {

    public Setup {
        knobs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(knobs));
        peer = List.copyOf(peer);
        run = List.copyOf(run);
        faults = List.copyOf(faults);
    }

    public static Setup empty(Pos pos) {
        return new Setup(Profile.LINUX, Map.of(), null, null, null, null, null, false, List.of(), List.of(), List.of(), pos);
    }

    /** The set-up as command lines, positioned at the setup block. */
    public List<Line> commands() {
        List<Line> out = new ArrayList<>();
        out.add(new Line("set profile " + profile.id(), pos));
        knobs.forEach((k, v) -> out.add(new Line("set " + k + "=" + v, pos)));
        if (seed != null) out.add(new Line("set seed " + seed, pos));
        if (isnYou != null) out.add(new Line("set isn you " + isnYou, pos));
        if (isnPeer != null) out.add(new Line("set isn peer " + isnPeer, pos));
        if (portYou != null) out.add(new Line("set port you " + portYou, pos));
        if (portPeer != null) out.add(new Line("set port peer " + portPeer, pos));
        if (youStack) out.add(new Line("set you stack", pos));
        out.addAll(peer);
        out.addAll(run);
        out.addAll(faults);
        return out;
    }
}
