package tcptutor.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.wire.Flags.ACK;
import static tcptutor.wire.Flags.FIN;
import static tcptutor.wire.Flags.PSH;
import static tcptutor.wire.Flags.RST;
import static tcptutor.wire.Flags.SYN;

import org.junit.jupiter.api.Test;
import tcptutor.sim.Call;
import tcptutor.sim.Errno;
import tcptutor.wire.TcpOption;

/** State x event cells not covered by the tricky cases: user calls per state and arrivals in the closing states. */
class StatesTest {
    @Test
    void listen_connectIsEisconn_andReadIsEnotconn() {
        PeerLab l = new PeerLab().listening();
        assertThat(l.peer.connect(l.listenFd, 80).result().errno()).isEqualTo(Errno.EISCONN);
        assertThat(l.peer.read(l.listenFd, 1).result().errno()).isEqualTo(Errno.ENOTCONN);
    }

    @Test
    void synSent_closeSendsNothing() {
        PeerLab l = new PeerLab().synSent();
        l.peer.close(l.fd);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.CLOSED);
        l.advanceMs(5000);
        assertThat(l.out()).isEmpty();
    }

    @Test
    void synSent_shutdownDropsTheAttempt_andSecondConnectIsEalready() {
        PeerLab l = new PeerLab().synSent();
        assertThat(l.peer.connect(l.fd, PeerLab.T).result().errno()).isEqualTo(Errno.EALREADY);
        l.peer.shutdown(l.fd);
        assertThat(l.state()).isEqualTo(State.CLOSED);
        assertThat(l.out()).isEmpty();
    }

    @Test
    void synSent_writeWaitsForTheHandshake_thenDataFollowsTheAck() {
        PeerLab l = new PeerLab().synSent();
        Call w = l.peer.write(l.fd, new byte[10]);
        assertThat(w.done()).isFalse();
        l.in(SYN | ACK, 1000, 5001, 64240, 0, new TcpOption.Mss(1460));
        assertThat(w.result().value()).isEqualTo(10);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240", "P. 5001:5011(10) ack 1001 win 64240");
    }

    @Test
    void synSent_dataOrFinWithoutSynOrRst_isDropped() {
        PeerLab l = new PeerLab().synSent();
        l.in(FIN, 1000, 0, 64240, 5);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.SYN_SENT);
    }

    @Test
    void finWait1_afterShutdown_acceptsData() {
        PeerLab l = new PeerLab().established();
        l.peer.shutdown(l.fd);
        l.out();
        l.in(PSH | ACK, 1001, 5001, 64240, 10);
        assertThat(l.out()).containsExactly(". 5002:5002 ack 1011 win 64230");
        assertThat(l.state()).isEqualTo(State.FIN_WAIT_1);
        assertThat(l.peer.read(l.fd, 100).result().value()).isEqualTo(10);
    }

    @Test
    void finWait1_finDoesNotAckOurFin_thenAckInClosing_andRetransmittedFinInClosingIsAcked() {
        PeerLab l = new PeerLab().established();
        l.peer.close(l.fd);
        l.in(FIN | ACK, 1001, 5001, 64240, 0);
        l.out();
        l.in(FIN | ACK, 1001, 5001, 64240, 0);
        assertThat(l.out()).containsExactly(". 5002:5002 ack 1002 win 64239");
        assertThat(l.state()).isEqualTo(State.CLOSING);
    }

    @Test
    void closeWait_rstAtRcvNxtMinusOne_resetsWithEpipe() {
        PeerLab l = new PeerLab().established();
        l.in(FIN | ACK, 1001, 5001, 64240, 0);
        l.in(RST, 1001, 0, 0, 0);
        assertThat(l.state()).isEqualTo(State.CLOSED);
        assertThat(l.peer.write(l.fd, new byte[1]).result().errno()).isEqualTo(Errno.EPIPE);
    }

    @Test
    void closeWait_retransmittedFin_isAckedAtOnce() {
        PeerLab l = new PeerLab().established();
        l.in(FIN | ACK, 1001, 5001, 64240, 0);
        l.advanceMs(10);
        l.out();
        l.in(FIN | ACK, 1001, 5001, 64240, 0);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1002 win 64239");
    }

    @Test
    void lastAck_retransmittedFinIsAcked_exactRstCloses() {
        PeerLab l = new PeerLab().established();
        l.in(FIN | ACK, 1001, 5001, 64240, 0);
        l.peer.close(l.fd);
        assertThat(l.out()).containsExactly("F. 5001:5001 ack 1002 win 64239");
        l.in(FIN | ACK, 1001, 5001, 64240, 0);
        assertThat(l.out()).containsExactly(". 5002:5002 ack 1002 win 64239");
        assertThat(l.state()).isEqualTo(State.LAST_ACK);
        l.in(RST, 1002, 0, 0, 0);
        assertThat(l.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void lastAck_unackedFin_isRetransmitted() {
        PeerLab l = new PeerLab().established();
        l.in(FIN | ACK, 1001, 5001, 64240, 0);
        l.peer.close(l.fd);
        l.out();
        l.advanceMs(200);
        assertThat(l.out()).containsExactly("F. 5001:5001 ack 1002 win 64239");
        l.advanceMs(400);
        assertThat(l.out()).containsExactly("F. 5001:5001 ack 1002 win 64239");
    }

    @Test
    void established_segmentWithoutAck_isDroppedWithAReason() {
        PeerLab l = new PeerLab().established();
        l.in(PSH, 1001, 0, 64240, 10);
        assertThat(l.out()).isEmpty();
        assertThat(l.tcb().readable()).isZero();
        assertThat(l.w.trace().of(tcptutor.sim.TraceEvent.Handled.class)).last()
                .satisfies(h -> assertThat(h.why().text()).contains("without ACK"));
    }

    @Test
    void established_outOfWindowData_getsAnAckEvenWithinTheRateLimit() {
        PeerLab l = new PeerLab().established();
        l.in(PSH | ACK, 900_000, 5001, 64240, 10);
        l.in(PSH | ACK, 900_000, 5001, 64240, 10);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240", ". 5001:5001 ack 1001 win 64240");
        l.in(ACK, 900_000, 5001, 64240, 0);                // pure ACKs share one 500 ms budget
        l.in(ACK, 900_000, 5001, 64240, 0);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240");
    }

    @Test
    void abort_inSynReceivedChildAndEstablished_sendsRst_butNotInSynSent() {
        PeerLab l = new PeerLab().synSent();
        l.tcb().abort();
        assertThat(l.out()).isEmpty();
        PeerLab e = new PeerLab().established();
        e.tcb().abort();
        assertThat(e.out()).containsExactly("R. 5001:5001 ack 1001 win 64240");
    }

    @Test
    void refusedConnect_canBeRetriedOnTheSameSocket() {
        PeerLab l = new PeerLab().synSent();
        l.in(RST | ACK, 0, 5001, 0, 0);
        assertThat(l.connectCall.result().errno()).isEqualTo(Errno.ECONNREFUSED);
        l.peer.nextIsn(9000);
        Call again = l.peer.connect(l.fd, PeerLab.T);
        assertThat(l.out()).containsExactly("S 9000:9000 win 64240 <mss 1460,sackOK,TS,nop,wscale 10>");
        l.in(SYN | ACK, 1000, 9001, 64240, 0, new TcpOption.Mss(1460));
        assertThat(again.result().value()).isZero();
    }

    @Test
    void synSent_synAckWithATinyMss_isClampedTo48() {
        PeerLab l = new PeerLab().synSent();
        l.in(SYN | ACK, 1000, 5001, 64240, 0, new TcpOption.Mss(1), new TcpOption.Timestamps(1, 0));
        assertThat(l.tcb().snapshot().sndMss()).isEqualTo(36);
        l.out();
        l.peer.write(l.fd, new byte[100]);
        l.w.runUntil(l.w.now());
        assertThat(l.out()).first().asString().startsWith(". 5001:5037(36)");
    }
}
