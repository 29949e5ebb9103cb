package tcptutor.lab;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

/**
 * A learner's input as the app reads it: with a PTY, the SSH client's Enter ('\r', "\r\n" or "\r\0") becomes one
 * '\n' (Lanterna only decodes '\n'); reading is slowed to the lab's input rate (lines and bytes per second, with a
 * burst allowance), which pushes back on the client through SSH flow control instead of dropping anything; and the
 * time of the last input is kept for the idle timeout.
 */
final class LabInput extends FilterInputStream {
    private final boolean crToLf;
    private final Bucket lines;
    private final Bucket bytes;
    private boolean afterCr;
    private volatile long lastInputNanos = System.nanoTime();

    /** {@code linesPerSecond} commands a second (burst: five seconds' worth); bytes: 256 per allowed line. */
    LabInput(InputStream in, boolean crToLf, int linesPerSecond) {
        super(in);
        this.crToLf = crToLf;
        this.lines = new Bucket(linesPerSecond, 5.0 * linesPerSecond + 10);
        this.bytes = new Bucket(256.0 * linesPerSecond, 64 * 1024);
    }

    long lastInputNanos() { return lastInputNanos; }

    @Override public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        while (true) {
            int n = super.read(b, off, len);
            if (n <= 0) return n;
            lastInputNanos = System.nanoTime();
            int out = crToLf ? translate(b, off, n) : n;
            if (out == 0) continue; // only the '\n' or '\0' after a '\r'
            int newlines = 0;
            for (int i = off; i < off + out; i++) if (b[i] == '\n') newlines++;
            try {
                bytes.take(out);
                if (newlines > 0) lines.take(newlines);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("session closed");
            }
            return out;
        }
    }

    /** CR, CR LF and CR NUL become LF, in place; returns the new length. */
    private int translate(byte[] b, int off, int n) {
        int w = off;
        for (int r = off; r < off + n; r++) {
            byte c = b[r];
            if (afterCr && (c == '\n' || c == 0)) {
                afterCr = false;
                continue;
            }
            afterCr = c == '\r';
            b[w++] = c == '\r' ? (byte) '\n' : c;
        }
        return w - off;
    }

    /** Nothing is promised right after a '\r': the next byte may be its '\n', which is dropped (a poll must not block on it). */
    @Override public int available() throws IOException { return crToLf && afterCr ? 0 : super.available(); }

    @Override public boolean markSupported() { return false; }

    /** A token bucket that lets the reader run into debt and then sleeps it off. */
    private static final class Bucket {
        private final double perSecond;
        private final double burst;
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double perSecond, double burst) {
            this.perSecond = perSecond;
            this.burst = burst;
            this.tokens = burst;
        }

        void take(double n) throws InterruptedException {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            tokens -= n;
            if (tokens < 0) {
                long sleepMs = (long) Math.ceil(-tokens / perSecond * 1000);
                Thread.sleep(sleepMs);
            }
        }
    }
}
