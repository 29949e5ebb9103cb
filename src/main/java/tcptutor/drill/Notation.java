package tcptutor.drill;

import java.util.List;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/** Segments written the way packetdrill scripts write them: {@code S. 0:0(0) ack 1 win 64240 <mss 1460>}. */
final class Notation {
    private Notation() {}

    /** A script packet line without its time and direction. */
    static String packet(Event.Packet p) {
        StringBuilder b = new StringBuilder(Flags.packetdrill(p.flags())).append(' ');
        b.append(p.start()).append(':').append(p.start() + p.length()).append('(').append(p.length()).append(')');
        if (p.ack() != 0 || p.has(Flags.ACK)) b.append(" ack ").append(p.ack());
        if (p.window() != null) b.append(" win ").append(p.window());
        if (p.urgent() != 0) b.append(" urg ").append(p.urgent());
        if (p.options() == null) b.append(" <...>");
        else if (!p.options().isEmpty()) b.append(' ').append(options(p.options()));
        return b.toString();
    }

    /** A segment (numbers as given: map them to script space first). */
    static String segment(Segment s) {
        StringBuilder b = new StringBuilder(Flags.packetdrill(s.flags())).append(' ');
        long start = Integer.toUnsignedLong(s.seq());
        b.append(start).append(':').append(Integer.toUnsignedLong(s.seq() + s.payloadLength()))
                .append('(').append(s.payloadLength()).append(')');
        if (s.has(Flags.ACK)) b.append(" ack ").append(Integer.toUnsignedLong(s.ack()));
        b.append(" win ").append(s.window());
        if (s.urgentPointer() != 0) b.append(" urg ").append(s.urgentPointer());
        if (!s.options().isEmpty()) b.append(' ').append(options(s.options()));
        return b.toString();
    }

    static String options(List<TcpOption> opts) {
        StringBuilder b = new StringBuilder("<");
        for (TcpOption o : opts) {
            if (b.length() > 1) b.append(',');
            b.append(option(o));
        }
        return b.append('>').toString();
    }

    static String option(TcpOption o) {
        if (o instanceof TcpOption.Nop) return "nop";
        if (o instanceof TcpOption.Eol) return "eol";
        if (o instanceof TcpOption.Mss m) return "mss " + m.mss();
        if (o instanceof TcpOption.WindowScale w) return "wscale " + w.shift();
        if (o instanceof TcpOption.SackPermitted) return "sackOK";
        if (o instanceof TcpOption.Timestamps t) {
            return "TS val " + Integer.toUnsignedString(t.val()) + " ecr " + Integer.toUnsignedString(t.ecr());
        }
        if (o instanceof TcpOption.Sack s) {
            StringBuilder b = new StringBuilder("sack");
            for (TcpOption.SackBlock k : s.blocks()) {
                b.append(' ').append(Integer.toUnsignedString(k.left())).append(':').append(Integer.toUnsignedString(k.right()));
            }
            return b.toString();
        }
        TcpOption.Unknown u = (TcpOption.Unknown) o;
        return "kind " + u.kind() + " len " + (u.data().length + 2);
    }

    /** Seconds with six decimals, as packetdrill prints times. */
    static String secs(long usecs) {
        return String.format(java.util.Locale.ROOT, "%.6f", usecs / 1e6);
    }
}
