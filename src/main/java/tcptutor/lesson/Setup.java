package tcptutor.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Profile;
import tcptutor.tcp.Settings;

/**
 * The world a lesson starts from. Profile, knobs, seed, your ISN, ports, numbering and assist become the session's
 * starting config (the peer's ISN is queued on its host for its next connection); then {@link #script()} runs: the peer application's commands ({@code peer}; when given,
 * nothing listens unless it says {@code peer listen}), {@code run} (e.g. a finished handshake), then
 * {@code faults} (last, so they hit the learner's first moves, not the set-up).
 * Null fields keep the session's defaults.
 */
public record Setup(Profile profile, Map<String, String> knobs, Long seed, Long isnYou, Long isnPeer, Integer portYou, Integer portPeer, Boolean relativeNumbers, Boolean assist,
                    List<Line> peer, boolean peerGiven, List<Line> run, List<Line> faults, Pos pos) {

    public Setup {
        knobs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(knobs));
        peer = List.copyOf(peer);
        run = List.copyOf(run);
        faults = List.copyOf(faults);
    }

    public static Setup empty(Pos pos) {
        return new Setup(Profile.LINUX, Map.of(), null, null, null, null, null, null, null,
                List.of(), false, List.of(), List.of(), pos);
    }

    /** The profile's defaults with the lesson's knobs. */
    public Settings settings() {
        Settings s = Settings.of(profile);
        for (var e : knobs.entrySet()) {
            String[] parts = e.getValue().split(" ");
            long[] v = new long[parts.length];
            for (int i = 0; i < parts.length; i++) v[i] = Long.parseLong(parts[i]);
            s = s.with(Knob.named(e.getKey()), v);
        }
        return s;
    }

    /** The commands run after the session starts: peer script, run, faults. */
    public List<Line> script() {
        List<Line> out = new ArrayList<>(peer);
        out.addAll(run);
        out.addAll(faults);
        return out;
    }
}
