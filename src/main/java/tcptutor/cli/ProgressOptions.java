package tcptutor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import tcptutor.lab.LearnerId;
import tcptutor.progress.LessonProgressStore;
import tcptutor.progress.ProgressStore;
import tcptutor.progress.QuizRecorder;
import tcptutor.quiz.QuizRun;

/**
 * Where a learner's progress is kept: the SQLite store in a data folder (the same one {@code serve} and
 * {@code report} use), under a learner id. Shared by learn, lessons, quiz and the text UI.
 */
final class ProgressOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "progress store folder (default $XDG_DATA_HOME/tcptutor, i.e. ~/.local/share/tcptutor)")
    Path data;

    @Option(names = "--learner", paramLabel = "ID", description = "whose progress (default: your user name)")
    String learner;

    Path dir() { return data != null ? data : ProgressStore.defaultDataDir(); }

    String learner() {
        String who = learner != null ? learner : localLearner();
        if (!LearnerId.isValid(who)) throw UserError.input("--learner '" + who + "': expected " + LearnerId.RULE);
        return who;
    }

    /** Opens the store; one that cannot be opened is a one-line error naming the folder. */
    ProgressStore open() {
        try {
            return ProgressStore.open(dir());
        } catch (RuntimeException e) {
            throw UserError.environment("cannot open the progress store in " + dir() + ": " + e.getMessage() + " (use --data DIR)");
        }
    }

    /** The lesson engine's view of the learner's progress in {@code store}. */
    LessonProgressStore lessons(ProgressStore store) { return new LessonProgressStore(store, learner()); }

    /**
     * The learner's lesson progress, the store opened for each read or write only: for the welcome page's list,
     * read after the first frame, so that start-up does not wait for SQLite.
     */
    tcptutor.lesson.ProgressStore onDemand() {
        return new tcptutor.lesson.ProgressStore() {
            @Override public tcptutor.lesson.Progress load(String id) {
                try (ProgressStore s = open()) { return lessons(s).load(id); }
            }

            @Override public void save(tcptutor.lesson.Progress p) {
                try (ProgressStore s = open()) { lessons(s).save(p); }
            }

            @Override public java.util.Map<String, tcptutor.lesson.Progress> all() {
                try (ProgressStore s = open()) { return lessons(s).all(); }
            }
        };
    }

    /** Quiz attempts into the store, opened when a quiz ends (not at start-up). */
    QuizRun.Recorder quizzes() { return (report, topic) -> QuizRecorder.local(dir(), learner()).record(report, topic); }

    /** Adds {@code quiz} to {@code session}, attempts recorded here; {@code paned} when the text UI's quiz pane shows it. */
    QuizRun quiz(tcptutor.session.Session session, boolean paned) {
        return new QuizRun(quizzes(), QuizRun.NEW_SEEDS, paned).install(session);
    }

    /** The local user's name when it is a valid learner id, else "local". */
    static String localLearner() {
        String u = System.getProperty("user.name", "");
        return LearnerId.isValid(u) ? u : "local";
    }
}
