package tcptutor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command. With no subcommand it opens the tutor: the text UI on a terminal, the REPL otherwise. */
@Command(name = "tcptutor", mixinStandardHelpOptions = true, version = "tcptutor 0.1.0",
        description = "An interactive TCP tutor: send segments to a simulated peer and watch what TCP does.",
        subcommands = {
                ReplCommand.class,
                DecodeCommand.class,
                DrillCommand.class,
                ReportCommand.class,
                ServeCommand.class,
                PasswdCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class Tcptutor implements Callable<Integer> {

    @Override public Integer call() {
        return commandLine().execute("repl");
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
