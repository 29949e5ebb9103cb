package tcptutor.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays a lesson from start to end as a teacher would show it: every step's narration, the demonstrations and
 * solutions with their output (tcpdump lines, states), every question with an accepted answer. It also checks the
 * lesson as it goes: a solution that does not meet its expect, an expect already met before the learner acts, a
 * mistake that matches the solution, a question whose first answer is not accepted, a command that fails.
 */
public final class Walkthrough {
    private Walkthrough() {}

    /** {@code ok}: every expect was met and nothing failed. */
    public record Result(boolean ok, int expectsMet, int expects, List<Problem> problems) {
        public Result { problems = List.copyOf(problems); }
    }

    /** Plays {@code lesson}, printing the transcript to {@code out}; {@code pace} runs between steps (a pause in class). */
    public static Result run(Lesson lesson, String lang, Consumer<String> out, Runnable pace) {
        return run(lesson, lang, out, pace, session -> { });
    }

    /** As {@link #run(Lesson, String, Consumer, Runnable)}; {@code atEnd} gets the session as the walk-through left it (e.g. to export it). */
    public static Result run(Lesson lesson, String lang, Consumer<String> out, Runnable pace, Consumer<tcptutor.session.Session> atEnd) {
        List<Problem> problems = new ArrayList<>();
        out.accept("== " + lesson.title().in(lang) + " (" + lesson.id() + ", " + lesson.level().word() + ")");
        if (!lesson.summary().isEmpty()) out.accept(lesson.summary().in(lang));
        LessonRun run = LessonRun.start(lesson, ProgressStore.NONE, lang);
        int met = 0, expects = 0;
        List<String> lines = run.opening();
        while (true) {
            lines.forEach(out);
            Step s = run.step();
            if (s.kind() == Step.Kind.EXPECT) {
                expects++;
                if (run.check().all(s.expect(), run.traceMark())) {
                    problems.add(Problem.error(s.expectPos(), "step '" + s.id() + "': the expect is met before the learner does anything",
                            "make the expect ask for something the solution does"));
                }
                run.solution().forEach(out);
                if (run.status() == LessonRun.Status.SHOWN) met++;
                for (Step.Mistake m : s.mistakes()) {
                    if (run.check().all(m.when(), run.traceMark())) {
                        problems.add(Problem.error(m.pos(), "step '" + s.id() + "': this mistake matches what the solution does",
                                "make 'when' describe the wrong move only"));
                    }
                }
            } else if (s.kind() == Step.Kind.ASK) {
                Question q = s.ask();
                String a = q.answers().isEmpty() ? "" : q.answers().get(0);
                out.accept("answer " + a);
                run.answer(a).forEach(out);
                if (run.status() != LessonRun.Status.ANSWERED) {
                    problems.add(Problem.error(q.pos(), "question '" + q.id() + "': its first accepted answer is not accepted", q.expectedForm()));
                }
                for (Step.Mistake m : s.mistakes()) {
                    for (Predicate p : m.when()) {
                        if (p instanceof Predicate.Answered w) {
                            for (String x : w.answers()) {
                                if (q.grade(x).correct()) {
                                    problems.add(Problem.error(w.pos(), "question '" + q.id() + "': the mistake's answer '" + x + "' is also accepted",
                                            "remove it from 'when' or from the accepted answers"));
                                }
                            }
                        }
                    }
                }
            } else if (!s.expect().isEmpty()) {
                expects++;
                if (run.check().all(s.expect(), run.traceMark())) met++;
                else problems.add(Problem.error(s.expectPos(), "step '" + s.id() + "': the demonstration does not show what its expect says: still expected "
                        + run.unmet(s), "fix 'do' or 'expect'"));
            }
            pace.run();
            boolean last = run.index() == lesson.steps().size() - 1;
            lines = new ArrayList<>(run.advance());
            if (last) {
                lines.forEach(out);
                break;
            }
        }
        atEnd.accept(run.session());
        problems.addAll(0, run.problems());
        boolean ok = met == expects && problems.stream().noneMatch(p -> !p.warning());
        out.accept(ok ? "-- walk-through complete: every expect was met (" + met + "/" + expects + ")"
                : "-- walk-through FAILED: " + met + "/" + expects + " expects met, " + problems.size() + " problems");
        return new Result(ok, met, expects, problems);
    }
}
