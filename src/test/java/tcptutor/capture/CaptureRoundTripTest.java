package tcptutor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tcptutor.wire.Checksum;
import tcptutor.wire.PacketDecoder;
import tcptutor.wire.TestBytes;

class CaptureRoundTripTest {

    @ParameterizedTest(name = "{0} IPv6={1}")
    @CsvSource({"ETHERNET,false", "ETHERNET,true", "RAW,false", "RAW,true"})
    void writtenSession_readsBackSegmentForSegment(PcapWriter.Link link, boolean v6) {
        Capture c = CaptureReader.read(Session.pcap(link, v6));
        assertThat(c.error()).isNull();
        assertThat(c.format()).isEqualTo("pcap");
        assertThat(c.skipped()).isEmpty();
        assertThat(c.packets()).hasSize(Session.STEPS.size());
        for (int i = 0; i < Session.STEPS.size(); i++) {
            Session.Step st = Session.STEPS.get(i);
            CapturedPacket p = c.packets().get(i);
            assertThat(p.frame()).isEqualTo(i + 1);
            assertThat(p.timeMicros()).isEqualTo(st.at());
            assertThat(p.src()).isEqualTo(st.fromClient() ? Session.client(v6) : Session.server(v6));
            assertThat(p.dst()).isEqualTo(st.fromClient() ? Session.server(v6) : Session.client(v6));
            assertThat(p.segment().withChecksum(0)).isEqualTo(st.segment());
            assertThat(p.checksumStatus()).isEqualTo(Checksum.Status.GOOD);
            int ip = v6 ? 40 : 20, l2 = link == PcapWriter.Link.ETHERNET ? 14 : 0;
            assertThat(p.originalLength()).isEqualTo(l2 + ip + 4 * st.segment().dataOffset() + st.segment().payloadLength());
            assertThat(p.packet().link()).isEqualTo(link == PcapWriter.Link.ETHERNET ? "Ethernet" : "none");
        }
    }

    @Test void fileHeader_isLittleEndianMicrosecondsWithTheLinkType() {
        byte[] f = Session.pcap(PcapWriter.Link.ETHERNET, false);
        assertThat(TestBytes.hex(java.util.Arrays.copyOf(f, 24))).isEqualTo("d4c3b2a1" + "0200" + "0400" + "00000000" + "00000000" + "00000400" + "01000000");
        byte[] raw = Session.pcap(PcapWriter.Link.RAW, false);
        assertThat(raw[20] & 0xFF).isEqualTo(101);
    }

    @Test void ethernetFrame_hasMacsFromTheAddressesAndIpv4Type() {
        byte[] f = Session.pcap(PcapWriter.Link.ETHERNET, false);
        assertThat(TestBytes.hex(java.util.Arrays.copyOfRange(f, 40, 54))).isEqualTo("0200c0000202" + "0200c0000201" + "0800");
        assertThat(TestBytes.hex(java.util.Arrays.copyOfRange(f, 54, 74))).isEqualTo("4500003c000140004006b6b7c0000201c0000202");
    }

    @Test void ipHeader_isLinuxLike_andItsChecksumVerifies() {
        CapturedPacket p = CaptureReader.read(Session.pcap(PcapWriter.Link.RAW, false)).packets().get(1);
        tcptutor.wire.Ipv4Header h = (tcptutor.wire.Ipv4Header) p.packet().ip();
        assertThat(h.ttl()).isEqualTo(64);
        assertThat(h.dontFragment()).isTrue();
        assertThat(h.id()).isEqualTo(2);
        assertThat(h.protocol()).isEqualTo(6);
        assertThat(h.checksum()).isEqualTo(h.correctChecksum());
        assertThat(h.totalLength()).isEqualTo(60);
    }

    @Test void rawFrames_keepTheirBytesAndOriginalLength() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] seed = TestBytes.hex(TestBytes.SEED_SYN);
        try (PcapWriter w = new PcapWriter(out, PcapWriter.Link.RAW)) {
            w.writeFrame(5, seed, seed.length);
            w.writeFrame(6, java.util.Arrays.copyOf(seed, 50), seed.length); // options cut: not decodable
        }
        Capture c = CaptureReader.read(out.toByteArray());
        assertThat(c.packets()).hasSize(1);
        assertThat(c.packets().get(0).checksumStatus()).isEqualTo(Checksum.Status.OFFLOADED);
        assertThat(c.skipped()).containsExactly("frame 2: byte 32: data offset 10 (40 bytes) runs past the end of the data at 50");
    }

    @Test void supportedLinkTypes() {
        for (int t : List.of(0, 1, 101, 108, 113, 228, 229, 276)) assertThat(PacketDecoder.supports(t)).as("link type " + t).isTrue();
        assertThat(PacketDecoder.supports(105)).isFalse();
    }
}
