package tcptutor.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpdumpLine;

/**
 * The lines a command's trace events print, one or more per event, plain text:
 * <pre>
 * #1  you > peer   Flags [S], seq 0, win 64240, options [mss 1460], length 0
 * peer  LISTEN -> SYN-RECEIVED  (SYN received; RFC 9293 3.10.7.2)
 * peer  timer SYN-ACK retransmission armed: fires in 1 s
 *   [+40 ms, t=0.040 s]
 * #3  peer > you   ... LOST (scripted drop)
 * </pre>
 * Segment numbers are relative (Wireshark style: each side counts from its ISN, so a SYN shows seq 0 and acks
 * count from the other side's ISN) or absolute. Ports are shown only when they are not the usual pair.
 */
public final class EventLines {
    private final boolean relative;
    private final int youPort, peerPort;

    /** {@code youPort}/{@code peerPort}: the usual pair, left out of segment lines. */
    public EventLines(boolean relative, int youPort, int peerPort) {
        this.relative = relative;
        this.youPort = youPort;
        this.peerPort = peerPort;
    }

    /** Lines for {@code all.subList(from, ...)}, with time marks when virtual time moved past {@code since}. */
    public List<String> render(List<TraceEvent> all, int from, long since) {
        Bases bases = new Bases(all);
        Map<Integer, Integer> deliveries = new HashMap<>();
        for (int i = 0; i < from && i < all.size(); i++) {
            if (all.get(i) instanceof TraceEvent.Delivered d) deliveries.merge(d.id(), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        long last = since;
        for (int i = from; i < all.size(); i++) {
            TraceEvent e = all.get(i);
            if (e.at() > last) {
                out.add("  [+" + duration(e.at() - last) + ", t=" + seconds(e.at()) + " s]");
                last = e.at();
            }
            if (e instanceof TraceEvent.Sent s) {
                out.add(segmentLine(s, bases.numbered(s)));
            } else if (e instanceof TraceEvent.Delivered d) {
                if (deliveries.merge(d.id(), 1, Integer::sum) > 1) out.add("#" + d.id() + "  delivered again to " + d.to() + " (duplicate)");
            } else if (e instanceof TraceEvent.Lost l) {
                out.add("#" + l.id() + "  LOST on the link (" + l.why() + ")");
            } else if (e instanceof TraceEvent.Handled h) {
                out.add(pad(h.who().label()) + "#" + h.id() + ": " + h.why().text() + rule(h.why().rule()));
            } else if (e instanceof TraceEvent.StateChanged c) {
                out.add(pad(c.who().label()) + c.from() + " -> " + c.to() + "  (" + c.why() + ")");
            } else if (e instanceof TraceEvent.TimerChanged t) {
                out.add(timerLine(t));
            } else if (e instanceof TraceEvent.Call c) {
                out.add(pad(c.who().label()) + c.call() + " = " + c.result());
            } else if (e instanceof TraceEvent.Note n) {
                out.add(pad(n.who().label()) + n.why().text() + rule(n.why().rule()));
            }
        }
        return out;
    }

    /** The tcpdump-style line of one sent segment, e.g. {@code #2  peer > you   Flags [S.], seq 0, ack 1, ...}. */
    public String segmentLine(TraceEvent.Sent s, Segment shown) {
        Segment seg = s.segment();
        String dir = s.from() == Side.YOU ? "you > peer" : "peer > you";
        int mine = s.from() == Side.YOU ? seg.srcPort() : seg.dstPort();
        int theirs = s.from() == Side.YOU ? seg.dstPort() : seg.srcPort();
        if (mine != youPort || theirs != peerPort) {
            dir = s.from() == Side.YOU ? "you." + mine + " > peer." + theirs : "peer." + theirs + " > you." + mine;
        }
        return "#" + s.id() + "  " + dir + "  " + TcpdumpLine.absolute().tcp(null, null, shown, seg.payloadLength());
    }

    /** The segment of {@code s} with its numbers as shown (relative or absolute). */
    public Segment shown(List<TraceEvent> all, TraceEvent.Sent s) {
        return new Bases(all).numbered(s);
    }

    private String timerLine(TraceEvent.TimerChanged t) {
        String head = pad(t.who().label()) + "timer " + t.timer().label();
        return switch (t.action()) {
            case ARMED -> head + " armed: fires in " + duration(t.deadline() - t.at()) + " (t=" + seconds(t.deadline()) + " s)";
            case FIRED -> head + " fired";
            case CANCELLED -> head + " cancelled";
        };
    }

    private static String rule(String r) { return r == null || r.isEmpty() ? "" : "  (" + r + ")"; }

    static String pad(String who) { return who.length() >= 6 ? who + " " : (who + "      ").substring(0, 6); }

    /** Virtual microseconds as seconds with three decimals, e.g. {@code 1.040}. */
    public static String seconds(long micros) {
        return String.format(java.util.Locale.ROOT, "%d.%03d", micros / 1_000_000, micros % 1_000_000 / 1000);
    }

    /** A span of virtual time as people say it: 250 us, 40 ms, 1.5 s, 2 min. */
    public static String duration(long micros) {
        if (micros < 1000) return micros + " us";
        if (micros < 1_000_000) return trim(micros / 1e3) + " ms";
        if (micros < 120_000_000) return trim(micros / 1e6) + " s";
        return trim(micros / 60e6) + " min";
    }

    private static String trim(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Each side's ISN per connection as of each segment (the latest SYN it sent on those ports), so numbers can be
     * shown relative the way Wireshark shows them.
     */
    private final class Bases {
        private final Map<Integer, int[]> at = new HashMap<>();
        private final Set<Integer> known = new HashSet<>();

        Bases(List<TraceEvent> all) {
            Map<String, Integer> isn = new HashMap<>();
            for (TraceEvent e : all) {
                if (!(e instanceof TraceEvent.Sent s)) continue;
                Segment g = s.segment();
                String me = key(s.from(), g.srcPort(), g.dstPort());
                String them = key(s.from().other(), g.dstPort(), g.srcPort());
                if (g.has(Flags.SYN)) isn.put(me, g.seq());
                Integer a = isn.get(me), b = isn.get(them);
                at.put(s.id(), new int[]{a == null ? 0 : a, b == null ? 0 : b});
                if (a != null) known.add(s.id() * 2);
                if (b != null) known.add(s.id() * 2 + 1);
            }
        }

        private String key(Side side, int src, int dst) { return side + ":" + src + ">" + dst; }

        Segment numbered(TraceEvent.Sent s) {
            Segment g = s.segment();
            int[] b = at.get(s.id());
            if (!relative || b == null) return g;
            int seq = known.contains(s.id() * 2) ? g.seq() - b[0] : g.seq();
            int ack = known.contains(s.id() * 2 + 1) && g.has(Flags.ACK) ? g.ack() - b[1] : g.ack();
            return g.withSeqAck(seq, ack);
        }
    }
}
