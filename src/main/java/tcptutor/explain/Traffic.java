package tcptutor.explain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tcptutor.capture.CapturedPacket;
import tcptutor.view.EventLines;
import tcptutor.wire.Checksum;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpOption;

/**
 * What the capture itself shows about one connection, direction by direction, without the engine: retransmissions,
 * gaps, duplicate ACKs, window changes, probes, half-close, checksum offload and segmentation offload. Numbers in the
 * notes are relative the way tcpdump counts them (or absolute).
 */
final class Traffic {
    /** What one direction has shown so far. */
    static final class Dir {
        final String name;
        boolean based, sentSyn, anySeq, acked, finSeen, zeroWindow, halfCloseNoted, lastWasProbe;
        int base, synSeq, maxEnd, lastAck, lastWin, dupAcks, mss = -1, wscale = -1, finSeq, finFrame;
        /** Data sent after the other side's FIN that the other side has not yet acknowledged: its end, or 0. */
        int halfCloseEnd;
        boolean halfClosePending;
        long lastSynTime;
        int retransmissions, dupAckTotal, probes, offloaded, tso, gaps;
        /** Byte ranges [from, to) this direction sent that the capture has not shown (gaps it jumped over). */
        final List<int[]> holes = new ArrayList<>();
        /** The capture's recent segments from this direction: seq, end, frame; time. */
        final ArrayDeque<long[]> history = new ArrayDeque<>();

        Dir(String name) { this.name = name; }
    }

    final Dir client = new Dir("client"), server = new Dir("server");
    private final boolean absolute;
    private final long minRto;
    private boolean offloadNoted, truncNoted, tsoNoted, handshakeNoted;

    /** {@code minRtoMicros}: the profile's smallest retransmission timeout; a resend sooner than it is not the timer's. */
    Traffic(boolean absolute, long minRtoMicros) {
        this.absolute = absolute;
        this.minRto = minRtoMicros;
    }

    Dir dir(boolean fromClient) { return fromClient ? client : server; }

    /** A sequence number as the notes show it. */
    String rel(Dir d, int seq) { return absolute || !d.based ? Seq.str(seq) : Seq.str(seq - d.base); }

    String range(Dir d, int from, int to) { return "[" + rel(d, from) + ":" + rel(d, to) + "]"; }

    /** Whether the handshake showed window scaling both ways (then window fields are shifted). */
    private boolean scaling() { return client.wscale >= 0 && server.wscale >= 0; }

    /** The window a segment offers, in bytes (the field shifted by its sender's scale, except on a SYN). */
    int window(Dir x, Segment s) { return s.has(Flags.SYN) || !scaling() ? s.window() : s.window() << x.wscale; }

    /** Ranges of {@code [from, to)} from direction {@code d} that the capture has not shown. */
    List<int[]> unseen(Dir d, int from, int to) {
        List<int[]> out = new ArrayList<>();
        for (int[] h : d.holes) {
            int a = Seq.gt(h[0], from) ? h[0] : from, b = Seq.lt(h[1], to) ? h[1] : to;
            if (Seq.lt(a, b)) out.add(new int[]{a, b});
        }
        if (d.anySeq && Seq.lt(d.maxEnd, to)) out.add(new int[]{Seq.gt(d.maxEnd, from) ? d.maxEnd : from, to});
        return out;
    }

    /** Counts {@code [from, to)} as shown from now on (after explaining that the capture missed it). */
    void seen(Dir d, int from, int to) {
        closeHoles(d, from, to);
        if (d.anySeq && Seq.lt(d.maxEnd, to)) d.maxEnd = to;
    }

    /** The notes for one captured segment, before the engine replays it; updates what each direction has shown. */
    List<String> observe(CapturedPacket p, Segment s, boolean fromClient, long t) {
        Dir x = dir(fromClient), y = dir(!fromClient);
        List<String> notes = new ArrayList<>();
        checksum(p, x, notes);
        bases(s, x, y);
        int n = s.payloadLength();
        boolean probeNow = false;
        if (s.has(Flags.SYN)) {
            syn(s, x, y, t, notes);
        } else if (n > 0 || s.has(Flags.FIN)) {
            probeNow = text(s, x, y, t, p.frame(), notes);
        } else if (s.has(Flags.ACK) && !s.has(Flags.RST)) {
            probeNow = pureAck(s, x, y, notes);
        }
        if (s.has(Flags.ACK) && !s.has(Flags.RST)) windowAndAck(s, x, y, notes);
        x.lastWasProbe = probeNow;
        return notes;
    }

    private void checksum(CapturedPacket p, Dir x, List<String> notes) {
        Checksum.Verdict v = p.checksum();
        switch (v.status()) {
            case OFFLOADED -> {
                x.offloaded++;
                if (!offloadNoted) notes.add(String.format("checksum 0x%04x is only the pseudo-header sum: checksum offload. The capture "
                        + "saw the segment before the network card (or, on loopback, no one) filled in the checksum; not an error", v.stored()));
                offloadNoted = true;
            }
            case BAD -> notes.add(String.format("bad TCP checksum 0x%04x (should be 0x%04x): the receiver drops this segment silently",
                    v.stored(), v.correct()));
            case TRUNCATED -> {
                if (!truncNoted) notes.add("the capture kept only the first bytes of this segment (snap length): the numbers come from "
                        + "its headers, its data is not all here");
                truncNoted = true;
            }
            default -> { }
        }
    }

    /** tcpdump's relative bases: a SYN's ISN; the first ACK segment sets both directions that have none. */
    private static void bases(Segment s, Dir x, Dir y) {
        if (s.has(Flags.SYN) && !s.has(Flags.ACK) && !x.based) { x.base = s.seq(); x.based = true; }
        if (s.has(Flags.ACK) && (s.has(Flags.SYN) || !x.based)) {
            x.base = s.seq();
            x.based = true;
            if (!y.based || s.has(Flags.SYN)) { y.base = s.ack() - 1; y.based = true; }
        }
    }

    private void syn(Segment s, Dir x, Dir y, long t, List<String> notes) {
        String what = s.has(Flags.ACK) ? "SYN-ACK" : "SYN";
        if (x.sentSyn && s.seq() == x.synSeq) {
            x.retransmissions++;
            notes.add(what + " retransmitted " + EventLines.duration(t - x.lastSynTime) + " after the previous one: "
                    + (s.has(Flags.ACK) ? "the client's ACK (the handshake's third segment) had not arrived, or its SYN came again"
                    : "no SYN-ACK came back in time (Linux waits 1 s, then 1 s more for the first retries, then doubles)"));
        } else {
            x.sentSyn = true;
            x.synSeq = s.seq();
            x.mss = s.option(TcpOption.Mss.class).map(TcpOption.Mss::mss).orElse(-1);
            x.wscale = s.option(TcpOption.WindowScale.class).map(w -> Math.min(w.shift(), 14)).orElse(-1);
            x.anySeq = true;
            x.maxEnd = s.seq() + 1;
            if (s.has(Flags.ACK) && y.sentSyn && !handshakeNoted) {
                handshakeNoted = true;
                notes.add(negotiated(s, y));
            }
        }
        x.lastSynTime = t;
    }

    private String negotiated(Segment synAck, Dir y) {
        Dir x = y == client ? server : client;
        StringBuilder b = new StringBuilder("options agreed: MSS ").append(client.mss < 0 ? "none (536)" : client.mss).append(" / ")
                .append(server.mss < 0 ? "none (536)" : server.mss).append(" (client / server)");
        if (scaling()) b.append(", window scale ").append(client.wscale).append(" / ").append(server.wscale)
                .append(" (window fields count ").append(1 << client.wscale).append(" / ").append(1 << server.wscale).append(" bytes)");
        else b.append(", no window scaling (windows up to 65535 bytes)");
        if (synAck.option(TcpOption.SackPermitted.class).isPresent()) b.append(", SACK");
        if (synAck.option(TcpOption.Timestamps.class).isPresent()) b.append(", timestamps");
        return b.append(" [RFC 9293 3.7.1; RFC 7323; RFC 2018]").toString();
    }

    /** Data and/or FIN. Returns true when the segment is a probe. */
    private boolean text(Segment s, Dir x, Dir y, long t, int frame, List<String> notes) {
        int n = s.payloadLength(), seq = s.seq(), end = seq + n + (s.has(Flags.FIN) ? 1 : 0);
        boolean probe = false;
        if (!x.anySeq) { x.anySeq = true; x.maxEnd = seq; }
        if (Seq.lt(seq, x.maxEnd)) {
            if (inHole(x, seq)) {
                notes.add("the first copy of " + range(x, seq, end) + " the capture sees: it fills a gap, so it is probably a retransmission"
                        + " whose first copy was lost before the capture point");
                closeHoles(x, seq, end);
            } else if (n == 1 && !s.has(Flags.FIN) && seq == x.maxEnd - 1 && !y.zeroWindow && y.acked && y.lastAck == x.maxEnd) {
                probe = true;
                x.probes++;
                notes.add("keepalive probe: one old byte at SND.NXT-1 after an idle time (BSD/Windows style), to see whether the "
                        + y.name + " is still there [RFC 9293 3.8.4]");
            } else if (y.zeroWindow) {
                probe = true;
                x.probes++;
                notes.add("zero-window probe: the " + y.name + "'s window is 0, so the " + x.name + " sends a byte to learn when it opens"
                        + " [RFC 9293 3.8.6.1]");
            } else {
                x.retransmissions++;
                notes.add(retransmission(s, x, y, t, end));
            }
        } else if (Seq.gt(seq, x.maxEnd)) {
            x.gaps++;
            notes.add("the capture has not seen " + range(x, x.maxEnd, seq) + " (" + (seq - x.maxEnd) + " bytes) before this segment: lost"
                    + " before the capture point, or missed by the capture");
            x.holes.add(new int[]{x.maxEnd, seq});
        } else if (y.zeroWindow && n > 0) {
            probe = true;
            x.probes++;
            notes.add("sent into a zero window: a zero-window probe carrying new data [RFC 9293 3.8.6.1]");
        }
        if (n > 0 && y.finSeen && !x.finSeen && Seq.gt(seq + n, x.maxEnd) && !x.halfCloseNoted) {
            x.halfCloseNoted = true;
            x.halfClosePending = true;
            x.halfCloseEnd = seq + n;
            notes.add("the " + x.name + " still sends data after the " + y.name + "'s FIN (frame " + y.finFrame + "): fine if the "
                    + y.name + " only shut down its sending side (a half-close); if its application closed the socket, it answers"
                    + " with a RST [RFC 9293 3.6, 3.6.1]");
        }
        if (y.mss > 0 && n > y.mss) {
            x.tso++;
            notes.add(tsoNoted ? "segmentation offload: " + n + " bytes, " + (n + y.mss - 1) / y.mss + " x MSS"
                    : n + " bytes, more than the MSS of " + y.mss + " the " + y.name + " announced: segmentation offload (TSO/GSO). "
                    + "The capture saw one large segment that the network card cut into MSS-sized ones (or, captured at the receiver, "
                    + "that GRO merged); not an error");
            tsoNoted = true;
        }
        x.history.addLast(new long[]{seq, end, frame, t});
        if (x.history.size() > 20000) x.history.removeFirst();
        if (Seq.gt(end, x.maxEnd)) x.maxEnd = end;
        if (s.has(Flags.FIN) && !x.finSeen) { x.finSeen = true; x.finSeq = seq + n; x.finFrame = frame; }
        return probe;
    }

    private String retransmission(Segment s, Dir x, Dir y, long t, int end) {
        long[] first = null;
        for (long[] h : x.history) if (Seq.le((int) h[0], s.seq()) && Seq.gt((int) h[1], s.seq())) { first = h; break; }
        StringBuilder b = new StringBuilder("retransmission of ").append(range(x, s.seq(), end));
        if (first != null) b.append(" (first sent in frame ").append(first[2]).append(", ").append(EventLines.duration(t - first[3])).append(" earlier)");
        if (Seq.gt(end, x.maxEnd)) b.append(", with new data after it");
        if (y.acked && Seq.ge(y.lastAck, end)) {
            b.append(": the ").append(y.name).append(" had already acknowledged it, so it was not needed (spurious)");
        } else if (y.acked && y.lastAck == s.seq() && y.dupAcks >= 3) {
            b.append(": fast retransmit after ").append(y.dupAcks).append(" duplicate ACKs [RFC 5681 3.2]");
        } else if (y.acked && y.lastAck == s.seq() && y.dupAcks > 0) {
            b.append(": after ").append(y.dupAcks).append(" duplicate ACK").append(y.dupAcks == 1 ? "" : "s")
                    .append(" (SACK-based loss recovery) [RFC 6675; Linux RACK]");
        } else if (first != null && t - first[3] < minRto && Seq.ge(end, x.maxEnd)) {
            b.append(": sooner than the smallest retransmission timeout (").append(EventLines.duration(minRto))
                    .append("), so a tail loss probe: the last segment is resent after about two round trips without an ACK,"
                    + " to get one [RFC 8985 7; Linux tcp_send_loss_probe]");
        } else {
            b.append(": no ACK came in time and the retransmission timer expired [RFC 6298 5.4]");
        }
        return b.toString();
    }

    /** A segment without data, SYN, FIN or RST. Returns true when it is a probe. */
    private boolean pureAck(Segment s, Dir x, Dir y, List<String> notes) {
        if (x.anySeq && s.seq() == x.maxEnd - 1) {
            x.probes++;
            notes.add(y.zeroWindow
                    ? "zero-window probe: SEQ = SND.UNA-1 and no data; the " + y.name + " answers with its window [RFC 9293 3.8.6.1; Linux tcp_probe_timer]"
                    : "keepalive probe: SEQ = SND.NXT-1 and no data after an idle time; the " + y.name
                    + " answers with an ACK if it is still there [RFC 9293 3.8.4; Linux tcp_keepalive_timer]");
            return true;
        }
        if (y.lastWasProbe && x.acked) {
            y.lastWasProbe = false;
            notes.add("the answer to the probe: the " + x.name + " is alive" + (window(x, s) == 0 ? ", and its window is still 0" : ""));
            return false;
        }
        if (x.acked && s.ack() == x.lastAck && s.window() == x.lastWin && y.anySeq && Seq.gt(y.maxEnd, s.ack())) {
            x.dupAcks++;
            x.dupAckTotal++;
            StringBuilder b = new StringBuilder("duplicate ACK #").append(x.dupAcks).append(": the ").append(x.name)
                    .append(" still waits for byte ").append(rel(y, s.ack()));
            s.option(TcpOption.Sack.class).ifPresent(k -> {
                b.append("; SACK says it holds");
                for (TcpOption.SackBlock blk : k.blocks()) b.append(' ').append(range(y, blk.left(), blk.right()));
            });
            if (x.dupAcks == 3) b.append(". The third one: the ").append(y.name).append(" should resend byte ").append(rel(y, s.ack()))
                    .append(" now (fast retransmit) [RFC 5681 3.2]");
            notes.add(b.toString());
        }
        return false;
    }

    /** RFC 2883: a first SACK block below the ACK, or inside the second block, reports data that arrived twice. */
    private void dsack(Segment s, Dir x, Dir y, List<String> notes) {
        TcpOption.Sack k = s.option(TcpOption.Sack.class).orElse(null);
        if (k == null || k.blocks().isEmpty()) return;
        TcpOption.SackBlock b0 = k.blocks().get(0);
        boolean below = Seq.le(b0.right(), s.ack());
        boolean inside = k.blocks().size() > 1 && Seq.ge(b0.left(), k.blocks().get(1).left()) && Seq.le(b0.right(), k.blocks().get(1).right());
        if (!below && !inside) return;
        notes.add("D-SACK: the " + x.name + " received " + range(y, b0.left(), b0.right()) + " twice, so the " + y.name
                + " resent it without need (a spurious retransmission, or the network duplicated it) [RFC 2883]");
    }

    private void windowAndAck(Segment s, Dir x, Dir y, List<String> notes) {
        dsack(s, x, y, notes);
        if (y.halfClosePending && x.finSeen && Seq.ge(s.ack(), y.halfCloseEnd)) {
            y.halfClosePending = false;
            notes.add("half-close: the " + x.name + " acknowledges data that came after its own FIN, so it only shut down its sending"
                    + " side (shutdown(SHUT_WR)) and keeps reading [RFC 9293 3.6]");
        }
        int w = window(x, s);
        boolean sameAck = x.acked && s.ack() == x.lastAck;
        if (w == 0 && !x.zeroWindow) {
            x.zeroWindow = true;
            notes.add("zero window: the " + x.name + "'s receive buffer is full (its application is not reading). The " + y.name
                    + " must stop sending and probe until the window opens [RFC 9293 3.8.6]");
        } else if (w > 0 && x.zeroWindow) {
            x.zeroWindow = false;
            notes.add("the window opens again: " + w + " bytes (the " + x.name + "'s application read data) [RFC 9293 3.8.6.2.2]");
        } else if (sameAck && s.window() != x.lastWin && s.payloadLength() == 0 && !s.has(Flags.FIN) && !s.has(Flags.SYN)) {
            notes.add("window update: same ACK, window now " + w + " bytes");
        }
        if (x.acked && Seq.gt(s.ack(), x.lastAck)) x.dupAcks = 0;
        if (!x.acked || Seq.ge(s.ack(), x.lastAck)) x.lastAck = s.ack();
        x.acked = true;
        x.lastWin = s.window();
    }

    private static boolean inHole(Dir d, int seq) {
        for (int[] h : d.holes) if (Seq.le(h[0], seq) && Seq.lt(seq, h[1])) return true;
        return false;
    }

    private static void closeHoles(Dir d, int from, int to) {
        List<int[]> keep = new ArrayList<>();
        for (Iterator<int[]> it = d.holes.iterator(); it.hasNext(); ) {
            int[] h = it.next();
            if (Seq.le(to, h[0]) || Seq.ge(from, h[1])) { keep.add(h); continue; }
            if (Seq.lt(h[0], from)) keep.add(new int[]{h[0], from});
            if (Seq.gt(h[1], to)) keep.add(new int[]{to, h[1]});
        }
        d.holes.clear();
        d.holes.addAll(keep);
    }
}
