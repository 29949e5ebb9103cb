package tcptutor.command;

/**
 * A line the learner typed that cannot be run: what was expected, at which column (1-based) and,
 * when something close exists, a suggestion. The session is left untouched by a line that fails
 * to parse. Built by the small factories below; {@link #oneLine()} is what every UI prints.
 */
public final class CommandError extends RuntimeException {
    private final int column;
    private final String suggestion;

    public CommandError(String message, int column, String suggestion) {
        super(message, null, false, false);
        this.column = Math.max(1, column);
        this.suggestion = suggestion;
    }

    /** 1-based column where the problem starts (1 when it concerns the whole line). */
    public int column() { return column; }

    /** A replacement word to offer ("fin"), or null. */
    public String suggestion() { return suggestion; }

    /** The one line a UI prints, e.g. {@code column 1: unknown command 'fni'; did you mean 'fin'?}. */
    public String oneLine() {
        return "column " + column + ": " + getMessage() + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?");
    }

    /** Expected {@code what} at {@code tok}, found something else. */
    public static CommandError expected(String what, Token tok, String suggestion) {
        return new CommandError("expected " + what + ", got '" + tok.text() + "'", tok.column(), suggestion);
    }

    /** Expected {@code what} after the end of the line. */
    public static CommandError missing(String what, int column) {
        return new CommandError("expected " + what + " here", column, null);
    }

    /** The command parsed but cannot run now (no connection, a port in use...). */
    public static CommandError cannot(String message) {
        return new CommandError(message, 1, null);
    }

    /** The command parsed but cannot run now, pointing at a word of the line. */
    public static CommandError at(Token tok, String message) {
        return new CommandError(message, tok.column(), null);
    }
}
