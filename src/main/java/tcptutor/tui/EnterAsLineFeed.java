package tcptutor.tui;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** '\r', "\r\n" and "\r\0" become '\n', also when the pair is split across reads. */
public final class EnterAsLineFeed extends FilterInputStream {
    private boolean afterCr;

    public EnterAsLineFeed(InputStream in) { super(in); }

    @Override public int read() throws IOException {
        while (true) {
            int c = super.read();
            if (afterCr && (c == '\n' || c == 0)) {
                afterCr = false;
                continue;
            }
            afterCr = c == '\r';
            return afterCr ? '\n' : c;
        }
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            int n = super.read(b, off, len);
            if (n <= 0) return n;
            int w = off;
            for (int r = off; r < off + n; r++) {
                byte c = b[r];
                if (afterCr && (c == '\n' || c == 0)) {
                    afterCr = false;
                    continue;
                }
                afterCr = c == '\r';
                b[w++] = afterCr ? (byte) '\n' : c;
            }
            if (w > off) return w - off; // else only the '\n' or '\0' after a '\r': read on
        }
    }

    /** Nothing is promised right after a '\r': the next byte may be its '\n', which is dropped (a poll must not block on it). */
    @Override public int available() throws IOException { return afterCr ? 0 : super.available(); }

    @Override public boolean markSupported() { return false; }
}
