package tcptutor.progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tcptutor.quiz.Question;
import tcptutor.quiz.QuizRun;
import tcptutor.quiz.Report;
import tcptutor.quiz.Result;

/**
 * Quiz attempts into a learner's progress store: what a {@link QuizRun} is given. The lab passes its own open store
 * and the SSH user; the local tutor uses {@link #local}, which opens the store only when a quiz ends.
 */
public final class QuizRecorder implements QuizRun.Recorder {
    private final ProgressStore store;
    private final String learner;

    public QuizRecorder(ProgressStore store, String learner) {
        this.store = store;
        this.learner = learner;
    }

    @Override public String record(Report report, String topic) {
        store.recordQuiz(learner, attempt(report, topic));
        return "Recorded in your progress.";
    }

    /** The local tutor's: the store in {@code dataDir} (e.g. {@link ProgressStore#defaultDataDir()}), opened per attempt. */
    public static QuizRun.Recorder local(Path dataDir, String learner) {
        return (report, topic) -> {
            try (ProgressStore s = ProgressStore.open(dataDir)) {
                s.recordQuiz(learner, attempt(report, topic));
                return "Recorded for " + learner + " in " + s.file() + " ('tcptutor report' shows it).";
            }
        };
    }

    /** The attempt as the store keeps it: every question, unanswered ones with an empty answer. */
    public static QuizAttempt attempt(Report r, String topic) {
        List<QuizAnswer> answers = new ArrayList<>();
        for (int i = 0; i < r.questions().size(); i++) {
            Question q = r.questions().get(i);
            Result res = i < r.results().size() ? r.results().get(i) : null;
            answers.add(new QuizAnswer(q.id(), q.topic().id(), q.prompt(), q.correct(), res == null ? "" : res.given(), res != null && res.right()));
        }
        return new QuizAttempt(r.seed(), r.profile().id(), topic, r.score(), r.total(), answers);
    }
}
