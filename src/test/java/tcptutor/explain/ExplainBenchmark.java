package tcptutor.explain;

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
import tcptutor.capture.Capture;
import tcptutor.capture.CaptureReader;
import tcptutor.tcp.Settings;

/**
 * Explaining speed on a bulk transfer: 10,000 data segments of 1448 bytes, an ACK every second one (15,003 segments).
 * Reported per call; divide 15,003 by it for segments per second. Run: mvn -o -q test-compile
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt, then
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main ExplainBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ExplainBenchmark {
    byte[] file;
    Capture capture;
    Conversation conversation;

    @Setup public void build() {
        Lab l = new Lab().handshake();
        for (int i = 0; i < 10_000; i++) {
            l.at(10 + i / 10).c(".", 1 + 1448 * i, 1, 64240, 1448);
            if (i % 2 == 1) l.s(".", 1, 1 + 1448 * (i + 1), 64240, 0);
        }
        file = l.bytes();
        capture = CaptureReader.read(file);
        conversation = Conversation.split(capture.packets()).get(0);
    }

    /** Replay and notes only. */
    @Benchmark public Explained explain() { return new Explainer(Settings.linux(), false).explain(conversation, 0); }

    /** Reading the file, splitting, explaining and rendering the text, as the command does. */
    @Benchmark public List<String> wholeCommand() {
        Capture c = CaptureReader.read(file);
        List<Conversation> all = Conversation.split(c.packets());
        return Report.render("bench.pcap", c, all, new Explainer(Settings.linux(), false), null, "");
    }
}
