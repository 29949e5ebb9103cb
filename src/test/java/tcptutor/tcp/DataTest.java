package tcptutor.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.wire.Flags.ACK;
import static tcptutor.wire.Flags.FIN;
import static tcptutor.wire.Flags.PSH;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.sim.SockOpt;
import tcptutor.wire.TcpOption;

/** Data transfer: segmentation, PSH, Nagle, windows and scaling, zero window, reassembly, fast retransmit. */
class DataTest {
    private static final TcpOption MSS = new TcpOption.Mss(1460);

    private static void write(PeerLab l, int n) {
        l.peer.write(l.fd, new byte[n]);
        l.w.runUntil(l.w.now());
    }

    @Test
    void psh_marksTheLastSegmentOfEachWrite() {
        PeerLab l = new PeerLab().established();
        write(l, 3000);
        assertThat(l.out()).containsExactly(". 5001:6461(1460) ack 1001 win 64240", ". 6461:7921(1460) ack 1001 win 64240",
                "P. 7921:8001(80) ack 1001 win 64240");
    }

    @Test
    void psh_linux_alsoEndsEachBurstOfTwoSegmentsAtA10msRtt() {
        // measured on Linux 6.18 (packetdrill, tun with software GSO): bursts follow the pacing rate 2*cwnd/SRTT
        PeerLab l = new PeerLab().synReceived();
        l.advanceMs(10);
        l.in(ACK, 1001, 5001, 64240, 0);
        l.fd = (int) l.peer.accept(l.listenFd).result().value();
        write(l, 5000);
        assertThat(l.out()).containsExactly(". 5001:6461(1460) ack 1001 win 64240", "P. 6461:7921(1460) ack 1001 win 64240",
                ". 7921:9381(1460) ack 1001 win 64240", "P. 9381:10001(620) ack 1001 win 64240");
    }

    @Test
    void psh_linux_burstsGrowToHalfTheCwndWhenTheRttIsTiny() {
        PeerLab l = new PeerLab().established();
        write(l, 1460 * 7);
        assertThat(l.out()).extracting(x -> x.substring(0, x.indexOf(' '))).containsExactly(".", ".", ".", ".", "P.", ".", "P.");
    }

    @Test
    void nagle_linux_holdsASmallSegmentWhileAnEarlierSmallOneIsUnacked() {
        PeerLab l = new PeerLab().established();
        write(l, 10);
        assertThat(l.out()).containsExactly("P. 5001:5011(10) ack 1001 win 64240");
        write(l, 10);
        write(l, 10);
        assertThat(l.out()).isEmpty();
        l.in(ACK, 1001, 5011, 64240, 0);
        assertThat(l.out()).containsExactly("P. 5011:5031(20) ack 1001 win 64240");
    }

    @Test
    void tcpNodelay_sendsEverySmallWriteAtOnce() {
        PeerLab l = new PeerLab().established();
        l.peer.setsockopt(l.fd, SockOpt.TCP_NODELAY, 1);
        write(l, 10);
        write(l, 10);
        assertThat(l.out()).containsExactly("P. 5001:5011(10) ack 1001 win 64240", "P. 5011:5021(10) ack 1001 win 64240");
    }

    @Test
    void nagle_rfc_holdsTheSmallTailWhileAnythingIsUnacked() {
        PeerLab l = new PeerLab(Settings.rfc9293()).established(new TcpOption.Mss(536));
        write(l, 1000);
        assertThat(l.out()).containsExactly(". 5001:5537(536) ack 1001 win 65535");
        l.in(ACK, 1001, 5537, 65535, 0);
        assertThat(l.out()).containsExactly("P. 5537:6001(464) ack 1001 win 65535");
    }

    @Test
    void windowScaling_ourWindowIsShiftedBy10_andThePeersBy7() {
        PeerLab l = new PeerLab().listening();
        l.in(tcptutor.wire.Flags.SYN, 1000, 0, 65535, 0, MSS, TcpOption.NOP, new TcpOption.WindowScale(7));
        assertThat(l.out()).containsExactly("S. 5000:5000 ack 1001 win 64240 <mss 1460,nop,wscale 10>");
        l.in(ACK, 1001, 5001, 20, 0);                      // 20 << 7 = 2560 bytes
        l.fd = (int) l.peer.accept(l.listenFd).result().value();
        write(l, 5000);
        assertThat(l.out()).containsExactly(". 5001:6461(1460) ack 1001 win 63");
        assertThat(l.tcb().snapshot().sndWnd()).isEqualTo(2560);
        l.in(ACK, 1001, 6461, 40, 0);
        assertThat(l.out()).containsExactly(". 6461:7921(1460) ack 1001 win 63", ". 7921:9381(1460) ack 1001 win 63",
                "P. 9381:10001(620) ack 1001 win 63");
    }

    @Test
    void zeroWindow_holdsData_probesWithSndUnaMinusOne_thenSendsWhenItOpens() {
        PeerLab l = new PeerLab().established();
        l.in(ACK, 1001, 5001, 0, 0);
        write(l, 100);
        assertThat(l.out()).isEmpty();
        l.advanceMs(200);
        assertThat(l.out()).containsExactly(". 5000:5000 ack 1001 win 64240");
        l.advanceMs(400);
        assertThat(l.out()).containsExactly(". 5000:5000 ack 1001 win 64240");
        l.in(ACK, 1001, 5001, 64240, 0);
        assertThat(l.out()).containsExactly("P. 5001:5101(100) ack 1001 win 64240");
    }

    @Test
    void outOfOrder_isHeldAndSacked_gapFillDeliversAll() {
        PeerLab l = new PeerLab().established(MSS, TcpOption.NOP, TcpOption.NOP, TcpOption.SACK_PERMITTED);
        l.in(PSH | ACK, 1101, 5001, 64240, 100);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240 <nop,nop,sack 1101:1201>");
        l.in(PSH | ACK, 1301, 5001, 64240, 100);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240 <nop,nop,sack 1301:1401 1101:1201>");
        l.in(PSH | ACK, 1001, 5001, 64240, 100);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1201 win 64040 <nop,nop,sack 1301:1401>");
        assertThat(l.tcb().readable()).isEqualTo(200);
        l.in(PSH | ACK, 1201, 5001, 64240, 100);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1401 win 63840");
        assertThat(l.peer.read(l.fd, 1000).result().value()).isEqualTo(400);
    }

    @Test
    void outOfOrder_adjacentSegmentsShareOneSackBlock_newestBlockFirst() {
        PeerLab l = new PeerLab().established(MSS, TcpOption.NOP, TcpOption.NOP, TcpOption.SACK_PERMITTED);
        l.in(PSH | ACK, 2001, 5001, 64240, 1000);
        l.in(PSH | ACK, 3001, 5001, 64240, 1000);
        l.in(PSH | ACK, 5001, 5001, 64240, 100);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240 <nop,nop,sack 2001:3001>",
                ". 5001:5001 ack 1001 win 64240 <nop,nop,sack 2001:4001>",
                ". 5001:5001 ack 1001 win 64240 <nop,nop,sack 5001:5101 2001:4001>");
        l.in(PSH | ACK, 4001, 5001, 64240, 1000);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 64240 <nop,nop,sack 2001:5101>");
    }

    @Test
    void outOfOrder_linuxCountsItsMemory_andGrowsTheWindowOnSackConnections() {
        // as captured on Linux 6.18: 66, 69, 72, 75 (x1024) while rcv_ssthresh grows, then held by memory
        PeerLab l = new PeerLab().established(MSS, TcpOption.SACK_PERMITTED, TcpOption.NOP, TcpOption.NOP, TcpOption.NOP,
                new TcpOption.WindowScale(7));
        for (int i = 1; i <= 5; i++) l.in(ACK, 1001 + 1460 * i, 5001, 502, 1460);
        assertThat(l.out()).extracting(x -> x.substring(0, x.indexOf(" <"))).containsExactly(
                ". 5001:5001 ack 1001 win 66", ". 5001:5001 ack 1001 win 69", ". 5001:5001 ack 1001 win 72",
                ". 5001:5001 ack 1001 win 75", ". 5001:5001 ack 1001 win 75");
        l.in(ACK, 1001, 5001, 502, 1460);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 9761 win 73");
    }

    @Test
    void soRcvbuf_locksASmallBuffer_synAckWindowAndScaleFollowIt() {
        // as captured on Linux 6.18: SO_RCVBUF 8192 -> sk_rcvbuf 16384, SYN-ACK win 7300 wscale 0
        PeerLab l = new PeerLab();
        l.listenFd = l.peer.socket();
        l.peer.setsockopt(l.listenFd, SockOpt.SO_RCVBUF, 8192);
        assertThat(l.peer.getsockopt(l.listenFd, SockOpt.SO_RCVBUF).value()).isEqualTo(16384);
        l.peer.bind(l.listenFd, PeerLab.L);
        l.peer.listen(l.listenFd, 5);
        l.in(tcptutor.wire.Flags.SYN, 1000, 0, 64240, 0, MSS, TcpOption.NOP, new TcpOption.WindowScale(7));
        assertThat(l.out()).containsExactly("S. 5000:5000 ack 1001 win 7300 <mss 1460,nop,wscale 0>");
        l.in(ACK, 1001, 5001, 502, 0);
        l.fd = (int) l.peer.accept(l.listenFd).result().value();
        l.in(ACK, 1001, 5001, 502, 1460);
        l.in(ACK, 2461, 5001, 502, 1460);
        l.in(ACK, 3921, 5001, 502, 1460);
        l.in(ACK, 5381, 5001, 502, 1460);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 2461 win 8760", ". 5001:5001 ack 3921 win 7300",
                ". 5001:5001 ack 5381 win 5840");
    }

    @Test
    void outOfOrder_linux_dupAckUsesTheQuickAckCredit_soFillingTheHoleDoesNotRestartQuickAcks() {
        // as captured on Linux 6.18: the segments after the hole are ACKed at once only while rcv_ssthresh grows
        PeerLab l = new PeerLab().established(MSS, TcpOption.SACK_PERMITTED, TcpOption.NOP, TcpOption.NOP);
        l.advanceMs(10);
        l.in(ACK, 2461, 5001, 64240, 1460);
        for (int seq = 1001; seq < 11221; seq += 1460) {
            if (seq == 2461) continue;
            l.advanceMs(10);
            l.in(ACK, seq, 5001, 64240, 1460);
        }
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1001 win 65535 <nop,nop,sack 2461:3921>",
                ". 5001:5001 ack 3921 win 65535", ". 5001:5001 ack 5381 win 65535", ". 5001:5001 ack 6841 win 65535");
        l.advanceMs(30);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 11221 win 65535");
    }

    @Test
    void fastRetransmit_linux_doesNotRepeatTheBurstEndPsh() {
        // as captured on Linux 6.18: the burst's PSH is a property of that transmission, the write's PSH stays
        PeerLab l = new PeerLab().synReceived();
        l.advanceMs(10);
        l.in(ACK, 1001, 5001, 64240, 0);
        l.fd = (int) l.peer.accept(l.listenFd).result().value();
        write(l, 1460 * 6);
        assertThat(l.out()).element(1).isEqualTo("P. 6461:7921(1460) ack 1001 win 64240");
        for (int i = 0; i < 4; i++) l.in(ACK, 1001, 6461, 64240, 0);
        assertThat(l.out()).containsExactly(". 6461:7921(1460) ack 1001 win 64240");
    }

    @Test
    void sackedLaterSegments_rackResendsTheHoleAfterTheReorderingWindow() {
        // as captured on Linux 6.18: two SACKed segments -> reordering timer (min RTT / 4, jiffies + 2); a third -> at once
        PeerLab l = new PeerLab().synReceived(new TcpOption.Mss(1000), TcpOption.SACK_PERMITTED, TcpOption.NOP, TcpOption.NOP);
        l.advanceMs(10);
        l.in(ACK, 1001, 5001, 64240, 0);
        l.fd = (int) l.peer.accept(l.listenFd).result().value();
        l.peer.setsockopt(l.fd, SockOpt.TCP_NODELAY, 1);
        for (int i = 0; i < 4; i++) write(l, 1000);
        l.out();
        l.advanceMs(10);
        l.in(ACK, 1001, 6001, 64240, 0);
        l.in(ACK, 1001, 6001, 64240, 0, new TcpOption.Sack(List.of(new TcpOption.SackBlock(7001, 8001))));
        l.in(ACK, 1001, 6001, 64240, 0, new TcpOption.Sack(List.of(new TcpOption.SackBlock(7001, 9001))));
        assertThat(l.out()).isEmpty();
        l.advanceMs(11);
        assertThat(l.out()).isEmpty();
        l.advanceMs(1);
        assertThat(l.out()).containsExactly("P. 6001:7001(1000) ack 1001 win 64240");
    }

    @Test
    void smallBuffer_twoSameSizedShortSegmentsSetRcvMss_andTheWindowClosesToZero() {
        // as captured on Linux 6.18 (SO_RCVBUF 4096): last_seg_size teaches rcv_mss 500; the window reaches 0
        PeerLab l = new PeerLab();
        l.listenFd = l.peer.socket();
        l.peer.setsockopt(l.listenFd, SockOpt.SO_RCVBUF, 4096);
        l.peer.bind(l.listenFd, PeerLab.L);
        l.peer.listen(l.listenFd, 5);
        l.in(tcptutor.wire.Flags.SYN, 1000, 0, 64240, 0, MSS);
        l.advanceMs(10);
        l.in(ACK, 1001, 5001, 64240, 0);
        l.fd = (int) l.peer.accept(l.listenFd).result().value();
        l.out();
        for (int i = 0; i < 7; i++) {
            l.w.runBefore(l.w.now() + 10_000);            // as the drill runner does: timers due then come after
            l.in(ACK, 1001 + 500 * i, 5001, 64240, 500);
        }
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1501 win 2920", ". 5001:5001 ack 2001 win 2500",
                ". 5001:5001 ack 4501 win 0");
        l.in(ACK, 4501, 5001, 64240, 500);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 4501 win 0");
    }

    @Test
    void threeDuplicateAcks_triggerFastRetransmit() {
        PeerLab l = new PeerLab().established();
        write(l, 1460 * 15);
        assertThat(l.out()).hasSize(10);                  // IW10
        l.in(ACK, 1001, 6461, 64240, 0);
        assertThat(l.out()).hasSize(2);
        for (int i = 0; i < 2; i++) l.in(ACK, 1001, 6461, 64240, 0);
        assertThat(l.out()).isEmpty();
        l.in(ACK, 1001, 6461, 64240, 0);
        assertThat(l.out()).containsExactly(". 6461:7921(1460) ack 1001 win 64240");
    }

    @Test
    void receiveWindow_unreadDataSqueezesTheWindow_andAReadThatOpensItSendsAnUpdate() {
        // 44 unread 1460-byte segments, 1 ms apart, as measured on Linux 6.18: rcv_ssthresh grows to the clamp
        // (65535 shown), then the right edge stays put while memory fills; past quick-ACK mode a shrinking window
        // is not ACKed every second segment; the delayed ACK, and a read that opens the window, go out.
        PeerLab l = new PeerLab().established();
        int seq = 1001;
        for (int i = 0; i < 44; i++) {
            l.in(ACK, seq, 5001, 64240, 1460);
            seq += 1460;
            l.advanceMs(1);
        }
        List<String> acks = l.out();
        assertThat(acks).hasSize(20);
        assertThat(acks.get(0)).isEqualTo(". 5001:5001 ack 2461 win 65535");
        assertThat(acks.get(11)).isEqualTo(". 5001:5001 ack 18521 win 64240");
        assertThat(acks.get(19)).isEqualTo(". 5001:5001 ack 30201 win 52560");
        l.advanceMs(100);
        assertThat(l.out()).containsExactly(". 5001:5001 ack " + seq + " win 17520");
        l.in(ACK, seq, 5001, 64240, 100);
        l.advanceMs(50);
        assertThat(l.out()).containsExactly(". 5001:5001 ack " + (seq + 100) + " win 17520");
        assertThat(l.peer.read(l.fd, 1 << 20).result().value()).isEqualTo(64340);
        assertThat(l.out()).containsExactly(". 5001:5001 ack " + (seq + 100) + " win 65535");
    }

    @Test
    void delayedAck_aReplyWithinTheAckTimeoutEntersPingpong_andTheTimerFiringLeavesIt() {
        // as captured on Linux 6.18 (tcp_event_data_sent, tcp_delack_timer_handler)
        PeerLab l = new PeerLab().established();
        l.in(PSH | ACK, 1001, 5001, 64240, 10);
        assertThat(l.out()).containsExactly(". 5001:5001 ack 1011 win 64230");
        l.peer.read(l.fd, 100);
        write(l, 10);
        assertThat(l.out()).containsExactly("P. 5001:5011(10) ack 1011 win 64230");
        l.advanceMs(10);
        l.in(PSH | ACK, 1011, 5001, 64240, 10);
        assertThat(l.out()).isEmpty();
        l.advanceMs(39);
        assertThat(l.out()).isEmpty();
        l.advanceMs(1);
        assertThat(l.out()).containsExactly(". 5011:5011 ack 1021 win 64220");
        l.advanceMs(10);
        l.in(PSH | ACK, 1021, 5011, 64240, 10);
        assertThat(l.out()).containsExactly(". 5011:5011 ack 1031 win 64210");
    }

    @Test
    void closeWait_dataBeyondTheFinIsIgnored_andAppCanStillSend() {
        PeerLab l = new PeerLab().established();
        l.in(FIN | ACK, 1001, 5001, 64240, 0);
        l.advanceMs(5);
        l.out();
        l.in(PSH | ACK, 1002, 5001, 64240, 10);
        assertThat(l.out()).isEmpty();
        write(l, 10);
        assertThat(l.out()).containsExactly("P. 5001:5011(10) ack 1002 win 64239");
        l.peer.close(l.fd);
        assertThat(l.out()).containsExactly("F. 5011:5011 ack 1002 win 64239");
    }

    @Test
    void closeWithQueuedData_putsTheFinOnTheLastDataSegment() {
        PeerLab l = new PeerLab().established();
        l.in(ACK, 1001, 5001, 1000, 0);
        write(l, 1500);
        assertThat(l.out()).containsExactly(". 5001:6001(1000) ack 1001 win 64240");
        l.peer.close(l.fd);
        l.in(ACK, 1001, 6001, 64240, 0);
        assertThat(l.out()).containsExactly("FP. 6001:6501(500) ack 1001 win 64240");
    }

    @Test
    void timestamps_negotiated_areOnEverySegmentWithEcrEchoingTheirs() {
        PeerLab l = new PeerLab().established(MSS, new TcpOption.Timestamps(777, 0));
        write(l, 10);
        var sent = l.w.trace().of(tcptutor.sim.TraceEvent.Sent.class);
        var last = sent.get(sent.size() - 1).segment();
        assertThat(last.option(TcpOption.Timestamps.class)).hasValueSatisfying(ts -> assertThat(ts.ecr()).isEqualTo(777));
        assertThat(last.payloadLength()).isEqualTo(10);
        assertThat(l.tcb().snapshot().sndMss()).isEqualTo(1448);
    }
}
