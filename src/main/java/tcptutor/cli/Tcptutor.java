package tcptutor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root command. With no subcommand it opens the tutor: the text UI on a terminal, the REPL otherwise. */
@Command(name = "tcptutor", mixinStandardHelpOptions = true, version = "tcptutor 0.1.0",
        description = "An interactive TCP tutor: send segments to a simulated peer and watch what TCP does.",
        subcommands = {
                ReplCommand.class,
                TuiCommand.class,
                LessonsCommand.class,
                LearnCommand.class,
                CheckLessonsCommand.class,
                DecodeCommand.class,
                DrillCommand.class,
                ExplainCommand.class,
                QuizCommand.class,
                ReportCommand.class,
                ServeCommand.class,
                PasswdCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Tcptutor implements Callable<Integer> {
    @Option(names = "--plain", description = "The line REPL even on an interactive terminal.")
    boolean plain;

    @Option(names = "--no-color", description = "No colours (also when the NO_COLOR environment variable is set).")
    boolean noColor;

    @Spec CommandSpec spec;

    /** No subcommand: the text UI on an interactive terminal, the REPL otherwise (or with --plain). */
    @Override public Integer call() throws Exception {
        if (interactive() && !plain) return textUi(noColor);
        CommandLine repl = spec.commandLine().getSubcommands().get("repl");
        boolean replTakesNoColor = repl.getCommandSpec().findOption("--no-color") != null;
        return noColor && replTakesNoColor ? repl.execute("--no-color") : repl.execute();
    }

    /** A terminal that can show the text UI: stdin and stdout a tty, and TERM not dumb. */
    static boolean interactive() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** Runs the text UI on this terminal; a failure to drive the terminal is one line on stderr and exit 3. */
    static int textUi(boolean noColor) {
        java.io.PrintWriter out = new java.io.PrintWriter(System.out, true);
        try {
            return TuiCommand.open(noColor, out);
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("tcptutor: the text UI could not run on this terminal (" + e + "); try tcptutor --plain");
            return 3;
        }
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Tcptutor());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof UserError u) {
                line.getErr().println("tcptutor: " + u.getMessage());
                return u.exitCode();
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("tcptutor: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        return cl;
    }
}
