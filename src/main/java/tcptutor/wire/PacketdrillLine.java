package tcptutor.wire;

import java.util.List;

/**
 * Segments in packetdrill's notation (google/packetdrill {@code syntax.md}): {@code FLAGS START:END(LEN) [ack A] win W [<options>]},
 * e.g. {@code S. 0:0(0) ack 1 win 64240 <mss 1460>}. Sequence numbers are shown relative to {@code seqBase} (the
 * sender's ISN), ACK and SACK edges relative to {@code ackBase} (the receiver's ISN), as packetdrill writes the
 * kernel's numbers relative to its ISN. The caller adds the time and direction ({@code +0 > }).
 */
public final class PacketdrillLine {
    private PacketdrillLine() {}

    public static String render(Segment s, int seqBase, int ackBase) {
        int start = s.seq() - seqBase;
        StringBuilder b = new StringBuilder(Flags.packetdrill(s.flags())).append(' ')
                .append(Seq.str(start)).append(':').append(Seq.str(start + s.payloadLength()))
                .append('(').append(s.payloadLength()).append(')');
        if (s.has(Flags.ACK)) b.append(" ack ").append(Seq.str(s.ack() - ackBase));
        b.append(" win ").append(s.window());
        if (s.has(Flags.URG)) b.append(" urg ").append(s.urgentPointer());
        if (!s.options().isEmpty()) b.append(" <").append(options(s.options(), ackBase)).append('>');
        return b.toString();
    }

    /** Absolute numbers: bases 0. */
    public static String render(Segment s) { return render(s, 0, 0); }

    /** Options as packetdrill writes them, e.g. {@code mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7}; SACK edges minus {@code ackBase}. */
    public static String options(List<TcpOption> options, int ackBase) {
        StringBuilder b = new StringBuilder();
        for (TcpOption o : options) {
            if (b.length() > 0) b.append(',');
            if (o instanceof TcpOption.Eol) b.append("eol");
            else if (o instanceof TcpOption.Nop) b.append("nop");
            else if (o instanceof TcpOption.Mss m) b.append("mss ").append(m.mss());
            else if (o instanceof TcpOption.WindowScale w) b.append("wscale ").append(w.shift());
            else if (o instanceof TcpOption.SackPermitted) b.append("sackOK");
            else if (o instanceof TcpOption.Timestamps t) b.append("TS val ").append(Seq.str(t.val())).append(" ecr ").append(Seq.str(t.ecr()));
            else if (o instanceof TcpOption.Sack s) {
                b.append("sack");
                for (TcpOption.SackBlock k : s.blocks()) b.append(' ').append(Seq.str(k.left() - ackBase)).append(':').append(Seq.str(k.right() - ackBase));
            } else {
                TcpOption.Unknown u = (TcpOption.Unknown) o;
                b.append(TcpdumpLine.name(u.kind()));
                byte[] d = u.data();
                if (d.length > 0) b.append(" 0x");
                for (byte x : d) b.append(String.format("%02x", x & 0xFF));
            }
        }
        return b.toString();
    }
}
