package tcptutor.drill;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import tcptutor.tcp.Settings;

/**
 * drill speed: parsing every conformance and drill script, and running every one of them (parsed once) against
 * the simulated peer. Run from the project directory:
 * {@code java -cp target/test-classes:target/classes:<test classpath> tcptutor.drill.DrillBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class DrillBenchmark {
    List<Path> files;
    List<Script> scripts;

    @Setup public void load() throws IOException {
        files = new ArrayList<>(SharedScripts.conformanceScripts());
        files.addAll(SharedScripts.drillScripts());
        scripts = new ArrayList<>();
        for (Path p : files) scripts.add(Parser.parse(p));
    }

    @Benchmark public int parseAll() throws IOException {
        int n = 0;
        for (Path p : files) n += Parser.parse(p).events().size();
        return n;
    }

    @Benchmark public int runAll() {
        int passed = 0;
        for (Script s : scripts) if (Runner.run(s, Settings.linux(), 1, null).passed()) passed++;
        return passed;
    }

    public static void main(String[] args) throws RunnerException {
        new org.openjdk.jmh.runner.Runner(new OptionsBuilder().include(DrillBenchmark.class.getName())
                .warmupIterations(2).measurementIterations(3).forks(1)
                .warmupTime(TimeValue.seconds(2)).measurementTime(TimeValue.seconds(3)).build()).run();
    }
}
