package tcptutor.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.wire.TestBytes.hex;
import static tcptutor.wire.TestBytes.ip;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldTreeTest {
    /** The last field of that name (the TCP one when IP has a field of the same name). */
    static Field field(List<Field> tree, String name) {
        return tree.stream().filter(f -> f.name().equals(name)).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no field " + name));
    }

    static Field ipField(List<Field> tree, String name) {
        return tree.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no field " + name));
    }

    @Test void seedSyn_fieldsCarryRangesRawValuesAndMeanings() {
        List<Field> t = FieldTree.of(PacketDecoder.guess(hex(TestBytes.SEED_SYN)).value());
        assertThat(field(t, "Source Port")).isEqualTo(new Field("Source Port", 160, 16, 0x96a0, "38560", 1));
        assertThat(field(t, "Destination Port").meaning()).isEqualTo("23 (telnet)");
        assertThat(ipField(t, "Header Length").meaning()).isEqualTo("20 bytes (5)");
        assertThat(field(t, "Header Length")).isEqualTo(new Field("Header Length", 256, 4, 10, "40 bytes (10)", 1));
        assertThat(ipField(t, "Flags").meaning()).isEqualTo("0x2 (Don't fragment)");
        assertThat(field(t, "Flags")).isEqualTo(new Field("Flags", 260, 12, 0x002, "0x002 (SYN)", 1));
        assertThat(field(t, "Syn (SYN)")).isEqualTo(new Field("Syn (SYN)", 270, 1, 1, "Set", 2));
        assertThat(field(t, "Acknowledgment (ACK)").meaning()).isEqualTo("Not set");
        assertThat(field(t, "Window")).isEqualTo(new Field("Window", 272, 16, 65495, "65495", 1));
        assertThat(field(t, "Checksum").meaning()).startsWith("0xfe30 [not filled in, correct value 0x316a]: checksum offload");
        assertThat(field(t, "Options").meaning()).isEqualTo("20 bytes: mss 65495, sackOK, TS val 3913303147 ecr 0, nop, wscale 7");
        assertThat(field(t, "Timestamp value (TSval)")).isEqualTo(new Field("Timestamp value (TSval)", 48 * 8, 32, 3913303147L, "3913303147", 3));
        assertThat(field(t, "Header Checksum").meaning()).isEqualTo("0x7260 [correct]");
        Field checksum = field(t, "Checksum");
        assertThat(checksum.firstByte()).isEqualTo(36);
        assertThat(checksum.endByte()).isEqualTo(38);
    }

    @Test void synAck_flagsReadLikeWireshark_andGoodChecksum() {
        Segment s = Segment.of(80, 40000, 1, 2, Flags.SYN | Flags.ACK, 65160, List.of(new TcpOption.Mss(1460)), new byte[0]);
        List<Field> t = FieldTree.of(Packet.of(ip("192.0.2.2"), ip("192.0.2.1"), s, 0));
        assertThat(field(t, "Flags").meaning()).isEqualTo("0x012 (SYN, ACK)");
        assertThat(field(t, "Checksum").meaning()).endsWith("[correct]");
        assertThat(field(t, "Acknowledgment Number").meaning()).isEqualTo("2 (the next byte expected from the other side)");
    }

    @Test void scaledWindow_isShownWhenTheShiftIsKnown() {
        Segment s = Segment.of(80, 40000, 1, 2, Flags.ACK, 502, List.of(), new byte[0]);
        Packet p = Packet.of(ip("192.0.2.2"), ip("192.0.2.1"), s, 0);
        assertThat(field(FieldTree.of(p, 7), "[Calculated window size]").meaning()).isEqualTo("64256 bytes (502 << 7)");
        assertThat(field(FieldTree.of(p), "[Calculated window size]").meaning()).startsWith("unknown");
    }

    @Test void payloadAndSack_areListed() {
        Segment s = Segment.of(80, 40000, 1, 2, Flags.ACK | Flags.PSH, 502,
                LinuxOptions.established(true, 1, 2, List.of(new TcpOption.SackBlock(10, 20))), "GET / HTTP/1.1\r\n".getBytes());
        List<Field> t = FieldTree.of(Packet.of(ip("192.0.2.2"), ip("192.0.2.1"), s, 0));
        assertThat(field(t, "Payload").meaning()).isEqualTo("16 bytes: \"GET / HTTP/1.1\\r\\n\"");
        assertThat(field(t, "SACK").meaning()).isEqualTo("1 block received out of order");
        assertThat(field(t, "Left edge").rawValue()).isEqualTo(10);
    }

    @Test void bareTcp_hasNoAddressesSoTheChecksumIsUnverified() {
        Segment s = Segment.of(1, 2, 3, 4, Flags.ACK, 5, List.of(), new byte[0]);
        assertThat(field(FieldTree.of(Packet.tcpOnly(s)), "Checksum").meaning()).contains("unverified");
    }

    @Test void text_hasOneLinePerField() {
        List<Field> t = FieldTree.of(PacketDecoder.guess(hex(TestBytes.SEED_SYN)).value());
        String text = FieldTree.text(t);
        assertThat(text.lines().count()).isEqualTo(t.size());
        assertThat(text).contains("bytes 34-35    0xffd7           Window: 65495\n");
        assertThat(text).contains("bit 270        0b1                Syn (SYN): Set\n");
    }
}
