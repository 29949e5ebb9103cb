package tcptutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.tcp.Settings;
import tcptutor.tcp.State;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

class WorldTest {
    static String dump(World w) {
        StringBuilder b = new StringBuilder();
        for (TraceEvent e : w.trace().events()) b.append(e).append('\n');
        return b.toString();
    }

    @Test
    void twoStacks_handshakeTransferAndClose() {
        World w = new World(Settings.linux(), 1);
        w.you().raw(false);
        Host you = w.you(), peer = w.peer();
        int l = peer.socket();
        peer.bind(l, 8080);
        peer.listen(l, 5);
        Call acc = peer.accept(l);
        int c = you.socket();
        Call con = you.connect(c, 8080);
        w.runUntil(1_000_000);
        assertThat(con.result().value()).isEqualTo(0);
        assertThat(acc.done()).isTrue();
        int a = (int) acc.result().value();
        Call wr = you.write(c, new byte[3000]);
        Call rd = peer.read(a, 10000);
        w.runUntil(2_000_000);
        assertThat(wr.result().value()).isEqualTo(3000);
        assertThat(rd.result().value()).isGreaterThan(0);
        you.close(c);
        w.runUntil(3_000_000);
        Call rd2 = peer.read(a, 10000);
        w.runUntil(4_000_000);
        peer.close(a);
        w.runUntil(5_000_000);
        assertThat(you.connections()).extracting(ci -> ci.tcb().state()).containsExactly(State.TIME_WAIT);
        assertThat(peer.connections()).extracting(ci -> ci.tcb().state()).containsExactly(State.LISTEN);
        w.runUntil(70_000_000);
        assertThat(you.connections()).isEmpty();
    }

    @Test
    void rawYou_synToListeningPeer_getsSynAck() {
        World w = new World(Settings.linux(), 1);
        Host peer = w.peer();
        int l = peer.socket();
        peer.bind(l, 8080);
        peer.listen(l, 1);
        w.send(Side.YOU, Segment.of(40000, 8080, 1000, 0, Flags.SYN, 64240, List.of(new TcpOption.Mss(1460)), new byte[0]),
                Reason.of("test", ""));
        w.runUntil(0);
        List<TraceEvent.Sent> sent = w.trace().of(TraceEvent.Sent.class);
        assertThat(sent).hasSize(2);
        Segment sa = sent.get(1).segment();
        assertThat(sa.flags()).isEqualTo(Flags.SYN | Flags.ACK);
        assertThat(sa.ack()).isEqualTo(1001);
        assertThat(sa.window()).isEqualTo(64240);
        assertThat(sa.options()).containsExactly(new TcpOption.Mss(1460));
    }
}
