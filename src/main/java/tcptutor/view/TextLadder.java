package tcptutor.view;

import java.util.ArrayList;
import java.util.List;
import tcptutor.sim.TraceEvent;

/** The sequence diagram so far as plain text lines (the REPL's {@code show ladder}); drawn by {@link Ladder}. */
public final class TextLadder {
    private TextLadder() {}

    public static List<String> render(List<TraceEvent> events, boolean relative, int width) {
        List<String> out = new ArrayList<>();
        for (StyledLine l : Ladder.render(events, relative, width, 0).lines()) out.add(l.text().stripTrailing());
        if (out.size() <= 1) out.add("(no segments yet)");
        return out;
    }
}
