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
                DecodeCommand.class,
                DrillCommand.class,
                ExplainCommand.class,
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
        boolean tty = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        if (tty && !plain) return TuiCommand.open(noColor, spec.commandLine().getOut());
        CommandLine repl = spec.commandLine().getSubcommands().get("repl");
        boolean replTakesNoColor = repl.getCommandSpec().findOption("--no-color") != null;
        return noColor && replTakesNoColor ? repl.execute("--no-color") : repl.execute();
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
