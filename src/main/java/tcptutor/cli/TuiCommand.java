package tcptutor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.io.PrintWriter;
import tcptutor.lesson.LessonLibrary;
import tcptutor.lesson.ProgressStore;
import tcptutor.repl.ReplOptions;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;
import tcptutor.tui.LessonFeed;
import tcptutor.tui.Rehearsal;
import tcptutor.tui.SessionTutor;
import tcptutor.tui.TextUi;
import tcptutor.tui.TtyTerminal;

/** {@code tcptutor tui}: the text UI on this terminal. */
@Command(name = "tui", mixinStandardHelpOptions = true,
        description = "The text UI: lesson, ladder diagram, header fields, state diagram and a console, in panes. "
                + "Needs an interactive terminal of at least 80x24; F1 lists the keys.")
public final class TuiCommand implements Callable<Integer> {
    @Option(names = "--no-color", description = "No colours (also when the NO_COLOR environment variable is set).")
    boolean noColor;

    @Option(names = "--cds-training", hidden = true,
            description = "Play a short session on a virtual terminal and exit (the launcher's AppCDS archive run).")
    boolean cdsTraining;

    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        if (cdsTraining) { // the launcher's AppCDS run: the UI's classes, and the lesson files' (read in the background)
            Rehearsal.run(new SessionTutor(new Session(SessionConfig.defaults()), null, null));
            tcptutor.lesson.LessonPages.entries(LessonLibrary.load(LessonLibrary.defaultDir()), ProgressStore.NONE);
            return 0;
        }
        if (System.console() == null) {
            throw UserError.environment("the text UI needs an interactive terminal; use 'tcptutor repl' for line mode");
        }
        if ("dumb".equals(System.getenv("TERM"))) {
            throw UserError.environment("this terminal (TERM=dumb) cannot show the text UI; use 'tcptutor repl' for line mode");
        }
        return open(noColor, spec.commandLine().getOut());
    }

    /** Runs the UI on the process's terminal with a new session and the welcome page; prints where the journal went. */
    static int open(boolean noColor, PrintWriter out) throws IOException {
        LessonFeed welcome = LessonFeeds.welcome(LessonLibrary.defaultDir(), new ProgressOptions().onDemand());
        return open(noColor, out, new Session(SessionConfig.defaults()), welcome, new ProgressOptions());
    }

    /**
     * Runs the UI on the process's terminal for {@code session}, the lesson pane fed by {@code lessons}
     * (e.g. {@code LessonFeeds.of(run, entries)} for {@code tcptutor learn ID}), quizzes recorded in {@code where}.
     * Returns the exit code.
     */
    static int open(boolean noColor, PrintWriter out, Session session, LessonFeed lessons, ProgressOptions where) throws IOException {
        SessionTutor tutor = new SessionTutor(session, journalFile(), ReplOptions.forEnvironment(noColor).historyFile());
        LessonFeed feed = LessonFeed.withQuiz(lessons, where.quiz(session, true)::page);
        String bye = new TextUi(new TtyTerminal(), tutor, feed, noColor).run();
        if (!bye.isEmpty()) out.println(bye);
        out.flush();
        return 0;
    }

    /** $XDG_DATA_HOME/tcptutor/last-session.txt (~/.local/share when unset). */
    static Path journalFile() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("tcptutor").resolve("last-session.txt");
    }
}
