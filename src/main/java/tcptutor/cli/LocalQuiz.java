package tcptutor.cli;

import java.util.Random;
import tcptutor.progress.ProgressStore;
import tcptutor.progress.QuizRecorder;
import tcptutor.quiz.QuizRun;
import tcptutor.session.Session;

/** The {@code quiz} command in the local tutor's sessions: attempts go to $XDG_DATA_HOME/tcptutor for the local user. */
final class LocalQuiz {
    private LocalQuiz() {}

    /** Adds {@code quiz} to {@code session}; {@code paned} when the text UI shows the questions in its quiz pane. */
    static QuizRun install(Session session, boolean paned) {
        return new QuizRun(QuizRecorder.local(ProgressStore.defaultDataDir(), QuizCommand.localLearner()),
                () -> new Random().nextInt(1_000_000), paned).install(session);
    }
}
