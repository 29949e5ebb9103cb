package tcptutor.drill;

/**
 * A script that cannot be run as written: {@code FILE:LINE:COL: what was expected}.
 * The drill command prints the message alone and exits 2.
 */
public final class ScriptError extends RuntimeException {
    private final String file;
    private final int line;
    private final int col;
    private final String what;

    public ScriptError(String file, int line, int col, String what) {
        super(file + ":" + line + ":" + col + ": " + what, null, false, false);
        this.file = file;
        this.line = line;
        this.col = col;
        this.what = what;
    }

    public String file() { return file; }

    public int line() { return line; }

    public int col() { return col; }

    /** The message without its FILE:LINE:COL prefix. */
    public String what() { return what; }
}
