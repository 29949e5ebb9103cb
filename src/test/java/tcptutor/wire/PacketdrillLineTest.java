package tcptutor.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PacketdrillLineTest {
    @Test void synAck_isRelativeToBothIsns() {
        Segment s = Segment.of(8080, 40000, 777, 1001, Flags.SYN | Flags.ACK, 64240, List.of(new TcpOption.Mss(1460)), new byte[0]);
        assertThat(PacketdrillLine.render(s, 777, 1000)).isEqualTo("S. 0:0(0) ack 1 win 64240 <mss 1460>");
    }

    @Test void data_andSackAndNoFlags() {
        Segment d = Segment.of(1, 2, 101, 51, Flags.PSH | Flags.ACK, 257, List.of(), new byte[100]);
        assertThat(PacketdrillLine.render(d, 100, 50)).isEqualTo("P. 1:101(100) ack 1 win 257");
        Segment sack = Segment.of(1, 2, 1, 1001, Flags.ACK, 257, List.of(TcpOption.NOP, TcpOption.NOP,
                new TcpOption.Sack(List.of(new TcpOption.SackBlock(2001, 3001)))), new byte[0]);
        assertThat(PacketdrillLine.render(sack)).isEqualTo(". 1:1(0) ack 1001 win 257 <nop,nop,sack 2001:3001>");
        assertThat(PacketdrillLine.render(Segment.of(1, 2, 5, 0, 0, 0, List.of(), new byte[0]))).isEqualTo("- 5:5(0) win 0");
    }

    @Test void linuxSyn_optionsAsPacketdrillWritesThem() {
        Segment s = Segment.of(1, 2, 0, 0, Flags.SYN, 32792, LinuxOptions.syn(1000, true, true, 100, 0, 7), new byte[0]);
        assertThat(PacketdrillLine.render(s)).isEqualTo("S 0:0(0) win 32792 <mss 1000,sackOK,TS val 100 ecr 0,nop,wscale 7>");
    }
}
