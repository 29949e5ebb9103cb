package tcptutor.lesson;

/** A place in a lesson file, 1-based line and column, printed as {@code FILE:LINE:COL}. */
public record Pos(String file, int line, int col) {
    public static Pos of(String file) { return new Pos(file, 1, 1); }

    @Override public String toString() { return file + ":" + line + ":" + col; }
}
