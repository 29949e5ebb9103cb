package tcptutor.repl;

import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** Colours for output lines, chosen by what the line is: your segments and states, the peer's, losses, errors. */
final class Paint {
    private Paint() {}

    private static final Pattern YOURS = Pattern.compile("^(#\\d+\\s+you|you\\s).*");
    private static final Pattern PEERS = Pattern.compile("^(#\\d+\\s+peer|peer\\s).*");

    static AttributedString line(String text) {
        AttributedStyle s = AttributedStyle.DEFAULT;
        if (text.contains(" LOST ") || text.startsWith("column ")) s = s.foreground(AttributedStyle.RED);
        else if (text.startsWith("  [+")) s = s.faint();
        else if (YOURS.matcher(text).matches()) s = s.foreground(AttributedStyle.CYAN);
        else if (PEERS.matcher(text).matches()) s = s.foreground(AttributedStyle.YELLOW);
        if (text.contains(" -> ") && (text.startsWith("you ") || text.startsWith("peer "))) s = s.bold();
        return new AttributedString(text, s);
    }

    static AttributedString error(String text) {
        return new AttributedString(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold());
    }
}
