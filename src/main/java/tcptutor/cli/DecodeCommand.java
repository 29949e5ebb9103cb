package tcptutor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER until its feature lands: says so and exits 3. */
@Command(name = "decode", mixinStandardHelpOptions = true, description = "Print a TCP segment from a hex dump as a field tree.")
public final class DecodeCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw UserError.environment("'decode' is not built yet");
    }
}
