package tcptutor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER until its feature lands: says so and exits 3. */
@Command(name = "drill", mixinStandardHelpOptions = true, description = "Run packetdrill scripts against the simulated peer.")
public final class DrillCommand implements Callable<Integer> {
    @Override public Integer call() {
        throw UserError.environment("'drill' is not built yet");
    }
}
