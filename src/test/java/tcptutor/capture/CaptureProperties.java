package tcptutor.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CaptureProperties {
    static final List<byte[]> FILES = List.of(CaptureReaderTest.resource("loopback-echo.pcap"), CaptureReaderTest.resource("any-sll2.pcapng"),
            CaptureReaderTest.resource("sll-rst.pcap"), Session.pcap(PcapWriter.Link.RAW, true));

    @Property(tries = 3000)
    void damagedCaptures_neverThrowAndErrorsNameAByte(@ForAll @IntRange(max = 3) int file, @ForAll @Size(max = 8) List<@IntRange(max = 100_000) Integer> spots,
                                                      @ForAll @Size(max = 8) List<Byte> values) {
        byte[] f = FILES.get(file).clone();
        for (int i = 0; i < Math.min(spots.size(), values.size()); i++) f[spots.get(i) % f.length] = values.get(i);
        Capture c = CaptureReader.read(f);
        if (c.error() != null) assertThat(c.error()).matches("byte \\d+: [^\\n]*");
        for (String s : c.skipped()) assertThat(s).matches("frame \\d+: [^\\n]*");
    }

    @Property(tries = 2000)
    void randomBytes_neverThrow(@ForAll @Size(max = 200) byte[] bytes) {
        Capture c = CaptureReader.read(bytes);
        assertThat(c.error() != null || bytes.length >= 24).isTrue();
    }
}
