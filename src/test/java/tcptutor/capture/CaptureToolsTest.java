package tcptutor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tcptutor.Tools;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tcptutor.wire.HexDump;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpdumpLine;

/**
 * Our pcap files read by the real tools: tshark sees the same flags, numbers, lengths and good checksums;
 * tcpdump prints the same lines as our renderer. bin/test installs tshark and tcpdump, so a missing tool
 * fails these tests rather than skipping them.
 */
class CaptureToolsTest {
    @TempDir Path dir;

    Path write(PcapWriter.Link link, boolean v6) throws IOException {
        Path f = dir.resolve("session-" + link + (v6 ? "-v6" : "") + ".pcap");
        Files.write(f, Session.pcap(link, v6));
        return f;
    }

    @ParameterizedTest(name = "{0} IPv6={1}")
    @CsvSource({"ETHERNET,false", "RAW,false", "ETHERNET,true"})
    void tshark_readsFlagsNumbersLengthsAndGoodChecksums(PcapWriter.Link link, boolean v6) throws IOException {
        String out = Tools.run("tshark", "-r", write(link, v6).toString(), "-T", "fields", "-e", "tcp.flags", "-e", "tcp.seq_raw",
                "-e", "tcp.ack_raw", "-e", "tcp.len", "-e", "tcp.checksum.status", "-o", "tcp.check_checksum:TRUE");
        List<String> want = new ArrayList<>();
        for (Session.Step st : Session.STEPS) {
            want.add(String.format("0x%04x\t%s\t%s\t%d\t1", st.segment().flags(), Seq.str(st.segment().seq()), Seq.str(st.segment().ack()),
                    st.segment().payloadLength()));
        }
        assertThat(out.lines().toList()).isEqualTo(want);
    }

    @Test void tshark_checksIpHeaderChecksumsAndTimeStamps() throws IOException {
        String out = Tools.run("tshark", "-r", write(PcapWriter.Link.ETHERNET, false).toString(), "-T", "fields", "-e", "frame.time_epoch",
                "-e", "ip.checksum.status", "-e", "ip.ttl", "-e", "ip.flags.df", "-o", "ip.check_checksum:TRUE");
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(Session.STEPS.size());
        assertThat(lines.get(1)).matches("1\\.000250000\\t1\\t64\\t(1|True)");
    }

    @Test void tcpdump_printsTheSameLinesAsOurRenderer() throws IOException {
        Path f = write(PcapWriter.Link.ETHERNET, false);
        for (boolean absolute : new boolean[]{false, true}) {
            String out = absolute ? Tools.run("tcpdump", "-nn", "-S", "-r", f.toString()) : Tools.run("tcpdump", "-nn", "-r", f.toString());
            List<String> theirs = out.lines().map(l -> l.substring(l.indexOf(' ') + 1)).toList();
            TcpdumpLine ours = new TcpdumpLine(absolute);
            List<String> mine = new ArrayList<>();
            for (Session.Step st : Session.STEPS) {
                mine.add(ours.line(st.fromClient() ? Session.client(false) : Session.server(false),
                        st.fromClient() ? Session.server(false) : Session.client(false), st.segment()));
            }
            assertThat(mine).as(absolute ? "tcpdump -S" : "tcpdump").isEqualTo(theirs);
        }
    }

    @Test void tcpdumpX_printsTheSameHexDump() throws IOException {
        Path f = write(PcapWriter.Link.ETHERNET, false);
        List<String> theirs = Tools.run("tcpdump", "-nn", "-X", "-c", "4", "-r", f.toString()).lines().filter(l -> l.startsWith("\t0x")).toList();
        List<String> mine = new ArrayList<>();
        for (CapturedPacket p : CaptureReader.read(Session.pcap(PcapWriter.Link.ETHERNET, false)).packets().subList(0, 4)) {
            byte[] frame = p.packet().bytes();
            for (String l : HexDump.lines(Arrays.copyOfRange(frame, 14, frame.length), true)) mine.add("\t" + l);
        }
        assertThat(mine).isEqualTo(theirs);
    }
}
