package tcptutor.command;

/**
 * One word of a command line: its text (unquoted), where it starts (0-based offset into the line) and
 * whether it was written in double quotes. {@code key=value} words are one token; see {@link #key()}.
 */
public record Token(String text, int start, int end, boolean quoted) {

    /** 1-based column, as error messages say it. */
    public int column() { return start + 1; }

    /** True for an unquoted {@code key=value} word. */
    public boolean isAssignment() { return !quoted && text.indexOf('=') > 0; }

    /** The part before '=' (lower case), or the whole word. */
    public String key() {
        int i = text.indexOf('=');
        return (quoted || i <= 0 ? text : text.substring(0, i)).toLowerCase(java.util.Locale.ROOT);
    }

    /** The part after '=' as a token of its own (with its own column), or null. */
    public Token value() {
        int i = text.indexOf('=');
        if (quoted || i <= 0) return null;
        return new Token(text.substring(i + 1), start + i + 1, end, false);
    }

    public boolean is(String word) { return !quoted && text.equalsIgnoreCase(word); }
}
