package tcptutor.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.tcp.State;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/**
 * The sequence ("ladder") diagram of a trace, one row per segment and per state change:
 * <pre>
 *     time you                         peer
 *                                    LISTEN
 *    0.000 |-#1 [S] seq 0 len 0 ------>|
 *          SYN-SENT          SYN-RECEIVED
 *    0.050 |&lt;-#2 [S.] seq 0 ack 1 len 0-|
 *    0.100 |-#3 [.] ack 1 -------x     |     (lost on the way)
 * </pre>
 * Your column is on the left, the peer's on the right; an arrow points the way the segment went
 * and ends in {@code x} where the link lost it. Times are virtual seconds when the segment was sent.
 */
public final class Ladder {
    /** Columns for the time stamp, before your lifeline. */
    static final int TIME_W = 8;
    /** The narrowest ladder that can still show an arrow with flags. */
    public static final int MIN_WIDTH = 28;

    /** The rendered rows, and the row of each segment id (for scrolling to the selection). */
    public record View(List<StyledLine> lines, Map<Integer, Integer> rowOf, List<Integer> segments) {
        public View {
            lines = List.copyOf(lines);
            rowOf = Map.copyOf(rowOf);
            segments = List.copyOf(segments);
        }
    }

    private Ladder() {}

    /**
     * Renders every segment and state change of {@code events} to lines of exactly {@code width} columns.
     * {@code selected} is a segment id (0 for none) whose row is marked SELECTED.
     */
    public static View render(List<TraceEvent> events, boolean relative, int width, int selected) {
        int w = Math.max(MIN_WIDTH, width);
        SeqBase base = new SeqBase(events);
        Set<Integer> lost = new HashSet<>();
        for (TraceEvent e : events) if (e instanceof TraceEvent.Lost l) lost.add(l.id());

        List<StyledLine> lines = new ArrayList<>();
        Map<Integer, Integer> rowOf = new HashMap<>();
        List<Integer> segments = new ArrayList<>();
        lines.add(heading(w));
        State[] pending = new State[2]; // state changes not yet written, per side
        for (TraceEvent e : events) {
            if (e instanceof TraceEvent.StateChanged c) {
                if (pending[c.who().ordinal()] != null) flushStates(pending, w, lines);
                pending[c.who().ordinal()] = c.to();
            } else if (e instanceof TraceEvent.Sent s) {
                flushStates(pending, w, lines);
                rowOf.put(s.id(), lines.size());
                segments.add(s.id());
                StyledLine row = arrow(s, base, relative, lost.contains(s.id()), w);
                lines.add(s.id() == selected ? row.over(Tone.SELECTED) : row);
            }
        }
        flushStates(pending, w, lines);
        return new View(lines, rowOf, segments);
    }

    private static StyledLine heading(int w) {
        return new StyledLine.Builder().add(Columns.pad("time", TIME_W) + " ", Tone.DIM)
                .add("you", Tone.YOU).padTo(w - 4).add("peer", Tone.PEER).build();
    }

    /** One row with your new state on the left and the peer's on the right; two rows if they do not fit together. */
    private static void flushStates(State[] pending, int w, List<StyledLine> lines) {
        State you = pending[0], peer = pending[1];
        pending[0] = pending[1] = null;
        if (you == null && peer == null) return;
        int left = TIME_W + 1;
        String y = you == null ? "|" : you.rfcName();
        String p = peer == null ? "|" : peer.rfcName();
        if (you != null && peer != null && left + y.length() + 1 + p.length() > w) {
            lines.add(stateRow(y, "|", w));
            lines.add(stateRow("|", p, w));
        } else {
            lines.add(stateRow(y, p, w));
        }
    }

    private static StyledLine stateRow(String you, String peer, int w) {
        StyledLine.Builder b = new StyledLine.Builder().padTo(TIME_W + 1);
        b.add(you, you.equals("|") ? Tone.DIM : Tone.YOU);
        b.padTo(w - peer.length());
        b.add(peer, peer.equals("|") ? Tone.DIM : Tone.PEER);
        return b.build();
    }

    private static StyledLine arrow(TraceEvent.Sent s, SeqBase base, boolean relative, boolean lost, int w) {
        int inner = w - (TIME_W + 1) - 2; // cells between the two lifelines
        boolean fromYou = s.from() == Side.YOU;
        Tone tone = lost ? Tone.LOST : fromYou ? Tone.YOU : Tone.PEER;
        // the drawn shaft: a lost segment's arrow stops about two thirds of the way, in an x
        int shaft = lost ? Math.max(inner * 2 / 3, 3) : inner;
        String label = label(s, base, relative, shaft - 4);
        StringBuilder a = new StringBuilder();
        if (fromYou) {
            a.append('-').append(label);
            while (a.length() < shaft - 1) a.append('-');
            a.append(lost ? 'x' : '>');
            while (a.length() < inner) a.append(' ');
        } else {
            a.append(lost ? 'x' : '<').append('-').append(label);
            while (a.length() < shaft) a.append('-');
            a.insert(0, " ".repeat(inner - shaft));
        }
        String t = seconds(s.at());
        String time = t.length() >= TIME_W ? t : " ".repeat(TIME_W - t.length()) + t;
        return new StyledLine.Builder().add(time + " ", Tone.DIM).add("|", Tone.DIM)
                .add(a.toString(), tone).add("|", Tone.DIM).build();
    }

    /** "#2 [S.] seq 0 ack 1 win 65535 len 0 <mss 1460,...>", shortened until it fits in {@code room} columns. */
    static String label(TraceEvent.Sent s, SeqBase base, boolean relative, int room) {
        Segment g = s.segment();
        String id = "#" + s.id() + " [" + Flags.tcpdump(g.flags()) + "]";
        String seq = base.seq(s.id(), s.from(), g.seq(), relative);
        if (g.payloadLength() > 0) seq += ":" + base.seq(s.id(), s.from(), g.seq() + g.payloadLength(), relative);
        String ack = g.has(Flags.ACK) ? " ack " + base.ack(s.id(), s.from(), g.ack(), relative) : "";
        String len = " len " + g.payloadLength();
        String win = " win " + g.window();
        String opts = g.options().isEmpty() ? "" : " <" + options(g.options()) + ">";
        String[] tries = {
            id + " seq " + seq + ack + win + len + opts + " ",
            id + " seq " + seq + ack + win + len + " ",
            id + " seq " + seq + ack + len + " ",
            id + " " + seq + ack + len + " ",
            id + " " + seq + ack + " ",
        };
        for (String t : tries) if (t.length() <= room) return t;
        return Columns.fit(tries[tries.length - 1].trim(), Math.max(room, 1));
    }

    /** Options as tcpdump abbreviates them: "mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7". */
    static String options(List<TcpOption> options) {
        List<String> out = new ArrayList<>();
        for (TcpOption o : options) {
            if (o instanceof TcpOption.Mss m) out.add("mss " + m.mss());
            else if (o instanceof TcpOption.WindowScale ws) out.add("wscale " + ws.shift());
            else if (o instanceof TcpOption.SackPermitted) out.add("sackOK");
            else if (o instanceof TcpOption.Timestamps ts) out.add("TS val " + Integer.toUnsignedString(ts.val()) + " ecr " + Integer.toUnsignedString(ts.ecr()));
            else if (o instanceof TcpOption.Sack sk) out.add("sack " + sk.blocks().size());
            else if (o instanceof TcpOption.Nop) out.add("nop");
            else if (o instanceof TcpOption.Eol) out.add("eol");
            else out.add("opt-" + o.kind());
        }
        return String.join(",", out);
    }

    /** Virtual microseconds as seconds with three decimals: 1500 -> "0.002" (rounded), 60000000 -> "60.000". */
    public static String seconds(long micros) {
        long ms = Math.round(micros / 1000.0);
        long frac = ms % 1000;
        return (ms / 1000) + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac; // no String.format: it is slow to load, and this is on the first frame
    }
}
