package tcptutor.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tcptutor.capture.CapturedPacket;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;

/**
 * The segments of one TCP connection in a capture, in file order, with its two ends. A connection is a 4-tuple;
 * a new SYN on a 4-tuple whose connection has ended (a RST, or FINs both ways) starts a new incarnation, numbered as a
 * connection of its own. The client is the end that sent the first SYN (or received the first SYN-ACK); for a capture
 * that begins mid-connection, the end with the lower port when only one port is below 32768, else the first sender.
 *
 * @param number   from 1, in the order the connections first appear
 * @param midStream true when the capture holds no SYN or SYN-ACK to begin it
 */
public record Conversation(int number, Endpoint client, Endpoint server, List<CapturedPacket> packets, boolean midStream) {
    public Conversation {
        packets = List.copyOf(packets);
    }

    /** Whether this packet went from the client to the server. */
    public boolean fromClient(CapturedPacket p) {
        return p.segment().srcPort() == client.port() && Objects.equals(p.src(), client.address())
                && (p.segment().dstPort() != p.segment().srcPort() || !Objects.equals(p.dst(), client.address()));
    }

    /** Splits a capture's TCP segments into connections (incarnations), numbered in order of appearance. */
    public static List<Conversation> split(List<CapturedPacket> packets) {
        List<Builder> all = new ArrayList<>();
        Map<Key, Builder> current = new HashMap<>();
        for (CapturedPacket p : packets) {
            Key k = Key.of(p);
            Builder b = current.get(k);
            if (b == null || b.newIncarnation(p)) {
                b = new Builder(p);
                all.add(b);
                current.put(k, b);
            }
            b.add(p);
        }
        List<Conversation> out = new ArrayList<>();
        for (Builder b : all) out.add(new Conversation(out.size() + 1, b.client, b.server, b.packets, b.midStream));
        return out;
    }

    /** The unordered 4-tuple. */
    private record Key(Endpoint lo, Endpoint hi) {
        static Key of(CapturedPacket p) {
            Endpoint a = new Endpoint(p.src(), p.segment().srcPort()), b = new Endpoint(p.dst(), p.segment().dstPort());
            return a.toString().compareTo(b.toString()) <= 0 ? new Key(a, b) : new Key(b, a);
        }
    }

    private static final class Builder {
        final Endpoint client, server;
        final boolean midStream;
        final List<CapturedPacket> packets = new ArrayList<>();
        boolean rst, clientFin, serverFin, answered;
        Integer synSeq;

        Builder(CapturedPacket first) {
            Segment s = first.segment();
            Endpoint src = new Endpoint(first.src(), s.srcPort()), dst = new Endpoint(first.dst(), s.dstPort());
            boolean syn = s.has(Flags.SYN) && !s.has(Flags.RST);
            boolean srcIsServer = syn ? s.has(Flags.ACK)
                    : (s.srcPort() < 32768) != (s.dstPort() < 32768) && s.srcPort() < s.dstPort();
            client = srcIsServer ? dst : src;
            server = srcIsServer ? src : dst;
            midStream = !syn;
        }

        void add(CapturedPacket p) {
            Segment s = p.segment();
            boolean fromClient = new Endpoint(p.src(), s.srcPort()).equals(client);
            if (s.has(Flags.RST)) rst = true;
            if (s.has(Flags.FIN)) { if (fromClient) clientFin = true; else serverFin = true; }
            if (s.has(Flags.SYN) && !s.has(Flags.ACK) && synSeq == null) synSeq = s.seq();
            if (!fromClient) answered = true;
            packets.add(p);
        }

        /** A SYN (no ACK) with a new ISN after the connection ended, or after SYNs that were never answered. */
        boolean newIncarnation(CapturedPacket p) {
            Segment s = p.segment();
            if (!s.has(Flags.SYN) || s.has(Flags.ACK) || s.has(Flags.RST)) return false;
            if (synSeq != null && synSeq == s.seq()) return false;
            return rst || (clientFin && serverFin) || (synSeq != null && !answered);
        }
    }
}
