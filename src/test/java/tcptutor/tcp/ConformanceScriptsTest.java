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
import tcptutor.sim.SockOpt;
import tcptutor.wire.TcpOption;

/**
 * The scripts of shared/conformance, transcribed line by line (both ISNs 0, so the scripts' relative numbers are
 * absolute here). "+0 >" lines are checked at the same virtual instant as the line before.
 */
class ConformanceScriptsTest {
    private static final TcpOption MSS = new TcpOption.Mss(1460);

    private static PeerLab scriptLab(Settings s) { return new PeerLab(s, 0); }

    @Test
    void a_ackToClosedAndListen() {
        PeerLab l = scriptLab(Settings.linux());
        l.in(ACK, 1, 12345, 64240, 0);
        assertThat(l.out()).containsExactly("R 12345:12345 win 0");
        l.advanceMs(10);
        l.in(RST, 1, 0, 64240, 0);
        l.advanceMs(10);
        l.in(FIN, 1, 0, 64240, 5);
        assertThat(l.out()).containsExactly("R. 0:0 ack 7 win 0");
        l.advanceMs(10);
        l.listening();
        l.advanceMs(10);
        l.in(ACK, 1, 777, 64240, 0);
        assertThat(l.out()).containsExactly("R 777:777 win 0");
        l.advanceMs(10);
        l.in(RST, 1, 0, 64240, 0);
        l.advanceMs(10);
        l.in(SYN, 0, 0, 64240, 0, MSS);
        assertThat(l.out()).containsExactly("S. 0:0 ack 1 win 64240 <mss 1460>");
    }

    @Test
    void a_synToClosedPort() {
        PeerLab l = scriptLab(Settings.linux());
        l.in(SYN, 0, 0, 64240, 0, MSS);
        assertThat(l.out()).containsExactly("R. 0:0 ack 1 win 0");
    }

    @Test
    void b_synWithoutOptions_getsMss1460_andDataIsCutAt536() {
        PeerLab l = scriptLab(Settings.linux()).listening();
        l.in(SYN, 0, 0, 64240, 0);
        assertThat(l.out()).containsExactly("S. 0:0 ack 1 win 64240 <mss 1460>");
        l.advanceMs(10);
        l.in(ACK, 1, 1, 64240, 0);
        int fd = (int) l.peer.accept(l.listenFd).result().value();
        assertThat(fd).isEqualTo(4);
        assertThat(l.peer.write(fd, new byte[1000]).result().value()).isEqualTo(1000);
        l.w.runUntil(l.w.now());
        assertThat(l.out()).containsExactly(". 1:537(536) ack 1 win 64240", "P. 537:1001(464) ack 1 win 64240");
        l.advanceMs(10);
        l.in(ACK, 1, 1001, 64240, 0);
        assertThat(l.out()).isEmpty();
    }

    @Test
    void b_synWithMssOnly_getsMssOnly() {
        PeerLab l = scriptLab(Settings.linux()).listening();
        l.in(SYN, 0, 0, 64240, 0, MSS);
        assertThat(l.out()).containsExactly("S. 0:0 ack 1 win 64240 <mss 1460>");
        l.advanceMs(10);
        l.in(ACK, 1, 1, 64240, 0);
        assertThat(l.peer.accept(l.listenFd).result().value()).isEqualTo(4);
    }

    private static PeerLab established(PeerLab l) {
        l.listening();
        l.in(SYN, 0, 0, 64240, 0, MSS);
        assertThat(l.out()).containsExactly("S. 0:0 ack 1 win 64240 <mss 1460>");
        l.advanceMs(20);
        l.in(ACK, 1, 1, 64240, 0);
        l.fd = (int) l.peer.accept(l.listenFd).result().value();
        assertThat(l.fd).isEqualTo(4);
        return l;
    }

    @Test
    void c_activeCloseTimeWait() {
        PeerLab l = established(scriptLab(Settings.linux()));
        l.advanceMs(50);
        assertThat(l.peer.close(l.fd).value()).isZero();
        assertThat(l.out()).containsExactly("F. 1:1 ack 1 win 64240");
        l.advanceMs(20);
        l.in(ACK, 1, 2, 64240, 0);
        assertThat(l.state()).isEqualTo(State.FIN_WAIT_2);
        l.advanceMs(20);
        l.in(FIN | ACK, 1, 2, 64240, 0);
        assertThat(l.out()).containsExactly(". 2:2 ack 2 win 64240");
        l.advanceMs(600);
        l.in(FIN | ACK, 1, 2, 64240, 0);
        assertThat(l.out()).containsExactly(". 2:2 ack 2 win 64240");
    }

    @Test
    void d_passiveClose_closeWaitLastAck() {
        PeerLab l = established(scriptLab(Settings.linux()));
        l.advanceMs(20);
        l.in(FIN | ACK, 1, 1, 64240, 0);
        l.advanceMs(2);
        assertThat(l.out()).containsExactly(". 1:1 ack 2 win 64239");
        Call r = l.peer.read(l.fd, 100);
        assertThat(r.result().value()).isZero();
        l.advanceMs(20);
        l.peer.close(l.fd);
        assertThat(l.out()).containsExactly("F. 1:1 ack 2 win 64239");
        l.advanceMs(20);
        l.in(ACK, 2, 2, 64240, 0);
        assertThat(l.state()).isEqualTo(State.CLOSED);
        l.advanceMs(20);
        l.in(ACK, 2, 2, 64240, 0);
        assertThat(l.out()).containsExactly("R 2:2 win 0");
    }

    @Test
    void e_rstExactSeq_resets() {
        PeerLab l = established(scriptLab(Settings.linux()));
        l.advanceMs(20);
        l.in(RST, 1, 0, 0, 0);
        l.advanceMs(10);
        assertThat(l.peer.read(l.fd, 100).result().errno()).isEqualTo(Errno.ECONNRESET);
        l.advanceMs(10);
        l.in(PSH | ACK, 1, 1, 64240, 10);
        assertThat(l.out()).containsExactly("R 1:1 win 0");
    }

    @Test
    void e_rstInWindow_challengeAck_rateLimited() {
        PeerLab l = established(scriptLab(Settings.linux()));
        l.advanceMs(20);
        l.in(RST, 1001, 0, 0, 0);
        assertThat(l.out()).containsExactly(". 1:1 ack 1 win 64240");
        l.advanceMs(100);
        l.in(RST, 2001, 0, 0, 0);
        l.advanceMs(100);
        l.in(RST, 2002, 0, 0, 0);
        assertThat(l.out()).isEmpty();
        l.advanceMs(500);
        l.in(RST, 3000, 0, 0, 0);
        assertThat(l.out()).containsExactly(". 1:1 ack 1 win 64240");
        l.advanceMs(10);
        l.in(RST, 1, 0, 0, 0);
        l.advanceMs(10);
        assertThat(l.peer.read(l.fd, 100).result().errno()).isEqualTo(Errno.ECONNRESET);
    }

    @Test
    void h_closeWithUnreadData_sendsRstAck() {
        PeerLab l = established(scriptLab(Settings.linux()));
        l.advanceMs(10);
        l.in(PSH | ACK, 1, 1, 64240, 11);
        assertThat(l.out()).containsExactly(". 1:1 ack 12 win 64229");
        l.advanceMs(20);
        l.peer.close(l.fd);
        assertThat(l.out()).containsExactly("R. 1:1 ack 12 win 64229");
    }

    @Test
    void i_synRcvdBadAck_getsRst_halfOpenSurvives() {
        PeerLab l = scriptLab(Settings.linux()).listening();
        l.in(SYN, 0, 0, 64240, 0, MSS);
        assertThat(l.out()).containsExactly("S. 0:0 ack 1 win 64240 <mss 1460>");
        l.advanceMs(20);
        l.in(ACK, 1, 1001, 64240, 0);
        assertThat(l.out()).containsExactly("R 1001:1001 win 0");
        l.advanceMs(100);
        l.in(ACK, 1, 1, 64240, 0);
        assertThat(l.peer.accept(l.listenFd).result().value()).isEqualTo(4);
    }

    @Test
    void j_synRetransmitExponential_thenEtimedout() {
        Settings s = Settings.linux().with(Knob.tcp_syn_retries, 3).with(Knob.tcp_syn_linear_timeouts, 0);
        PeerLab l = scriptLab(s);
        int fd = l.peer.socket();
        assertThat(fd).isEqualTo(3);
        l.peer.nonBlocking(fd, true);
        assertThat(l.peer.connect(fd, PeerLab.T).result().errno()).isEqualTo(Errno.EINPROGRESS);
        assertThat(l.out()).containsExactly("S 0:0 win 64240 <mss 1460,sackOK,TS,nop,wscale 10>");
        l.advanceMs(1000);
        assertThat(l.out()).containsExactly("S 0:0 win 64240 <mss 1460,sackOK,TS,nop,wscale 10>");
        l.advanceMs(2000);
        assertThat(l.out()).hasSize(1);
        l.advanceMs(4000);
        assertThat(l.out()).hasSize(1);
        l.advanceMs(7500);
        assertThat(l.peer.getsockopt(fd, SockOpt.SO_ERROR).value()).isZero();
        l.advanceMs(1500);
        assertThat(l.peer.getsockopt(fd, SockOpt.SO_ERROR).value()).isEqualTo(Errno.ETIMEDOUT.number());
        assertThat(l.out()).isEmpty();
    }

    @Test
    void k_simultaneousClose() {
        PeerLab l = established(scriptLab(Settings.linux()));
        l.advanceMs(20);
        l.peer.close(l.fd);
        assertThat(l.out()).containsExactly("F. 1:1 ack 1 win 64240");
        l.advanceMs(10);
        l.in(FIN | ACK, 1, 1, 64240, 0);
        assertThat(l.out()).containsExactly(". 2:2 ack 2 win 64239");
        assertThat(l.state()).isEqualTo(State.CLOSING);
        l.advanceMs(10);
        l.in(ACK, 2, 2, 64240, 0);
        assertThat(l.state()).isEqualTo(State.TIME_WAIT);
        l.advanceMs(600);
        l.in(FIN | ACK, 1, 2, 64240, 0);
        assertThat(l.out()).containsExactly(". 2:2 ack 2 win 64239");
    }
}
