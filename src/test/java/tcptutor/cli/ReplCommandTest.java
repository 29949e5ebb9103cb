package tcptutor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReplCommandTest {
    private final StringWriter out = new StringWriter(), err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Tcptutor.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test void script_runsEveryLine_exitZero(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("demo.txt");
        Files.writeString(f, "# handshake\nsyn\nack\nshow state\n");
        assertThat(run("repl", "--script", f.toString())).isZero();
        assertThat(out.toString()).startsWith("# handshake\n> syn\n#1  you > peer  Flags [S], seq 0, win 64240, options [mss 1460], length 0\n");
        assertThat(out.toString()).doesNotContain("\u001b");
    }

    @Test void script_exportPcap_thenExplainReadsItBack(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("demo.txt"), pcap = dir.resolve("demo.pcap");
        Files.writeString(f, "syn\nack\nfin\nexport pcap " + pcap + "\n");
        assertThat(run("repl", "--script", f.toString())).isZero();
        assertThat(out.toString()).contains("wrote 5 segments to " + pcap);
        out.getBuffer().setLength(0);
        assertThat(run("explain", pcap.toString())).isZero();
        assertThat(out.toString()).contains("connection 1: client 192.0.2.1:40000 -> server 192.0.2.2:80, 5 segments (frames 1-5)",
                "FIN-WAIT-2   <-- CLOSE-WAIT    Flags [.], ack 2, win 64239, length 0");
    }

    @Test void script_withAFailedCommand_exitsOne(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("demo.txt");
        Files.writeString(f, "syn\nsyn sqe=1\n");
        assertThat(run("repl", "--script", f.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("did you mean 'seq=1'?");
    }

    @Test void optionsChooseProfileSeedManualAndAbsolute(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("demo.txt");
        Files.writeString(f, "show settings\nsyn\n");
        assertThat(run("repl", "--script", f.toString(), "--profile", "rfc9293", "--seed", "5", "--manual", "--absolute")).isEqualTo(1);
        assertThat(out.toString()).contains("profile rfc9293, seed 5, numbers absolute, assist off");
        assertThat(out.toString()).contains("manual mode: every number must be given; missing seq=, win=");
    }

    @Test void missingScriptOrBadProfile_isBadInput() {
        assertThat(run("repl", "--script", "/nonexistent/demo.txt")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read /nonexistent/demo.txt");
        assertThat(run("repl", "--profile", "bsd")).isEqualTo(2);
    }
}
