package tcptutor.view;

import java.util.ArrayList;
import java.util.List;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.tcp.State;

/**
 * The TCP state diagram (RFC 9293 figure 5, the usual transitions) drawn in text, with both
 * endpoints' current states marked in the characters themselves — {@code [YOURS]}, {@code <PEER'S>},
 * {@code {BOTH}} — and by tone (YOU_MARK, PEER_MARK, BOTH_MARK) for colour or reverse video.
 * When the full drawing does not fit, a compact one lists the states in the order a connection meets them.
 */
public final class StateDiagram {
    static final List<String> FULL = List.of(
            "                            CLOSED",
            "              +-------------+    +----------+",
            "              | passive open   active open  |",
            "              |                 / snd SYN   |",
            "              v                             v",
            "           LISTEN --- send / snd SYN --> SYN-SENT",
            " rcv SYN /    |                        |    |",
            " snd SYN,ACK  v  rcv SYN / snd SYN,ACK |    |",
            "        SYN-RECEIVED <-----------------+    |",
            "              | rcv ACK of SYN              |",
            "              |       rcv SYN,ACK / snd ACK |",
            "              +-----------> ESTABLISHED <---+",
            "      +---------------------+     +---------------+",
            "      | close / snd FIN        rcv FIN / snd ACK  |",
            "      v                                           v",
            "  FIN-WAIT-1 -rcv FIN / snd ACK-> CLOSING    CLOSE-WAIT",
            "      | rcv ACK of FIN              | rcv ACK     | close / snd FIN",
            "      v                             v             v",
            "  FIN-WAIT-2 -rcv FIN / snd ACK-> TIME-WAIT   LAST-ACK",
            "                                    | 2MSL        | rcv ACK",
            "                                    +-> CLOSED <--+");

    static final List<String> COMPACT = List.of(
            " CLOSED  LISTEN  SYN-SENT",
            " SYN-RECEIVED  ESTABLISHED",
            " FIN-WAIT-1  FIN-WAIT-2  TIME-WAIT",
            " CLOSING  CLOSE-WAIT  LAST-ACK");

    public static final int FULL_WIDTH = width(FULL), FULL_HEIGHT = FULL.size();
    public static final int COMPACT_WIDTH = width(COMPACT);

    /** The legend, to show with the diagram. */
    public static final String LEGEND = "[you]  <peer>  {both}";

    private StateDiagram() {}

    /** The full drawing if it fits in {@code width} x {@code height}, else the compact one. */
    public static List<StyledLine> render(State you, State peer, int width, int height) {
        boolean full = width >= FULL_WIDTH && height >= FULL_HEIGHT;
        return mark(full ? FULL : COMPACT, you, peer);
    }

    static List<StyledLine> mark(List<String> template, State you, State peer) {
        List<StyledLine> out = new ArrayList<>();
        for (String r : template) {
            String row = r + " ";
            char[] cs = row.toCharArray();
            List<StyledLine.Span> spans = new ArrayList<>();
            for (State s : State.values()) {
                if (s != you && s != peer) continue;
                char open = s == you && s == peer ? '{' : s == you ? '[' : '<';
                char close = s == you && s == peer ? '}' : s == you ? ']' : '>';
                Tone tone = s == you && s == peer ? Tone.BOTH_MARK : s == you ? Tone.YOU_MARK : Tone.PEER_MARK;
                for (int at = find(row, s.rfcName(), 0); at >= 0; at = find(row, s.rfcName(), at + 1)) {
                    int end = at + s.rfcName().length();
                    cs[at - 1] = open;
                    cs[end] = close;
                    spans.add(new StyledLine.Span(at - 1, end + 1, tone));
                }
            }
            out.add(new StyledLine(new String(cs), spans));
        }
        return out;
    }

    /** The next whole-word occurrence of a state name (so CLOSE-WAIT never matches inside something else). */
    private static int find(String row, String name, int from) {
        for (int at = row.indexOf(name, from); at >= 0; at = row.indexOf(name, at + 1)) {
            int end = at + name.length();
            boolean before = at > 0 && row.charAt(at - 1) == ' ';
            boolean after = end == row.length() || row.charAt(end) == ' ';
            if (before && after) return at;
        }
        return -1;
    }

    /** "peer  LISTEN -> SYN-RECEIVED at 0.050: SYN for a listening socket; RFC 9293 3.10.7.2" */
    public static String cause(TraceEvent.StateChanged c) {
        return c.who().label() + "  " + c.from().rfcName() + " -> " + c.to().rfcName() + " at "
                + Ladder.seconds(c.at()) + ": " + c.why();
    }

    /** The last transition of each side (most recent first; {@code max} 1 for only the latest), wrapped to {@code width}. */
    public static List<StyledLine> causes(Endpoints now, int width, int max) {
        List<StyledLine> out = new ArrayList<>();
        TraceEvent.StateChanged first = now.latest();
        if (first == null) {
            out.add(StyledLine.of("no state changes yet", Tone.DIM));
            return out;
        }
        TraceEvent.StateChanged second = max < 2 ? null : first == now.lastYou() ? now.lastPeer() : now.lastYou();
        for (TraceEvent.StateChanged c : new TraceEvent.StateChanged[]{first, second}) {
            if (c == null) continue;
            Tone tone = c.who() == Side.YOU ? Tone.YOU : Tone.PEER;
            for (String l : Columns.wrap(cause(c), width)) out.add(StyledLine.of(l, tone));
        }
        return out;
    }

    private static int width(List<String> rows) {
        int w = 0;
        for (String r : rows) w = Math.max(w, r.length() + 1); // room for a closing mark at the end
        return w;
    }
}
