package tcptutor.drill;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a packetdrill script into tokens the way packetdrill's flex scanner does (lexer.l):
 * newlines are plain whitespace, {@code //} and {@code /* *}{@code /} are comments, the longest match wins
 * ({@code 0.1} is one number, {@code S.} is the word {@code S} and the character {@code .}).
 */
final class Lexer {
    enum Type { INT, FLOAT, WORD, STRING, BACKTICK, CODE, OPTION, ELLIPSIS, CHAR, EOF }

    /** One token; {@code text} is the source text (for STRING / BACKTICK: the content between the quotes). */
    record Token(Type type, String text, int line, int col, int offset, int end) {
        boolean is(char c) { return type == Type.CHAR && text.charAt(0) == c; }

        boolean isWord(String w) { return type == Type.WORD && text.equals(w); }

        String show() {
            return switch (type) {
                case EOF -> "the end of the file";
                case STRING -> "\"" + text + "\"";
                case BACKTICK -> "a `command` block";
                case CODE -> "a %{ code }% block";
                default -> "'" + text + "'";
            };
        }
    }

    private final String src;
    private final String file;
    private int pos;
    private int line = 1;
    private int lineStart;

    Lexer(String file, String src) {
        this.file = file;
        this.src = src;
    }

    static List<Token> tokens(String file, String src) {
        Lexer lx = new Lexer(file, src);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lx.next();
            out.add(t);
        } while (t.type() != Type.EOF);
        return out;
    }

    private Token next() {
        skipBlanksAndComments();
        int start = pos, l = line, c = pos - lineStart + 1;
        if (pos >= src.length()) return new Token(Type.EOF, "", l, c, pos, pos);
        char ch = src.charAt(pos);
        if (src.startsWith("...", pos)) {
            pos += 3;
            return new Token(Type.ELLIPSIS, "...", l, c, start, pos);
        }
        if (src.startsWith("--", pos) && pos + 2 < src.length() && wordChar(src.charAt(pos + 2))) {
            pos += 2;
            while (pos < src.length() && wordChar(src.charAt(pos))) pos++;
            return new Token(Type.OPTION, src.substring(start, pos), l, c, start, pos);
        }
        if (ch == '"' || ch == '`') return quoted(ch, l, c);
        if (src.startsWith("%{", pos)) {
            int close = src.indexOf("}%", pos + 2);
            if (close < 0) throw new ScriptError(file, l, c, "expected }% to close the code block that starts here");
            for (int k = pos; k < close; k++) newlineAt(k);
            pos = close + 2;
            return new Token(Type.CODE, src.substring(start + 2, close).trim(), l, c, start, pos);
        }
        int num = numberEnd(pos);
        int word = pos;
        while (word < src.length() && wordChar(src.charAt(word))) word++;
        if (num > pos && num >= word) {
            String text = src.substring(pos, num);
            pos = num;
            Type type = text.contains(".") ? Type.FLOAT : Type.INT;
            return new Token(type, text, l, c, start, pos);
        }
        if (word > pos) {
            String text = src.substring(pos, word);
            pos = word;
            return new Token(isHex(text) ? Type.INT : Type.WORD, text, l, c, start, pos);
        }
        pos++;
        return new Token(Type.CHAR, String.valueOf(ch), l, c, start, pos);
    }

    /** End of the longest match of {@code -?[0-9]*[.][0-9]+} or {@code -?[0-9]+} at {@code p}, or p if none. */
    private int numberEnd(int p) {
        int i = p;
        if (i < src.length() && src.charAt(i) == '-') i++;
        int digits = i;
        while (i < src.length() && Character.isDigit(src.charAt(i))) i++;
        int intEnd = i > digits ? i : p;
        if (i < src.length() && src.charAt(i) == '.' && i + 1 < src.length() && Character.isDigit(src.charAt(i + 1))) {
            i++;
            while (i < src.length() && Character.isDigit(src.charAt(i))) i++;
            return i;
        }
        return intEnd;
    }

    private Token quoted(char q, int l, int c) {
        int start = pos;
        pos++;
        StringBuilder b = new StringBuilder();
        while (pos < src.length() && src.charAt(pos) != q) {
            char ch = src.charAt(pos);
            if (ch == '\\' && pos + 1 < src.length()) {
                b.append(src.charAt(pos + 1));
                newlineAt(pos + 1);
                pos += 2;
                continue;
            }
            b.append(ch);
            newlineAt(pos);
            pos++;
        }
        if (pos >= src.length()) {
            String what = q == '`' ? "closing ` of the command block" : "closing \" of the string";
            throw new ScriptError(file, l, c, "expected the " + what + " that starts here");
        }
        pos++;
        return new Token(q == '`' ? Type.BACKTICK : Type.STRING, b.toString(), l, c, start, pos);
    }

    private void newlineAt(int p) {
        if (src.charAt(p) == '\n') {
            line++;
            lineStart = p + 1;
        }
    }

    private void skipBlanksAndComments() {
        while (pos < src.length()) {
            char ch = src.charAt(pos);
            if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n') {
                newlineAt(pos);
                pos++;
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (src.startsWith("/*", pos)) {
                int l = line, c = pos - lineStart + 1;
                int close = src.indexOf("*/", pos + 2);
                if (close < 0) throw new ScriptError(file, l, c, "expected */ to close the comment that starts here");
                for (int i = pos; i < close; i++) newlineAt(i);
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    private static boolean wordChar(char c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    private static boolean isHex(String s) {
        return s.length() > 2 && s.startsWith("0x") && s.substring(2).chars().allMatch(ch -> Character.digit(ch, 16) >= 0);
    }
}
