package tcptutor.lesson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What {@code tcptutor check-lessons} does: loads a folder (schema, ids, references between lessons), then plays
 * every lesson that loaded cleanly (each solution must meet its expect, each question must accept its answer,
 * every command must run). Problems come sorted by file, line and column.
 */
public final class LessonChecker {
    private LessonChecker() {}

    public record Report(int lessons, List<Problem> problems) {
        public Report { problems = List.copyOf(problems); }

        public long errors() { return problems.stream().filter(p -> !p.warning()).count(); }

        public long warnings() { return problems.stream().filter(Problem::warning).count(); }
    }

    public static Report check(Path dir) {
        LessonLibrary lib = LessonLibrary.load(dir);
        LinkedHashSet<Problem> all = new LinkedHashSet<>(lib.problems());
        for (Lesson l : lib.lessons()) {
            boolean broken = lib.problems().stream().anyMatch(p -> !p.warning() && p.pos().file().equals(l.file()));
            if (broken) continue; // fix the schema first: playing a half-read lesson only adds noise
            try {
                all.addAll(Walkthrough.run(l, Text.DEFAULT_LANG, line -> { }, () -> { }).problems());
            } catch (RuntimeException e) {
                all.add(Problem.error(l.pos(), "the walk-through stopped: " + e, "run 'tcptutor learn " + l.id() + " --auto' to see where"));
            }
        }
        List<Problem> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((Problem p) -> p.pos().file()).thenComparingInt(p -> p.pos().line())
                .thenComparingInt(p -> p.pos().col()));
        return new Report(lib.lessons().size(), sorted);
    }
}
