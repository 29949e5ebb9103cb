package tcptutor.view;

import java.lang.Character.UnicodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Display width of text in terminal columns, and wrapping by that width rather than by
 * {@code String.length()}: CJK ideographs, kana, hangul and fullwidth forms take two columns.
 * The set of wide characters is the one Lanterna draws as two cells, so wrapped text fits exactly.
 */
public final class Columns {
    private static final Set<UnicodeBlock> WIDE = Set.of(
            UnicodeBlock.HIRAGANA, UnicodeBlock.KATAKANA, UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS,
            UnicodeBlock.HANGUL_COMPATIBILITY_JAMO, UnicodeBlock.HANGUL_JAMO, UnicodeBlock.HANGUL_SYLLABLES,
            UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS, UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A,
            UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_B, UnicodeBlock.CJK_COMPATIBILITY_FORMS,
            UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS, UnicodeBlock.CJK_RADICALS_SUPPLEMENT,
            UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION, UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS);

    private Columns() {}

    /** 2 for a wide character, 1 otherwise. */
    public static int width(char c) {
        if (c < 0x1100) return 1;
        UnicodeBlock b = UnicodeBlock.of(c);
        if (b == UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) return c < 0xFF61 ? 2 : 1;
        return b != null && WIDE.contains(b) ? 2 : 1;
    }

    public static int width(CharSequence s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) w += width(s.charAt(i));
        return w;
    }

    /** The longest prefix of {@code s} that fits in {@code cols} columns (a wide char never split). */
    public static String cut(String s, int cols) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += width(s.charAt(i));
            if (w > cols) return s.substring(0, i);
        }
        return s;
    }

    /** {@code s} cut to {@code cols} columns, ending in "…" when something was cut. */
    public static String fit(String s, int cols) {
        if (cols <= 0) return "";
        if (width(s) <= cols) return s;
        return cut(s, cols - 1) + "…";
    }

    /** {@code s} padded with spaces (or cut) to exactly {@code cols} columns. */
    public static String pad(String s, int cols) {
        String c = cut(s, cols);
        return c + " ".repeat(Math.max(0, cols - width(c)));
    }

    /**
     * Wraps text into lines of at most {@code cols} columns. Breaks at spaces, and between any two
     * wide characters (Chinese and Japanese have no spaces); a word longer than a line is split.
     * Newlines in the text start new lines; an empty line stays an empty line.
     */
    public static List<String> wrap(String text, int cols) {
        List<String> out = new ArrayList<>();
        if (cols <= 0) return out;
        for (String para : text.split("\n", -1)) wrapParagraph(para.stripTrailing(), cols, out);
        return out;
    }

    private static void wrapParagraph(String p, int cols, List<String> out) {
        if (p.isEmpty()) {
            out.add("");
            return;
        }
        int indent = 0;
        while (indent < p.length() && p.charAt(indent) == ' ') indent++;
        StringBuilder line = new StringBuilder(p.substring(0, Math.min(indent, cols - 1)));
        int lineW = width(line);
        int base = lineW;
        for (String tok : tokens(p.substring(indent))) {
            if (tok.equals(" ")) {
                if (lineW > base && lineW < cols) { line.append(' '); lineW++; }
                continue;
            }
            int w = width(tok);
            if (lineW + w > cols && lineW > base) {
                out.add(line.toString().stripTrailing());
                line.setLength(0);
                line.append(" ".repeat(base));
                lineW = base;
            }
            while (w > cols - lineW) { // a word longer than the whole line: split it
                String head = cut(tok, cols - lineW);
                if (head.isEmpty()) head = tok.substring(0, 1);
                out.add(line + head);
                tok = tok.substring(head.length());
                w = width(tok);
                line.setLength(0);
                line.append(" ".repeat(base));
                lineW = base;
            }
            line.append(tok);
            lineW += w;
        }
        out.add(line.toString().stripTrailing());
    }

    /** Words, single spaces, and each wide character as its own token (a break is allowed around it). */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || width(c) == 2) {
                if (word.length() > 0) { out.add(word.toString()); word.setLength(0); }
                if (c == ' ') out.add(" ");
                else if (i + 1 < s.length() && isClosingPunct(s.charAt(i + 1))) { out.add(s.substring(i, i + 2)); i++; }
                else out.add(String.valueOf(c));
            } else if (isClosingPunct(c) && !out.isEmpty() && word.length() == 0 && !out.get(out.size() - 1).equals(" ")) {
                out.set(out.size() - 1, out.get(out.size() - 1) + c); // no line may start with a closing mark
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) out.add(word.toString());
        return out;
    }

    private static boolean isClosingPunct(char c) {
        return "，。、；：？！）」』》〉】,.;:?!)".indexOf(c) >= 0;
    }
}
