package tcptutor.wire;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The Internet checksum (RFC 1071) as TCP uses it (RFC 9293 3.1; RFC 8200 8.1): the 16-bit ones'-complement
 * of the ones'-complement sum of a pseudo-header, the TCP header with its checksum field taken as 0, and the
 * payload padded with one zero byte to an even length (the pad is not sent).
 * <pre>
 * IPv4 pseudo-header (12 bytes): src(4) dst(4) 0x00 0x06 tcp_length(2)
 * IPv6 pseudo-header (40 bytes): src(16) dst(16) tcp_length(4) 0x000000 next_header=6(1)
 * </pre>
 */
public final class Checksum {
    /** Where the TCP checksum sits in the header. */
    public static final int TCP_FIELD = 16;

    private Checksum() {}

    /** Adds the big-endian 16-bit words of {@code b[off, off+len)} to an unfolded sum; an odd last byte is padded with 0. */
    public static long add(long sum, byte[] b, int off, int len) {
        int end = off + len, i = off;
        for (; i + 1 < end; i += 2) sum += ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
        if (i < end) sum += (b[i] & 0xFF) << 8;
        return sum;
    }

    /** Folds the carries back in: a 16-bit ones'-complement sum. */
    public static int fold(long sum) {
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (int) sum;
    }

    /** The unfolded sum of the IPv4 or IPv6 pseudo-header for a TCP segment of {@code tcpLength} bytes. */
    public static long pseudoHeaderSum(InetAddress src, InetAddress dst, int tcpLength) {
        byte[] s = src.getAddress(), d = dst.getAddress();
        if (s.length != d.length) throw new IllegalArgumentException("mixed IPv4 and IPv6 addresses: " + src + ", " + dst);
        long sum = add(add(0, s, 0, s.length), d, 0, d.length);
        sum += 6; // zero byte(s) then protocol / next header 6
        if (src instanceof Inet4Address) return sum + (tcpLength & 0xFFFF);
        return sum + ((tcpLength >>> 16) & 0xFFFF) + (tcpLength & 0xFFFF);
    }

    /**
     * The folded pseudo-header sum, not complemented. This is what a capture shows in the checksum field when
     * the sender offloads the checksum (Linux CHECKSUM_PARTIAL: the stack stores {@code ~csum_tcpudp_magic(..., 0)}
     * and leaves the rest to the NIC, or on loopback to nobody).
     */
    public static int pseudoHeader(InetAddress src, InetAddress dst, int tcpLength) {
        return fold(pseudoHeaderSum(src, dst, tcpLength));
    }

    /** The correct checksum for the TCP segment in {@code b[off, off+len)}, whatever its checksum field holds. */
    public static int tcp(InetAddress src, InetAddress dst, byte[] b, int off, int len) {
        long sum = pseudoHeaderSum(src, dst, len);
        int field = Math.min(TCP_FIELD, len);
        sum = add(sum, b, off, field);
        if (len > TCP_FIELD + 2) sum = add(sum, b, off + TCP_FIELD + 2, len - TCP_FIELD - 2);
        return ~fold(sum) & 0xFFFF;
    }

    /** The correct IPv4 header checksum for {@code b[off, off+len)}, whatever its checksum field (bytes 10-11) holds. */
    public static int ipv4Header(byte[] b, int off, int len) {
        long sum = add(0, b, off, 10);
        sum = add(sum, b, off + 12, len - 12);
        return ~fold(sum) & 0xFFFF;
    }

    /** Whether a checksum on the wire is right, and if not what it should be and the likely cause. */
    public enum Status {
        /** The sum verifies. */
        GOOD,
        /** Wrong, and not an offload artefact. */
        BAD,
        /** The field holds only the pseudo-header sum: the sender offloaded the checksum and the capture saw it first. */
        OFFLOADED,
        /** The capture holds only part of the segment (snap length), so the sum cannot be checked. */
        TRUNCATED,
        /** No IP header, so no pseudo-header and no check. */
        NO_ADDRESSES
    }

    /** A checked checksum: the value on the wire, the correct one (-1 when it cannot be computed), and what that means. */
    public record Verdict(Status status, int stored, int correct) {
        /** One line for a learner, e.g. {@code 0xfe30 [correct]}. */
        public String explain() {
            String s = String.format("0x%04x", stored), c = String.format("0x%04x", correct);
            return switch (status) {
                case GOOD -> s + " [correct]";
                case BAD -> s + " [incorrect, should be " + c + "]: the segment was damaged or built wrongly;"
                        + " a receiver drops it silently";
                case OFFLOADED -> s + " [not filled in, correct value " + c + "]: checksum offload: the capture was"
                        + " taken before the NIC/loopback filled it in (the field holds only the pseudo-header sum)";
                case TRUNCATED -> s + " [unverified: the capture holds only part of the segment]";
                case NO_ADDRESSES -> s + " [unverified: no IP header, so the pseudo-header is unknown]";
            };
        }
    }

    /**
     * Checks the TCP segment in {@code b[off, off+len)}. {@code complete} is false when the capture cut the
     * segment short (its IP length says more bytes were sent); then the sum cannot be checked.
     */
    public static Verdict check(InetAddress src, InetAddress dst, byte[] b, int off, int len, boolean complete) {
        int stored = len >= TCP_FIELD + 2 ? ((b[off + TCP_FIELD] & 0xFF) << 8) | (b[off + TCP_FIELD + 1] & 0xFF) : 0;
        if (src == null || dst == null) return new Verdict(Status.NO_ADDRESSES, stored, -1);
        if (!complete) return new Verdict(Status.TRUNCATED, stored, -1);
        int correct = tcp(src, dst, b, off, len);
        if (sameOnesComplement(stored, correct)) return new Verdict(Status.GOOD, stored, correct);
        if (sameOnesComplement(stored, pseudoHeader(src, dst, len))) return new Verdict(Status.OFFLOADED, stored, correct);
        return new Verdict(Status.BAD, stored, correct);
    }

    /** 0x0000 and 0xFFFF are the same number (+0 and -0) in ones'-complement arithmetic. */
    private static boolean sameOnesComplement(int a, int b) {
        return a == b || (a == 0 && b == 0xFFFF) || (a == 0xFFFF && b == 0);
    }
}
