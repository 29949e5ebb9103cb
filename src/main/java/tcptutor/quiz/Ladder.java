package tcptutor.quiz;

import java.util.ArrayList;
import java.util.List;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.Seq;

/**
 * A small ladder diagram of a scenario drawn from its trace, in plain ASCII. The stack under test (the
 * engine's {@link Side#PEER}) is "you" on the right; the crafted side is "other side" on the left.
 */
final class Ladder {
    private static final int WIDTH = 46;

    private Ladder() {}

    /** The segment as the ladder prints it: "F. seq 5001 ack 1001", "P. seq 1001 ack 5001 len 100". */
    static String segment(Segment s) {
        StringBuilder b = new StringBuilder(Flags.tcpdump(s.flags())).append(" seq ").append(Seq.str(s.seq()));
        if (s.has(Flags.ACK)) b.append(" ack ").append(Seq.str(s.ack()));
        if (s.payloadLength() > 0) b.append(" len ").append(s.payloadLength());
        return b.toString();
    }

    /** At most {@code max} lines (the last ones), headed by the column names. */
    static List<String> render(List<TraceEvent> events, int max) {
        List<String> lines = new ArrayList<>();
        for (TraceEvent e : events) {
            if (e instanceof TraceEvent.Sent s) {
                String label = segment(s.segment());
                if (s.from() == Side.YOU) lines.add(pad(label + " ", '-', WIDTH - 1) + ">");
                else lines.add("<" + padLeft(" " + label, '-', WIDTH - 1));
            } else if (e instanceof TraceEvent.Lost l) {
                lines.add(pad("  (segment " + l.id() + " lost)", ' ', WIDTH));
            } else if (e instanceof TraceEvent.StateChanged c && c.who() == Side.PEER) {
                lines.add(pad("", ' ', WIDTH) + "  " + c.from() + " -> " + c.to());
            } else if (e instanceof TraceEvent.Call c && c.who() == Side.PEER && !c.result().equals("...")) {
                lines.add(pad("", ' ', WIDTH) + "  " + c.call() + " = " + c.result());
            } else if (e instanceof TraceEvent.TimerChanged t && t.who() == Side.PEER && t.action() == TraceEvent.TimerAction.FIRED) {
                lines.add(pad("", ' ', WIDTH) + "  " + t.timer().label() + " timer fires at " + seconds(t.at()) + " s");
            }
        }
        List<String> out = new ArrayList<>();
        out.add(pad("other side", ' ', WIDTH) + "  you");
        out.addAll(lines.subList(Math.max(0, lines.size() - max), lines.size()));
        return out;
    }

    static String seconds(long micros) { return Answers.formatNumber(micros / 1e6); }

    private static String pad(String s, char c, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) b.append(c);
        return b.toString();
    }

    private static String padLeft(String s, char c, int width) {
        StringBuilder b = new StringBuilder();
        while (b.length() + s.length() < width) b.append(c);
        return b.append(s).toString();
    }
}
