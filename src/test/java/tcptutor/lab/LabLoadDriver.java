package tcptutor.lab;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * The lab's load driver (run by bench/lab-load.sh, not by the test suite): N learners over MINA's SSH client, each
 * typing one command a second, key by key, into the text UI (PTY) or as lines into the REPL (no PTY). Measures the
 * time from each keystroke to the first byte of the screen update it causes (key -> echo) and from Enter to the
 * first byte of the command's output; with {@code --server-pid} also the server's heap after a full GC and its CPU
 * over the measured window. Loopback only.
 *
 * <pre>java -cp ... tcptutor.lab.LabLoadDriver --port 2222 --sessions 200 --seconds 30 [--mode pty|line] [--idle] [--server-pid PID]</pre>
 * {@code --idle} connects and then types nothing: what idle sessions cost.
 */
public final class LabLoadDriver {
    /** Commands without spaces (Space is a key of its own in the text UI), cycling through a whole connection. */
    static final List<String> COMMANDS = List.of("syn", "ack", "fin", "step", "reset");

    /** How long a key or command waits for output before it counts as a timeout (and as 2 s in the percentiles). */
    static final long TIMEOUT_NANOS = 2_000_000_000L;

    private LabLoadDriver() {}

    public static void main(String[] args) throws Exception {
        int port = 2222, sessions = 50, seconds = 30;
        long pid = 0;
        boolean pty = true, idle = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--sessions" -> sessions = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--server-pid" -> pid = Long.parseLong(args[++i]);
                case "--mode" -> pty = args[++i].equals("pty");
                case "--idle" -> idle = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();

        long baseHeap = pid > 0 ? heapAfterGc(pid) : -1;
        long t0 = System.nanoTime();
        List<Learner> learners = new ArrayList<>();
        ExecutorService connecting = Executors.newFixedThreadPool(8);
        List<Future<Learner>> opened = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            String name = String.format("load%04d", i);
            boolean p = pty;
            int fport = port;
            opened.add(connecting.submit(() -> new Learner(client, name, fport, p)));
        }
        int failed = 0;
        for (Future<Learner> f : opened) {
            try {
                learners.add(f.get());
            } catch (Exception e) {
                failed++;
                if (failed <= 3) System.out.println("connect failed: " + e.getCause());
            }
        }
        connecting.shutdown();
        System.out.printf(Locale.ROOT, "connected %d of %d sessions (%s) in %.1f s%n", learners.size(), sessions,
                pty ? "with a PTY" : "without a PTY", (System.nanoTime() - t0) / 1e9);

        long[] cpu0 = pid > 0 ? cpuTicks(pid) : null;
        long w0 = System.nanoTime();
        long deadline = w0 + Duration.ofSeconds(seconds).toNanos();
        List<Thread> typists = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            Learner l = learners.get(i);
            long phase = 1_000_000_000L * i / Math.max(1, learners.size()); // spread the commands over the second
            Thread t = idle ? new Thread(() -> sleepUntil(deadline)) : new Thread(() -> l.type(deadline, phase), "typist-" + i);
            t.setDaemon(true);
            t.start();
            typists.add(t);
        }
        for (Thread t : typists) t.join();
        long wall = System.nanoTime() - w0;
        long[] cpu1 = pid > 0 ? cpuTicks(pid) : null;
        // after the typing, every session still connected with its world: the same live set as mid-run, without the
        // full GC's pause (it stops every session) landing in the latency percentiles and its CPU in the server's
        long heap = pid > 0 ? heapAfterGc(pid) : -1;

        Stats keys = new Stats(), commands = new Stats();
        int timeouts = 0, closed = 0;
        for (Learner l : learners) {
            keys.addAll(l.keys);
            commands.addAll(l.commands);
            timeouts += l.timeouts.get();
            if (l.channel.isClosed()) closed++;
        }
        System.out.printf(Locale.ROOT, "%d sessions, %d s: %d commands, %d keystrokes, %d timeouts (>2 s, counted as 2 s), %d channels closed early%n",
                learners.size(), seconds, commands.count(), keys.count(), timeouts, closed);
        if (pty) System.out.println("key -> echo     " + keys.summary());
        System.out.println("enter -> output " + commands.summary());
        if (pid > 0) {
            double cpuSeconds = (cpu1[0] - cpu0[0]) / (double) cpu1[1];
            System.out.printf(Locale.ROOT, "server CPU %.0f%% of one core (%.1f s CPU in %.1f s)%n",
                    100 * cpuSeconds / (wall / 1e9), cpuSeconds, wall / 1e9);
            System.out.printf(Locale.ROOT, "server heap after full GC: %.1f MB idle, %.1f MB with %d sessions: %.0f KB per session%n",
                    baseHeap / 1024.0, heap / 1024.0, learners.size(), (heap - baseHeap) / (double) learners.size());
        }
        for (Learner l : learners) l.close();
        client.stop();
        System.exit(failed == 0 ? 0 : 1);
    }

    private static void sleepUntil(long deadline) {
        try {
            Thread.sleep(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One learner: a shell channel whose output is timed as it arrives (on MINA's I/O thread, no reader thread). */
    static final class Learner {
        final ChannelShell channel;
        final ClientSession session;
        final boolean pty;
        final List<Long> keys = new ArrayList<>();
        final List<Long> commands = new ArrayList<>();
        final AtomicInteger timeouts = new AtomicInteger();
        private final OutputStream in;
        private long pendingSince;
        private List<Long> pendingInto;
        private boolean ready;

        Learner(SshClient client, String name, int port, boolean pty) throws IOException {
            this.pty = pty;
            session = client.connect(name, "127.0.0.1", port).verify(Duration.ofSeconds(60)).getSession();
            session.auth().verify(Duration.ofSeconds(60));
            channel = session.createShellChannel();
            channel.setUsePty(pty);
            channel.setPtyType("xterm-256color");
            channel.setPtyColumns(120);
            channel.setPtyLines(35);
            channel.setOut(new OutputStream() {
                @Override public void write(int b) { arrived(); }

                @Override public void write(byte[] b, int off, int len) { arrived(); }
            });
            channel.setErr(OutputStream.nullOutputStream());
            channel.open().verify(Duration.ofSeconds(60));
            in = channel.getInvertedIn();
            synchronized (this) {
                long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!ready && System.nanoTime() < end) {
                    try {
                        wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }

        private synchronized void arrived() {
            ready = true;
            if (pendingSince != 0) {
                pendingInto.add(System.nanoTime() - pendingSince);
                pendingSince = 0;
                notifyAll();
            }
        }

        /** Sends {@code bytes} and waits (at most 2 s) for the first output after them. */
        private void sendAndTime(byte[] bytes, List<Long> into) throws IOException, InterruptedException {
            synchronized (this) {
                pendingInto = into;
                pendingSince = System.nanoTime();
            }
            in.write(bytes);
            in.flush();
            synchronized (this) {
                long end = System.nanoTime() + TIMEOUT_NANOS;
                while (pendingSince != 0 && System.nanoTime() < end) wait(50);
                if (pendingSince != 0) {
                    pendingSince = 0;
                    timeouts.incrementAndGet();
                    into.add(TIMEOUT_NANOS); // in the percentiles as 2 s: a lower bound, not dropped
                }
            }
        }

        void type(long deadline, long phase) {
            try {
                Thread.sleep(phase / 1_000_000);
                long next = System.nanoTime();
                for (int n = 0; System.nanoTime() < deadline && !channel.isClosed(); n++) {
                    String cmd = COMMANDS.get(n % COMMANDS.size());
                    if (pty) {
                        for (char c : cmd.toCharArray()) {
                            sendAndTime(new byte[] {(byte) c}, keys);
                            Thread.sleep(60); // a fast typist
                        }
                        sendAndTime(new byte[] {'\r'}, commands);
                    } else {
                        sendAndTime((cmd + "\n").getBytes(StandardCharsets.UTF_8), commands);
                    }
                    next += 1_000_000_000L;
                    long sleep = (next - System.nanoTime()) / 1_000_000;
                    if (sleep > 0) Thread.sleep(sleep);
                }
            } catch (IOException | InterruptedException e) {
                // the channel closed: counted as closed early
            }
        }

        void close() {
            channel.close(true);
            session.close(true);
        }
    }

    /** Latencies in nanoseconds. */
    static final class Stats {
        private final List<Long> all = new ArrayList<>();

        synchronized void addAll(List<Long> l) {
            synchronized (l) {
                all.addAll(l);
            }
        }

        int count() { return all.size(); }

        String summary() {
            if (all.isEmpty()) return "no samples";
            long[] a = all.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            return String.format(Locale.ROOT, "p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  (%d samples)",
                    pct(a, 50), pct(a, 90), pct(a, 99), a[a.length - 1] / 1e6, a.length);
        }

        private static double pct(long[] sorted, double p) {
            int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }
    }

    /**
     * The server's live heap in KB: the total of jcmd's class histogram, taken right after the full GC it forces.
     * (GC.run followed by GC.heap_info over-counts under load: the sessions refill eden between the two calls.)
     */
    static long heapAfterGc(long pid) throws IOException, InterruptedException {
        String histogram = run("jcmd", Long.toString(pid), "GC.class_histogram");
        Matcher m = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$").matcher(histogram);
        if (!m.find()) throw new IllegalStateException("cannot read the live heap from jcmd's class histogram");
        return Long.parseLong(m.group(1)) / 1024;
    }

    /** {utime + stime, ticks per second} of a process, from /proc. */
    static long[] cpuTicks(long pid) throws IOException, InterruptedException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of the whole line
        long hz = Long.parseLong(run("getconf", "CLK_TCK").strip());
        return new long[] {ticks, hz};
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
