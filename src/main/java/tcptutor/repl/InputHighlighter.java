package tcptutor.repl;

import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import tcptutor.command.Parser;

/**
 * Colours the line being typed: the command word (green when known, red when no command starts so), field names,
 * quoted text, segment numbers (#3), packetdrill direction marks. An answer to a quiz's question stays plain.
 */
final class InputHighlighter implements Highlighter {
    private final Parser parser;
    private final BooleanSupplier answering;

    /** {@code answering}: true while the line is an answer, not a command (a quiz runs). */
    InputHighlighter(Parser parser, BooleanSupplier answering) {
        this.parser = parser;
        this.answering = answering;
    }

    @Override public AttributedString highlight(LineReader reader, String buffer) {
        if (answering.getAsBoolean()) return new AttributedString(buffer);
        AttributedStringBuilder b = new AttributedStringBuilder();
        List<String> words = parser.commandWords();
        int i = 0, n = buffer.length();
        boolean first = true;
        while (i < n) {
            char c = buffer.charAt(i);
            if (Character.isWhitespace(c)) { b.append(c); i++; continue; }
            if (c == '#' && (first || i + 1 >= n || !Character.isDigit(buffer.charAt(i + 1)))) {
                b.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).faint(), buffer.substring(i));
                break;
            }
            int end = wordEnd(buffer, i);
            String w = buffer.substring(i, end);
            b.styled(style(w, first, words), w);
            first = false;
            i = end;
        }
        return b.toAttributedString();
    }

    private static int wordEnd(String s, int i) {
        boolean quoted = false;
        int j = i;
        if (s.charAt(i) == '<' && i + 1 < s.length() && !Character.isWhitespace(s.charAt(i + 1))) {
            int close = s.indexOf('>', i);
            return close < 0 ? s.length() : close + 1;
        }
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '"' && (j == 0 || s.charAt(j - 1) != '\\')) quoted = !quoted;
            else if (Character.isWhitespace(c) && !quoted) break;
            j++;
        }
        return j;
    }

    private static final Pattern NUMBER = Pattern.compile("#?[0-9][0-9.:()%a-z]*");

    private static AttributedStyle style(String w, boolean first, List<String> words) {
        if (first) {
            String lw = w.toLowerCase(Locale.ROOT);
            if (w.equals("<") || w.startsWith("+")) return AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
            boolean known = words.contains(lw);
            boolean prefix = words.stream().anyMatch(x -> x.startsWith(lw));
            return known ? AttributedStyle.BOLD.foreground(AttributedStyle.GREEN)
                    : prefix ? AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN) : AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
        }
        if (w.startsWith("\"")) return AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
        if (w.startsWith("<")) return AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
        if (w.indexOf('=') > 0) return AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
        if (NUMBER.matcher(w).matches()) return AttributedStyle.DEFAULT.foreground(AttributedStyle.BLUE).bold();
        return AttributedStyle.DEFAULT;
    }
}
