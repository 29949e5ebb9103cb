package tcptutor.wire;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * An IPv4 header (RFC 791 3.1), for hex dumps that include it and for pcap export.
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |   DSCP    |ECN|          Total Length         |   bytes 0-3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |   bytes 4-7
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |   bytes 8-11
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |   bytes 12-15
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |   bytes 16-19
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (IHL > 5)                          |
 * </pre>
 * {@code flags} is the 3-bit field: 0x2 = DF (don't fragment), 0x1 = MF (more fragments).
 */
public record Ipv4Header(int ihl, int tos, int totalLength, int id, int flags, int fragmentOffset, int ttl,
                         int protocol, int checksum, InetAddress src, InetAddress dst, byte[] options) implements IpHeader {
    public static final int VERSION_IHL = 0, TOS = 1, TOTAL_LENGTH = 2, ID = 4, FLAGS_FRAGMENT = 6, TTL = 8,
                            PROTOCOL = 9, CHECKSUM = 10, SRC = 12, DST = 16, OPTIONS = 20;
    public static final int DF = 0x2, MF = 0x1, TCP = 6;

    public Ipv4Header {
        options = options.clone();
        if (!(src instanceof Inet4Address) || !(dst instanceof Inet4Address)) throw new IllegalArgumentException("IPv4 addresses needed");
    }

    @Override public byte[] options() { return options.clone(); }

    /** The header Linux puts before a TCP segment: IHL 5, DF, TTL 64, protocol 6, the checksum filled in. */
    public static Ipv4Header forTcp(InetAddress src, InetAddress dst, int tcpLength, int id) {
        Ipv4Header h = new Ipv4Header(5, 0, 20 + tcpLength, id & 0xFFFF, DF, 0, 64, TCP, 0, src, dst, new byte[0]);
        return h.withChecksum(h.correctChecksum());
    }

    public Ipv4Header withChecksum(int sum) {
        return new Ipv4Header(ihl, tos, totalLength, id, flags, fragmentOffset, ttl, protocol, sum, src, dst, options);
    }

    @Override public int headerLength() { return ihl * 4; }

    @Override public int payloadLength() { return totalLength - ihl * 4; }

    public boolean dontFragment() { return (flags & DF) != 0; }

    /** A fragment (MF set or a non-zero offset) holds only part of a TCP segment. */
    public boolean fragment() { return (flags & MF) != 0 || fragmentOffset != 0; }

    public int correctChecksum() {
        byte[] b = encode();
        return Checksum.ipv4Header(b, 0, b.length);
    }

    @Override public byte[] encode() {
        byte[] b = new byte[Math.max(20, ihl * 4)];
        b[VERSION_IHL] = (byte) (0x40 | (ihl & 0xF));
        b[TOS] = (byte) tos;
        SegmentCodec.put16(b, TOTAL_LENGTH, totalLength);
        SegmentCodec.put16(b, ID, id);
        SegmentCodec.put16(b, FLAGS_FRAGMENT, (flags & 0x7) << 13 | (fragmentOffset & 0x1FFF));
        b[TTL] = (byte) ttl;
        b[PROTOCOL] = (byte) protocol;
        SegmentCodec.put16(b, CHECKSUM, checksum);
        System.arraycopy(src.getAddress(), 0, b, SRC, 4);
        System.arraycopy(dst.getAddress(), 0, b, DST, 4);
        System.arraycopy(options, 0, b, OPTIONS, Math.min(options.length, b.length - OPTIONS));
        return b;
    }

    /** Decodes the IPv4 header at {@code b[off, off+len)}; error offsets count from the start of {@code b}. */
    public static Decoded<Ipv4Header> decode(byte[] b, int off, int len) {
        if (len < 20) return Decoded.fail(off + len, "IPv4 header", "truncated: the IPv4 header needs 20 bytes but only " + len + " are there");
        int version = (b[off] & 0xFF) >> 4, ihl = b[off] & 0xF;
        if (version != 4) return Decoded.fail(off + VERSION_IHL, "IP version", "IP version " + version + " is not 4");
        if (ihl < 5) return Decoded.fail(off + VERSION_IHL, "IHL", "IPv4 header length " + ihl + " is below the minimum 5");
        if (ihl * 4 > len) {
            return Decoded.fail(off + VERSION_IHL, "IHL", "IPv4 header length " + ihl + " (" + ihl * 4 + " bytes) runs past the end of the data at " + (off + len));
        }
        int total = SegmentCodec.get16(b, off + TOTAL_LENGTH);
        if (total < ihl * 4) {
            return Decoded.fail(off + TOTAL_LENGTH, "total length", "IPv4 total length " + total + " is shorter than its own header (" + ihl * 4 + " bytes)");
        }
        int ff = SegmentCodec.get16(b, off + FLAGS_FRAGMENT);
        byte[] opts = new byte[ihl * 4 - 20];
        System.arraycopy(b, off + OPTIONS, opts, 0, opts.length);
        return Decoded.ok(new Ipv4Header(ihl, b[off + TOS] & 0xFF, total, SegmentCodec.get16(b, off + ID), ff >> 13, ff & 0x1FFF,
                b[off + TTL] & 0xFF, b[off + PROTOCOL] & 0xFF, SegmentCodec.get16(b, off + CHECKSUM),
                IpHeader.address(b, off + SRC, 4), IpHeader.address(b, off + DST, 4), opts));
    }

    @Override public boolean equals(Object o) {
        return o instanceof Ipv4Header h && java.util.Arrays.equals(h.encode(), encode());
    }

    @Override public int hashCode() { return java.util.Arrays.hashCode(encode()); }
}
