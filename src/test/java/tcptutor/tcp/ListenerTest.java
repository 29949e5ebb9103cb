package tcptutor.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.wire.Flags.ACK;
import static tcptutor.wire.Flags.FIN;
import static tcptutor.wire.Flags.RST;
import static tcptutor.wire.Flags.SYN;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.sim.Call;
import tcptutor.sim.Errno;
import tcptutor.sim.Reason;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/** LISTEN: the SYN queue, the accept queue (backlog + 1), SYN cookies, closing a listener. */
class ListenerTest {
    private static void syn(PeerLab l, int port, int seq) {
        l.w.send(Side.YOU, Segment.of(port, PeerLab.L, seq, 0, SYN, 64240, List.of(new TcpOption.Mss(1460)), new byte[0]), Reason.of("t", ""));
        l.w.runUntil(l.w.now());
    }

    private static void ack(PeerLab l, int port, int seq, int ack) {
        l.w.send(Side.YOU, Segment.of(port, PeerLab.L, seq, ack, ACK, 64240, List.of(), new byte[0]), Reason.of("t", ""));
        l.w.runUntil(l.w.now());
    }

    private static PeerLab listener(int backlog, Settings s) {
        PeerLab l = new PeerLab(s, 5000);
        l.listenFd = l.peer.socket();
        l.peer.bind(l.listenFd, PeerLab.L);
        l.peer.listen(l.listenFd, backlog);
        l.out();
        return l;
    }

    @Test
    void listen_synFlood_fillsSynQueue_thenSynCookiesAnswer() {
        PeerLab l = listener(2, Settings.linux());
        syn(l, 50001, 100);
        syn(l, 50002, 200);
        syn(l, 50003, 250);
        assertThat(l.out()).hasSize(3);
        Tcb lis = l.peer.stack().listener(PeerLab.L);
        assertThat(lis.listen.synQueue).hasSize(3);                 // backlog + 1, as Linux tests '>'
        syn(l, 50004, 300);
        List<String> out = l.out();
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).startsWith("S. ").endsWith("ack 301 win 64240 <mss 1460>");
        assertThat(lis.listen.synQueue).hasSize(3);
        assertThat(l.w.trace().of(TraceEvent.Sent.class).get(l.w.trace().of(TraceEvent.Sent.class).size() - 1).why().text())
                .contains("SYN cookie");
    }

    @Test
    void listen_validCookieAck_createsEstablishedConnection() {
        PeerLab l = listener(0, Settings.linux());
        syn(l, 50001, 100);
        l.out();
        syn(l, 50002, 200);
        l.out();
        List<TraceEvent.Sent> sent = l.w.trace().of(TraceEvent.Sent.class);
        int cookie = sent.get(sent.size() - 1).segment().seq();
        ack(l, 50002, 201, cookie + 1);
        assertThat(l.out()).isEmpty();
        assertThat(l.peer.stack().connection(PeerLab.L, 50002).state()).isEqualTo(State.ESTABLISHED);
        Call a = l.peer.accept(l.listenFd);
        assertThat(a.result().value()).isEqualTo(4);
    }

    @Test
    void listen_withoutSyncookies_fullSynQueueDropsSyn() {
        PeerLab l = listener(0, Settings.linux().with(Knob.tcp_syncookies, 0));
        syn(l, 50001, 100);
        l.out();
        syn(l, 50002, 200);
        assertThat(l.out()).isEmpty();
        assertThat(l.w.trace().of(TraceEvent.Handled.class)).last().satisfies(h -> assertThat(h.why().text()).contains("SYN queue full"));
    }

    @Test
    void listen_acceptQueueHoldsBacklogPlusOne_thenSynsAndFinalAcksAreDropped() {
        PeerLab l = listener(1, Settings.linux());
        for (int p = 50001; p <= 50002; p++) {
            l.peer.nextIsn(5000);
            syn(l, p, 100);
            ack(l, p, 101, 5001);
        }
        Tcb lis = l.peer.stack().listener(PeerLab.L);
        assertThat(lis.listen.acceptQueue).hasSize(2);
        l.out();
        syn(l, 50003, 100);
        assertThat(l.out()).isEmpty();
        assertThat(l.w.trace().of(TraceEvent.Handled.class)).last().satisfies(h -> assertThat(h.why().text()).contains("accept queue full"));
    }

    @Test
    void synReceived_finalAckWithFullAcceptQueue_isDropped_andSynAckRetransmitted() {
        PeerLab l = listener(2, Settings.linux());
        int[] ports = {50001, 50002, 50003, 50004};
        for (int i = 0; i < 4; i++) {
            if (i > 0) l.peer.nextIsn(10_000 * (i + 1));          // the lab already queued ISS 5000 for the first
            syn(l, ports[i], 100);
            if (i >= 1) ack(l, ports[i - 1], 101, i == 1 ? 5001 : 10_000 * i + 1);
        }
        Tcb lis = l.peer.stack().listener(PeerLab.L);
        assertThat(lis.listen.acceptQueue).hasSize(3);
        l.out();
        ack(l, 50004, 101, 40_001);
        assertThat(l.out()).isEmpty();
        assertThat(l.peer.stack().connection(PeerLab.L, 50004).state()).isEqualTo(State.SYN_RECEIVED);
        assertThat(l.w.trace().of(TraceEvent.Handled.class)).last().satisfies(h -> assertThat(h.why().text()).contains("accept queue full"));
        l.advanceMs(1000);
        assertThat(l.out()).containsExactly("S. 40000:40000 ack 101 win 64240 <mss 1460>");
        l.peer.accept(l.listenFd);
        ack(l, 50004, 101, 40_001);
        assertThat(l.peer.stack().connection(PeerLab.L, 50004).state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    void closingListener_resetsUnacceptedConnections_andDropsHalfOpenSilently() {
        PeerLab l = listener(4, Settings.linux());
        syn(l, 50001, 100);
        ack(l, 50001, 101, 5001);
        l.peer.nextIsn(6000);
        syn(l, 50002, 300);
        l.out();
        l.peer.close(l.listenFd);
        assertThat(l.out()).containsExactly("R. 5001:5001 ack 101 win 64240");
        assertThat(l.peer.stack().all()).isEmpty();
        syn(l, 50004, 1);
        assertThat(l.out()).containsExactly("R. 0:0 ack 2 win 0");
    }

    @Test
    void listen_synWithFin_isDropped_andBareFinIsDropped() {
        PeerLab l = listener(4, Settings.linux());
        syn(l, 50001, 100);
        l.out();
        l.w.send(Side.YOU, Segment.of(50002, PeerLab.L, 1, 0, SYN | FIN, 64240, List.of(), new byte[0]), Reason.of("t", ""));
        l.w.send(Side.YOU, Segment.of(50003, PeerLab.L, 1, 0, FIN, 64240, List.of(), new byte[0]), Reason.of("t", ""));
        l.w.send(Side.YOU, Segment.of(50003, PeerLab.L, 1, 0, RST, 64240, List.of(), new byte[0]), Reason.of("t", ""));
        l.w.runUntil(l.w.now());
        assertThat(l.out()).isEmpty();
    }

    @Test
    void tcpMaxseg_onTheListener_clampsTheSynAckMssAndWindow_andTheChildsSegments() {
        // as captured on Linux 6.18: TCP_MAXSEG 1000 -> <mss 1000>, win 65000 (whole segments of 1000)
        PeerLab l = new PeerLab();
        l.listenFd = l.peer.socket();
        assertThat(l.peer.setsockopt(l.listenFd, tcptutor.sim.SockOpt.TCP_MAXSEG, 1000).failed()).isFalse();
        assertThat(l.peer.setsockopt(l.listenFd, tcptutor.sim.SockOpt.TCP_MAXSEG, 10).failed()).isTrue();
        l.peer.bind(l.listenFd, PeerLab.L);
        l.peer.listen(l.listenFd, 5);
        l.in(SYN, 1000, 0, 64240, 0, new TcpOption.Mss(1460));
        assertThat(l.out()).containsExactly("S. 5000:5000 ack 1001 win 65000 <mss 1000>");
        l.in(ACK, 1001, 5001, 64240, 0);
        l.fd = (int) l.peer.accept(l.listenFd).result().value();
        assertThat(l.peer.getsockopt(l.fd, tcptutor.sim.SockOpt.TCP_MAXSEG).value()).isEqualTo(1000);
        l.peer.write(l.fd, new byte[1500]);
        assertThat(l.out()).containsExactly(". 5001:6001(1000) ack 1001 win 65000", "P. 6001:6501(500) ack 1001 win 65000");
    }

    @Test
    void synReceived_rstInWindow_dropsRequest_andLaterAckGetsRstFromListener() {
        PeerLab l = new PeerLab().synReceived();
        l.in(RST, 1001, 0, 0, 0);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.CLOSED);
        l.in(ACK, 1001, 5001, 64240, 0);
        assertThat(l.out()).containsExactly("R 5001:5001 win 0");
    }

    @Test
    void synReceived_rstInWindowNotExact_getsRateLimitedChallengeAck_andTheRequestStays() {
        // Linux 6.18, measured with packetdrill: RFC 5961 3.2 applies to request socks too
        PeerLab l = new PeerLab().synReceived();
        l.in(RST, 1005, 0, 0, 0);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240");
        l.advanceMs(100);
        l.in(RST, 1006, 0, 0, 0);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.SYN_RECEIVED);
        l.in(ACK, 1001, 5001, 64240, 0);
        assertThat(l.state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    void synReceived_synInWindowNotIrs_getsRstAndDropsRequest() {
        PeerLab l = new PeerLab().synReceived();
        l.in(SYN, 1001, 0, 64240, 0);
        assertThat(l.out()).containsExactly("R. 0:0 ack 1002 win 0");
        assertThat(l.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void synReceived_outOfWindowSegment_getsAckWithIssPlusOne() {
        PeerLab l = new PeerLab().synReceived();
        l.in(ACK, 900_000, 5001, 64240, 0);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240");
        assertThat(l.state()).isEqualTo(State.SYN_RECEIVED);
    }

    @Test
    void synReceived_finalAckWithDataAndFin_goesToCloseWait() {
        PeerLab l = new PeerLab().synReceived();
        l.in(ACK | FIN, 1001, 5001, 64240, 10);
        assertThat(l.state()).isEqualTo(State.CLOSE_WAIT);
        l.advanceMs(50);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1012 win 64229");
        Call a = l.peer.accept(l.listenFd);
        int fd = (int) a.result().value();
        assertThat(l.peer.read(fd, 100).result().value()).isEqualTo(10);
        assertThat(l.peer.read(fd, 100).result().value()).isZero();
    }

    @Test
    void accept_nonBlockingWithEmptyQueue_isEagain() {
        PeerLab l = listener(4, Settings.linux());
        l.peer.nonBlocking(l.listenFd, true);
        assertThat(l.peer.accept(l.listenFd).result().errno()).isEqualTo(Errno.EAGAIN);
    }
}
