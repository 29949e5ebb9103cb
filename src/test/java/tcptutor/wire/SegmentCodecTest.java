package tcptutor.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.wire.TestBytes.hex;
import static tcptutor.wire.TestBytes.ip;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentCodecTest {
    static final byte[] SEED_TCP = Arrays.copyOfRange(hex(TestBytes.SEED_SYN), 20, 60);

    @Test void seedSyn_decodesToTheSeedsTable() {
        Segment s = SegmentCodec.decode(SEED_TCP).value();
        assertThat(s.srcPort()).isEqualTo(38560);
        assertThat(s.dstPort()).isEqualTo(23);
        assertThat(Seq.str(s.seq())).isEqualTo("4242890062");
        assertThat(s.ack()).isZero();
        assertThat(s.dataOffset()).isEqualTo(10);
        assertThat(s.flags()).isEqualTo(Flags.SYN);
        assertThat(s.window()).isEqualTo(65495);
        assertThat(s.checksum()).isEqualTo(0xfe30);
        assertThat(s.urgentPointer()).isZero();
        assertThat(s.options()).containsExactly(new TcpOption.Mss(65495), TcpOption.SACK_PERMITTED,
                new TcpOption.Timestamps((int) 3913303147L, 0), TcpOption.NOP, new TcpOption.WindowScale(7));
        assertThat(s.payload()).isEmpty();
    }

    @Test void seedSyn_encodesBackToTheSameBytes() {
        assertThat(SegmentCodec.encode(SegmentCodec.decode(SEED_TCP).value())).isEqualTo(SEED_TCP);
    }

    @Test void dataSegment_roundTripsWithPayloadAndAllFlagBits() {
        byte[] b = hex("c350 0016 0000 0001 0000 0002 5fff 0100 1234 0007 6869");
        Segment s = SegmentCodec.decode(b).value();
        assertThat(s.flags()).isEqualTo(0xFFF);
        assertThat(Flags.has(s.flags(), Flags.AE)).isTrue();
        assertThat(s.payload()).isEqualTo("hi".getBytes());
        assertThat(s.urgentPointer()).isEqualTo(7);
        assertThat(SegmentCodec.encode(s)).isEqualTo(b);
    }

    @Test void checksumVector_ipv4NoOptions_is0x0077() {
        Segment syn = Segment.of(40000, 80, 1000, 0, Flags.SYN, 64240, List.of(), new byte[0]);
        byte[] b = SegmentCodec.encode(syn, ip("10.0.0.1"), ip("10.0.0.2"));
        assertThat(b).isEqualTo(hex("9c40 0050 0000 03e8 0000 0000 5002 faf0 0077 0000"));
    }

    @Test void checksumVector_ipv4LinuxSynOptions_is0x9893() {
        Segment syn = Segment.of(40000, 80, 1000, 0, Flags.SYN, 64240, LinuxOptions.syn(1460, true, true, 1, 0, 7), new byte[0]);
        byte[] b = SegmentCodec.encode(syn, ip("10.0.0.1"), ip("10.0.0.2"));
        assertThat(b.length).isEqualTo(40);
        assertThat(b[12] & 0xFF).isEqualTo(0xa0);
        assertThat(SegmentCodec.get16(b, SegmentCodec.CHECKSUM)).isEqualTo(0x9893);
    }

    @Test void checksumVector_ipv6NoOptions_is0xb904() {
        Segment syn = Segment.of(40000, 80, 1000, 0, Flags.SYN, 64240, List.of(), new byte[0]);
        Segment summed = SegmentCodec.withChecksum(syn, ip("2001:db8::1"), ip("2001:db8::2"));
        assertThat(summed.checksum()).isEqualTo(0xb904);
    }

    @Test void checksum_verifiesWhatItComputed_andOddPayloadIsPadded() {
        Segment s = Segment.of(1, 2, 3, 4, Flags.ACK | Flags.PSH, 5, List.of(), "odd".getBytes());
        byte[] b = SegmentCodec.encode(s, ip("192.0.2.1"), ip("192.0.2.2"));
        assertThat(Checksum.check(ip("192.0.2.1"), ip("192.0.2.2"), b, 0, b.length, true).status()).isEqualTo(Checksum.Status.GOOD);
        b[b.length - 1] ^= 1;
        assertThat(Checksum.check(ip("192.0.2.1"), ip("192.0.2.2"), b, 0, b.length, true).status()).isEqualTo(Checksum.Status.BAD);
    }

    @Test void seedChecksum_isThePseudoHeaderSum_soOffloaded() {
        Checksum.Verdict v = Checksum.check(ip("127.0.0.1"), ip("127.0.0.1"), SEED_TCP, 0, 40, true);
        assertThat(v.status()).isEqualTo(Checksum.Status.OFFLOADED);
        assertThat(v.stored()).isEqualTo(0xfe30);
        assertThat(Checksum.pseudoHeader(ip("127.0.0.1"), ip("127.0.0.1"), 40)).isEqualTo(0xfe30);
        byte[] fixed = SEED_TCP.clone();
        SegmentCodec.put16(fixed, 16, v.correct());
        assertThat(Checksum.check(ip("127.0.0.1"), ip("127.0.0.1"), fixed, 0, 40, true).status()).isEqualTo(Checksum.Status.GOOD);
        assertThat(v.explain()).contains("checksum offload: the capture was taken before the NIC/loopback filled it in")
                .contains(String.format("0x%04x", v.correct()));
    }

    @Test void dataOffsetBelowFive_isAnErrorAtByte12() {
        byte[] b = SEED_TCP.clone();
        b[12] = 0x42;
        assertThat(SegmentCodec.decode(b).error().message()).isEqualTo("byte 12: data offset 4 is below the minimum 5");
    }

    @Test void dataOffsetPastTheEnd_isAnErrorAtByte12() {
        assertThat(SegmentCodec.decode(Arrays.copyOf(SEED_TCP, 36)).error().message())
                .isEqualTo("byte 12: data offset 10 (40 bytes) runs past the end of the data at 36");
    }

    @Test void optionRunningPastTheHeader_namesItsByteAndTheHeaderEnd() {
        byte[] b = hex("0001 0002 0000 0000 0000 0000 8002 ffff 0000 0000 0101 0101 0101 0108 0a00 0000");
        assertThat(SegmentCodec.decode(b).error())
                .isEqualTo(new DecodeError(27, "option", "option kind 8 length 10 runs past the header end at 32"));
        assertThat(SegmentCodec.decode(b).error().message()).isEqualTo("byte 27: option kind 8 length 10 runs past the header end at 32");
    }

    @Test void optionLengthBelowTwo_isAnErrorAtTheLengthByte() {
        byte[] b = hex("0001 0002 0000 0000 0000 0000 6002 ffff 0000 0000 0201 0000");
        assertThat(SegmentCodec.decode(b).error().message()).isEqualTo("byte 21: option kind 2 length 1 is below the minimum 2");
    }

    @Test void optionWithoutLengthByte_atTheHeaderEnd() {
        byte[] b = hex("0001 0002 0000 0000 0000 0000 6002 ffff 0000 0000 0101 0102");
        assertThat(SegmentCodec.decode(b).error().message()).isEqualTo("byte 23: option kind 2 has no length byte before the header end at 24");
    }

    @Test void shortHeader_isTruncated() {
        assertThat(SegmentCodec.decode(new byte[7]).error().message())
                .isEqualTo("byte 7: truncated: the TCP header needs 20 bytes but only 7 are there");
    }

    @Test void unknownOptionKinds_areKeptRawAndReencoded() {
        byte[] b = hex("0001 0002 0000 0000 0000 0000 7002 ffff 0000 0000 2204 abcd 1e03 0101 0101 0101");
        Segment s = SegmentCodec.decode(b).value();
        assertThat(s.options()).containsExactly(new TcpOption.Unknown(34, hex("abcd")), new TcpOption.Unknown(30, hex("01")), TcpOption.NOP);
        assertThat(s.payload()).isEqualTo(hex("0101 0101"));
        assertThat(SegmentCodec.encode(s)).isEqualTo(b);
    }

    @Test void mssWithWrongLength_isKeptRawNotTrusted() {
        byte[] b = hex("0001 0002 0000 0000 0000 0000 6002 ffff 0000 0000 0203 0500");
        assertThat(SegmentCodec.decode(b).value().options()).containsExactly(new TcpOption.Unknown(2, hex("05")), TcpOption.EOL);
    }

    @Test void unalignedOptions_arePaddedWithEol_andDecodeShowsTheEol() {
        Segment s = Segment.of(1, 2, 3, 0, Flags.SYN, 100,
                List.of(new TcpOption.Mss(1460), TcpOption.SACK_PERMITTED, new TcpOption.WindowScale(7)), new byte[0]);
        byte[] b = SegmentCodec.encode(s);
        assertThat(b).hasSize(32);
        assertThat(Arrays.copyOfRange(b, 20, 32)).isEqualTo(hex("0204 05b4 0402 0303 0700 0000"));
        assertThat(SegmentCodec.decode(b).value().options()).endsWith(TcpOption.EOL);
    }

    @Test void sackBlocks_roundTrip() {
        Segment s = Segment.of(1, 2, 3, 4, Flags.ACK, 100, List.of(TcpOption.NOP, TcpOption.NOP,
                new TcpOption.Sack(List.of(new TcpOption.SackBlock(1001, 1101), new TcpOption.SackBlock(-5, 7)))), new byte[0]);
        assertThat(SegmentCodec.decode(SegmentCodec.encode(s)).value()).isEqualTo(s);
    }

    @Test void linuxOptionLayouts_matchTheReference() {
        assertThat(TcpdumpLine.options(LinuxOptions.syn(1460, true, true, 5, 0, 7), 0)).isEqualTo("mss 1460,sackOK,TS val 5 ecr 0,nop,wscale 7");
        assertThat(TcpdumpLine.options(LinuxOptions.syn(1460, true, false, 0, 0, 7), 0)).isEqualTo("mss 1460,nop,nop,sackOK,nop,wscale 7");
        assertThat(TcpdumpLine.options(LinuxOptions.syn(1460, false, false, 0, 0, -1), 0)).isEqualTo("mss 1460");
        assertThat(TcpdumpLine.options(LinuxOptions.established(true, 9, 8, List.of()), 0)).isEqualTo("nop,nop,TS val 9 ecr 8");
        assertThat(TcpdumpLine.options(LinuxOptions.established(false, 0, 0, List.of(new TcpOption.SackBlock(5, 9))), 0))
                .isEqualTo("nop,nop,sack 1 {5:9}");
        for (List<TcpOption> o : List.of(LinuxOptions.syn(1460, true, true, 5, 0, 7), LinuxOptions.syn(1460, true, false, 0, 0, 7),
                LinuxOptions.syn(536, false, true, 1, 2, 3), LinuxOptions.syn(1460, true, true, 1, 2, -1), LinuxOptions.syn(1460, false, false, 0, 0, 7))) {
            int bytes = 0;
            for (TcpOption x : o) bytes += TcpOption.length(x);
            assertThat(bytes % 4).as(o.toString()).isZero();
        }
    }
}
