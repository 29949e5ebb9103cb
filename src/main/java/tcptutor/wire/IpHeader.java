package tcptutor.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The IP header in front of a TCP segment: what the pseudo-header and the tcpdump line need. */
public sealed interface IpHeader permits Ipv4Header, Ipv6Header {
    InetAddress src();

    InetAddress dst();

    /** Bytes of this header (IPv4: 4 * IHL; IPv6: 40). */
    int headerLength();

    /** Bytes after this header that the header says were sent (the TCP segment's length). */
    int payloadLength();

    /** The protocol / next header number (6 is TCP). */
    int protocol();

    byte[] encode();

    /** An address from 4 or 16 bytes; no name lookup. */
    static InetAddress address(byte[] b, int off, int len) {
        byte[] a = new byte[len];
        System.arraycopy(b, off, a, 0, len);
        try {
            // Inet6Address directly, so that an IPv4-mapped IPv6 address stays IPv6
            return len == 16 ? java.net.Inet6Address.getByAddress(null, a, -1) : InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + len, e);
        }
    }

    /** An address from its numeric text ("192.0.2.1", "2001:db8::1"); null if the text is not a literal address. */
    static InetAddress parse(String text) {
        String t = text.trim();
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) return null;
        if (v4) for (String part : t.split("\\.")) if (Integer.parseInt(part) > 255) return null;
        try {
            return InetAddress.getByName(t); // a literal: no lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Numeric text as tcpdump prints it: dotted quad, or IPv6 with the longest run of zero groups as "::" (RFC 5952). */
    static String text(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        int bestAt = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) { bestAt = i; bestLen = j - i; }
            i = j == i ? i + 1 : j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestAt) { s.append("::"); i += bestLen - 1; continue; }
            if (s.length() > 0 && s.charAt(s.length() - 1) != ':') s.append(':');
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }
}
