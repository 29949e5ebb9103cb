package tcptutor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER until its feature lands: says so and exits 3. */
@Command(name = "repl", mixinStandardHelpOptions = true, description = "The line REPL: send segments to the peer and see what happens.")
public final class ReplCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw UserError.environment("'repl' is not built yet");
    }
}
