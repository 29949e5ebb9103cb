package tcptutor.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.capture.TraceExport;
import tcptutor.sim.TraceEvent;
import tcptutor.sim.World;
import tcptutor.wire.Flags;
import tcptutor.wire.Seq;

/**
 * {@code export pcap FILE} read back by tshark: every segment the session sent, in order, with the flags, numbers,
 * lengths, addresses and virtual time stamps the trace has, and every IP and TCP checksum good. bin/test installs
 * tshark; without it these tests fail rather than skip.
 */
class ExportPcapTest {
    static String tshark(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "tshark";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return tcptutor.Tools.run(cmd);
    }

    @TempDir Path dir;

    /** Runs the commands in a session with a 500 µs link delay (so time stamps differ), exports, returns the session. */
    private Session run(Path file, String... commands) {
        Session s = new Session(SessionConfig.defaults().withLinkDelay(500));
        for (String c : commands) {
            Outcome o = s.execute(c);
            assertThat(o.ok()).as(c + " -> " + o.lines()).isTrue();
        }
        Outcome o = s.execute("export pcap " + file);
        assertThat(o.ok()).as(o.lines().toString()).isTrue();
        assertThat(o.lines().get(0)).startsWith("wrote " + s.world().trace().of(TraceEvent.Sent.class).size() + " segments to " + file);
        return s;
    }

    /** tshark's view of every frame must be the trace's view of every segment sent. */
    private void assertTsharkSeesTheTrace(Path file, World w) {
        String out = tshark("-r", file.toString(), "-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE",
                "-o", "tcp.relative_sequence_numbers:FALSE", "-T", "fields", "-e", "frame.time_epoch", "-e", "ip.src", "-e", "ip.dst",
                "-e", "tcp.srcport", "-e", "tcp.dstport", "-e", "tcp.flags", "-e", "tcp.seq_raw", "-e", "tcp.ack_raw", "-e", "tcp.len",
                "-e", "tcp.window_size_value", "-e", "ip.checksum.status", "-e", "tcp.checksum.status");
        List<String> want = new ArrayList<>();
        for (TraceEvent.Sent s : w.trace().of(TraceEvent.Sent.class)) {
            long t = TraceExport.EPOCH_MICROS + s.at();
            var g = s.segment();
            want.add(String.format("%d.%06d000\t%s\t%s\t%d\t%d\t0x%04x\t%s\t%s\t%d\t%d\t1\t1", t / 1_000_000, t % 1_000_000,
                    w.host(s.from()).address().getHostAddress(), w.host(s.from().other()).address().getHostAddress(),
                    g.srcPort(), g.dstPort(), g.flags(), Seq.str(g.seq()), Seq.str(g.ack()), g.payloadLength(), g.window()));
        }
        assertThat(out.lines().toList()).isEqualTo(want);
    }

    private static List<Integer> flags(World w) {
        return w.trace().of(TraceEvent.Sent.class).stream().map(s -> s.segment().flags()).toList();
    }

    @Test void handshakeDataAndClose_readBackByTshark() {
        Path f = dir.resolve("close.pcap");
        Session s = run(f, "syn", "ack", "data \"hello\"", "peer read", "peer send \"hi\"", "ack", "fin", "peer close", "ack");
        assertThat(flags(s.world())).containsExactly(Flags.SYN, Flags.SYN | Flags.ACK, Flags.ACK, Flags.PSH | Flags.ACK, Flags.ACK,
                Flags.PSH | Flags.ACK, Flags.ACK, Flags.FIN | Flags.ACK, Flags.ACK, Flags.FIN | Flags.ACK, Flags.ACK);
        assertTsharkSeesTheTrace(f, s.world());
    }

    @Test void resets_readBackByTshark() {
        Path f = dir.resolve("rst.pcap");
        Session s = run(f, "syn", "ack", "rst", "syn dport=81");
        assertThat(flags(s.world())).containsExactly(Flags.SYN, Flags.SYN | Flags.ACK, Flags.ACK, Flags.RST, Flags.SYN, Flags.RST | Flags.ACK);
        assertTsharkSeesTheTrace(f, s.world());
    }

    @Test void retransmission_lostSegmentIsInTheFileToo() {
        Path f = dir.resolve("rtx.pcap");
        Session s = run(f, "syn", "ack", "drop next", "peer send \"hi\"", "wait 300ms", "ack");
        World w = s.world();
        assertThat(w.trace().of(TraceEvent.Lost.class)).hasSize(1);
        List<TraceEvent.Sent> sent = w.trace().of(TraceEvent.Sent.class);
        assertThat(sent.get(3).segment().payloadLength()).isEqualTo(2);
        assertThat(sent.get(4).segment().seq()).isEqualTo(sent.get(3).segment().seq()); // the retransmission
        assertTsharkSeesTheTrace(f, w);
        String expert = tshark("-r", f.toString(), "-Y", "tcp.analysis.retransmission", "-T", "fields", "-e", "frame.number");
        assertThat(expert.lines().toList()).containsExactly("5");
    }

    @Test void exportToAnUnwritablePlace_isAOneLineError() {
        Session s = new Session(SessionConfig.defaults());
        Outcome o = s.execute("export pcap " + dir.resolve("no/such/dir/x.pcap"));
        assertThat(o.ok()).isFalse();
        assertThat(o.lines()).hasSize(1);
        assertThat(o.lines().get(0)).startsWith("column 1: cannot write ").endsWith("x.pcap: its directory does not exist");
    }
}
