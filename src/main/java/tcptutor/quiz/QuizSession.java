package tcptutor.quiz;

import java.util.ArrayList;
import java.util.List;

/**
 * A quiz being taken: the model a UI drives (the line prompts of {@code tcptutor quiz}, the TUI's quiz pane).
 * Show {@link #current()}, read a line, check it with {@link #problem(String)} (null: it can be graded),
 * {@link #answer(String)} it, show the returned {@link Result#feedback()} and {@link #ladder()}; when
 * {@link #done()}, show {@link #report()}.
 */
public final class QuizSession {
    private final Quiz quiz;
    private final List<Result> results = new ArrayList<>();

    public QuizSession(Quiz quiz) { this.quiz = quiz; }

    public Quiz quiz() { return quiz; }

    /** Zero-based index of the current question; equals {@link #total()} when done. */
    public int index() { return results.size(); }

    public int total() { return quiz.size(); }

    public boolean done() { return results.size() >= quiz.size(); }

    /** The question to answer now, or null when done. */
    public Question current() { return done() ? null : quiz.questions().get(results.size()); }

    /** The heading of the current question, e.g. "Question 3/10 [states]"; "Done" when over. */
    public String heading() {
        Question q = current();
        return q == null ? "Done: " + score() + "/" + total() : "Question " + (index() + 1) + "/" + total() + " [" + q.topic() + "]";
    }

    /** Why this input cannot be graded for the current question ("a letter a-d ..."), or null if it can. */
    public String problem(String input) {
        Question q = current();
        return q == null ? "no question left" : Answers.problem(q, input);
    }

    /** Grades the input against the current question and moves on. */
    public Result answer(String input) {
        Question q = current();
        if (q == null) throw new IllegalStateException("the quiz is over");
        Result r = new Result(q, input.trim(), Answers.isRight(q, input));
        results.add(r);
        return r;
    }

    /** The last graded answer, or null before the first. */
    public Result last() { return results.isEmpty() ? null : results.get(results.size() - 1); }

    /** The ladder of the last answered question's scenario (empty if it has none). */
    public List<String> ladder() { return results.isEmpty() ? List.of() : last().question().ladder(); }

    public List<Result> results() { return List.copyOf(results); }

    public int score() {
        int n = 0;
        for (Result r : results) if (r.right()) n++;
        return n;
    }

    /** The report so far; unanswered questions count as missed. */
    public Report report() { return new Report(quiz.seed(), quiz.profile(), quiz.questions(), results); }
}
