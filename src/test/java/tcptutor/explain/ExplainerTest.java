package tcptutor.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.tcp.Settings;
import tcptutor.wire.Flags;
import tcptutor.wire.TcpOption;

/** Captures built segment by segment, explained: both sides' states after each segment, and the notes. */
class ExplainerTest {
    static Lab closed() {
        return new Lab().handshake().at(10).c("P.", 1, 1, 64240, 100).s(".", 1, 101, 64140, 0)
                .at(20).c("F.", 101, 1, 64240, 0).at(60).s(".", 1, 102, 64140, 0).at(70).s("F.", 1, 102, 64140, 0).c(".", 102, 2, 64240, 0);
    }

    @Test void handshakeDataAndActiveClose_statesOfBothSidesAfterEverySegment() {
        Explained e = closed().explain();
        assertThat(Lab.states(e)).containsExactly("SYN-SENT/SYN-RECEIVED", "ESTABLISHED/SYN-RECEIVED", "ESTABLISHED/ESTABLISHED",
                "ESTABLISHED/ESTABLISHED", "ESTABLISHED/ESTABLISHED", "FIN-WAIT-1/CLOSE-WAIT", "FIN-WAIT-2/CLOSE-WAIT",
                "TIME-WAIT/LAST-ACK", "TIME-WAIT/CLOSED");
        assertThat(Lab.notes(e, 0)).contains("client CLOSED -> SYN-SENT: it sent a SYN", "server LISTEN -> SYN-RECEIVED: SYN on a listening port");
        assertThat(Lab.notes(e, 7)).contains("client FIN-WAIT-2 -> TIME-WAIT",
                "the client holds the connection in TIME-WAIT for 60 s (Linux TCP_TIMEWAIT_LEN)");
        assertThat(e.summary()).containsExactly("at the end of the capture: client TIME-WAIT (until 60.070 s, then CLOSED), server CLOSED");
        assertThat(e.rows().get(3).segment()).isEqualTo("Flags [P.], seq 1:101, ack 1, win 64240, length 100");
        assertThat(e.rows().get(3).notes()).isEmpty();
    }

    @Test void rfc9293Profile_timeWaitIsTwoMsl() {
        Explained e = closed().explain(Settings.rfc9293()).get(0);
        assertThat(Lab.notes(e, 7)).contains("TIME-WAIT for 240 s (2 MSL)");
        assertThat(e.summary().get(0)).contains("until 240.070 s");
    }

    @Test void rstInWindowButNotExact_getsAChallengeAck_explainedByRfc5961() {
        Explained e = new Lab().handshake().at(10).c("R", 101, 0, 0, 0).at(11).s(".", 1, 1, 64240, 0).explain();
        assertThat(Lab.states(e).subList(3, 5)).containsExactly("ESTABLISHED/ESTABLISHED", "ESTABLISHED/ESTABLISHED");
        assertThat(Lab.notes(e, 3)).contains("RST from the client: its SEQ is outside what the client has sent",
                "server: RST in window but not exact: challenge ACK [RFC 5961 3.2]");
        assertThat(Lab.notes(e, 4)).isEqualTo("the server's answer to frame 4: RST in window but not exact: challenge ACK [RFC 5961 3.2]");
    }

    @Test void dataOutsideTheAdvertisedWindow_isAnsweredWithAnAckNow() {
        Explained e = new Lab().handshake().at(5).s(".", 1, 1, 1000, 0).at(10).c("P.", 5001, 1, 64240, 100)
                .at(11).s(".", 1, 1, 1000, 0).explain();
        assertThat(Lab.notes(e, 4)).contains("server: segment not acceptable (outside the receive window): ACK-now");
        assertThat(Lab.notes(e, 5)).contains("the server's answer to frame 5: segment not acceptable (outside the receive window)");
    }

    @Test void threeDuplicateAcks_thenFastRetransmit_ofACopyLostAfterTheCapturePoint() {
        Lab l = new Lab().handshake().at(10);
        for (int i = 0; i < 4; i++) l.c(".", 1 + 1000 * i, 1, 64240, 1000);
        l.at(11).s(".", 1, 1, 64240, 0, sack(1001, 2001)).s(".", 1, 1, 64240, 0, sack(1001, 3001)).s(".", 1, 1, 64240, 0, sack(1001, 4001));
        l.at(12).c(".", 1, 1, 64240, 1000).at(13).s(".", 1, 4001, 64240, 0);
        Explained e = l.explain();
        assertThat(Lab.notes(e, 7)).isEqualTo("duplicate ACK #1: the server still waits for byte 1; SACK says it holds [1001:2001]");
        assertThat(Lab.notes(e, 9)).startsWith("duplicate ACK #3: the server still waits for byte 1; SACK says it holds [1001:4001]. "
                + "The third one: the client should resend byte 1 now (fast retransmit) [RFC 5681 3.2]");
        assertThat(Lab.notes(e, 10)).contains("retransmission of [1:1001] (first sent in frame 4, 2 ms earlier): fast retransmit after 3 duplicate ACKs",
                "the server has not acknowledged the first copy: it was lost after the capture point",
                "the client's answer to frame 10: fast retransmit: three duplicate ACKs [RFC 5681 3.2]");
        assertThat(Lab.notes(e, 11)).doesNotContain("missed");
        assertThat(e.summary().get(1)).isEqualTo("seen: 1 retransmission, 3 duplicate ACKs");
    }

    static TcpOption.Sack sack(int left, int right) {
        return new TcpOption.Sack(List.of(new TcpOption.SackBlock(Lab.CISN + left, Lab.CISN + right)));
    }

    @Test void retransmissionAfterTheTimeout_ofDataTheReceiverHadAcked_isSpurious() {
        Explained e = new Lab().handshake().at(10).c("P.", 1, 1, 64240, 10).at(11).s(".", 1, 11, 64240, 0).at(300).c("P.", 1, 1, 64240, 10)
                .at(301).s(".", 1, 11, 64240, 0).explain();
        assertThat(Lab.notes(e, 5)).contains("retransmission of [1:11] (first sent in frame 4, 290 ms earlier): the server had already"
                + " acknowledged it, so it was not needed (spurious)", "server: duplicate data (already received): immediate ACK");
        assertThat(Lab.notes(e, 6)).startsWith("the server's answer to frame 6: duplicate data");
    }

    @Test void tailLossProbe_soonerThanTheMinimumRto_thenADsackShowsItWasNotNeeded() {
        Explained e = new Lab().handshake().at(10).c("P.", 1, 1, 64240, 100).at(15).c("P.", 1, 1, 64240, 100)
                .at(50).s(".", 1, 101, 64240, 0, sack(1, 101)).explain();
        assertThat(Lab.notes(e, 4)).contains("retransmission of [1:101] (first sent in frame 4, 5 ms earlier): sooner than the smallest"
                + " retransmission timeout (200 ms), so a tail loss probe", "[RFC 8985 7; Linux tcp_send_loss_probe]");
        assertThat(Lab.notes(e, 5)).startsWith("D-SACK: the server received [1:101] twice, so the client resent it without need");
    }

    @Test void zeroWindow_probe_andTheWindowOpeningAgain() {
        Explained e = new Lab().handshake().at(10).c("P.", 1, 1, 64240, 100).at(11).s(".", 1, 101, 0, 0)
                .at(300).c(".", 100, 1, 64240, 0).at(301).s(".", 1, 101, 0, 0).at(900).s(".", 1, 101, 8192, 0).explain();
        assertThat(Lab.notes(e, 4)).startsWith("zero window: the server's receive buffer is full");
        assertThat(Lab.notes(e, 5)).startsWith("zero-window probe: SEQ = SND.UNA-1 and no data");
        assertThat(Lab.notes(e, 6)).isEqualTo("the answer to the probe: the server is alive, and its window is still 0\n"
                + "the server's answer to frame 6: segment not acceptable (outside the receive window): ACK-now <SEQ=SND.NXT><ACK=RCV.NXT>"
                + " [RFC 9293 3.10.7.4 first]");
        assertThat(Lab.notes(e, 7)).startsWith("the window opens again: 8192 bytes");
    }

    @Test void keepaliveProbe_andItsAnswer() {
        Explained e = new Lab().handshake().at(7_200_000).c(".", 0, 1, 64240, 0).s(".", 1, 1, 64240, 0).explain();
        assertThat(Lab.notes(e, 3)).startsWith("keepalive probe: SEQ = SND.NXT-1 and no data after an idle time");
        assertThat(Lab.notes(e, 4)).startsWith("the answer to the probe: the server is alive\n"
                + "the server's answer to frame 4: segment not acceptable (outside the receive window): ACK-now");
        assertThat(Lab.states(e).get(4)).isEqualTo("ESTABLISHED/ESTABLISHED");
    }

    @Test void bytesTheReceiverAckedButTheCaptureNeverShowed_areCalledOut() {
        Explained e = new Lab().handshake().at(10).c(".", 1449, 1, 64240, 1448).at(11).s(".", 1, 2897, 64240, 0).explain();
        assertThat(Lab.notes(e, 3)).startsWith("the capture has not seen [1:1449] (1448 bytes) before this segment");
        assertThat(Lab.notes(e, 4)).isEqualTo("the capture missed 1448 bytes [1:1449] that the server ACKed");
        assertThat(Lab.states(e).get(4)).isEqualTo("ESTABLISHED/ESTABLISHED");
    }

    @Test void ackForBytesNeverCapturedAtAll_isCalledOut_withoutARstPrediction() {
        Explained e = new Lab().handshake().at(11).s(".", 1, 1449, 64240, 0).at(12).c("P.", 1449, 1, 64240, 10).explain();
        assertThat(Lab.notes(e, 3)).isEqualTo("the capture missed 1448 bytes [1:1449] that the server ACKed");
        assertThat(Lab.notes(e, 4)).isEmpty();
    }

    @Test void aHugeMissedRange_isCalledOut_andTheEndpointsJumpOverIt() {
        Explained e = new Lab().handshake().at(11).s(".", 1, 100_000_001, 64240, 0).at(12).c("P.", 100_000_001, 1, 64240, 10)
                .s(".", 1, 100_000_011, 64240, 0).explain();
        assertThat(Lab.notes(e, 3)).isEqualTo("the capture missed 100000000 bytes [1:100000001] that the server ACKed");
        assertThat(Lab.notes(e, 4)).isEmpty();
        assertThat(Lab.notes(e, 5)).isEmpty();
        assertThat(Lab.states(e).subList(3, 6)).containsOnly("ESTABLISHED/ESTABLISHED");
    }

    @Test void segmentsLargerThanTheMss_areSegmentationOffload_notErrors() {
        Explained e = new Lab().handshake().at(10).c("P.", 1, 1, 64240, 4380).c("P.", 4381, 1, 64240, 2920).explain();
        assertThat(Lab.notes(e, 3)).startsWith("4380 bytes, more than the MSS of 1460 the server announced: segmentation offload (TSO/GSO)");
        assertThat(Lab.notes(e, 4)).isEqualTo("segmentation offload: 2920 bytes, 2 x MSS");
    }

    @Test void badChecksum_isDroppedByTheReceiver_theRetransmissionIsTaken() {
        Explained e = new Lab().handshake().at(10).bad().c("F.", 1, 1, 64240, 0).at(300).c("F.", 1, 1, 64240, 0).explain();
        assertThat(Lab.notes(e, 3)).contains("bad TCP checksum", "the receiver drops this segment silently");
        assertThat(Lab.states(e).get(3)).isEqualTo("FIN-WAIT-1/ESTABLISHED");
        assertThat(Lab.states(e).get(4)).isEqualTo("FIN-WAIT-1/CLOSE-WAIT");
    }

    @Test void captureBeginningMidConnection_takesBothSidesAsEstablished() {
        Lab l = new Lab();
        l.raw(true, Flags.PSH | Flags.ACK, 7000, 9000, 500, 100).raw(false, Flags.ACK, 9000, 7100, 500, 0)
                .raw(true, Flags.FIN | Flags.ACK, 7100, 9000, 500, 0);
        Explained e = l.explain();
        assertThat(e.conversation().midStream()).isTrue();
        assertThat(e.conversation().client().port()).isEqualTo(Lab.CPORT);
        assertThat(Lab.notes(e, 0)).startsWith("the capture begins in the middle of the connection: both sides are taken as ESTABLISHED");
        assertThat(Lab.states(e)).containsExactly("ESTABLISHED/ESTABLISHED", "ESTABLISHED/ESTABLISHED", "FIN-WAIT-1/CLOSE-WAIT");
    }

    @Test void synToAClosedPort_rstAck_isConnectionRefused() {
        Lab l = new Lab().c("S", 0, 0, 64240, 0, new TcpOption.Mss(1460));
        l.raw(false, Flags.RST | Flags.ACK, 0, Lab.CISN + 1, 0, 0);
        Explained e = l.explain();
        assertThat(Lab.states(e)).containsExactly("SYN-SENT/CLOSED", "CLOSED/CLOSED");
        assertThat(Lab.notes(e, 1)).contains("RST from the server: segment without ACK to a port with no socket: "
                + "<SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK> [RFC 9293 3.10.7.1] (the answer to frame 1)",
                "client SYN-SENT -> CLOSED: RST acknowledging our SYN: connection refused");
    }

    @Test void synRetransmitted_thenAnswered() {
        Explained e = new Lab().c("S", 0, 0, 64240, 0).at(1000).c("S", 0, 0, 64240, 0).s("S.", 0, 1, 64240, 0).c(".", 1, 1, 64240, 0).explain();
        assertThat(Lab.notes(e, 1)).contains("SYN retransmitted 1 s after the previous one: no SYN-ACK came back in time",
                "the server has not acknowledged the first copy");
        assertThat(Lab.states(e)).containsExactly("SYN-SENT/SYN-RECEIVED", "SYN-SENT/SYN-RECEIVED", "ESTABLISHED/SYN-RECEIVED",
                "ESTABLISHED/ESTABLISHED");
    }

    @Test void abortiveClose_rstAckAtSndNxt() {
        Explained e = new Lab().handshake().at(10).c("R.", 1, 1, 64240, 0).explain();
        assertThat(Lab.notes(e, 3)).startsWith("RST from the client: an abortive close");
        assertThat(Lab.states(e).get(3)).isEqualTo("CLOSED/CLOSED");
    }

    @Test void halfClose_serverKeepsSending_clientKeepsAcking() {
        Explained e = new Lab().handshake().at(10).c("F.", 1, 1, 64240, 0).s(".", 1, 2, 64240, 0).at(20).s("P.", 1, 2, 64240, 50)
                .c(".", 2, 51, 64240, 0).at(30).s("F.", 51, 2, 64240, 0).c(".", 2, 52, 64240, 0).explain();
        assertThat(Lab.notes(e, 5)).startsWith("the server still sends data after the client's FIN (frame 4)");
        assertThat(Lab.notes(e, 6)).startsWith("half-close: the client acknowledges data that came after its own FIN");
        assertThat(Lab.states(e).get(6)).isEqualTo("FIN-WAIT-2/CLOSE-WAIT");
        assertThat(Lab.states(e).get(8)).isEqualTo("TIME-WAIT/CLOSED");
    }

    @Test void aNewSynAfterTheCloseOnTheSameFourTuple_isANewConnection() {
        Lab l = closed();
        l.at(100).raw(true, Flags.SYN, 90000, 0, 64240, 0).raw(false, Flags.SYN | Flags.ACK, 70000, 90001, 64240, 0)
                .raw(true, Flags.ACK, 90001, 70001, 64240, 0);
        List<Explained> all = l.explain(Settings.linux());
        assertThat(all).hasSize(2);
        assertThat(all.get(1).conversation().number()).isEqualTo(2);
        assertThat(Lab.states(all.get(1))).containsExactly("SYN-SENT/SYN-RECEIVED", "ESTABLISHED/SYN-RECEIVED", "ESTABLISHED/ESTABLISHED");
    }

    @Test void captureBeginningAfterTheSyn_assumesIt() {
        Explained e = new Lab().s("S.", 0, 1, 64240, 0, new TcpOption.Mss(1460)).c(".", 1, 1, 64240, 0).explain();
        assertThat(e.conversation().client().port()).isEqualTo(Lab.CPORT);
        assertThat(Lab.notes(e, 0)).startsWith("the capture begins after the client's SYN");
        assertThat(Lab.states(e)).containsExactly("ESTABLISHED/SYN-RECEIVED", "ESTABLISHED/ESTABLISHED");
    }
}
