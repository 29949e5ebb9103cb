package tcptutor.explain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import tcptutor.capture.Capture;
import tcptutor.capture.CaptureReader;
import tcptutor.capture.PcapWriter;
import tcptutor.tcp.Settings;
import tcptutor.tcp.State;
import tcptutor.wire.Flags;
import tcptutor.wire.Packet;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/**
 * Builds a capture segment by segment in relative numbers (client ISN 1000, server ISN 5000, so "seq 1" is the first data
 * byte), writes it with {@link PcapWriter} (correct checksums unless asked otherwise), reads it back and explains it.
 * Client 10.0.0.1:40000, server 10.0.0.2:80; times in milliseconds.
 */
final class Lab {
    static final InetAddress CLIENT = addr(10, 0, 0, 1), SERVER = addr(10, 0, 0, 2);
    static final int CPORT = 40000, SPORT = 80, CISN = 1000, SISN = 5000;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PcapWriter w;
    private long ms;
    private boolean badNext;

    Lab() {
        try {
            w = new PcapWriter(bytes, PcapWriter.Link.RAW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InetAddress addr(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[]{(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    Lab at(long millis) { ms = millis; return this; }

    /** The next segment goes out with a wrong TCP checksum. */
    Lab bad() { badNext = true; return this; }

    /** Client to server: flags as tcpdump writes them ("S", "S.", ".", "P.", "F.", "R", "R."), relative seq/ack, window, data length. */
    Lab c(String flags, int seq, int ack, int win, int len, TcpOption... opts) { return put(true, flags, seq, ack, win, len, opts); }

    Lab s(String flags, int seq, int ack, int win, int len, TcpOption... opts) { return put(false, flags, seq, ack, win, len, opts); }

    /** The usual handshake: MSS 1460, no window scaling (windows in bytes), no timestamps. */
    Lab handshake() {
        return c("S", 0, 0, 64240, 0, new TcpOption.Mss(1460)).s("S.", 0, 1, 64240, 0, new TcpOption.Mss(1460)).c(".", 1, 1, 64240, 0);
    }

    static int flags(String f) {
        int v = 0;
        for (char ch : f.toCharArray()) {
            v |= switch (ch) {
                case 'S' -> Flags.SYN; case 'F' -> Flags.FIN; case 'R' -> Flags.RST; case 'P' -> Flags.PSH; case '.' -> Flags.ACK;
                default -> throw new IllegalArgumentException(f);
            };
        }
        return v;
    }

    private Lab put(boolean fromClient, String f, int seq, int ack, int win, int len, TcpOption... opts) {
        int fl = flags(f);
        int mine = fromClient ? CISN : SISN, theirs = fromClient ? SISN : CISN;
        return raw(fromClient, fl, mine + seq, (fl & Flags.ACK) != 0 ? theirs + ack : 0, win, len, opts);
    }

    /** A segment with absolute numbers. */
    Lab raw(boolean fromClient, int fl, int seq, int ack, int win, int len, TcpOption... opts) {
        byte[] data = new byte[len];
        for (int i = 0; i < len; i++) data[i] = (byte) ('a' + i % 26);
        Segment s = Segment.of(fromClient ? CPORT : SPORT, fromClient ? SPORT : CPORT, seq, ack, fl, win, List.of(opts), data);
        InetAddress src = fromClient ? CLIENT : SERVER, dst = fromClient ? SERVER : CLIENT;
        try {
            if (badNext) {
                byte[] frame = Packet.of(src, dst, s, 1).bytes();
                frame[20 + 16] ^= 0x55;
                w.writeFrame(ms * 1000, frame, frame.length);
                badNext = false;
            } else {
                w.write(ms * 1000, src, dst, s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Capture capture() { return CaptureReader.read(bytes.toByteArray()); }

    byte[] bytes() { return bytes.toByteArray(); }

    List<Explained> explain(Settings settings) {
        Capture cap = capture();
        Explainer e = new Explainer(settings, false);
        List<Explained> out = new ArrayList<>();
        for (Conversation c : Conversation.split(cap.packets())) out.add(e.explain(c, cap.packets().get(0).timeMicros()));
        return out;
    }

    /** The only connection, explained with the linux profile. */
    Explained explain() { return explain(Settings.linux()).get(0); }

    /** "CLIENT/SERVER" states after each row. */
    static List<String> states(Explained e) {
        List<String> out = new ArrayList<>();
        for (Explained.Row r : e.rows()) out.add(r.client() + "/" + r.server());
        return out;
    }

    /** Every note of row {@code i} (0-based) joined with newlines. */
    static String notes(Explained e, int i) { return String.join("\n", e.rows().get(i).notes()); }

    static String all(Explained e) {
        StringBuilder b = new StringBuilder();
        for (Explained.Row r : e.rows()) b.append(r.frame()).append(' ').append(r.segment()).append('\n').append(String.join("\n", r.notes())).append('\n');
        return b.toString();
    }

    static State s(String name) { return State.parse(name); }
}
