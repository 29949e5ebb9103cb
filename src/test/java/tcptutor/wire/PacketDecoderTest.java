package tcptutor.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.wire.TestBytes.hex;
import static tcptutor.wire.TestBytes.ip;

import java.util.List;
import org.junit.jupiter.api.Test;

class PacketDecoderTest {
    static final byte[] SEED = hex(TestBytes.SEED_SYN);

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test void guess_findsEachFraming() {
        assertThat(PacketDecoder.guess(SEED).value().ipOffset()).isZero();
        Packet eth = PacketDecoder.guess(concat(hex("0200 0000 0002 0200 0000 0001 0800"), SEED)).value();
        assertThat(eth.link()).isEqualTo("Ethernet");
        assertThat(eth.tcpOffset()).isEqualTo(34);
        Packet vlan = PacketDecoder.guess(concat(hex("0200 0000 0002 0200 0000 0001 8100 0064 0800"), SEED)).value();
        assertThat(vlan.ipOffset()).isEqualTo(18);
        Packet sll = PacketDecoder.guess(concat(hex("0000 0304 0006 0000 0000 0000 0000 0800"), SEED)).value();
        assertThat(sll.link()).isEqualTo("Linux cooked (SLL)");
        Packet sll2 = PacketDecoder.guess(concat(hex("0800 0000 0000 0001 0304 0006 0000 0000 0000 0000"), SEED)).value();
        assertThat(sll2.link()).isEqualTo("Linux cooked v2 (SLL2)");
        Packet bare = PacketDecoder.guess(java.util.Arrays.copyOfRange(SEED, 20, 60)).value();
        assertThat(bare.ip()).isNull();
        assertThat(bare.segment().srcPort()).isEqualTo(38560);
        Packet v6 = Packet.of(ip("2001:db8::1"), ip("2001:db8::2"), Segment.of(1, 2, 3, 4, Flags.ACK, 5, List.of(), new byte[0]), 0);
        assertThat(PacketDecoder.guess(v6.bytes()).value().src()).isEqualTo(ip("2001:db8::1"));
    }

    @Test void errorsInsideAFrame_countFromTheFrameStart() {
        byte[] b = SEED.clone();
        b[32] = 0x42;
        assertThat(PacketDecoder.guess(b).error().message()).isEqualTo("byte 32: data offset 4 is below the minimum 5");
        byte[] opt = SEED.clone();
        opt[47] = 40; // timestamps option length 40
        assertThat(PacketDecoder.guess(opt).error().message()).isEqualTo("byte 46: option kind 8 length 40 runs past the header end at 60");
    }

    @Test void nonTcpAndFragments_sayWhatTheyAre() {
        byte[] udp = hex("4500 001c 0000 4000 4011 0000 c000 0201 c000 0202 0035 0035 0008 0000");
        assertThat(PacketDecoder.guess(udp).error().message()).isEqualTo("byte 9: IP protocol 17 (UDP) is not TCP (6)");
        byte[] frag = SEED.clone();
        frag[6] = 0x20; // MF, offset 0
        assertThat(PacketDecoder.decode(PacketDecoder.LINKTYPE_RAW, frag).error().message())
                .isEqualTo("byte 6: an IPv4 fragment (offset 0, more fragments): fragments are not reassembled");
        assertThat(PacketDecoder.decode(PacketDecoder.LINKTYPE_ETHERNET, concat(hex("0200 0000 0002 0200 0000 0001 0806"), SEED)).error().message())
                .isEqualTo("byte 12: ethertype 0x0806 is not IPv4 (0x0800) or IPv6 (0x86dd)");
    }

    @Test void ethernetPadding_isNotPayload() {
        Packet p = Packet.of(ip("192.0.2.1"), ip("192.0.2.2"), Segment.of(1, 2, 3, 4, Flags.ACK, 5, List.of(), new byte[0]), 0);
        byte[] frame = concat(concat(hex("0200 0000 0002 0200 0000 0001 0800"), p.bytes()), new byte[6]); // 60-byte minimum frame
        Packet d = PacketDecoder.decode(PacketDecoder.LINKTYPE_ETHERNET, frame).value();
        assertThat(d.segment().payloadLength()).isZero();
        assertThat(d.checksum().status()).isEqualTo(Checksum.Status.GOOD);
    }
}
