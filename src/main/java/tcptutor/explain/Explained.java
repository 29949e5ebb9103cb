package tcptutor.explain;

import java.util.List;
import tcptutor.tcp.State;

/**
 * One connection explained: a row per captured segment with both sides' states after it, then a summary.
 *
 * @param conversation the connection
 * @param rows         one per segment, in capture order
 * @param summary      how it ends and what was seen, one line each
 */
public record Explained(Conversation conversation, List<Row> rows, List<String> summary) {
    public Explained {
        rows = List.copyOf(rows);
        summary = List.copyOf(summary);
    }

    /**
     * One segment: frame number, time since the capture's first frame, direction, the tcpdump-style text, each side's
     * state after it (as the engine infers it), and the notes explaining what happened.
     */
    public record Row(int frame, long micros, boolean fromClient, String segment, State client, State server, List<String> notes) {
        public Row {
            notes = List.copyOf(notes);
        }
    }
}
