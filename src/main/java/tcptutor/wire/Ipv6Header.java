package tcptutor.wire;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The fixed IPv6 header (RFC 8200 3). Extension headers are not followed: TCP must be the next header.
 * <pre>
 * |Version| Traffic Class |           Flow Label                  |   bytes 0-3
 * |         Payload Length        |  Next Header  |   Hop Limit   |   bytes 4-7
 * |                     Source Address (16 bytes)                 |   bytes 8-23
 * |                  Destination Address (16 bytes)               |   bytes 24-39
 * </pre>
 */
public record Ipv6Header(int trafficClass, int flowLabel, int payloadLength, int nextHeader, int hopLimit,
                         InetAddress src, InetAddress dst) implements IpHeader {
    public static final int PAYLOAD_LENGTH = 4, NEXT_HEADER = 6, HOP_LIMIT = 7, SRC = 8, DST = 24, LENGTH = 40;

    public Ipv6Header {
        if (!(src instanceof Inet6Address) || !(dst instanceof Inet6Address)) throw new IllegalArgumentException("IPv6 addresses needed");
    }

    /** The header Linux puts before a TCP segment: hop limit 64, next header 6. */
    public static Ipv6Header forTcp(InetAddress src, InetAddress dst, int tcpLength) {
        return new Ipv6Header(0, 0, tcpLength, Ipv4Header.TCP, 64, src, dst);
    }

    @Override public int headerLength() { return LENGTH; }

    @Override public int protocol() { return nextHeader; }

    @Override public byte[] encode() {
        byte[] b = new byte[LENGTH];
        SegmentCodec.put32(b, 0, 6 << 28 | (trafficClass & 0xFF) << 20 | (flowLabel & 0xFFFFF));
        SegmentCodec.put16(b, PAYLOAD_LENGTH, payloadLength);
        b[NEXT_HEADER] = (byte) nextHeader;
        b[HOP_LIMIT] = (byte) hopLimit;
        System.arraycopy(src.getAddress(), 0, b, SRC, 16);
        System.arraycopy(dst.getAddress(), 0, b, DST, 16);
        return b;
    }

    /** Decodes the IPv6 header at {@code b[off, off+len)}; error offsets count from the start of {@code b}. */
    public static Decoded<Ipv6Header> decode(byte[] b, int off, int len) {
        if (len < LENGTH) return Decoded.fail(off + len, "IPv6 header", "truncated: the IPv6 header needs 40 bytes but only " + len + " are there");
        int first = SegmentCodec.get32(b, off);
        if (first >>> 28 != 6) return Decoded.fail(off, "IP version", "IP version " + (first >>> 28) + " is not 6");
        return Decoded.ok(new Ipv6Header((first >> 20) & 0xFF, first & 0xFFFFF, SegmentCodec.get16(b, off + PAYLOAD_LENGTH),
                b[off + NEXT_HEADER] & 0xFF, b[off + HOP_LIMIT] & 0xFF,
                IpHeader.address(b, off + SRC, 16), IpHeader.address(b, off + DST, 16)));
    }
}
