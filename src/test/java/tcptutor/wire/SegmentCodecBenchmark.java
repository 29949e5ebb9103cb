package tcptutor.wire;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Codec and renderer speed. Run: mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * then java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main SegmentCodecBenchmark
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SegmentCodecBenchmark {
    final InetAddress a = TestBytes.ip("192.0.2.1"), b = TestBytes.ip("192.0.2.2");
    final Segment data = Segment.of(40000, 80, 1001, 2001, Flags.ACK | Flags.PSH, 502,
            LinuxOptions.established(true, 1, 2, List.of()), new byte[1448]);
    final byte[] encoded = SegmentCodec.encode(data, a, b);
    final Packet packet = Packet.of(a, b, data, 1);
    final TcpdumpLine line = TcpdumpLine.relative();

    @Benchmark public byte[] encodeWithChecksum() { return SegmentCodec.encode(data, a, b); }

    @Benchmark public Decoded<Segment> decode() { return SegmentCodec.decode(encoded); }

    @Benchmark public String tcpdumpLine() { return line.line(a, b, data); }

    @Benchmark public List<Field> fieldTree() { return FieldTree.of(packet, 7); }
}
