package tcptutor.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.wire.Flags.ACK;
import static tcptutor.wire.Flags.FIN;
import static tcptutor.wire.Flags.PSH;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.wire.TcpOption;
import tcptutor.sim.Errno;
import tcptutor.sim.Side;
import tcptutor.sim.SockOpt;
import tcptutor.sim.TraceEvent;

/** Timers: SYN and SYN-ACK retransmission, RTO backoff, delayed ACK, keepalive, FIN-WAIT-2, TIME-WAIT. */
class TimersTest {
    /** Times (ms) at which L sent a segment, from the trace. */
    private static List<Long> sentAtMs(PeerLab l) {
        List<Long> t = new ArrayList<>();
        for (TraceEvent.Sent s : l.w.trace().of(TraceEvent.Sent.class)) if (s.from() == Side.PEER) t.add(s.at() / 1000);
        return t;
    }

    @Test
    void synSent_linuxDefaults_linearThenDoubling_failsAt131s() {
        PeerLab l = new PeerLab().synSent();
        l.advanceMs(200_000);
        assertThat(sentAtMs(l)).containsExactly(0L, 1000L, 2000L, 3000L, 4000L, 5000L, 7000L, 11000L, 19000L, 35000L, 67000L);
        assertThat(l.state()).isEqualTo(State.CLOSED);
        assertThat(l.connectCall.result().errno()).isEqualTo(Errno.ETIMEDOUT);
        assertThat(l.connectCall.done()).isTrue();
        assertThat(l.w.trace().of(TraceEvent.Call.class)).last().satisfies(c -> assertThat(c.at()).isEqualTo(131_000_000L));
    }

    @Test
    void synSent_rfcProfile_doubles_1_2_4_8_16_32() {
        PeerLab l = new PeerLab(Settings.rfc9293()).synSent();
        l.advanceMs(200_000);
        assertThat(sentAtMs(l)).containsExactly(0L, 1000L, 3000L, 7000L, 15000L, 31000L);
        assertThat(l.connectCall.result().errno()).isEqualTo(Errno.ETIMEDOUT);
        assertThat(l.w.trace().of(TraceEvent.Call.class)).last().satisfies(c -> assertThat(c.at()).isEqualTo(63_000_000L));
    }

    @Test
    void synReceived_synAckRetransmittedAt1_3_7_15_31_droppedAt63() {
        PeerLab l = new PeerLab().synReceived();
        l.advanceMs(100_000);
        assertThat(sentAtMs(l)).containsExactly(0L, 1000L, 3000L, 7000L, 15000L, 31000L);
        assertThat(l.state()).isEqualTo(State.CLOSED);
        assertThat(l.w.trace().of(TraceEvent.StateChanged.class)).last().satisfies(s -> assertThat(s.at()).isEqualTo(63_000_000L));
    }

    @Test
    void established_unackedData_retransmittedWithDoublingRto_thenEtimedout() {
        PeerLab l = new PeerLab().established();
        l.peer.write(l.fd, new byte[100]);
        l.advanceMs(2_000_000);
        List<Long> t = sentAtMs(l);
        t.remove(0);                                      // the SYN-ACK
        assertThat(t.get(0)).isZero();
        assertThat(t.get(1)).isEqualTo(200L);
        assertThat(t.get(2)).isEqualTo(600L);
        assertThat(t.get(3)).isEqualTo(1400L);
        assertThat(t).hasSize(16);
        assertThat(l.state()).isEqualTo(State.CLOSED);
        assertThat(l.peer.read(l.fd, 10).result().errno()).isEqualTo(Errno.ETIMEDOUT);
    }

    @Test
    void established_retransmission_keepsThePshOfTheSegmentItRepeats() {
        PeerLab l = new PeerLab().established();
        l.peer.write(l.fd, new byte[100]);
        assertThat(l.out()).containsExactly("P. 5001:5101(100) ack 1001 win 64240");
        l.advanceMs(200);
        assertThat(l.out()).containsExactly("P. 5001:5101(100) ack 1001 win 64240");
    }

    @Test
    void sackConnection_lossProbeSendsTheNagleHeldTail_andTheRtoResendsTheFirstSegmentAsSent() {
        // as captured on Linux 6.18: tcp_send_loss_probe sends new data with Nagle off; tcp_retransmit_skb
        // resends the head skb (100 bytes), not a full MSS from SND.UNA
        PeerLab l = new PeerLab().synReceived(new TcpOption.Mss(1460), TcpOption.SACK_PERMITTED, TcpOption.NOP, TcpOption.NOP);
        l.advanceMs(10);
        l.in(tcptutor.wire.Flags.ACK, 1001, 5001, 64240, 0);
        l.fd = (int) l.peer.accept(l.listenFd).result().value();
        l.peer.write(l.fd, new byte[100]);
        l.advanceMs(20);
        l.peer.write(l.fd, new byte[3000]);
        assertThat(l.out()).containsExactly("P. 5001:5101(100) ack 1001 win 64240", ". 5101:6561(1460) ack 1001 win 64240",
                "P. 6561:8021(1460) ack 1001 win 64240");
        l.advanceMs(22);
        assertThat(l.out()).containsExactly("P. 8021:8101(80) ack 1001 win 64240");
        l.advanceMs(210);
        assertThat(l.out()).containsExactly("P. 5001:5101(100) ack 1001 win 64240");
    }

    @Test
    void established_afterQuickAcks_dataAckIsDelayed40ms() {
        PeerLab l = new PeerLab().established();
        for (int i = 0; i < 16; i++) l.in(PSH | ACK, 1001 + i * 10, 5001, 64240, 10);
        assertThat(l.out()).hasSize(16);
        l.in(PSH | ACK, 1161, 5001, 64240, 10);
        assertThat(l.out()).isEmpty();
        l.advanceMs(39);
        assertThat(l.out()).isEmpty();
        l.advanceMs(1);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1171 win 64070");
    }

    @Test
    void established_finAck_goesOutOneTickLater_andRidesOnOurFinIfTheAppClosesFirst() {
        PeerLab l = new PeerLab().established();
        l.in(FIN | ACK, 1001, 5001, 64240, 0);
        assertThat(l.out()).isEmpty();
        l.peer.close(l.fd);
        assertThat(l.out()).containsExactly("F. 5001:5001 ack 1002 win 64239");
        assertThat(l.state()).isEqualTo(State.LAST_ACK);
    }

    @Test
    void keepalive_probesAtIdleThenInterval_resetsAfterCount() {
        PeerLab l = new PeerLab().established();
        l.peer.setsockopt(l.fd, SockOpt.SO_KEEPALIVE, 1);
        l.advanceMs(7_200_000 - 1);
        assertThat(l.out()).isEmpty();
        l.advanceMs(1);
        assertThat(l.out()).containsExactly(". 5000:5000 ack 1001 win 64240");
        l.advanceMs(8 * 75_000);
        assertThat(l.out()).hasSize(8);
        l.advanceMs(75_000);
        assertThat(l.out()).containsExactly("R. 5001:5001 ack 1001 win 64240");
        assertThat(l.peer.read(l.fd, 10).result().errno()).isEqualTo(Errno.ETIMEDOUT);
    }

    @Test
    void rfcProfile_timeWaitLasts240s() {
        PeerLab l = new PeerLab(Settings.rfc9293()).established();
        l.peer.close(l.fd);
        l.in(FIN | ACK, 1001, 5002, 65535, 0);
        assertThat(l.state()).isEqualTo(State.TIME_WAIT);
        l.advanceMs(239_999);
        assertThat(l.state()).isEqualTo(State.TIME_WAIT);
        l.advanceMs(1);
        assertThat(l.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void orphanedFinWait2_closesAfterFinTimeout_butShutdownWaitsForever() {
        PeerLab l = new PeerLab().established();
        l.peer.close(l.fd);
        l.in(ACK, 1001, 5002, 64240, 0);
        l.advanceMs(59_999);
        assertThat(l.state()).isEqualTo(State.FIN_WAIT_2);
        l.advanceMs(1);
        assertThat(l.state()).isEqualTo(State.CLOSED);

        PeerLab h = new PeerLab().established();
        h.peer.shutdown(h.fd);
        h.in(ACK, 1001, 5002, 64240, 0);
        h.advanceMs(1_000_000);
        assertThat(h.state()).isEqualTo(State.FIN_WAIT_2);
    }

    @Test
    void tcpLinger2_overridesFinTimeout() {
        PeerLab l = new PeerLab().established();
        l.peer.setsockopt(l.fd, SockOpt.TCP_LINGER2, 5);
        l.peer.close(l.fd);
        l.in(ACK, 1001, 5002, 64240, 0);
        l.advanceMs(5_000);
        assertThat(l.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void timers_areTracedArmedFiredCancelled() {
        PeerLab l = new PeerLab().synReceived();
        l.in(ACK, 1001, 5001, 64240, 0);
        List<TraceEvent.TimerChanged> tc = l.w.trace().of(TraceEvent.TimerChanged.class);
        assertThat(tc).extracting(TraceEvent.TimerChanged::action)
                .containsExactly(TraceEvent.TimerAction.ARMED, TraceEvent.TimerAction.CANCELLED);
        assertThat(tc.get(0).deadline()).isEqualTo(1_000_000L);
        assertThat(l.peer.connections()).anySatisfy(ci -> assertThat(ci.tcb().state()).isEqualTo(State.ESTABLISHED));
    }

    @Test
    void sackConnection_linux_sendsTailLossProbeAtRto_thenRtoFromThere_thenDoubling() {
        PeerLab l = new PeerLab().established(new tcptutor.wire.TcpOption.Mss(1460), tcptutor.wire.TcpOption.NOP,
                tcptutor.wire.TcpOption.NOP, tcptutor.wire.TcpOption.SACK_PERMITTED);
        l.out();
        l.peer.write(l.fd, new byte[100]);
        l.advanceMs(2000);
        List<Long> t = sentAtMs(l);
        t.remove(0);
        assertThat(t.subList(0, 5)).containsExactly(0L, 200L, 400L, 800L, 1600L);
        assertThat(l.w.trace().of(TraceEvent.Sent.class).stream().filter(x -> x.from() == Side.PEER).toList().get(2).why().text())
                .contains("tail loss probe");
    }
}
