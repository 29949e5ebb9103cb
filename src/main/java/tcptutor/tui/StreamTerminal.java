package tcptutor.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An ANSI terminal over a pair of byte streams (an SSH channel, a socket, a test's buffers) whose size is told, not
 * asked: the size given at the start and at each {@link #resize}, never a cursor-position query to the other end.
 * Not a {@code DefaultTerminalFactory} terminal: nothing here touches the process's own console.
 * <ul>
 *   <li>Input: a terminal's Enter arrives as '\r' (SSH clients send a bare '\r', or "\r\n", or "\r\0"), and
 *       Lanterna only decodes '\n' as Enter; each of these becomes one '\n' here. A '\n' alone stays.
 *   <li>Output: buffered, sent when the UI flushes at the end of a frame (one write, one SSH packet, per frame);
 *       printable ASCII goes out as its byte without a trip through a charset encoder, a string in one write.
 * </ul>
 * <pre>
 *   StreamTerminal t = new StreamTerminal(in, out, 120, 35);
 *   onWindowChange(s -> t.resize(s.columns(), s.rows()));
 *   new TextUi(t, tutor, lessons, false).run();
 * </pre>
 */
public final class StreamTerminal extends ANSITerminal {
    private static final byte[][] ASCII = new byte[128][];

    static {
        for (int c = ' '; c < 127; c++) ASCII[c] = new byte[] {(byte) c};
    }

    private volatile TerminalSize size;

    public StreamTerminal(InputStream in, OutputStream out, int columns, int rows) {
        super(new EnterAsLineFeed(in), new BufferedOutputStream(out, 16 * 1024), StandardCharsets.UTF_8);
        size = new TerminalSize(columns, rows);
    }

    /** The other end's window changed size (an SSH window-change): the UI redraws for it. */
    public void resize(int columns, int rows) {
        TerminalSize now = new TerminalSize(columns, rows);
        size = now;
        onResized(now);
    }

    @Override protected TerminalSize findTerminalSize() { return size; }

    @Override public void putCharacter(char c) throws IOException {
        if (c >= ' ' && c < 127) writeToTerminal(ASCII[c]);
        else super.putCharacter(c);
    }

    /** A string of printable characters goes out in one write (Lanterna's writes each character on its own). */
    @Override public void putString(String string) throws IOException {
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            if (c < ' ' || c == 127) {
                super.putString(string);
                return;
            }
        }
        writeToTerminal(string.getBytes(StandardCharsets.UTF_8));
    }

    /** '\r', "\r\n" and "\r\0" become '\n', also when the pair is split across reads. */
    static final class EnterAsLineFeed extends FilterInputStream {
        private boolean afterCr;

        EnterAsLineFeed(InputStream in) { super(in); }

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
}
