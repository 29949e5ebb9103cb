package tcptutor.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into {@link Token}s: words separated by blanks; "double quoted" text with \" \\ \n \t \r
 * and \xNN escapes (also after {@code key=}); a packetdrill option list {@code <mss 1460,sackOK>} as one word;
 * {@code #} followed by a blank (or a line starting with {@code #}) begins a comment.
 */
final class Lexer {
    private Lexer() {}

    static List<Token> split(String line) {
        List<Token> out = new ArrayList<>();
        int n = line.length(), i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            if (c == '#' && (i + 1 >= n || Character.isWhitespace(line.charAt(i + 1)) || out.isEmpty() && !isDigitAt(line, i + 1))) break;
            int start = i;
            if (c == '<' && i + 1 < n && !Character.isWhitespace(line.charAt(i + 1))) {
                int close = line.indexOf('>', i);
                if (close < 0) throw new CommandError("unterminated option list: add a closing '>'", start + 1, null);
                out.add(new Token(line.substring(i, close + 1), start, close + 1, false));
                i = close + 1;
                continue;
            }
            StringBuilder text = new StringBuilder();
            boolean quotedWhole = c == '"';
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                char d = line.charAt(i);
                if (d == '"') {
                    i = readQuoted(line, i, text);
                } else {
                    text.append(d);
                    i++;
                }
            }
            out.add(new Token(text.toString(), start, i, quotedWhole));
        }
        return out;
    }

    private static boolean isDigitAt(String s, int i) { return i < s.length() && Character.isDigit(s.charAt(i)); }

    /** Reads "..." starting at the quote at {@code i}; returns the index after the closing quote. */
    private static int readQuoted(String line, int i, StringBuilder text) {
        int open = i++;
        while (i < line.length()) {
            char d = line.charAt(i);
            if (d == '"') return i + 1;
            if (d == '\\' && i + 1 < line.length()) {
                char e = line.charAt(i + 1);
                switch (e) {
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    case 'r' -> text.append('\r');
                    case '0' -> text.append('\0');
                    case 'x' -> {
                        if (i + 3 < line.length() && isHex(line.charAt(i + 2)) && isHex(line.charAt(i + 3))) {
                            text.append((char) Integer.parseInt(line.substring(i + 2, i + 4), 16));
                            i += 4;
                            continue;
                        }
                        throw new CommandError("expected two hex digits after \\x", i + 1, null);
                    }
                    default -> text.append(e);
                }
                i += 2;
                continue;
            }
            text.append(d);
            i++;
        }
        throw new CommandError("unterminated string: add a closing '\"'", open + 1, null);
    }

    private static boolean isHex(char c) { return Character.digit(c, 16) >= 0; }
}
