package tcptutor.wire;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The TCP header as bytes (RFC 9293 3.1): encode a {@link Segment}, decode bytes to a segment or to a
 * {@link DecodeError} naming the byte and the field. Never throws on bad input.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |   bytes 0-3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |   bytes 4-7
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |   bytes 8-11
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |       |C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |   bytes 12-15
 * |       |       |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |   bytes 16-19
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           [Options]                           |   bytes 20 .. 4*offset-1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                             Data                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * The low bit of the reserved nibble (bit 103) is AE, formerly NS. The whole nibble is kept in bits 8-11 of
 * {@link Segment#flags()} (see {@link Flags#AE}) so decode-then-encode reproduces every header bit.
 */
public final class SegmentCodec {
    public static final int SRC_PORT = 0, DST_PORT = 2, SEQ = 4, ACK = 8, DATA_OFFSET = 12, FLAGS = 13,
                            WINDOW = 14, CHECKSUM = 16, URGENT = 18, OPTIONS = 20;
    public static final int MIN_HEADER = 20, MAX_HEADER = 60;

    private SegmentCodec() {}

    /**
     * The segment as bytes, its checksum field as the segment holds it. The header is as long as the larger of
     * the data offset (at most 15 words) and what the options need; options are written in the order given and
     * the rest of the header is filled with zero bytes (EOL), as Linux pads. The data offset nibble is written
     * as the segment says, so a deliberately wrong offset can be sent.
     */
    public static byte[] encode(Segment s) {
        int words = Segment.headerWords(s.options());
        if (words > 15) throw new IllegalArgumentException("options take " + 4 * (words - 5) + " bytes; at most 40 fit in a TCP header");
        int header = 4 * Math.max(words, Math.min(15, s.dataOffset()));
        byte[] payload = s.payload();
        byte[] b = new byte[header + payload.length];
        put16(b, SRC_PORT, s.srcPort());
        put16(b, DST_PORT, s.dstPort());
        put32(b, SEQ, s.seq());
        put32(b, ACK, s.ack());
        b[DATA_OFFSET] = (byte) (((s.dataOffset() & 0xF) << 4) | ((s.flags() >> 8) & 0xF));
        b[FLAGS] = (byte) s.flags();
        put16(b, WINDOW, s.window());
        put16(b, CHECKSUM, s.checksum());
        put16(b, URGENT, s.urgentPointer());
        int at = OPTIONS;
        for (TcpOption o : s.options()) at = writeOption(b, at, o);
        System.arraycopy(payload, 0, b, header, payload.length);
        return b;
    }

    /** The segment as bytes with the correct checksum for these addresses (IPv4 or IPv6 pseudo-header). */
    public static byte[] encode(Segment s, InetAddress src, InetAddress dst) {
        byte[] b = encode(s);
        put16(b, CHECKSUM, Checksum.tcp(src, dst, b, 0, b.length));
        return b;
    }

    /** The segment with its checksum field set to the correct value for these addresses. */
    public static Segment withChecksum(Segment s, InetAddress src, InetAddress dst) {
        byte[] b = encode(s);
        return s.withChecksum(Checksum.tcp(src, dst, b, 0, b.length));
    }

    public static Decoded<Segment> decode(byte[] b) { return decode(b, 0, b.length); }

    /**
     * Decodes the TCP segment in {@code b[off, off+len)}: header, options, payload (everything after the header).
     * Error offsets, and positions named in error messages, count from the start of {@code b}, so a segment
     * inside a frame is reported at its place in the frame. Unknown option kinds, and known kinds with a length
     * the receiver would ignore (e.g. MSS of length 3), are kept raw as {@link TcpOption.Unknown}.
     */
    public static Decoded<Segment> decode(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off + len > b.length) throw new IndexOutOfBoundsException("bad range " + off + "+" + len);
        int end = off + len;
        if (len < MIN_HEADER) {
            return Decoded.fail(end, "header", "truncated: the TCP header needs " + MIN_HEADER + " bytes but only " + len + " are there");
        }
        int dataOffset = (b[off + DATA_OFFSET] & 0xFF) >> 4;
        if (dataOffset < 5) return Decoded.fail(off + DATA_OFFSET, "data offset", "data offset " + dataOffset + " is below the minimum 5");
        int header = dataOffset * 4;
        if (header > len) {
            return Decoded.fail(off + DATA_OFFSET, "data offset", "data offset " + dataOffset + " (" + header
                    + " bytes) runs past the end of the data at " + end);
        }
        int headerEnd = off + header;
        List<TcpOption> options = new ArrayList<>();
        int i = off + OPTIONS;
        while (i < headerEnd) {
            int kind = b[i] & 0xFF;
            if (kind == 0) { options.add(TcpOption.EOL); break; }
            if (kind == 1) { options.add(TcpOption.NOP); i++; continue; }
            if (i + 1 >= headerEnd) {
                return Decoded.fail(i, "option length", "option kind " + kind + " has no length byte before the header end at " + headerEnd);
            }
            int olen = b[i + 1] & 0xFF;
            if (olen < 2) return Decoded.fail(i + 1, "option length", "option kind " + kind + " length " + olen + " is below the minimum 2");
            if (i + olen > headerEnd) {
                return Decoded.fail(i, "option", "option kind " + kind + " length " + olen + " runs past the header end at " + headerEnd);
            }
            options.add(readOption(b, i, kind, olen));
            i += olen;
        }
        byte[] payload = new byte[len - header];
        System.arraycopy(b, headerEnd, payload, 0, payload.length);
        int flags = (b[off + FLAGS] & 0xFF) | ((b[off + DATA_OFFSET] & 0x0F) << 8);
        return Decoded.ok(new Segment(get16(b, off + SRC_PORT), get16(b, off + DST_PORT), get32(b, off + SEQ),
                get32(b, off + ACK), dataOffset, flags, get16(b, off + WINDOW), get16(b, off + CHECKSUM),
                get16(b, off + URGENT), options, payload));
    }

    /** One option from its kind byte at {@code at}; length already checked to fit. */
    static TcpOption readOption(byte[] b, int at, int kind, int olen) {
        if (kind == 2 && olen == 4) return new TcpOption.Mss(get16(b, at + 2));
        if (kind == 3 && olen == 3) return new TcpOption.WindowScale(b[at + 2] & 0xFF);
        if (kind == 4 && olen == 2) return TcpOption.SACK_PERMITTED;
        if (kind == 8 && olen == 10) return new TcpOption.Timestamps(get32(b, at + 2), get32(b, at + 6));
        if (kind == 5 && (olen - 2) % 8 == 0) {
            List<TcpOption.SackBlock> blocks = new ArrayList<>();
            for (int j = at + 2; j < at + olen; j += 8) blocks.add(new TcpOption.SackBlock(get32(b, j), get32(b, j + 4)));
            return new TcpOption.Sack(blocks);
        }
        byte[] data = new byte[olen - 2];
        System.arraycopy(b, at + 2, data, 0, data.length);
        return new TcpOption.Unknown(kind, data);
    }

    private static int writeOption(byte[] b, int at, TcpOption o) {
        b[at] = (byte) o.kind();
        if (o instanceof TcpOption.Eol || o instanceof TcpOption.Nop) return at + 1;
        int len = TcpOption.length(o);
        b[at + 1] = (byte) len;
        if (o instanceof TcpOption.Mss m) put16(b, at + 2, m.mss());
        else if (o instanceof TcpOption.WindowScale w) b[at + 2] = (byte) w.shift();
        else if (o instanceof TcpOption.Timestamps t) { put32(b, at + 2, t.val()); put32(b, at + 6, t.ecr()); }
        else if (o instanceof TcpOption.Sack s) {
            int j = at + 2;
            for (TcpOption.SackBlock k : s.blocks()) { put32(b, j, k.left()); put32(b, j + 4, k.right()); j += 8; }
        } else if (o instanceof TcpOption.Unknown u) {
            byte[] d = u.data();
            System.arraycopy(d, 0, b, at + 2, d.length);
        }
        return at + len;
    }

    static int get16(byte[] b, int at) { return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF); }

    static int get32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static void put16(byte[] b, int at, int v) { b[at] = (byte) (v >> 8); b[at + 1] = (byte) v; }

    static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 24); b[at + 1] = (byte) (v >> 16); b[at + 2] = (byte) (v >> 8); b[at + 3] = (byte) v;
    }
}
