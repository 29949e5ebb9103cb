package tcptutor.sim;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Settings;

/**
 * Engine speed: segment arrivals per second during a 1 MB transfer in 1460-byte segments (timestamps off, so the
 * MSS is 1460) with its ACKs, and handshake-plus-close cycles per second (TIME-WAIT included).
 * Run: {@code java -cp target/test-classes:target/classes:<test classpath> tcptutor.sim.EngineBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {
    static final Settings SETTINGS = Settings.linux().with(Knob.tcp_timestamps, 0);
    static final byte[] MEGABYTE = new byte[1 << 20];

    /** Counts segment arrivals (JMH reports them per second next to the transfers). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Arrivals {
        public long arrivals;

        @Setup(Level.Iteration) public void clear() { arrivals = 0; }
    }

    @Benchmark
    public int transfer1MB(Arrivals counter) {
        World w = new World(SETTINGS, 1);
        int[] delivered = {0};
        w.trace().listen(e -> { if (e instanceof TraceEvent.Delivered) delivered[0]++; });
        Host you = w.you(), peer = w.peer();
        you.raw(false);
        int l = peer.socket();
        peer.bind(l, 8080);
        peer.listen(l, 8);
        int c = you.socket();
        you.connect(c, 8080);
        Call acc = peer.accept(l);
        w.runUntil(acc::done, 1_000_000);
        int a = (int) acc.result().value();
        you.write(c, MEGABYTE);
        long got = 0;
        while (got < MEGABYTE.length) {
            Call rd = peer.read(a, 1 << 20);
            w.runUntil(rd::done, w.now() + 10_000_000);
            got += rd.result().value();
        }
        w.runUntil(w.now() + 1_000_000);
        int n = delivered[0];
        counter.arrivals += n;
        return n;
    }

    /** One world per iteration: a listener that accepts, then connect / accept / close / close / TIME-WAIT over. */
    @State(Scope.Thread)
    public static class Cycles {
        World w;
        int listener;

        @Setup(Level.Iteration) public void world() {
            w = new World(SETTINGS, 2);
            w.you().raw(false);
            listener = w.peer().socket();
            w.peer().bind(listener, 8080);
            w.peer().listen(listener, 128);
        }
    }

    @Benchmark
    public long handshakeAndClose(Cycles s) {
        World w = s.w;
        Host you = w.you(), peer = w.peer();
        int c = you.socket();
        you.connect(c, 8080);
        Call acc = peer.accept(s.listener);
        w.runUntil(acc::done, w.now() + 1_000_000);
        int a = (int) acc.result().value();
        you.close(c);
        Call eof = peer.read(a, 100);
        w.runUntil(eof::done, w.now() + 1_000_000);
        peer.close(a);
        w.runUntil(w.now() + 61_000_000);
        return w.now();
    }

    /**
     * JMH by default; {@code --cpu} instead measures arrivals per CPU-second of this thread (after a warm-up), which
     * stays meaningful when the machine is shared and wall-clock throughput is not "one core".
     */
    public static void main(String[] args) throws RunnerException {
        if (args.length > 0 && args[0].equals("--cpu")) {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            EngineBenchmark b = new EngineBenchmark();
            Arrivals counter = new Arrivals();
            for (int i = 0; i < 400; i++) b.transfer1MB(counter);
            long arrivals = 0, c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            for (int i = 0; i < 1500; i++) arrivals += b.transfer1MB(counter);
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9, wall = (System.nanoTime() - t0) / 1e9;
            Cycles cy = new Cycles();
            cy.world();
            for (int i = 0; i < 20_000; i++) { b.handshakeAndClose(cy); if (i % 5000 == 0) cy.world(); }
            cy.world();
            long k0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < 50_000; i++) { b.handshakeAndClose(cy); if (i % 10_000 == 9_999) cy.world(); }
            double kcpu = (mx.getCurrentThreadCpuTime() - k0) / 1e9;
            System.out.printf("transfer: %d arrivals, %.0f arrivals per CPU-second (%.0f per wall second)%n",
                    arrivals, arrivals / cpu, arrivals / wall);
            System.out.printf("handshake+close: %.0f cycles per CPU-second%n", 50_000 / kcpu);
            return;
        }
        new Runner(new OptionsBuilder().include(EngineBenchmark.class.getName())
                .warmupIterations(2).measurementIterations(3).forks(1)
                .warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
                .measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(3)).build()).run();
    }
}
