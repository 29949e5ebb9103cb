package tcptutor.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.wire.TestBytes.hex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.wire.Checksum;
import tcptutor.wire.Flags;
import tcptutor.wire.Packet;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpdumpLine;
import tcptutor.wire.TestBytes;

class CaptureReaderTest {
    static byte[] resource(String name) {
        try (InputStream in = CaptureReaderTest.class.getResourceAsStream("/tcptutor/capture/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> tcpdumpLines(Capture c) {
        TcpdumpLine t = TcpdumpLine.relative();
        return c.packets().stream().map(p -> t.line(p.packet())).toList();
    }

    static List<String> expected(String name) {
        return new String(resource(name), StandardCharsets.UTF_8).lines().toList();
    }

    @Test void realLoopbackPcap_readsAsTcpdumpPrintedIt() {
        Capture c = CaptureReader.read(resource("loopback-echo.pcap"));
        assertThat(c.error()).isNull();
        assertThat(c.packets()).hasSize(10);
        assertThat(tcpdumpLines(c)).isEqualTo(expected("loopback-echo.tcpdump.txt"));
        assertThat(c.packets()).allSatisfy(p -> assertThat(p.checksumStatus()).isEqualTo(Checksum.Status.OFFLOADED));
        assertThat(c.packets().get(0).originalLength()).isEqualTo(74);
        assertThat(c.packets().get(0).timeMicros()).isEqualTo(1795320115494557L);
    }

    @Test void samePacketsInEveryFormat_pcapngSll2AndNanoseconds() {
        List<String> want = expected("loopback-echo.tcpdump.txt");
        Capture ng = CaptureReader.read(resource("loopback-echo.pcapng"));
        Capture sll2 = CaptureReader.read(resource("any-sll2-nanos.pcap"));
        Capture sll2ng = CaptureReader.read(resource("any-sll2.pcapng"));
        for (Capture c : List.of(ng, sll2, sll2ng)) {
            assertThat(c.error()).isNull();
            assertThat(tcpdumpLines(c)).isEqualTo(want);
        }
        assertThat(ng.format()).isEqualTo("pcapng");
        assertThat(ng.packets().get(0).timeMicros()).isEqualTo(1795320115494557L);
        assertThat(sll2.packets().get(0).packet().link()).isEqualTo("Linux cooked v2 (SLL2)");
        assertThat(sll2.packets().get(0).timeMicros()).isEqualTo(1795320115494556L); // 1795320115.494556xxx s, truncated to µs
        assertThat(sll2ng.packets().get(0).timeMicros()).isEqualTo(1795320115494556L);
    }

    @Test void linuxCookedV1_withAnRst() {
        Capture c = CaptureReader.read(resource("sll-rst.pcap"));
        assertThat(tcpdumpLines(c)).isEqualTo(expected("sll-rst.tcpdump.txt"));
        assertThat(c.packets().get(3).segment().flags()).isEqualTo(Flags.RST | Flags.ACK);
        assertThat(c.packets().get(3).packet().link()).isEqualTo("Linux cooked (SLL)");
    }

    @Test void everyTruncation_returnsThePacketsBeforeItAndAnErrorWithAnOffset() {
        for (String name : List.of("loopback-echo.pcap", "loopback-echo.pcapng", "any-sll2-nanos.pcap")) {
            byte[] f = resource(name);
            int full = CaptureReader.read(f).packets().size(), last = 0;
            for (int n = 0; n < f.length; n++) {
                Capture c = CaptureReader.read(Arrays.copyOf(f, n));
                assertThat(c.packets().size()).as(name + " cut at " + n).isBetween(last, full);
                last = c.packets().size();
                if (n > 0 && c.error() != null) {
                    assertThat(c.error()).as(name + " cut at " + n).matches("byte \\d+: .*").doesNotContain("\n");
                    int at = Integer.parseInt(c.error().substring(5, c.error().indexOf(':')));
                    assertThat(at).isLessThanOrEqualTo(n);
                }
            }
        }
        byte[] f = resource("loopback-echo.pcap");
        Capture cut = CaptureReader.read(Arrays.copyOf(f, f.length - 10));
        assertThat(cut.packets()).hasSize(9);
        assertThat(cut.error()).isEqualTo("byte 793: truncated: frame 10 claims 66 captured bytes but the file ends after 56");
    }

    @Test void notACapture_saysSoAtByte0() {
        assertThat(CaptureReader.read("hello world".getBytes()).error())
                .isEqualTo("byte 0: not a pcap or pcapng file (it starts with 68 65 6c 6c; pcap starts with d4 c3 b2 a1 or a1 b2 c3 d4, pcapng with 0a 0d 0d 0a)");
        assertThat(CaptureReader.read(new byte[]{0x1f, (byte) 0x8b, 8, 0}).error()).isEqualTo("byte 0: a gzip-compressed file: gunzip it first");
        assertThat(CaptureReader.read(new byte[2]).error()).isEqualTo("byte 0: not a capture file: it is only 2 bytes long");
        assertThat(CaptureReader.read(java.nio.file.Path.of("/nonexistent.pcap")).error()).isEqualTo("/nonexistent.pcap: no such file");
    }

    @Test void unsupportedLinkType_isAnErrorAtByte20() {
        byte[] f = Session.pcap(PcapWriter.Link.RAW, false);
        f[20] = (byte) 105; // 802.11
        assertThat(CaptureReader.read(f).error()).isEqualTo("byte 20: link type 105 is not supported (Ethernet, raw IP, Linux cooked and loopback are)");
    }

    @Test void bigEndianPcapWithNanosecondMagic() {
        byte[] le = Session.pcap(PcapWriter.Link.RAW, false);
        ByteBuffer in = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(le.length).order(ByteOrder.BIG_ENDIAN);
        out.putInt(0xa1b23c4d).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(101);
        in.position(24);
        while (in.hasRemaining()) {
            int sec = in.getInt(), usec = in.getInt(), incl = in.getInt(), orig = in.getInt();
            out.putInt(sec).putInt(usec * 1000 + 999).putInt(incl).putInt(orig);
            byte[] data = new byte[incl];
            in.get(data);
            out.put(data);
        }
        Capture c = CaptureReader.read(out.array());
        assertThat(c.error()).isNull();
        assertThat(c.packets()).hasSize(Session.STEPS.size());
        assertThat(c.packets().get(1).timeMicros()).isEqualTo(1_000_250);
    }

    @Test void handBuiltPcapng_bothByteOrders_resolutionsSimplePacketsAndUnknownBlocks() {
        Packet p = Packet.of(Session.client(false), Session.server(false),
                Segment.of(1, 2, 3, 0, Flags.SYN, 100, List.of(), new byte[0]), 7);
        byte[] ip = p.bytes();
        byte[] nul = new byte[4 + ip.length]; // BSD loopback: AF_INET = 2 in host byte order
        nul[0] = 2;
        System.arraycopy(ip, 0, nul, 4, ip.length);
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            byte[] f = new PcapngBuilder(order)
                    .idb(101, 0, -1)                        // interface 0: raw IP, µs
                    .idb(0, 65535, 9)                       // interface 1: loopback, ns
                    .idb(1, 0, 0x80 | 10)                   // interface 2: Ethernet, 2^-10 s
                    .block(0x0BAD, new byte[]{1, 2, 3})     // unknown block: skipped
                    .epb(0, 5_000_001, ip, ip.length)
                    .epb(1, 7_000_000_999L, nul, nul.length)
                    .spb(ip)
                    .block(5, new byte[8])                  // interface statistics: skipped
                    .bytes();
            Capture c = CaptureReader.read(f);
            assertThat(c.error()).as(order.toString()).isNull();
            assertThat(c.packets()).extracting(CapturedPacket::timeMicros).containsExactly(5_000_001L, 7_000_000L, 0L);
            assertThat(c.packets()).extracting(CapturedPacket::frame).containsExactly(1, 2, 3);
            assertThat(c.packets()).allSatisfy(x -> assertThat(x.segment()).isEqualTo(p.segment()));
            assertThat(c.packets().get(1).packet().link()).isEqualTo("BSD loopback");
        }
        byte[] pow2 = new PcapngBuilder(ByteOrder.LITTLE_ENDIAN).idb(101, 0, 0x80 | 10).epb(0, 1024 * 3 + 512, ip, ip.length).bytes();
        assertThat(CaptureReader.read(pow2).packets().get(0).timeMicros()).isEqualTo(3_500_000L);
    }

    @Test void pcapngErrors_nameTheByte() {
        byte[] ip = hex(TestBytes.SEED_SYN);
        byte[] noIface = new PcapngBuilder(ByteOrder.LITTLE_ENDIAN).epb(0, 0, ip, ip.length).bytes();
        assertThat(CaptureReader.read(noIface).error()).isEqualTo("byte 36: packet block names interface 0, which was not described");
        byte[] badLen = new PcapngBuilder(ByteOrder.LITTLE_ENDIAN).idb(101, 0, -1).bytes();
        badLen[28 + 4] = 13;
        assertThat(CaptureReader.read(badLen).error()).isEqualTo("byte 32: block length 13 is not a multiple of 4 of at least 12");
        byte[] trailer = new PcapngBuilder(ByteOrder.LITTLE_ENDIAN).idb(101, 0, -1).bytes();
        trailer[trailer.length - 4] = 99;
        assertThat(CaptureReader.read(trailer).error()).isEqualTo("byte 48: the block's trailing length does not repeat its length 24");
    }

    @Test void nonTcpFrames_areSkippedWithAReason() {
        byte[] udp = hex("4500 001c 0000 4000 4011 0000 c000 0201 c000 0202 0035 0035 0008 0000");
        byte[] f = new PcapngBuilder(ByteOrder.LITTLE_ENDIAN).idb(101, 0, -1).epb(0, 0, udp, udp.length).bytes();
        Capture c = CaptureReader.read(f);
        assertThat(c.error()).isNull();
        assertThat(c.packets()).isEmpty();
        assertThat(c.skipped()).containsExactly("frame 1: byte 9: IP protocol 17 (UDP) is not TCP (6)");
    }

    @Test void snapLengthCut_isTruncatedNotBad() {
        Packet p = Packet.of(Session.client(false), Session.server(false),
                Segment.of(1, 2, 3, 4, Flags.ACK, 100, List.of(), new byte[100]), 7);
        byte[] cut = Arrays.copyOf(p.bytes(), 60);
        byte[] f = new PcapngBuilder(ByteOrder.LITTLE_ENDIAN).idb(101, 60, -1).epb(0, 0, cut, p.bytes().length).bytes();
        CapturedPacket c = CaptureReader.read(f).packets().get(0);
        assertThat(c.checksumStatus()).isEqualTo(Checksum.Status.TRUNCATED);
        assertThat(c.originalLength()).isEqualTo(140);
        assertThat(c.segment().payloadLength()).isEqualTo(20);
        assertThat(TcpdumpLine.absolute().line(c.packet())).endsWith("length 100");
    }
}
