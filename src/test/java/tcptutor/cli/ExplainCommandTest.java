package tcptutor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tcptutor explain}: the committed real capture, exit codes for truncated and foreign files, the options. */
class ExplainCommandTest {
    static final Path RTX_RST = Path.of("src/test/resources/tcptutor/explain/rtx-rst.pcap");

    record Run(int exit, String out, String err) {}

    static Run explain(String... args) {
        CommandLine cl = Tcptutor.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "explain";
        System.arraycopy(args, 0, all, 1, args.length);
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    @Test void realCaptureWithARetransmissionAndARst_isExplained() {
        Run r = explain(RTX_RST.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("rtx-rst.pcap: pcap, 12 TCP segments in 1 connection; profile linux, relative numbers"
                + " (as tcpdump prints them)\n\nconnection 1: client 127.0.0.1:42948 -> server 127.0.0.1:45680, 12 segments (frames 1-12)\n");
        assertThat(r.out()).contains(
                "     1  0.000000     SYN-SENT     --> SYN-RECEIVED  Flags [S], seq 4204548773, win 65495",
                "     3  0.000032     ESTABLISHED  --> ESTABLISHED   Flags [.], ack 1, win 64,",
                "     5  0.238545     ESTABLISHED  --> ESTABLISHED   Flags [P.], seq 1:301, ack 1, win 64,",
                "- retransmission of [1:301] (first sent in frame 4, 207.943 ms earlier): no ACK came in time",
                "- the server has not acknowledged the first copy: it was lost after the capture point",
                "     9  0.245353     CLOSE-WAIT   <-- FIN-WAIT-1    Flags [F.], seq 6, ack 301,",
                "    12  0.296013     CLOSED       <-- CLOSED        Flags [R], seq 1609643178, win 0, length 0",
                "- RST from the server: its application had closed the socket (its FIN is frame 9), so data\n",
                "  at the end of the capture: client CLOSED, server CLOSED\n",
                "  seen: 1 retransmission, 11 offloaded checksums\n");
        assertThat(r.out()).contains("- checksum 0xfe30 is only the pseudo-header sum: checksum offload.");
    }

    @Test void absoluteNumbers_likeTcpdumpS() {
        Run r = explain("--absolute", RTX_RST.toString());
        assertThat(r.out()).contains("Flags [P.], seq 4204548774:4204549074, ack 1609643172,", "retransmission of [4204548774:4204549074]");
    }

    @Test void truncatedCapture_explainsWhatItCould_exits1_withTheByteOffset(@TempDir Path dir) throws IOException {
        byte[] all = Files.readAllBytes(RTX_RST);
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(all, all.length - 30));
        Run r = explain(cut.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("cut.pcap: pcap, 11 TCP segments in 1 connection", "    11  0.295982");
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("tcptutor: " + cut + ": byte ").contains(": truncated: frame 12 claims 54 captured bytes but the"
                + " file ends after 24").endsWith("(the 11 segments before it are explained above)\n");
    }

    @Test void notACapture_isOneLineWithTheOffset_exit2(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello world");
        Run r = explain(text.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("tcptutor: " + text + ": byte 0: not a pcap or pcapng file (it starts with 68 65 6c 6c; "
                + "pcap starts with d4 c3 b2 a1 or a1 b2 c3 d4, pcapng with 0a 0d 0d 0a)\n");
        Run none = explain(dir.resolve("none.pcap").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("tcptutor: " + dir.resolve("none.pcap") + ": no such file\n");
    }

    @Test void connectionOption_andBadOptions() {
        assertThat(explain("--connection", "1", RTX_RST.toString()).exit()).isZero();
        Run two = explain("--connection", "2", RTX_RST.toString());
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.err()).isEqualTo("tcptutor: --connection 2: the capture holds connection 1\n");
        Run bsd = explain("--profile", "bsd", RTX_RST.toString());
        assertThat(bsd.exit()).isEqualTo(2);
        assertThat(bsd.err()).isEqualTo("tcptutor: --profile takes linux or rfc9293, not 'bsd'\n");
    }

    @Test void rfc9293Profile_isNamedInTheHeader() {
        assertThat(explain("--profile", "rfc9293", RTX_RST.toString()).out()).startsWith("rtx-rst.pcap: pcap, 12 TCP segments in 1 connection;"
                + " profile rfc9293");
    }
}
