package tcptutor.lesson;

/** One command of the tutor's command language as written in a lesson file, with where it was written. */
public record Line(String text, Pos pos) {
    @Override public String toString() { return text; }
}
