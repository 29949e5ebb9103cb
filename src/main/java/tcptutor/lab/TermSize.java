package tcptutor.lab;

/** A terminal's size in character cells. */
public record TermSize(int columns, int rows) {
    /** What a client without a PTY (or one reporting 0x0) gets. */
    public static final TermSize DEFAULT = new TermSize(80, 24);

    /** The size a client reported, or the default for nonsense (0 or huge). */
    public static TermSize of(int columns, int rows) {
        if (columns <= 0 || rows <= 0 || columns > 1000 || rows > 1000) return DEFAULT;
        return new TermSize(columns, rows);
    }

    @Override public String toString() { return columns + "x" + rows; }
}
