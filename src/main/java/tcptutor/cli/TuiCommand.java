package tcptutor.cli;

import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;
import tcptutor.tui.LessonFeed;
import tcptutor.tui.SessionTutor;
import tcptutor.tui.TextUi;

/** {@code tcptutor tui}: the text UI on this terminal. */
@Command(name = "tui", mixinStandardHelpOptions = true,
        description = "The text UI: lesson, ladder diagram, header fields, state diagram and a console, in panes. "
                + "Needs an interactive terminal of at least 80x24; F1 lists the keys.")
public final class TuiCommand implements Callable<Integer> {
    @Option(names = "--no-color", description = "No colours (also when the NO_COLOR environment variable is set).")
    boolean noColor;

    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        if (System.console() == null) {
            throw UserError.environment("the text UI needs an interactive terminal; use 'tcptutor repl' for line mode");
        }
        if ("dumb".equals(System.getenv("TERM"))) {
            throw UserError.environment("this terminal (TERM=dumb) cannot show the text UI; use 'tcptutor repl' for line mode");
        }
        return open(noColor, spec.commandLine().getOut());
    }

    /** Runs the UI on the process's terminal; prints where the journal went when it ends. */
    static int open(boolean noColor, java.io.PrintWriter out) throws IOException {
        UnixTerminal terminal = new UnixTerminal(System.in, System.out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
        Session session = new Session(SessionConfig.defaults());
        String bye = new TextUi(terminal, new SessionTutor(session, journalFile(), List.of()), LessonFeed.NONE, noColor).run();
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
