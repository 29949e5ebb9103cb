package tcptutor.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import tcptutor.capture.Capture;
import tcptutor.capture.CaptureReader;
import tcptutor.tcp.Settings;
import tcptutor.wire.Flags;
import tcptutor.wire.TcpOption;

/** Whatever a capture holds, explaining it never throws and gives a state for both sides after every segment. */
class ExplainProperties {
    /** One random segment: direction, flags, seq and ack near each side's ISN, window, length. */
    record Seg(boolean client, int flags, int seq, int ack, int win, int len) {}

    @Provide Arbitrary<Seg> segments() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 0x3F),
                Arbitraries.integers().between(-3, 3000), Arbitraries.integers().between(-3, 3000),
                Arbitraries.of(0, 1, 500, 64240, 65535), Arbitraries.of(0, 0, 1, 100, 1460, 3000)).as(Seg::new);
    }

    @Property(tries = 400)
    void randomSegmentStreams_neverThrow_andEveryRowHasBothStates(@ForAll @Size(max = 40) List<@net.jqwik.api.From("segments") Seg> segs,
                                                                 @ForAll boolean rfc, @ForAll boolean startWithHandshake) {
        Lab l = new Lab();
        if (startWithHandshake) l.handshake();
        long ms = 1;
        for (Seg s : segs) {
            l.at(ms += 7);
            int seqBase = s.client() ? Lab.CISN : Lab.SISN, ackBase = s.client() ? Lab.SISN : Lab.CISN;
            TcpOption[] opts = (s.flags() & Flags.SYN) != 0 ? new TcpOption[]{new TcpOption.Mss(1460)} : new TcpOption[0];
            l.raw(s.client(), s.flags(), seqBase + s.seq(), ackBase + s.ack(), s.win(), s.len(), opts);
        }
        for (Explained e : l.explain(rfc ? Settings.rfc9293() : Settings.linux())) {
            for (Explained.Row r : e.rows()) {
                assertThat(r.client()).isNotNull();
                assertThat(r.server()).isNotNull();
            }
            assertThat(Report.ladder(e)).isNotEmpty();
        }
    }

    static final byte[] REAL = read(Path.of("src/test/resources/tcptutor/explain/rtx-rst.pcap"));

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 400)
    void damagedRealCapture_neverThrows(@ForAll @Size(max = 8) List<@IntRange(max = 100_000) Integer> spots, @ForAll @Size(max = 8) List<Byte> values) {
        byte[] f = REAL.clone();
        for (int i = 0; i < Math.min(spots.size(), values.size()); i++) f[24 + spots.get(i) % (f.length - 24)] = values.get(i);
        Capture c = CaptureReader.read(f);
        Explainer x = new Explainer(Settings.linux(), false);
        long start = c.packets().isEmpty() ? 0 : c.packets().get(0).timeMicros();
        for (Conversation conv : Conversation.split(c.packets())) assertThat(Report.ladder(x.explain(conv, start))).isNotEmpty();
    }
}
