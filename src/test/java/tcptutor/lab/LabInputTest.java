package tcptutor.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LabInputTest {
    private static String through(boolean pty, String... chunks) throws IOException {
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
        return new String(new LabInput(src, pty, 1000).readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void withPty_everyFormOfEnter_becomesOneLineFeed() throws IOException {
        assertThat(through(true, "syn\r")).isEqualTo("syn\n");
        assertThat(through(true, "syn\r\nack\r\0fin\n")).isEqualTo("syn\nack\nfin\n");
    }

    @Test
    void withPty_aCrLfSplitAcrossReads_isStillOneLineFeed() throws IOException {
        assertThat(through(true, "syn\r", "\nack\r", "\0", "x")).isEqualTo("syn\nack\nx");
    }

    @Test
    void withoutPty_bytesPassUnchanged() throws IOException {
        assertThat(through(false, "syn\r\nack\n")).isEqualTo("syn\r\nack\n");
    }

    @Test
    void reading_marksTheLastInput() throws IOException {
        LabInput in = new LabInput(new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)), true, 10);
        long before = in.lastInputNanos();
        in.read();
        assertThat(in.lastInputNanos()).isGreaterThanOrEqualTo(before);
        assertThat(in.read()).isEqualTo(-1);
    }
}
