package tcptutor.session;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import tcptutor.command.Completer;
import tcptutor.command.Parser;

/**
 * What a learner waits for: parsing a line, completing one, and a whole manual-mode conversation (handshake, data,
 * four-way close, 2MSL; 11 commands with their output lines) in a fresh session.
 * Run: {@code java -cp target/test-classes:target/classes:<test classpath> tcptutor.session.SessionBenchmark --cpu}
 * (CPU time of this thread, meaningful on a shared machine), or through JMH's runner.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SessionBenchmark {
    static final List<String> CONVERSATION = List.of("set assist off", "syn seq=1000 win=64240", "ack seq=1 ack=1 win=64240",
            "data \"hello\" seq=1 ack=1 win=64240", "peer read", "peer send \"hi\"", "ack seq=6 ack=3 win=64240",
            "fin seq=6 ack=3 win=64240", "peer close", "ack seq=7 ack=4 win=64240", "wait 2msl");
    final Parser parser = new Parser();
    final Completer completer = new Completer();

    @Benchmark public Object parse() { return parser.parse("syn seq=1000 win=64240 mss=1460 sackok ts=100,0 wscale=7 dport=81"); }

    @Benchmark public Object complete() { return completer.complete("set tcp_syn", 11); }

    @Benchmark public int conversation() {
        Session s = new Session(SessionConfig.defaults());
        int lines = 0;
        for (String l : CONVERSATION) lines += s.execute(l).lines().size();
        return lines;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("--cpu")) {
            org.openjdk.jmh.Main.main(new String[]{"tcptutor.session.SessionBenchmark", "-f", "1", "-wi", "3", "-i", "5"});
            return;
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        SessionBenchmark b = new SessionBenchmark();
        for (int i = 0; i < 3000; i++) { b.conversation(); b.parse(); b.complete(); }
        long c0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < 200_000; i++) b.parse();
        long c1 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < 200_000; i++) b.complete();
        long c2 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < 5000; i++) b.conversation();
        long c3 = mx.getCurrentThreadCpuTime();
        System.out.printf("parse: %.2f us per line%ncomplete: %.2f us per call%nconversation (11 commands): %.0f us CPU each, %.0f us per command%n",
                (c1 - c0) / 1e3 / 200_000, (c2 - c1) / 1e3 / 200_000, (c3 - c2) / 1e3 / 5000, (c3 - c2) / 1e3 / 5000 / CONVERSATION.size());
    }
}
