package tcptutor.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.wire.Flags.ACK;
import static tcptutor.wire.Flags.FIN;
import static tcptutor.wire.Flags.PSH;
import static tcptutor.wire.Flags.RST;
import static tcptutor.wire.Flags.SYN;

import org.junit.jupiter.api.Test;
import tcptutor.sim.SockOpt;
import tcptutor.sim.SysResult;
import tcptutor.wire.TcpOption;

/** The fifteen tricky cases of reference section 5 (T's ISS 1000, L's ISS 5000; L in ESTABLISHED has RCV.WND 64240). */
class TrickyCasesTest {
    private static final TcpOption MSS = new TcpOption.Mss(1460);

    @Test
    void case1_closedPort_rstAcksSeqPlusSegLen() {
        PeerLab l = new PeerLab();
        l.in(SYN, 1000, 0, 64240, 0);
        assertThat(l.out()).containsExactly("R. 0:0 ack 1001 win 0");
        l.in(SYN, 1000, 0, 64240, 10);
        assertThat(l.out()).containsExactly("R. 0:0 ack 1011 win 0");
        l.in(FIN, 3000, 0, 64240, 0);
        assertThat(l.out()).containsExactly("R. 0:0 ack 3001 win 0");
        l.in(RST, 7, 0, 64240, 0);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void case2_strayAck_toClosedPortAndListener_getsRstWithSeqSegAck() {
        PeerLab l = new PeerLab();
        l.in(ACK, 1001, 4242, 64240, 0);
        assertThat(l.out()).containsExactly("R 4242:4242 win 0");
        l.in(RST | ACK, 1, 1, 64240, 0);
        assertThat(l.out()).isEmpty();
        l.listening();
        l.in(ACK, 1001, 4242, 64240, 0);
        assertThat(l.out()).containsExactly("R 4242:4242 win 0");
        l.in(RST | ACK, 1, 1, 64240, 0);
        assertThat(l.out()).isEmpty();
        assertThat(l.peer.stack().listener(PeerLab.L).state()).isEqualTo(State.LISTEN);
    }

    @Test
    void case3_synAck_mirrorsOnlyOfferedOptions_andLaterSegmentsUseTheirMss() {
        PeerLab l = new PeerLab().listening();
        l.in(SYN, 1000, 0, 8192, 0, new TcpOption.Mss(1000));
        assertThat(l.out()).containsExactly("S. 5000:5000 ack 1001 win 64240 <mss 1460>");
        l.in(ACK, 1001, 5001, 8192, 0);
        int fd = (int) l.peer.accept(l.listenFd).result().value();
        l.peer.write(fd, new byte[2500]);
        l.w.runUntil(l.w.now());
        assertThat(l.out()).containsExactly(". 5001:6001(1000) ack 1001 win 64240", ". 6001:7001(1000) ack 1001 win 64240",
                "P. 7001:7501(500) ack 1001 win 64240");
    }

    @Test
    void case4_passiveSynReceived_dupSynResendsSynAck_badAckGetsRst_goodAckEstablishes() {
        PeerLab l = new PeerLab().synReceived();
        l.in(SYN, 1000, 0, 64240, 0, MSS);
        assertThat(l.out()).containsExactly("S. 5000:5000 ack 1001 win 64240 <mss 1460>");
        l.in(ACK, 1001, 4242, 64240, 0);
        assertThat(l.out()).containsExactly("R 4242:4242 win 0");
        assertThat(l.state()).isEqualTo(State.SYN_RECEIVED);
        l.in(ACK, 1001, 5001, 64240, 0);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    void case5_synSent_badSynAckGetsRst_andSynSoonAfter_rstsChecked() {
        PeerLab l = new PeerLab().synSent();
        l.in(SYN | ACK, 1000, 7777, 64240, 0, MSS);
        assertThat(l.out()).containsExactly("R 7777:7777 win 0");
        assertThat(l.state()).isEqualTo(State.SYN_SENT);
        l.advanceMs(10);
        assertThat(l.out()).containsExactly("S 5000:5000 win 64240 <mss 1460,sackOK,TS,nop,wscale 10>");
        l.in(RST, 0, 0, 0, 0);
        assertThat(l.out()).isEmpty();
        l.in(RST | ACK, 0, 5005, 0, 0);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.SYN_SENT);
        l.in(RST | ACK, 0, 5001, 0, 0);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.CLOSED);
        assertThat(l.connectCall.result().errno()).isEqualTo(tcptutor.sim.Errno.ECONNREFUSED);
    }

    @Test
    void case6_simultaneousOpen_crossingSynAckGetsAck_finalAckEstablishes() {
        PeerLab l = new PeerLab().synSent();
        l.in(SYN, 1000, 0, 64240, 0);
        assertThat(l.out()).containsExactly("S. 5000:5000 ack 1001 win 64240 <mss 1460,sackOK,TS,nop,wscale 10>");
        assertThat(l.state()).isEqualTo(State.SYN_RECEIVED);
        l.in(SYN | ACK, 1000, 5001, 64240, 0);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240");
        assertThat(l.state()).isEqualTo(State.SYN_RECEIVED);
        l.in(ACK, 1001, 5001, 64240, 0);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    void case7_established_rstValidation_challengeRateLimitExact() {
        PeerLab l = new PeerLab().established();
        l.in(RST, 2001, 0, 0, 0);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240");
        assertThat(l.state()).isEqualTo(State.ESTABLISHED);
        l.advanceMs(100);
        l.in(RST, 3001, 0, 0, 0);
        assertThat(l.out()).isEmpty();
        l.in(RST, 70000, 0, 0, 0);
        assertThat(l.out()).isEmpty();
        l.in(RST, 1001, 0, 0, 0);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.CLOSED);
        SysResult r = l.peer.read(l.fd, 100).result();
        assertThat(r.errno()).isEqualTo(tcptutor.sim.Errno.ECONNRESET);
    }

    @Test
    void case8_synInEstablished_getsChallengeAck_whateverItsSeq() {
        PeerLab l = new PeerLab().established();
        for (int seq : new int[]{1001, 30000, (int) 3000000000L}) {
            l.in(SYN, seq, 0, 64240, 0);
            assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240");
            assertThat(l.state()).isEqualTo(State.ESTABLISHED);
            l.advanceMs(600);
        }
    }

    @Test
    void case9_ackBeyondSndNxt_andTooOldAck_getChallengeAcks() {
        PeerLab l = new PeerLab().established();
        l.in(ACK, 1001, 9000, 64240, 0);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240");
        l.advanceMs(600);
        l.in(ACK, 1001, (int) 4294872297L, 64240, 0);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240");
        l.advanceMs(600);
        l.in(ACK, 1001, 100, 64240, 0);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240");
        assertThat(l.state()).isEqualTo(State.ESTABLISHED);
    }

    @Test
    void case9_rfcProfile_ackBeyondSndNxt_getsAckNow() {
        PeerLab l = new PeerLab(Settings.rfc9293()).established();
        l.in(ACK, 1001, 9000, 65535, 0);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 65535");
    }

    @Test
    void case10_oldData_getsDsack_andKeepaliveProbe_getsAck() {
        PeerLab l = new PeerLab().established(MSS, TcpOption.NOP, TcpOption.NOP, TcpOption.SACK_PERMITTED);
        l.in(PSH | ACK, 1001, 5001, 64240, 100);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1101 win 64140");
        l.in(PSH | ACK, 1001, 5001, 64240, 100);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1101 win 64140 <nop,nop,sack 1001:1101>");
        assertThat(l.tcb().readable()).isEqualTo(100);
        l.advanceMs(600);
        l.in(ACK, 1100, 5001, 64240, 0);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1101 win 64140");
    }

    @Test
    void case11_simultaneousClose_closingThenTimeWait() {
        PeerLab l = new PeerLab().established();
        l.peer.close(l.fd);
        assertThat(l.out()).containsExactly("F. 5001:5001 ack 1001 win 64240");
        assertThat(l.state()).isEqualTo(State.FIN_WAIT_1);
        l.in(FIN | ACK, 1001, 5001, 64240, 0);
        assertThat(l.out()).containsExactly(". 5002:5002 ack 1002 win 64239");
        assertThat(l.state()).isEqualTo(State.CLOSING);
        l.in(ACK, 1002, 5002, 64240, 0);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.TIME_WAIT);
        l.advanceMs(59_999);
        assertThat(l.state()).isEqualTo(State.TIME_WAIT);
        l.advanceMs(1);
        assertThat(l.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void case12_finWait1_finAckingOurFin_goesToTimeWait_neverClosing() {
        PeerLab l = new PeerLab().established();
        l.peer.close(l.fd);
        l.out();
        int mark = l.w.trace().size();
        l.in(FIN | ACK, 1001, 5002, 64240, 0);
        assertThat(l.out()).containsExactly(". 5002:5002 ack 1002 win 64239");
        assertThat(l.state()).isEqualTo(State.TIME_WAIT);
        assertThat(l.w.trace().since(mark)).noneMatch(e -> e instanceof tcptutor.sim.TraceEvent.StateChanged sc && sc.to() == State.CLOSING);
    }

    private PeerLab timeWait() {
        PeerLab l = new PeerLab().established();
        l.peer.close(l.fd);
        l.in(FIN | ACK, 1001, 5002, 64240, 0);
        l.out();
        return l;
    }

    @Test
    void case13_timeWait_reAcksFin_ignoresOtherRst_exactRstCloses_thenClosedPortRst() {
        PeerLab l = timeWait();
        l.advanceMs(10_000);
        l.in(FIN | ACK, 1001, 5002, 64240, 0);
        assertThat(l.out()).containsExactly(". 5002:5002 ack 1002 win 64239");
        assertThat(l.tcb().timer(TcpTimer.TIME_WAIT)).isEqualTo(l.w.now() + 60_000_000L);
        l.in(RST, 1500, 0, 0, 0);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.TIME_WAIT);
        l.in(RST, 1002, 0, 0, 0);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.CLOSED);
        l.in(ACK, 1002, 5002, 64240, 0);
        assertThat(l.out()).containsExactly("R 5002:5002 win 0");
    }

    @Test
    void case13_timeWait_expiresSilentlyAfter60s() {
        PeerLab l = timeWait();
        l.advanceMs(60_000);
        assertThat(l.out()).isEmpty();
        assertThat(l.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void case14_newSynInTimeWait_reopensWithIssOldSndNxtPlus65537() {
        PeerLab l = timeWait();
        l.in(SYN, 500, 0, 64240, 0);
        assertThat(l.out()).containsExactly(". 5002:5002 ack 1002 win 64239");
        assertThat(l.state()).isEqualTo(State.TIME_WAIT);
        l.in(SYN, 90000, 0, 64240, 0);
        assertThat(l.out()).containsExactly("S. 70539:70539 ack 90001 win 64240 <mss 1460>");
        assertThat(l.state()).isEqualTo(State.SYN_RECEIVED);
    }

    @Test
    void case14_withTimestamps_aSynBelowRcvNxtButWithANewerTsval_reopens() {
        // RFC 6191, Linux tcp_timewait_state_process; checked with packetdrill on Linux 6.18
        PeerLab l = new PeerLab().established(new TcpOption.Mss(1460), TcpOption.SACK_PERMITTED,
                new TcpOption.Timestamps(100, 0), TcpOption.NOP, new TcpOption.WindowScale(7));
        l.peer.close(l.fd);
        l.in(FIN | ACK, 1001, 5002, 502, 0, TcpOption.NOP, TcpOption.NOP, new TcpOption.Timestamps(200, 0));
        l.out();
        l.in(SYN, 500, 0, 64240, 0, new TcpOption.Mss(1460), new TcpOption.Timestamps(150, 0));
        assertThat(l.out()).hasSize(1).first().asString().startsWith(". 5002:5002 ack 1002");
        assertThat(l.state()).isEqualTo(State.TIME_WAIT);
        l.in(SYN, 500, 0, 64240, 0, new TcpOption.Mss(1460), new TcpOption.Timestamps(900, 0));
        assertThat(l.out()).hasSize(1).first().asString().startsWith("S. 70539:70539 ack 501 win 65160");
        assertThat(l.state()).isEqualTo(State.SYN_RECEIVED);
    }

    @Test
    void case14_newSynInTimeWait_withoutListener_getsAck() {
        PeerLab l = timeWait();
        l.peer.close(l.listenFd);
        l.in(SYN, 90000, 0, 64240, 0);
        assertThat(l.out()).containsExactly(". 5002:5002 ack 1002 win 64239");
        assertThat(l.state()).isEqualTo(State.TIME_WAIT);
    }

    @Test
    void case15_closeWithUnreadData_sendsRstAck() {
        PeerLab l = new PeerLab().established();
        l.in(PSH | ACK, 1001, 5001, 64240, 100);
        l.out();
        l.peer.close(l.fd);
        assertThat(l.out()).containsExactly("R. 5001:5001 ack 1101 win 64140");
        assertThat(l.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void case15_soLingerZero_sendsRstAck() {
        PeerLab l = new PeerLab().established();
        l.peer.setsockopt(l.fd, SockOpt.SO_LINGER, 0);
        l.peer.close(l.fd);
        assertThat(l.out()).containsExactly("R. 5001:5001 ack 1001 win 64240");
        assertThat(l.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void case15_dataAfterCloseInFinWait2_getsRstWithSeqSegAck() {
        PeerLab l = new PeerLab().established();
        l.peer.close(l.fd);
        assertThat(l.out()).containsExactly("F. 5001:5001 ack 1001 win 64240");
        l.in(ACK, 1001, 5002, 64240, 0);
        assertThat(l.state()).isEqualTo(State.FIN_WAIT_2);
        l.in(PSH | ACK, 1001, 5002, 64240, 100);
        assertThat(l.out()).containsExactly("R 5002:5002 win 0");
        assertThat(l.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void case15_dataAfterShutdownInFinWait2_isAccepted() {
        PeerLab l = new PeerLab().established();
        l.peer.shutdown(l.fd);
        assertThat(l.out()).containsExactly("F. 5001:5001 ack 1001 win 64240");
        l.in(ACK, 1001, 5002, 64240, 0);
        l.in(PSH | ACK, 1001, 5002, 64240, 100);
        assertThat(l.out()).containsExactly(". 5002:5002 ack 1101 win 64140");
        assertThat(l.state()).isEqualTo(State.FIN_WAIT_2);
    }
}
