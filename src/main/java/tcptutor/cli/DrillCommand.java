package tcptutor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tcptutor.capture.TraceExport;
import tcptutor.drill.Parser;
import tcptutor.drill.Runner;
import tcptutor.drill.Script;
import tcptutor.drill.ScriptError;
import tcptutor.tcp.Profile;
import tcptutor.tcp.Settings;

/** {@code tcptutor drill}: runs packetdrill scripts against the simulated peer and reports what differs. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"Run packetdrill scripts against the simulated peer.",
                "The script plays the remote end ('<' injects a segment, '>' expects one); the peer's application "
                        + "makes the script's system calls. Exit 0 when every script passes, 1 when one fails, "
                        + "2 on a syntax error."})
public final class DrillCommand implements Callable<Integer> {
    /** Every run uses the same seed: a script's result never depends on the run. */
    static final long SEED = 1;

    @Spec CommandSpec spec;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "linux",
            description = "Defaults the peer starts from: linux (measured Linux 6.x, default) or rfc9293 (textbook).")
    String profile;

    @Option(names = {"-v", "--verbose"},
            description = "Print every event: segments, state changes, timers, calls, with both sides' states.")
    boolean verbose;

    @Option(names = "--pcap", paramLabel = "FILE",
            description = "Write every segment of the run to a pcap file (for tcpdump or Wireshark); with several "
                    + "scripts, one file each: out.pcap becomes out-SCRIPT.pcap.")
    Path pcap;

    @Parameters(arity = "1..*", paramLabel = "FILE.pkt", description = "packetdrill scripts")
    List<Path> files;

    @Override public Integer call() {
        Profile p = Profile.parse(profile);
        if (p == null) throw UserError.input("--profile takes linux or rfc9293, not '" + profile + "'");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> warned = new LinkedHashSet<>();
        int passed = 0, failed = 0, syntax = 0;
        for (Path f : files) {
            Script script;
            try {
                script = Parser.parse(f);
            } catch (ScriptError e) {
                out.println("FAIL " + f);
                out.println("  " + e.getMessage());
                failed++;
                syntax++;
                continue;
            } catch (NoSuchFileException e) {
                out.println("FAIL " + f);
                out.println("  " + f + ": no such file; give the path of a .pkt script");
                failed++;
                syntax++;
                continue;
            } catch (IOException e) {
                out.println("FAIL " + f);
                out.println("  " + f + ": cannot read it (" + e.getMessage() + ")");
                failed++;
                syntax++;
                continue;
            }
            for (String w : script.warnings()) if (warned.add(w)) err.println("warning: " + w);
            Runner.Outcome o;
            try {
                o = Runner.run(script, Settings.of(p), SEED, verbose ? out::println : null);
            } catch (RuntimeException e) {
                out.println("FAIL " + f);
                out.println("  the simulator failed while running the script: " + e);
                if (verbose) e.printStackTrace(out);
                failed++;
                continue;
            }
            if (pcap != null) writePcap(out, f, o);
            if (o.passed()) {
                out.println("PASS " + f);
                passed++;
            } else {
                out.println("FAIL " + f);
                report(out, o.failure());
                failed++;
            }
            out.flush();
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return syntax > 0 ? 2 : failed > 0 ? 1 : 0;
    }

    /** The run's segments, both directions, as they left their host (time 0 = the start of the script, at TraceExport's epoch). */
    private void writePcap(PrintWriter out, Path script, Runner.Outcome o) {
        Path target = pcapFor(script);
        try {
            int n = TraceExport.write(o.world(), target);
            out.println("wrote " + target + " (" + n + " segments)");
        } catch (IOException e) {
            throw UserError.environment("cannot write " + target + ": " + e.getMessage());
        }
    }

    private Path pcapFor(Path script) {
        if (files.size() == 1) return pcap;
        String name = pcap.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name, ext = dot > 0 ? name.substring(dot) : ".pcap";
        String pkt = script.getFileName().toString().replaceFirst("\\.pkt$", "");
        return pcap.resolveSibling(base + "-" + pkt + ext);
    }

    private static void report(PrintWriter out, Runner.Failure f) {
        out.println("  " + f.file() + ":" + f.line() + ": " + f.event());
        out.println("    " + f.message());
        if (!f.expected().isEmpty()) out.println("    expected: " + f.expected());
        if (!f.actual().isEmpty()) out.println("    actual:   " + f.actual());
    }
}
