package tcptutor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DrillCommandTest {
    record Run(int exit, String out, String err) {}

    static Run drill(String... args) {
        CommandLine cl = Tcptutor.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "drill";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = cl.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void syntaxError_printsFileLineColumn_andExits2(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.pkt");
        Files.writeString(bad, "0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n+0 < S 0:0(0) <mss 1460>\n");
        Run r = drill(bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("FAIL " + bad + "\n  " + bad
                + ":2:15: expected 'win N' here: an inbound '<' packet needs a window (e.g. win 64240)\n0 passed, 1 failed\n");
    }

    @Test
    void missingFile_isBadInput(@TempDir Path dir) {
        Path none = dir.resolve("none.pkt");
        Run r = drill(none.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).endsWith("0 passed, 1 failed\n").contains(none + ": no such file");
    }

    @Test
    void unknownProfile_isBadInput(@TempDir Path dir) throws IOException {
        Run r = drill("--profile", "bsd", "x.pkt");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tcptutor: --profile takes linux or rfc9293, not 'bsd'\n");
    }

    @Test
    void noFiles_isUsageError() {
        Run r = drill();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter");
    }

    private static Path conformance(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared").resolve("conformance").resolve(name);
            if (Files.exists(c)) return c;
        }
        throw new IllegalStateException("shared/conformance/" + name + " is missing beside the clone");
    }

    @Test
    void passingScripts_exit0_withTheSummaryLine() {
        Run r = drill(conformance("a-syn-closed-port.pkt").toString(), conformance("k-simultaneous-close.pkt").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).endsWith("\n2 passed, 0 failed\n").contains("PASS ").doesNotContain("FAIL");
        assertThat(r.err()).contains("warning: defaults.sh:11: skipped `tc qdisc add dev tun0 root pfifo`");
    }

    @Test
    void failingScript_printsLineExpectedAndActual_andExits1(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.pkt");
        Files.writeString(bad, "0 < S 0:0(0) win 64240 <mss 1460>\n+0 > R. 0:0(0) ack 2 win 0\n");
        Run r = drill(bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("FAIL " + bad + "\n"
                + "  " + bad + ":2: +0 > R. 0:0(0) ack 2 win 0\n"
                + "    wrong outbound packet: ack: expected 2, got 1\n"
                + "    expected: R. 0:0(0) ack 2 win 0 at 0.000000\n"
                + "    actual:   R. 0:0(0) ack 1 win 0 at 0.000000\n"
                + "0 passed, 1 failed\n");
    }

    @Test
    void verbose_printsTheEventsOfTheRun() {
        Run r = drill("-v", conformance("a-syn-closed-port.pkt").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("#2 peer > you  R. 0:0(0) ack 1 win 0", "[you: raw | peer: no sockets]");
    }

    @Test
    void pcap_holdsEverySegmentOfTheRun(@TempDir Path dir) {
        Path out = dir.resolve("run.pcap");
        Run r = drill("--pcap", out.toString(), conformance("c-active-close-time-wait.pkt").toString());
        assertThat(r.exit()).isZero();
        tcptutor.capture.Capture c = tcptutor.capture.CaptureReader.read(out);
        assertThat(c.ok()).isTrue();
        assertThat(c.packets()).hasSize(9);
        assertThat(c.packets().get(1).segment().flags()).isEqualTo(tcptutor.wire.Flags.SYN | tcptutor.wire.Flags.ACK);
        assertThat(c.packets().get(0).timeMicros()).isEqualTo(tcptutor.capture.TraceExport.EPOCH_MICROS); // time 0 at the fixed epoch
        assertThat(r.out()).contains("wrote " + out + " (9 segments)");
    }

    @Test
    void pcap_withSeveralScripts_writesOneFileEach(@TempDir Path dir) {
        Path out = dir.resolve("run.pcap");
        Run r = drill("--pcap", out.toString(), conformance("a-syn-closed-port.pkt").toString(),
                conformance("b-syn-no-options.pkt").toString());
        assertThat(r.exit()).isZero();
        assertThat(dir.resolve("run-a-syn-closed-port.pcap")).exists();
        assertThat(dir.resolve("run-b-syn-no-options.pcap")).exists();
    }
}
