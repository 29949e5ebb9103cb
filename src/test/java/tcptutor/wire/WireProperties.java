package tcptutor.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class WireProperties {

    @Property(tries = 5000)
    void randomBytes_decodeToASegmentOrTheDecodersOwnError(@ForAll @Size(max = 100) byte[] bytes) {
        Decoded<Segment> d = SegmentCodec.decode(bytes);
        if (d.isOk()) {
            // re-encodes to the same segment (bytes after an EOL are padding and come back as zeros)
            assertThat(SegmentCodec.decode(SegmentCodec.encode(d.value())).value()).isEqualTo(d.value());
        } else {
            assertThat(d.error().offset()).isBetween(0, bytes.length);
            assertThat(d.error().message()).startsWith("byte ");
        }
    }

    /** Headers that pass the first checks, so the option parser gets exercised. */
    @Property(tries = 5000)
    void randomOptions_decodeOrFailWithAnOffsetInsideTheHeader(@ForAll @Size(min = 40, max = 40) byte[] bytes) {
        bytes[12] = (byte) ((bytes[12] & 0x0F) | 0xA0);
        Decoded<Segment> d = SegmentCodec.decode(bytes);
        if (d.isOk() && !d.value().options().contains(TcpOption.EOL)) assertThat(SegmentCodec.encode(d.value())).isEqualTo(bytes);
        else if (!d.isOk()) assertThat(d.error().offset()).isBetween(20, 40);
    }

    @Property(tries = 3000)
    void randomFrames_neverThrowInTheDecoderAndRenderers(@ForAll @Size(max = 120) byte[] bytes) {
        Decoded<Packet> d = PacketDecoder.guess(bytes);
        if (d.isOk()) {
            Packet p = d.value();
            assertThat(FieldTree.text(FieldTree.of(p, 7))).isNotEmpty();
            assertThat(TcpdumpLine.relative().line(p)).contains("Flags [");
            assertThat(PacketdrillLine.render(p.segment())).isNotEmpty();
        } else {
            assertThat(d.error().message()).startsWith("byte ");
        }
        for (int link : new int[]{0, 1, 101, 113, 276}) PacketDecoder.decode(link, bytes);
    }

    @Property(tries = 2000)
    void randomText_parsesOrFailsWithAMessage(@ForAll("dumpishText") String text) {
        Decoded<List<byte[]>> d = HexDumpParser.parseAll(text);
        if (d.isOk()) assertThat(d.value()).isNotEmpty();
        else assertThat(d.error().message()).isNotBlank();
    }

    @Property(tries = 3000)
    void validSegments_roundTripThroughBytes(@ForAll("segments") Segment s) {
        byte[] b = SegmentCodec.encode(s);
        assertThat(SegmentCodec.decode(b).value()).isEqualTo(s);
    }

    @Property(tries = 1000)
    void encodedWithAddresses_checksumVerifies(@ForAll("segments") Segment s, @ForAll boolean v6) {
        InetAddress a = TestBytes.ip(v6 ? "2001:db8::1" : "192.0.2.1"), b = TestBytes.ip(v6 ? "2001:db8::2" : "192.0.2.2");
        Packet p = Packet.of(a, b, s, 1);
        assertThat(p.checksum().status()).isEqualTo(Checksum.Status.GOOD);
        Packet back = PacketDecoder.guess(p.bytes()).value();
        assertThat(back.segment()).isEqualTo(p.segment());
        assertThat(back.src()).isEqualTo(a);
    }

    @Provide Arbitrary<String> dumpishText() {
        return Arbitraries.strings().withChars("0123456789abcdefx: \t\n|.ABCDEFgz").ofMaxLength(200);
    }

    @Provide Arbitrary<Segment> segments() {
        Arbitrary<Integer> u16 = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<Integer> i32 = Arbitraries.integers();
        Arbitrary<Integer> flags = Arbitraries.integers().between(0, 0xFFF);
        Arbitrary<List<TcpOption>> options = option().list().ofMaxSize(6).filter(o -> Segment.headerWords(o) <= 15)
                .map(WireProperties::padded);
        Arbitrary<byte[]> payload = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Combinators.combine(u16, u16, i32, i32, flags, u16, options, payload)
                .as((sp, dp, seq, ack, f, win, opts, data) -> new Segment(sp, dp, seq, ack, Segment.headerWords(opts), f, win,
                        win ^ 0x5555, win & 0x7777, opts, data));
    }

    /** A valid option list on the wire is padded to 4 bytes; the decoder reports the padding's first byte as EOL. */
    static List<TcpOption> padded(List<TcpOption> o) {
        int bytes = 0;
        for (TcpOption x : o) bytes += TcpOption.length(x);
        if (bytes % 4 == 0) return o;
        List<TcpOption> p = new ArrayList<>(o);
        p.add(TcpOption.EOL);
        return p;
    }

    Arbitrary<TcpOption> option() {
        Arbitrary<Integer> i32 = Arbitraries.integers();
        return Arbitraries.oneOf(
                Arbitraries.just(TcpOption.NOP),
                Arbitraries.integers().between(0, 0xFFFF).map(TcpOption.Mss::new),
                Arbitraries.integers().between(0, 255).map(TcpOption.WindowScale::new),
                Arbitraries.just(TcpOption.SACK_PERMITTED),
                Combinators.combine(i32, i32).as(TcpOption.Timestamps::new),
                Combinators.combine(i32, i32).as(TcpOption.SackBlock::new).list().ofMinSize(1).ofMaxSize(3).map(TcpOption.Sack::new),
                Combinators.combine(Arbitraries.of(6, 7, 19, 28, 30, 34, 99, 254), Arbitraries.bytes().array(byte[].class).ofMaxSize(6))
                        .as(TcpOption.Unknown::new));
    }
}
