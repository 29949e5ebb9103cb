package tcptutor.lesson;

/**
 * Something wrong in a lesson file: where, which rule, and how to fix it.
 * Printed as {@code FILE:LINE:COL: rule — how to fix}. Warnings do not fail check-lessons.
 */
public record Problem(Pos pos, String rule, String fix, boolean warning) {
    public static Problem error(Pos pos, String rule, String fix) { return new Problem(pos, rule, fix, false); }

    public static Problem warning(Pos pos, String rule, String fix) { return new Problem(pos, rule, fix, true); }

    @Override public String toString() {
        return pos + ": " + (warning ? "warning: " : "") + rule + (fix.isEmpty() ? "" : " — " + fix);
    }
}
