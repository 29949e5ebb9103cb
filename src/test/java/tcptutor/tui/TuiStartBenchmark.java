package tcptutor.tui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Start-up of the real launcher to the first complete frame of the text UI, on a pseudo-terminal made by
 * {@code script}: the time from starting {@code bin/tcptutor} until the console's title row (drawn with the
 * rest of the first frame) has arrived. The harness answers Lanterna's cursor-position query as a 100x30
 * terminal would. Then it quits the UI (Ctrl-C, y). Run after a build, with the launcher's AppCDS archive:
 * <pre>
 *   bin/tcptutor --version   # builds, and trains the archive
 *   java -cp target/test-classes tcptutor.tui.TuiStartBenchmark [runs]
 * </pre>
 */
public final class TuiStartBenchmark {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path root = Path.of(System.getProperty("user.dir"));
        Path data = Files.createTempDirectory("tcptutor-bench");
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) times.add(once(root, data));
        Collections.sort(times);
        System.out.printf("first frame, %d runs: min %.3f s, median %.3f s, max %.3f s%n",
                runs, times.get(0), times.get(runs / 2), times.get(runs - 1));
    }

    static double once(Path root, Path data) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("script", "-q", "-e", "-c", root.resolve("bin/tcptutor").toString(), "/dev/null");
        pb.environment().put("XDG_DATA_HOME", data.toString());
        pb.environment().put("TERM", "xterm-256color");
        pb.redirectErrorStream(true);
        long t0 = System.nanoTime();
        Process p = pb.start();
        InputStream in = p.getInputStream();
        OutputStream out = p.getOutputStream();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        double first = -1;
        int answered = 0;
        for (int n; first < 0 && (n = in.read(buf)) > 0; ) {
            seen.write(buf, 0, n);
            String s = seen.toString(StandardCharsets.UTF_8);
            for (int q = s.split("\u001b\\[6n", -1).length - 1; answered < q; answered++) { // size queries: answer as 100x30
                out.write("\u001b[30;100R".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            if (s.contains("Esc quit")) first = (System.nanoTime() - t0) / 1e9;
        }
        out.write(3); // Ctrl-C, then y: quit
        out.flush();
        Thread.sleep(300);
        out.write('y');
        out.flush();
        in.transferTo(OutputStream.nullOutputStream());
        p.waitFor();
        return first;
    }
}
