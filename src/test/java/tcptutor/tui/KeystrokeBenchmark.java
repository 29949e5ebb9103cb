package tcptutor.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;

/**
 * CPU per keystroke of the text UI, as the lab pays it: a real session whose trace holds 200 segments, a 120x35
 * screen, keys typed into the console (letters, then Backspace) and, separately, whole commands (typed and run with
 * Enter). Each frame goes to an ANSI terminal writing into a null stream (the lab's path, bytes counted) or to
 * Lanterna's virtual terminal. Prints the median of several rounds, in microseconds of this thread's CPU.
 * <pre>
 *   mvn -o -q test-compile
 *   java -cp target/test-classes:target/classes:$(cat cp.txt) tcptutor.tui.KeystrokeBenchmark [ansi|virtual] [keys]
 * </pre>
 */
public final class KeystrokeBenchmark {
    private KeystrokeBenchmark() {}

    /** Counts the bytes it is given and drops them. */
    static final class Counting extends OutputStream {
        long bytes;

        @Override public void write(int b) { bytes++; }

        @Override public void write(byte[] b, int off, int len) { bytes += len; }
    }

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "ansi";
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Counting out = new Counting();
        TerminalSize size = new TerminalSize(120, 35);
        Terminal t = kind.equals("virtual") ? new DefaultVirtualTerminal(size)
                : new ANSITerminal(new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8) {
                    @Override protected TerminalSize findTerminalSize() { return size; }
                };
        Session s = new Session(SessionConfig.defaults());
        s.execute("syn");
        s.execute("ack");
        for (int i = 0; s.world().trace().of(tcptutor.sim.TraceEvent.Sent.class).size() < 200; i++) {
            s.execute("data 10");
            s.execute("wait 300ms");
        }
        int segments = s.world().trace().of(tcptutor.sim.TraceEvent.Sent.class).size();
        TextUi ui = new TextUi(t, new SessionTutor(s, null, null), LessonFeed.NONE, false);
        ui.open();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String word = "the quick brown fox jumps";
        KeyStroke[] typing = new KeyStroke[2 * word.length()];
        for (int i = 0; i < word.length(); i++) {
            typing[i] = new KeyStroke(word.charAt(i), false, false);
            typing[word.length() + i] = new KeyStroke(KeyType.Backspace);
        }
        for (int round = 0; round < 3; round++) typeKeys(ui, typing, keys); // warm up
        double[] perKey = new double[7];
        long bytes0 = out.bytes;
        for (int round = 0; round < perKey.length; round++) {
            long c0 = mx.getCurrentThreadCpuTime();
            typeKeys(ui, typing, keys);
            perKey[round] = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / keys;
        }
        double bytesPerKey = (out.bytes - bytes0) / (double) (perKey.length * keys);

        // whole commands: "wait 1ms" moves the clock (title, timers) and adds no segment; "data 1" adds two
        String[] cmds = {"wait 1ms", "data 1"};
        double[] perCmd = new double[cmds.length];
        for (int c = 0; c < cmds.length; c++) {
            for (int i = 0; i < 20; i++) Screens.command(ui, cmds[c]);
            int n = 100;
            long c0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) Screens.command(ui, cmds[c]);
            perCmd[c] = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / n;
        }
        // the lab's load driver: syn, ack, fin, step, reset typed key by key and run, over and over, on a fresh session
        Session fresh = new Session(SessionConfig.defaults());
        TextUi lab = new TextUi(kind.equals("virtual") ? new DefaultVirtualTerminal(size)
                : new ANSITerminal(new ByteArrayInputStream(new byte[0]), out, StandardCharsets.UTF_8) {
                    @Override protected TerminalSize findTerminalSize() { return size; }
                }, new SessionTutor(fresh, null, null), LessonFeed.NONE, false);
        lab.open();
        String[] cycle = {"syn", "ack", "fin", "step", "reset"};
        for (int i = 0; i < 500; i++) Screens.command(lab, cycle[i % cycle.length]);
        int cycles = 2000;
        long b0 = out.bytes, c0 = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < cycles; i++) Screens.command(lab, cycle[i % cycle.length]);
        double perCycle = (mx.getCurrentThreadCpuTime() - c0) / 1e3 / cycles;
        double bytesPerCycle = (out.bytes - b0) / (double) cycles;
        Arrays.sort(perKey);
        System.out.printf(Locale.ROOT, "%s 120x35, %d segments: per key %.1f us (median of %d rounds of %d keys; min %.1f, max %.1f),"
                        + " %.0f bytes per key%n", kind, segments,
                perKey[perKey.length / 2], perKey.length, keys, perKey[0], perKey[perKey.length - 1], bytesPerKey);
        for (int c = 0; c < cmds.length; c++)
            System.out.printf(Locale.ROOT, "  command '%s' typed and run: %.1f us CPU each (keys and Enter)%n", cmds[c], perCmd[c]);
        System.out.printf(Locale.ROOT, "  lab driver's commands (syn ack fin step reset) typed and run: %.1f us CPU and %.0f bytes each%n",
                perCycle, bytesPerCycle);
    }

    private static void typeKeys(TextUi ui, KeyStroke[] typing, int keys) throws Exception {
        for (int i = 0; i < keys; i++) ui.press(typing[i % typing.length]);
    }
}
