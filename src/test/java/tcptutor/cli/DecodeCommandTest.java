package tcptutor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DecodeCommandTest {
    final StringWriter out = new StringWriter(), err = new StringWriter();

    int run(String stdin, String... args) {
        CommandLine cl = Tcptutor.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        ((DecodeCommand) cl.getSubcommands().get("decode").getCommand()).in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        String[] all = new String[args.length + 1];
        all[0] = "decode";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }

    static String seedFile() {
        try {
            return Path.of(DecodeCommandTest.class.getResource("/tcptutor/seed-004-syn.txt").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test void seedSynDump_printsTheSeedsTableAndExplainsTheChecksum() {
        assertThat(run("", "-f", seedFile())).isZero();
        String o = out.toString();
        assertThat(o).startsWith("IP 127.0.0.1.38560 > 127.0.0.1.23: Flags [S], seq 4242890062, win 65495, "
                + "options [mss 65495,sackOK,TS val 3913303147 ecr 0,nop,wscale 7], length 0\n");
        assertThat(o).contains("bytes 20-21    0x96a0           Source Port: 38560\n")
                .contains("bytes 22-23    0x0017           Destination Port: 23 (telnet)\n")
                .contains("Sequence Number: 4242890062 ")
                .contains("Header Length: 40 bytes (10)\n")
                .contains("Flags: 0x002 (SYN)\n")
                .contains("Window: 65495\n")
                .contains("Options: 20 bytes: mss 65495, sackOK, TS val 3913303147 ecr 0, nop, wscale 7\n")
                .contains("Checksum: 0xfe30 [not filled in, correct value 0x316a]: checksum offload: "
                        + "the capture was taken before the NIC/loopback filled it in");
        assertThat(err.toString()).isEmpty();
    }

    @Test void stdinAndHexOption_printTheDumpToo() {
        assertThat(run("4510003cca49400040067260 7f000001 7f000001 96a00017fce55d4e00000000a002ffd7fe3000000204ffd70402080ae940446b0000000001030307",
                "--hex", "-")).isZero();
        assertThat(out.toString()).contains("Source Port: 38560").endsWith("0x0030:  e940 446b 0000 0000 0103 0307            .@Dk........\n");
    }

    @Test void hexArguments_areJoined() {
        assertThat(run("", "0001 0002 0000 0000", "0000 0000 5010 ffff 0000 0000")).isZero();
        assertThat(out.toString()).startsWith("1 > 2: Flags [.], ack 0, win 65535, length 0\n");
    }

    @Test void badHeader_isOneLineWithTheByteAndExit2() {
        assertThat(run("", "0001 0002 0000 0000 0000 0000 4002 ffff 0000 0000")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tcptutor: byte 12: data offset 4 is below the minimum 5\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test void badHex_namesLineAndColumn() {
        assertThat(run("", "45 1x")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tcptutor: line 1, column 5: 'x' is not a hex digit").hasLineCount(1);
    }

    @Test void missingFileAndNoInput_areUsageErrors() {
        assertThat(run("", "-f", "/nonexistent/dump.txt")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("tcptutor: /nonexistent/dump.txt: no such file\n");
        err.getBuffer().setLength(0);
        assertThat(run("")).isEqualTo(2);
        assertThat(err.toString()).startsWith("tcptutor: no bytes given");
    }
}
