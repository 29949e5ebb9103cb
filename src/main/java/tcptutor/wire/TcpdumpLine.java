package tcptutor.wire;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Segments as tcpdump 4.99 prints them ({@code print-tcp.c}), without the time stamp:
 * {@code IP 192.0.2.1.40000 > 192.0.2.2.80: Flags [S.], seq 1, ack 1, win 502, options [...], length 0}.
 * <p>
 * Relative numbers (tcpdump's default; {@code -S} turns them off) need state, so one instance renders one
 * capture in order. tcpdump's rule, kept exactly: only segments with ACK set take part. For such a segment
 * tcpdump looks up its connection; if it is new, or the segment has SYN set, it records
 * base(this direction) = SEQ and base(other direction) = ACK - 1 and prints the absolute numbers; otherwise it
 * prints SEQ - base(this direction) and ACK - base(other direction). So a SYN prints absolute (no ACK), the
 * SYN-ACK prints absolute seq and ack and sets the bases, the third segment prints {@code ack 1}, a bare RST
 * (no ACK) prints absolute, and a capture that starts mid-connection prints its first ACK segment absolute.
 * SACK blocks are shown relative to the other direction's base.
 */
public final class TcpdumpLine {
    private final boolean absolute;
    private final Map<Key, long[]> bases = new HashMap<>();

    /** {@code absolute} = tcpdump -S. */
    public TcpdumpLine(boolean absolute) { this.absolute = absolute; }

    /** A renderer with tcpdump's default relative numbering. */
    public static TcpdumpLine relative() { return new TcpdumpLine(false); }

    /** A renderer with absolute numbers, like tcpdump -S (stateless). */
    public static TcpdumpLine absolute() { return new TcpdumpLine(true); }

    /** Forgets every connection's bases (a new capture). */
    public void reset() { bases.clear(); }

    /** The line for a segment between two addresses (null addresses: no "IP" prefix, ports only). */
    public String line(InetAddress src, InetAddress dst, Segment s) {
        return line(src, dst, s, s.payloadLength());
    }

    /** The line for a decoded packet; the length is what the IP header says was sent, as tcpdump prints it. */
    public String line(Packet p) {
        Segment s = p.segment();
        int length = p.ip() == null ? s.payloadLength() : Math.max(0, p.ip().payloadLength() - 4 * s.dataOffset());
        return line(p.src(), p.dst(), s, length);
    }

    private String line(InetAddress src, InetAddress dst, Segment s, int length) {
        StringBuilder b = new StringBuilder();
        if (src != null && dst != null) {
            b.append(src instanceof Inet6Address ? "IP6 " : "IP ").append(IpHeader.text(src)).append('.').append(s.srcPort())
             .append(" > ").append(IpHeader.text(dst)).append('.').append(s.dstPort()).append(": ");
        } else {
            b.append(s.srcPort()).append(" > ").append(s.dstPort()).append(": ");
        }
        b.append(tcp(src, dst, s, length));
        return b.toString();
    }

    /** The part after the addresses: {@code Flags [S.], seq ..., length N}. */
    public String tcp(InetAddress src, InetAddress dst, Segment s, int length) {
        long seq = Integer.toUnsignedLong(s.seq()), ack = Integer.toUnsignedLong(s.ack());
        long sackBase = 0;
        if (!absolute && s.has(Flags.ACK)) {
            Key k = Key.of(src, dst, s.srcPort(), s.dstPort());
            boolean rev = k.rev;
            long[] th = bases.get(k); // th[0] = base of the lower-ordered direction, th[1] = the other
            if (th == null || s.has(Flags.SYN)) {
                th = new long[2];
                th[rev ? 1 : 0] = seq;
                th[rev ? 0 : 1] = (ack - 1) & 0xFFFFFFFFL;
                bases.put(k, th);
            } else {
                seq = (seq - th[rev ? 1 : 0]) & 0xFFFFFFFFL;
                ack = (ack - th[rev ? 0 : 1]) & 0xFFFFFFFFL;
            }
            sackBase = th[rev ? 0 : 1];
        }
        StringBuilder b = new StringBuilder("Flags [").append(Flags.tcpdump(s.flags())).append(']');
        if (length > 0 || (s.flags() & (Flags.SYN | Flags.FIN | Flags.RST)) != 0) {
            b.append(", seq ").append(seq);
            if (length > 0) b.append(':').append((seq + length) & 0xFFFFFFFFL);
        }
        if (s.has(Flags.ACK)) b.append(", ack ").append(ack);
        b.append(", win ").append(s.window());
        if (s.has(Flags.URG)) b.append(", urg ").append(s.urgentPointer());
        if (s.dataOffset() > 5) b.append(", options [").append(options(s.options(), sackBase)).append(']');
        b.append(", length ").append(length);
        return b.toString();
    }

    /** Options as tcpdump lists them, e.g. {@code mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7}; SACK edges minus {@code sackBase}. */
    public static String options(List<TcpOption> options, long sackBase) {
        StringBuilder b = new StringBuilder();
        for (TcpOption o : options) {
            if (b.length() > 0) b.append(',');
            b.append(option(o, sackBase));
            if (o instanceof TcpOption.Eol) break;
        }
        return b.toString();
    }

    private static String option(TcpOption o, long sackBase) {
        if (o instanceof TcpOption.Eol) return "eol";
        if (o instanceof TcpOption.Nop) return "nop";
        if (o instanceof TcpOption.Mss m) return "mss " + m.mss();
        if (o instanceof TcpOption.WindowScale w) return "wscale " + w.shift();
        if (o instanceof TcpOption.SackPermitted) return "sackOK";
        if (o instanceof TcpOption.Timestamps t) return "TS val " + Seq.str(t.val()) + " ecr " + Seq.str(t.ecr());
        if (o instanceof TcpOption.Sack s) {
            StringBuilder b = new StringBuilder("sack ").append(s.blocks().size()).append(' ');
            for (TcpOption.SackBlock k : s.blocks()) {
                b.append('{').append((Integer.toUnsignedLong(k.left()) - sackBase) & 0xFFFFFFFFL).append(':')
                 .append((Integer.toUnsignedLong(k.right()) - sackBase) & 0xFFFFFFFFL).append('}');
            }
            return b.toString();
        }
        TcpOption.Unknown u = (TcpOption.Unknown) o;
        byte[] d = u.data();
        String name = name(u.kind());
        if ((u.kind() == 6 || u.kind() == 7 || (u.kind() >= 11 && u.kind() <= 13)) && d.length == 4) {
            return name + " " + Integer.toUnsignedString(SegmentCodec.get32(d, 0));
        }
        StringBuilder b = new StringBuilder(name);
        if (d.length > 0) b.append(" 0x");
        for (byte x : d) b.append(String.format("%02x", x & 0xFF));
        return b.toString();
    }

    /** tcpdump's option names ({@code tcp_option_values}); "unknown-K" otherwise. */
    public static String name(int kind) {
        return switch (kind) {
            case 0 -> "eol"; case 1 -> "nop"; case 2 -> "mss"; case 3 -> "wscale"; case 4 -> "sackOK"; case 5 -> "sack";
            case 6 -> "echo"; case 7 -> "echoreply"; case 8 -> "TS"; case 11 -> "cc"; case 12 -> "ccnew"; case 13 -> "ccecho";
            case 19 -> "md5"; case 20 -> "scps"; case 28 -> "uto"; case 29 -> "tcp-ao"; case 30 -> "mptcp"; case 34 -> "tfo";
            case 254 -> "exp";
            default -> "unknown-" + kind;
        };
    }

    /** tcpdump's conversation key: one entry for both directions, ordered by port, then address. */
    private record Key(byte[] lo, byte[] hi, int ports, boolean rev) {
        static Key of(InetAddress src, InetAddress dst, int sport, int dport) {
            byte[] s = src == null ? new byte[0] : src.getAddress(), d = dst == null ? new byte[0] : dst.getAddress();
            boolean rev = sport > dport || (sport == dport && Arrays.compareUnsigned(s, d) > 0);
            return rev ? new Key(d, s, dport << 16 | sport, true) : new Key(s, d, sport << 16 | dport, false);
        }

        @Override public boolean equals(Object o) {
            return o instanceof Key k && k.ports == ports && Arrays.equals(k.lo, lo) && Arrays.equals(k.hi, hi);
        }

        @Override public int hashCode() { return (Arrays.hashCode(lo) * 31 + Arrays.hashCode(hi)) * 31 + ports; }
    }
}
