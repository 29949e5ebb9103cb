package tcptutor.view;

import java.util.ArrayList;
import java.util.List;
import tcptutor.tcp.State;

/**
 * The TCP state diagram with both current states marked, as plain text lines (the REPL's {@code show diagram});
 * drawn by {@link StateDiagram}: {@code [YOURS]}, {@code <PEER'S>}, {@code {BOTH}}.
 */
public final class TextDiagram {
    private TextDiagram() {}

    public static List<String> render(State you, State peer, int width) {
        List<String> out = new ArrayList<>();
        for (StyledLine l : StateDiagram.render(you, peer, width, StateDiagram.FULL_HEIGHT)) out.add(l.text().stripTrailing());
        out.add("");
        out.add("you: " + you.rfcName() + "   peer: " + peer.rfcName() + "   (" + StateDiagram.LEGEND + ")");
        return out;
    }
}
