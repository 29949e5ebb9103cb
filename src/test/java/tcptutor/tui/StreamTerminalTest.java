package tcptutor.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamTerminalTest {
    /** The bytes {@code chunks} become, read through the terminal's Enter translation one read per chunk. */
    private static String through(String... chunks) throws IOException {
        InputStream src = new InputStream() {
            int chunk;
            @Override public int read() { throw new UnsupportedOperationException(); }
            @Override public int read(byte[] b, int off, int len) {
                if (chunk == chunks.length) return -1;
                byte[] c = chunks[chunk++].getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(c, 0, b, off, c.length);
                return c.length;
            }
        };
        return new String(new StreamTerminal.EnterAsLineFeed(src).readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test void everyFormOfEnter_becomesOneLineFeed() throws IOException {
        assertThat(through("syn\r")).isEqualTo("syn\n");
        assertThat(through("syn\r\nack\r\0fin\n")).isEqualTo("syn\nack\nfin\n");
    }

    @Test void aCrLfSplitAcrossReads_isStillOneLineFeed() throws IOException {
        assertThat(through("syn\r", "\nack\r", "\0", "x")).isEqualTo("syn\nack\nx");
    }

    @Test void afterACr_nothingIsPromised_soAPollCannotBlockOnTheDroppedLineFeed() throws IOException {
        StreamTerminal.EnterAsLineFeed in = new StreamTerminal.EnterAsLineFeed(new ByteArrayInputStream("a\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(in.read()).isEqualTo('a');
        assertThat(in.read()).isEqualTo('\n');
        assertThat(in.available()).isZero();
        assertThat(in.read()).isEqualTo(-1); // the '\n' of "\r\n" dropped
    }

    @Test void sizeIsTheOneGiven_andAResizeIsPassedOn_withoutAskingTheOtherEnd() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamTerminal t = new StreamTerminal(new ByteArrayInputStream(new byte[0]), out, 120, 35);
        List<TerminalSize> seen = new ArrayList<>();
        t.addResizeListener((term, size) -> seen.add(size));
        assertThat(t.getTerminalSize()).isEqualTo(new TerminalSize(120, 35));
        t.resize(100, 30);
        assertThat(t.getTerminalSize()).isEqualTo(new TerminalSize(100, 30));
        assertThat(seen).endsWith(new TerminalSize(100, 30));
        t.flush();
        assertThat(out.size()).isZero(); // no cursor-position query went out
    }

    @Test void asciiAndOtherCharacters_areWrittenAsUtf8() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamTerminal t = new StreamTerminal(new ByteArrayInputStream(new byte[0]), out, 80, 24);
        for (char c : "a│中~".toCharArray()) t.putCharacter(c);
        t.putString("[SYN-SENT] 三次握手");
        t.putString("bell\u0007 dropped");
        t.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a│中~[SYN-SENT] 三次握手bell dropped");
    }
}
