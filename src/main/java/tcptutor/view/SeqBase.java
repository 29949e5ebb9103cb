package tcptutor.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.wire.Flags;
import tcptutor.wire.Seq;

/**
 * Relative sequence numbers the way Wireshark shows them: each side's numbers counted from its
 * latest SYN's sequence number (its ISN), so the SYN is seq 0 and the first data byte seq 1.
 * A side whose SYN is not in the trace keeps absolute numbers.
 */
public final class SeqBase {
    /** ISNs in force when segment id was sent: [you, peer], null entries where unknown. */
    private final Map<Integer, Integer[]> bases = new HashMap<>();

    public SeqBase(List<TraceEvent> events) {
        Integer[] isn = new Integer[2];
        for (TraceEvent e : events) {
            if (e instanceof TraceEvent.Sent s) {
                if (s.segment().has(Flags.SYN)) isn[s.from().ordinal()] = s.segment().seq();
                bases.put(s.id(), isn.clone());
            }
        }
    }

    /** The sequence number of segment {@code id} sent by {@code from}, relative or absolute, printed unsigned. */
    public String seq(int id, Side from, int seq, boolean relative) {
        return show(id, from, seq, relative);
    }

    /** The acknowledgment number of segment {@code id} sent by {@code from}: relative to the other side's ISN. */
    public String ack(int id, Side from, int ack, boolean relative) {
        return show(id, from.other(), ack, relative);
    }

    /** True when relative numbers are available for numbers of {@code side} in segment {@code id}. */
    public boolean known(int id, Side side) {
        Integer[] b = bases.get(id);
        return b != null && b[side.ordinal()] != null;
    }

    private String show(int id, Side numbersOf, int value, boolean relative) {
        Integer[] b = bases.get(id);
        if (!relative || b == null || b[numbersOf.ordinal()] == null) return Seq.str(value);
        return Seq.str(value - b[numbersOf.ordinal()]);
    }
}
