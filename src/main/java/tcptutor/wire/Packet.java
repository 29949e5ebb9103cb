package tcptutor.wire;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * A TCP segment with what was around it in a frame: the link-layer header (if any), the IP header (if any),
 * and where the TCP bytes start. Offsets index {@link #bytes()}, so a view can highlight a field's bytes in
 * the hex dump of the whole frame.
 *
 * @param link        the link layer found, e.g. "Ethernet"; "none" when the bytes start with the IP header or TCP
 * @param ipOffset    where the IP header starts, -1 without one
 * @param ip          the IP header, null without one
 * @param tcpOffset   where the TCP header starts
 * @param tcpLength   TCP bytes present (header and payload; Ethernet padding excluded)
 * @param complete    false when the capture kept fewer TCP bytes than the IP header says were sent
 */
public record Packet(byte[] bytes, String link, int ipOffset, IpHeader ip, int tcpOffset, int tcpLength,
                     Segment segment, boolean complete) {

    public Packet {
        bytes = bytes.clone();
    }

    @Override public byte[] bytes() { return bytes.clone(); }

    /** The TCP header and payload as captured. */
    public byte[] tcpBytes() {
        byte[] t = new byte[tcpLength];
        System.arraycopy(bytes, tcpOffset, t, 0, tcpLength);
        return t;
    }

    public InetAddress src() { return ip == null ? null : ip.src(); }

    public InetAddress dst() { return ip == null ? null : ip.dst(); }

    /** Whether the TCP checksum verifies, and if not why. */
    public Checksum.Verdict checksum() {
        return Checksum.check(src(), dst(), bytes, tcpOffset, tcpLength, complete);
    }

    /**
     * An IPv4 or IPv6 packet carrying {@code s} as Linux would send it (IPv4: DF, TTL 64, IP id {@code ipId}),
     * with correct IP and TCP checksums; the segment returned by {@link #segment()} holds the checksum.
     */
    public static Packet of(InetAddress src, InetAddress dst, Segment s, int ipId) {
        byte[] tcp = SegmentCodec.encode(s, src, dst);
        IpHeader ip = src instanceof Inet4Address ? Ipv4Header.forTcp(src, dst, tcp.length, ipId) : Ipv6Header.forTcp(src, dst, tcp.length);
        byte[] head = ip.encode();
        byte[] all = new byte[head.length + tcp.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tcp, 0, all, head.length, tcp.length);
        Segment withSum = s.withChecksum(SegmentCodec.get16(tcp, SegmentCodec.CHECKSUM));
        return new Packet(all, "none", 0, ip, head.length, tcp.length, withSum, true);
    }

    /** A bare TCP segment with no IP header around it (so no addresses and no checksum check). */
    public static Packet tcpOnly(Segment s) {
        byte[] tcp = SegmentCodec.encode(s);
        return new Packet(tcp, "none", -1, null, 0, tcp.length, s, true);
    }
}
