package tcptutor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.sim.Reason;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.sim.World;
import tcptutor.tcp.Settings;
import tcptutor.wire.Checksum;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

class TraceExportTest {
    /** A SYN to the listening peer (answered), then a SYN the link loses, then time passes so the peer retransmits. */
    static World handshakeWithLoss() {
        World w = new World(Settings.linux(), 7);
        int l = w.peer().socket();
        w.peer().bind(l, 80);
        w.peer().listen(l, 5);
        w.link().delay(Side.YOU, 250);
        w.link().delay(Side.PEER, 250);
        w.send(Side.YOU, Segment.of(40000, 80, 1000, 0, Flags.SYN, 64240, List.of(new TcpOption.Mss(1460)), new byte[0]), Reason.of("test", ""));
        w.runUntil(10_000);
        w.link().dropNext(Side.YOU);
        w.send(Side.YOU, Segment.of(40001, 80, 5000, 0, Flags.SYN, 64240, List.of(), new byte[0]), Reason.of("test", ""));
        w.runUntil(1_500_000);
        return w;
    }

    static byte[] export(World w) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceExport.write(w, out, PcapWriter.Link.ETHERNET);
        return out.toByteArray();
    }

    @Test void everySentSegment_isAFrame_atItsSendTimeAfterTheEpoch_lostOnesIncluded() throws IOException {
        World w = handshakeWithLoss();
        List<TraceEvent.Sent> sent = w.trace().of(TraceEvent.Sent.class);
        assertThat(w.trace().of(TraceEvent.Lost.class)).hasSize(1);
        Capture c = CaptureReader.read(export(w));
        assertThat(c.ok()).isTrue();
        assertThat(c.packets()).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            CapturedPacket p = c.packets().get(i);
            TraceEvent.Sent s = sent.get(i);
            assertThat(p.timeMicros()).isEqualTo(TraceExport.EPOCH_MICROS + s.at());
            assertThat(p.src()).isEqualTo(w.host(s.from()).address());
            assertThat(p.dst()).isEqualTo(w.host(s.from().other()).address());
            assertThat(p.segment().withChecksum(0)).isEqualTo(s.segment());
            assertThat(p.checksumStatus()).isEqualTo(Checksum.Status.GOOD);
        }
        assertThat(c.packets().get(0).src().getHostAddress()).isEqualTo("192.0.2.1");
        assertThat(c.packets().get(1).src().getHostAddress()).isEqualTo("192.0.2.2");
    }

    @Test void theSameWorld_givesTheSameBytes() throws IOException {
        assertThat(export(handshakeWithLoss())).isEqualTo(export(handshakeWithLoss()));
    }
}
