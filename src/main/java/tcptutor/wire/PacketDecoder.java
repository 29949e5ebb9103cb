package tcptutor.wire;

/**
 * Finds the TCP segment in a frame: by the pcap link type when known, or by looking at the bytes when they
 * come from a hex dump (tcpdump -x gives the IP header first, -xx adds the link-layer header). Error offsets,
 * and positions in error messages, count from the start of the frame.
 */
public final class PacketDecoder {
    /** pcap link types (www.tcpdump.org/linktypes.html). */
    public static final int LINKTYPE_NULL = 0, LINKTYPE_ETHERNET = 1, LINKTYPE_RAW = 101, LINKTYPE_LOOP = 108,
                            LINKTYPE_LINUX_SLL = 113, LINKTYPE_IPV4 = 228, LINKTYPE_IPV6 = 229, LINKTYPE_LINUX_SLL2 = 276;
    private static final int ETHERTYPE_IPV4 = 0x0800, ETHERTYPE_IPV6 = 0x86DD, ETHERTYPE_VLAN = 0x8100;

    private PacketDecoder() {}

    /** Whether frames of this link type can be decoded. */
    public static boolean supports(int linkType) {
        return switch (linkType) {
            case LINKTYPE_NULL, LINKTYPE_ETHERNET, LINKTYPE_RAW, 12, 14, LINKTYPE_LOOP, LINKTYPE_LINUX_SLL,
                 LINKTYPE_IPV4, LINKTYPE_IPV6, LINKTYPE_LINUX_SLL2 -> true;
            default -> false;
        };
    }

    /** A frame of a known pcap link type. */
    public static Decoded<Packet> decode(int linkType, byte[] b) {
        switch (linkType) {
            case LINKTYPE_ETHERNET: return ethernet(b);
            case LINKTYPE_RAW: case 12: case 14: case LINKTYPE_IPV4: case LINKTYPE_IPV6: return ip(b, 0, "none");
            case LINKTYPE_LINUX_SLL: return cooked(b, 14, 16, "Linux cooked (SLL)");
            case LINKTYPE_LINUX_SLL2: return cooked(b, 0, 20, "Linux cooked v2 (SLL2)");
            case LINKTYPE_NULL: case LINKTYPE_LOOP:
                if (b.length < 4) return Decoded.fail(b.length, "loopback header", "truncated: the loopback header needs 4 bytes");
                return ip(b, 4, "BSD loopback"); // the address family is in host byte order for NULL: go by the IP version instead
            default: return Decoded.fail(0, "link type", "link type " + linkType + " is not supported (Ethernet, raw IP, Linux cooked, loopback are)");
        }
    }

    /**
     * Bytes of unknown framing, as a hex dump gives them: an IPv4 header (its header checksum verifies), an IPv6
     * header, an Ethernet header (ethertype 0x0800 / 0x86dd, optionally behind a VLAN tag), a Linux cooked header
     * (tcpdump -i any), or else a bare TCP header.
     */
    public static Decoded<Packet> guess(byte[] b) {
        int n = b.length;
        if (n >= 20 && version(b, 0) == 4 && (b[0] & 0xF) >= 5 && (b[0] & 0xF) * 4 <= n
                && Checksum.ipv4Header(b, 0, (b[0] & 0xF) * 4) == SegmentCodec.get16(b, 10)) return ip(b, 0, "none");
        if (n >= 40 && version(b, 0) == 6 && (b[6] & 0xFF) == Ipv4Header.TCP) return ip(b, 0, "none");
        // an IPv4 header whose total length is exactly the data (checksum not filled in, or not TCP): say what it is
        if (n >= 20 && version(b, 0) == 4 && (b[0] & 0xF) >= 5 && SegmentCodec.get16(b, 2) == n) return ip(b, 0, "none");
        if (n >= 34 && ipAt(b, 12, 14)) return ethernet(b);
        if (n >= 38 && SegmentCodec.get16(b, 12) == ETHERTYPE_VLAN && ipAt(b, 16, 18)) return ethernet(b);
        if (n >= 36 && ipAt(b, 14, 16)) return cooked(b, 14, 16, "Linux cooked (SLL)");
        if (n >= 40 && ipAt(b, 0, 20)) return cooked(b, 0, 20, "Linux cooked v2 (SLL2)");
        if (n >= 40 && version(b, 0) == 4 && (b[0] & 0xF) == 5 && (b[9] & 0xFF) == Ipv4Header.TCP) return ip(b, 0, "none");
        return SegmentCodec.decode(b).map(s -> new Packet(b, "none", -1, null, 0, n, s, true));
    }

    private static int version(byte[] b, int at) { return (b[at] & 0xFF) >> 4; }

    /** An IP ethertype at {@code typeAt} and a matching IP version nibble at {@code ipAt}. */
    private static boolean ipAt(byte[] b, int typeAt, int ipAt) {
        int t = SegmentCodec.get16(b, typeAt);
        return (t == ETHERTYPE_IPV4 && version(b, ipAt) == 4) || (t == ETHERTYPE_IPV6 && version(b, ipAt) == 6);
    }

    private static Decoded<Packet> ethernet(byte[] b) {
        if (b.length < 14) return Decoded.fail(b.length, "Ethernet header", "truncated: the Ethernet header needs 14 bytes");
        int typeAt = 12;
        while (SegmentCodec.get16(b, typeAt) == ETHERTYPE_VLAN && b.length >= typeAt + 6) typeAt += 4;
        return etherType(b, typeAt, typeAt + 2, "Ethernet");
    }

    private static Decoded<Packet> cooked(byte[] b, int typeAt, int headerLength, String name) {
        if (b.length < headerLength) return Decoded.fail(b.length, name, "truncated: the " + name + " header needs " + headerLength + " bytes");
        return etherType(b, typeAt, headerLength, name);
    }

    private static Decoded<Packet> etherType(byte[] b, int typeAt, int ipOffset, String link) {
        int t = SegmentCodec.get16(b, typeAt);
        if (t != ETHERTYPE_IPV4 && t != ETHERTYPE_IPV6) {
            return Decoded.fail(typeAt, "ethertype", String.format("ethertype 0x%04x is not IPv4 (0x0800) or IPv6 (0x86dd)", t));
        }
        return ip(b, ipOffset, link);
    }

    /** The IP header at {@code off}, then TCP. */
    private static Decoded<Packet> ip(byte[] b, int off, String link) {
        int avail = b.length - off;
        if (avail < 1) return Decoded.fail(b.length, "IP header", "truncated: no IP header after the " + link + " header");
        int v = version(b, off);
        Decoded<? extends IpHeader> h = v == 4 ? Ipv4Header.decode(b, off, avail)
                : v == 6 ? Ipv6Header.decode(b, off, avail)
                : Decoded.fail(off, "IP version", "IP version " + v + " is neither 4 nor 6");
        if (!h.isOk()) return Decoded.fail(h.error());
        IpHeader ip = h.value();
        if (ip.protocol() != Ipv4Header.TCP) {
            int at = off + (v == 4 ? Ipv4Header.PROTOCOL : Ipv6Header.NEXT_HEADER);
            return Decoded.fail(at, "protocol", "IP protocol " + ip.protocol() + protocolName(ip.protocol()) + " is not TCP (6)");
        }
        if (ip instanceof Ipv4Header v4 && v4.fragment()) {
            return Decoded.fail(off + Ipv4Header.FLAGS_FRAGMENT, "fragment", "an IPv4 fragment (offset " + v4.fragmentOffset() * 8
                    + (v4.fragmentOffset() == 0 ? ", more fragments" : "") + "): fragments are not reassembled");
        }
        int tcpOffset = off + ip.headerLength();
        int captured = b.length - tcpOffset;
        int tcpLength = Math.min(captured, ip.payloadLength());
        boolean complete = captured >= ip.payloadLength();
        return SegmentCodec.decode(b, tcpOffset, Math.max(0, tcpLength))
                .map(s -> new Packet(b, link, off, ip, tcpOffset, tcpLength, s, complete));
    }

    private static String protocolName(int p) {
        return switch (p) {
            case 1 -> " (ICMP)";
            case 17 -> " (UDP)";
            case 58 -> " (ICMPv6)";
            case 0, 43, 44, 60 -> " (an IPv6 extension header; not followed)";
            default -> "";
        };
    }
}
