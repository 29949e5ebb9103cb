package tcptutor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.sim.TraceEvent;

class HeaderPaneTest {
    static List<String> text(List<StyledLine> lines) { return lines.stream().map(StyledLine::text).toList(); }

    static int field(HeaderPane.View v, String name) {
        for (int i = 0; i < v.fields().size(); i++) if (v.fields().get(i).name().equals(name)) return i;
        throw new AssertionError("no field " + name);
    }

    final List<TraceEvent> events = Traces.handshake().events();
    final TraceEvent.Sent synAck = Traces.handshake().segment(2);

    @Test void synAck_fieldValues() {
        List<String> t = text(HeaderPane.render(synAck, events, true, -1, 70).lines());
        assertThat(t.get(0)).isEqualTo("#2 [S.] peer -> you at 0.050 s");
        assertThat(t).contains("Source Port: 80 (http)", "Destination Port: 40000",
                "Header Length: 24 bytes (6)", "Flags: 0x012 (SYN, ACK)",
                "  Acknowledgment (ACK): Set", "  Syn (SYN): Set", "  Fin (FIN): Not set", "  Reset (RST): Not set",
                "Window: 65535", "Checksum: 0x6011 [correct]");
        assertThat(t).anyMatch(l -> l.startsWith("Sequence Number: 0 (relative; abs 5000)"));
        assertThat(t).anyMatch(l -> l.startsWith("Acknowledgment Number: 1 (relative; abs 1001)"));
        assertThat(t).anyMatch(l -> l.startsWith("  Maximum segment size (MSS): 1460 bytes"));
    }

    @Test void absolute_putsTheWireNumberFirst() {
        List<String> t = text(HeaderPane.render(synAck, events, false, -1, 70).lines());
        assertThat(t).anyMatch(l -> l.startsWith("Sequence Number: 5000 (absolute; rel 0)"));
    }

    @Test void selectedField_highlightsItsBytesAsData() {
        HeaderPane.View probe = HeaderPane.render(synAck, events, true, -1, 70);
        HeaderPane.View v = HeaderPane.render(synAck, events, true, field(probe, "Window"), 70);
        assertThat(v.highlightFrom()).isEqualTo(14);
        assertThat(v.highlightTo()).isEqualTo(16);
        StyledLine row0 = v.hex().get(1);
        assertThat(row0.text()).isEqualTo("0000  00 50 9c 40 00 00 13 88  00 00 03 e9 60 12 ff ff");
        int ff = row0.text().lastIndexOf("ff ff");
        assertThat(row0.toneAt(ff)).isEqualTo(Tone.HIGHLIGHT);
        assertThat(row0.toneAt(ff + 3)).isEqualTo(Tone.HIGHLIGHT);
        assertThat(row0.toneAt(ff - 3)).isEqualTo(Tone.PLAIN);
        assertThat(v.lines().get(v.lineOfField().get(field(v, "Window"))).toneAt(0)).isEqualTo(Tone.SELECTED);

        HeaderPane.View mss = HeaderPane.render(synAck, events, true, field(probe, "MSS value"), 70);
        assertThat(mss.highlightFrom()).isEqualTo(22);
        assertThat(mss.highlightTo()).isEqualTo(24);
    }

    @Test void narrowPane_abbreviatesAndEightBytesARow() {
        HeaderPane.View v = HeaderPane.render(synAck, events, true, -1, 34);
        assertThat(text(v.lines())).contains("Seq: 0 (relative; abs 5000)", "Ack: 1 (relative; abs 1001)", "  SYN: Set",
                "Checksum: 0x6011 [correct]", "  MSS: 1460 bytes");
        assertThat(text(v.hex())).containsExactly("TCP header, 24 bytes",
                "0000  00 50 9c 40 00 00 13 88", "0008  00 00 03 e9 60 12 ff ff", "0010  60 11 00 00 02 04 05 b4");
        for (StyledLine l : v.lines()) assertThat(Columns.width(l.text())).isLessThanOrEqualTo(34);
    }

    @Test void badChecksum_isShownAsIncorrect() {
        TraceEvent.Sent bad = new TraceEvent.Sent(synAck.at(), synAck.from(), 2, synAck.segment().withChecksum(0x1234), synAck.why());
        assertThat(text(HeaderPane.render(bad, events, true, -1, 200).lines()))
                .anyMatch(l -> l.startsWith("Checksum: 0x1234 [incorrect, should be 0x6011]"));
    }

    @Test void windowScale_appliesOnlyAfterBothSynsCarriedIt() {
        assertThat(HeaderPane.windowShift(Traces.handshake().segment(3), events)).isEqualTo(0);
        assertThat(HeaderPane.windowShift(Traces.handshake().segment(1), events)).isEqualTo(-1);
    }
}
