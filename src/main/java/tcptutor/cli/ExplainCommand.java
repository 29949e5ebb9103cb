package tcptutor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tcptutor.capture.Capture;
import tcptutor.capture.CaptureReader;
import tcptutor.explain.Conversation;
import tcptutor.explain.Explainer;
import tcptutor.explain.Report;
import tcptutor.tcp.Profile;
import tcptutor.tcp.Settings;

/** {@code tcptutor explain FILE}: a real capture replayed through the engine, segment by segment, with both sides' states. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain a capture (pcap or pcapng, from tcpdump or Wireshark): every TCP connection in it as a ladder with "
                + "both sides' states after each segment, and a note wherever something happens: retransmissions, duplicate ACKs, "
                + "out-of-window segments, challenge ACKs, RSTs and the rule behind them, TIME-WAIT, half-close, zero windows, "
                + "probes, bytes the capture missed, checksum and segmentation offload.",
                "Exit 0 when the whole file was read, 1 when it is truncated or damaged (what could be read is explained), "
                        + "2 when it is not a capture."})
public final class ExplainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a pcap or pcapng file, e.g. from tcpdump -w or Wireshark")
    Path file;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "linux",
            description = "Rules the sides are judged by: linux (default) or rfc9293.")
    String profile;

    @Option(names = "--absolute", description = "Sequence numbers as on the wire (like tcpdump -S), not relative.")
    boolean absolute;

    @Option(names = "--connection", paramLabel = "N", description = "Explain only connection N (the list at the top numbers them).")
    Integer connection;

    @Override public Integer call() {
        Profile p = Profile.parse(profile);
        if (p == null) throw UserError.input("--profile takes linux or rfc9293, not '" + profile + "'");
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Capture cap = CaptureReader.read(file);
        if (cap.format().equals("none")) {
            err.println("tcptutor: " + (cap.error().startsWith(file.toString()) ? "" : file + ": ") + cap.error());
            err.flush();
            return 2;
        }
        List<Conversation> conversations = Conversation.split(cap.packets());
        if (connection != null && (connection < 1 || connection > conversations.size())) {
            throw UserError.input("--connection " + connection + ": " + (conversations.isEmpty() ? "the capture holds no TCP connection"
                    : "the capture holds connection" + (conversations.size() == 1 ? " 1" : "s 1 to " + conversations.size())));
        }
        Explainer explainer = new Explainer(Settings.of(p), absolute);
        String numbering = "profile " + p.id() + ", " + (absolute ? "absolute numbers" : "relative numbers (as tcpdump prints them)");
        for (String line : Report.render(file.getFileName().toString(), cap, conversations, explainer, connection, numbering)) out.println(line);
        out.flush();
        if (cap.ok()) return 0;
        int n = cap.packets().size();
        err.println("tcptutor: " + file + ": " + cap.error() + (n == 0 ? " (no segment could be read before it)"
                : " (the " + (n == 1 ? "segment" : n + " segments") + " before it " + (n == 1 ? "is" : "are") + " explained above)"));
        err.flush();
        return 1;
    }
}
