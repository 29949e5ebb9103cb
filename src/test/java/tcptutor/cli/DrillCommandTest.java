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
}
