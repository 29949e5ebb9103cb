package tcptutor.quiz;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tcptutor.tcp.Profile;

/**
 * Quiz generation speed. {@code make10} is a warm 10-question quiz over all topics (engine scenarios cached);
 * {@code playOnePair} is one (state, event) scenario on a fresh world, what the cache saves.
 * Run: mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * then java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main QuizBenchmark
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class QuizBenchmark {
    private long seed;

    @Setup public void warm() {
        for (long s = 0; s < 200; s++) QuizMaker.make(spec(s));
    }

    private static QuizMaker.Spec spec(long s) {
        return new QuizMaker.Spec(Topic.generated(), 10, s, s % 2 == 0 ? Profile.LINUX : Profile.RFC9293, List.of());
    }

    @Benchmark public Quiz make10() { return QuizMaker.make(spec(seed++ % 5000)); }

    @Benchmark public StatePlay.Outcome playOnePair() {
        return StatePlay.play(Profile.LINUX, 0, StatePlay.Setup.FIN_WAIT_1, StatePlay.Event.FIN_ACK);
    }
}
