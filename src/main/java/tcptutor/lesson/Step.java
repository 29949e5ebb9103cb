package tcptutor.lesson;

import java.util.List;

/**
 * One step of a lesson: {@code say} (the text), and what the learner does: read (only {@code say}), watch a demonstration
 * ({@code run}, written {@code do:} in the file; it may carry an {@code expect} the checker verifies),
 * make something happen ({@code expect}, with {@code solution}), or answer a question ({@code ask}).
 */
public record Step(String id, String replaces, Kind kind, Text say, List<Line> run, List<Predicate> expect,
                   Question ask, List<Text> hints, List<Mistake> mistakes, List<Line> solution, Text explain,
                   Pos pos, Pos expectPos, Pos solutionPos) {

    public enum Kind { DO, EXPECT, ASK }

    /** A common error: when {@code when} all hold for the learner's last command, {@code say} is shown. */
    public record Mistake(List<Predicate> when, Text say, Pos pos) {
        public Mistake { when = List.copyOf(when); }
    }

    public Step {
        run = List.copyOf(run);
        expect = List.copyOf(expect);
        hints = List.copyOf(hints);
        mistakes = List.copyOf(mistakes);
        solution = List.copyOf(solution);
    }

    /** The commands that complete this step: the demonstration or the solution (none for a question). */
    public List<Line> commands() { return kind == Kind.DO ? run : kind == Kind.EXPECT ? solution : List.of(); }
}
