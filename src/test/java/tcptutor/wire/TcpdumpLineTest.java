package tcptutor.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.wire.TestBytes.ip;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpdumpLineTest {
    static final InetAddress C = ip("192.168.1.108"), S = ip("192.168.1.109");
    static final int CISN = 535734930, SISN = (int) 2159701207L;

    static Segment seg(int sport, int dport, int seq, int ack, int flags, int win, String data) {
        return Segment.of(sport, dport, seq, ack, flags, win, List.of(), data.getBytes());
    }

    /** The seed's telnet connect-and-close (seeds/004), line by line as tcpdump printed it. */
    @Test void relativeNumbers_followTcpdumpThroughHandshakeAndClose() {
        TcpdumpLine t = TcpdumpLine.relative();
        assertThat(t.line(C, S, seg(60871, 80, CISN, 0, Flags.SYN, 5840, "")))
                .isEqualTo("IP 192.168.1.108.60871 > 192.168.1.109.80: Flags [S], seq 535734930, win 5840, length 0");
        assertThat(t.line(S, C, seg(80, 60871, SISN, CISN + 1, Flags.SYN | Flags.ACK, 5792, "")))
                .isEqualTo("IP 192.168.1.109.80 > 192.168.1.108.60871: Flags [S.], seq 2159701207, ack 535734931, win 5792, length 0");
        assertThat(t.line(C, S, seg(60871, 80, CISN + 1, SISN + 1, Flags.ACK, 92, "")))
                .isEqualTo("IP 192.168.1.108.60871 > 192.168.1.109.80: Flags [.], ack 1, win 92, length 0");
        assertThat(t.line(C, S, seg(60871, 80, CISN + 1, SISN + 1, Flags.FIN | Flags.ACK, 92, "")))
                .isEqualTo("IP 192.168.1.108.60871 > 192.168.1.109.80: Flags [F.], seq 1, ack 1, win 92, length 0");
        assertThat(t.line(S, C, seg(80, 60871, SISN + 1, CISN + 2, Flags.ACK, 91, "")))
                .isEqualTo("IP 192.168.1.109.80 > 192.168.1.108.60871: Flags [.], ack 2, win 91, length 0");
        assertThat(t.line(S, C, seg(80, 60871, SISN + 1, CISN + 2, Flags.FIN | Flags.ACK, 91, "")))
                .isEqualTo("IP 192.168.1.109.80 > 192.168.1.108.60871: Flags [F.], seq 1, ack 2, win 91, length 0");
        assertThat(t.line(C, S, seg(60871, 80, CISN + 2, SISN + 2, Flags.ACK, 92, "")))
                .isEqualTo("IP 192.168.1.108.60871 > 192.168.1.109.80: Flags [.], ack 2, win 92, length 0");
    }

    @Test void dataSegment_showsSeqRange_andBareRstStaysAbsolute() {
        TcpdumpLine t = TcpdumpLine.relative();
        t.line(S, C, seg(80, 60871, SISN, CISN + 1, Flags.SYN | Flags.ACK, 5792, ""));
        assertThat(t.line(C, S, seg(60871, 80, CISN + 1, SISN + 1, Flags.PSH | Flags.ACK, 92, "hello")))
                .endsWith("Flags [P.], seq 1:6, ack 1, win 92, length 5");
        assertThat(t.line(C, S, seg(60871, 80, CISN + 6, 0, Flags.RST, 0, "")))
                .endsWith("Flags [R], seq 535734936, win 0, length 0");
        assertThat(t.line(S, C, seg(80, 60871, SISN + 1, CISN + 6, Flags.RST | Flags.ACK, 0, "")))
                .endsWith("Flags [R.], seq 1, ack 6, win 0, length 0");
    }

    @Test void captureStartingMidConnection_printsItsFirstAckSegmentAbsolute() {
        TcpdumpLine t = TcpdumpLine.relative();
        assertThat(t.line(C, S, seg(60871, 80, 1000, 5000, Flags.ACK | Flags.PSH, 92, "ab"))).endsWith("seq 1000:1002, ack 5000, win 92, length 2");
        assertThat(t.line(C, S, seg(60871, 80, 1002, 5000, Flags.ACK | Flags.PSH, 92, "cd"))).endsWith("seq 2:4, ack 1, win 92, length 2");
    }

    @Test void absolute_isStateless() {
        TcpdumpLine t = TcpdumpLine.absolute();
        t.line(S, C, seg(80, 60871, SISN, CISN + 1, Flags.SYN | Flags.ACK, 5792, ""));
        assertThat(t.line(C, S, seg(60871, 80, CISN + 1, SISN + 1, Flags.ACK, 92, ""))).endsWith("Flags [.], ack 2159701208, win 92, length 0");
    }

    @Test void sackEdges_areRelativeToTheOtherDirection() {
        TcpdumpLine t = TcpdumpLine.relative();
        t.line(S, C, seg(80, 60871, SISN, CISN + 1, Flags.SYN | Flags.ACK, 5792, ""));
        Segment sack = Segment.of(60871, 80, CISN + 1, SISN + 1, Flags.ACK, 92,
                LinuxOptions.established(false, 0, 0, List.of(new TcpOption.SackBlock(SISN + 1001, SISN + 1101))), new byte[0]);
        assertThat(t.line(C, S, sack)).endsWith("Flags [.], ack 1, win 92, options [nop,nop,sack 1 {1001:1101}], length 0");
    }

    @Test void synAckLineFromTheReference_withOptionsAndUrgent() {
        Segment s = Segment.of(80, 40000, (int) 2837261721L, 1000001, Flags.SYN | Flags.ACK, 65160,
                LinuxOptions.syn(1460, true, true, 4000, 3000, 7), new byte[0]);
        assertThat(TcpdumpLine.relative().line(ip("192.0.2.2"), ip("192.0.2.1"), s)).isEqualTo("IP 192.0.2.2.80 > 192.0.2.1.40000: "
                + "Flags [S.], seq 2837261721, ack 1000001, win 65160, options [mss 1460,sackOK,TS val 4000 ecr 3000,nop,wscale 7], length 0");
        Segment urg = new Segment(1, 2, 3, 4, 5, Flags.URG | Flags.ACK, 6, 0, 9, List.of(), new byte[0]);
        assertThat(TcpdumpLine.absolute().line(null, null, urg)).isEqualTo("1 > 2: Flags [.U], ack 4, win 6, urg 9, length 0");
    }

    @Test void ipv6_isPrintedCompressedWithIp6() {
        Segment s = seg(40000, 80, 1000, 0, Flags.SYN, 64240, "");
        assertThat(TcpdumpLine.relative().line(ip("2001:db8::1"), ip("2001:db8::2"), s))
                .isEqualTo("IP6 2001:db8::1.40000 > 2001:db8::2.80: Flags [S], seq 1000, win 64240, length 0");
        assertThat(IpHeader.text(ip("2001:db8:0:1:0:0:0:1"))).isEqualTo("2001:db8:0:1::1");
        assertThat(IpHeader.text(ip("::1"))).isEqualTo("::1");
        assertThat(IpHeader.text(ip("fe80::"))).isEqualTo("fe80::");
    }

    @Test void unknownOptions_printLikeTcpdump() {
        assertThat(TcpdumpLine.options(List.of(new TcpOption.Unknown(34, new byte[]{(byte) 0xab}), new TcpOption.Unknown(99, new byte[0]),
                TcpOption.EOL, TcpOption.NOP), 0)).isEqualTo("tfo 0xab,unknown-99,eol");
    }
}
