package tcptutor.explain;

import java.util.ArrayList;
import java.util.List;
import tcptutor.capture.CapturedPacket;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Profile;
import tcptutor.tcp.Settings;
import tcptutor.tcp.State;
import tcptutor.tcp.TcbSnapshot;
import tcptutor.tcp.TcpTimer;
import tcptutor.tcp.Why;
import tcptutor.view.EventLines;
import tcptutor.wire.Checksum;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpOption;
import tcptutor.wire.TcpdumpLine;

/**
 * Explains one captured connection by replaying it through the engine: each side is an engine endpoint that takes
 * what its host sent from the capture and judges what reached it by the profile's rules (see {@link End}). After
 * every segment both sides' states are read off the endpoints; the notes come from the capture itself
 * ({@link Traffic}) and from the engine: state changes and drops with their rules, and the rule behind a reply the
 * engine predicted (a challenge ACK, a RST). Bytes the receiver ACKed that the capture never showed are called out and
 * fed to both endpoints, not guessed at.
 */
public final class Explainer {
    private final Settings settings;
    private final boolean absolute;

    /** {@code absolute}: sequence numbers as on the wire (tcpdump -S) rather than relative. */
    public Explainer(Settings settings, boolean absolute) {
        this.settings = settings;
        this.absolute = absolute;
    }

    /** Explains a connection; times count from {@code startMicros} (the capture's first frame). */
    public Explained explain(Conversation c, long startMicros) {
        End cl = new End("client", c.client(), c.server(), settings), sv = new End("server", c.server(), c.client(), settings);
        Traffic tr = new Traffic(absolute, settings.get(Knob.tcp_rto_min) * 1000);
        TcpdumpLine line = new TcpdumpLine(absolute);
        List<Explained.Row> rows = new ArrayList<>();
        for (CapturedPacket p : c.packets()) {
            boolean fc = c.fromClient(p);
            End x = fc ? cl : sv, y = fc ? sv : cl;
            Segment s = onWire(p);
            long t = p.timeMicros() - startMicros;
            cl.at(t, p.frame());
            sv.at(t, p.frame());
            List<String> notes = new ArrayList<>();
            if (rows.isEmpty()) notes.addAll(start(c, s, fc, cl, sv));
            notes.addAll(missed(x, y, s, tr, fc));
            boolean firstCopyLost = firstCopyLost(s, y, tr.dir(!fc));
            notes.addAll(tr.observe(p, s, fc, t));
            if (firstCopyLost) notes.add("the " + y.name + " has not acknowledged the first copy: it was lost after the capture point"
                    + " (then this copy is the first to arrive), or its ACK is still to come");
            End.Prediction answer = x.fulfils(s, p.frame());
            if (s.has(Flags.RST)) notes.add(reset(s, x, y, answer, tr.dir(fc)));
            else if (answer != null && notable(answer.why())) {
                notes.add("the " + x.name + "'s answer to frame " + answer.frame() + ": " + text(answer.why()));
            }
            x.sent(s);
            render(x, notes);
            if (p.checksumStatus() != Checksum.Status.BAD && !firstCopyLost) {
                y.arrive(s);
                render(y, notes);
            }
            rows.add(new Explained.Row(p.frame(), t, fc, line.tcp(p.src(), p.dst(), s, s.payloadLength()), cl.state(), sv.state(), notes));
        }
        return new Explained(c, rows, summary(cl, sv, tr));
    }

    /** The segment as it was sent: a capture cut short by its snap length still counts the bytes the IP header says were sent. */
    static Segment onWire(CapturedPacket p) {
        Segment s = p.segment();
        if (p.packet().ip() == null || p.packet().complete()) return s;
        int sent = Math.max(0, p.packet().ip().payloadLength() - 4 * s.dataOffset());
        if (sent <= s.payloadLength()) return s;
        byte[] data = java.util.Arrays.copyOf(s.payload(), sent);
        return new Segment(s.srcPort(), s.dstPort(), s.seq(), s.ack(), s.dataOffset(), s.flags(), s.window(), s.checksum(),
                s.urgentPointer(), s.options(), data);
    }

    // ---- the start: a listener, or a capture that begins late ----

    private List<String> start(Conversation c, Segment first, boolean fc, End cl, End sv) {
        int synAck = firstSynAck(c);
        if (first.has(Flags.SYN) && !first.has(Flags.ACK) && fc) {
            if (synAck != 0 || answersOtherThanRst(c)) sv.listen();
            sv.isn = synAck != 0 ? synAck : firstClientAck(c) - 1;
            return List.of();
        }
        if (first.has(Flags.SYN) && first.has(Flags.ACK) && !fc) {
            Segment syn = Segment.of(first.dstPort(), first.srcPort(), first.ack() - 1, 0, Flags.SYN, 65535, mirror(first), new byte[0]);
            cl.sent(syn);
            sv.listen();
            sv.isn = first.seq();
            sv.arrive(syn);
            cl.drain();
            sv.drain();
            sv.fulfils(first, Integer.MAX_VALUE);
            return List.of("the capture begins after the client's SYN: taken as sent (SEQ = this ACK - 1, with the options this SYN-ACK"
                    + " answers)");
        }
        Segment other = firstFrom(c, !fc);
        int ack = first.has(Flags.ACK) ? first.ack() : other != null ? other.seq() : 0;
        End x = fc ? cl : sv, y = fc ? sv : cl;
        x.join(first.seq(), ack);
        y.join(ack, first.seq());
        cl.drain();
        sv.drain();
        return List.of("the capture begins in the middle of the connection: both sides are taken as ESTABLISHED (window scaling"
                + " unknown, so windows are not judged)");
    }

    private static int firstSynAck(Conversation c) {
        for (CapturedPacket p : c.packets()) {
            Segment s = p.segment();
            if (!c.fromClient(p) && s.has(Flags.SYN) && s.has(Flags.ACK) && !s.has(Flags.RST)) return s.seq();
        }
        return 0;
    }

    private static boolean answersOtherThanRst(Conversation c) {
        for (CapturedPacket p : c.packets()) if (!c.fromClient(p) && !p.segment().has(Flags.RST)) return true;
        return false;
    }

    private static int firstClientAck(Conversation c) {
        for (CapturedPacket p : c.packets()) if (c.fromClient(p) && p.segment().has(Flags.ACK)) return p.segment().ack();
        return 1;
    }

    private static Segment firstFrom(Conversation c, boolean client) {
        for (CapturedPacket p : c.packets()) if (c.fromClient(p) == client) return p.segment();
        return null;
    }

    /** The options a SYN must have offered for this SYN-ACK (MSS, SACK, timestamps, window scale). */
    private static List<TcpOption> mirror(Segment synAck) {
        List<TcpOption> o = new ArrayList<>();
        synAck.option(TcpOption.Mss.class).ifPresent(o::add);
        if (synAck.option(TcpOption.SackPermitted.class).isPresent()) o.add(TcpOption.SACK_PERMITTED);
        synAck.option(TcpOption.Timestamps.class).ifPresent(ts -> o.add(new TcpOption.Timestamps(ts.ecr(), 0)));
        synAck.option(TcpOption.WindowScale.class).ifPresent(o::add);
        return o;
    }

    /**
     * A copy of bytes (or a SYN or FIN) the receiver's endpoint already took from an earlier copy, which the receiver never
     * acknowledged: the earlier copy was lost after the capture point, and this one is the first to arrive (the endpoint
     * took it already, so it is not delivered twice).
     */
    private static boolean firstCopyLost(Segment s, End y, Traffic.Dir yd) {
        if (s.len() == 0 || s.has(Flags.RST) || y.tcb == null) return false;
        State st = y.state();
        if (s.has(Flags.SYN) && !s.has(Flags.ACK)) return st == State.SYN_RECEIVED && !yd.sentSyn;
        if (!st.synchronized_() || st == State.TIME_WAIT) return false;
        return Seq.le(s.end(), y.tcb.snapshot().rcvNxt()) && !(yd.acked && Seq.ge(yd.lastAck, s.end()));
    }

    // ---- bytes the capture never showed ----

    private List<String> missed(End x, End y, Segment s, Traffic tr, boolean fc) {
        if (!s.has(Flags.ACK) || s.has(Flags.RST) || s.has(Flags.SYN) || x.tcb == null || !x.state().synchronized_()) return List.of();
        TcbSnapshot xs = x.tcb.snapshot();
        int from = xs.rcvNxt(), to = s.ack();
        if (!Seq.gt(to, from) || to - from > 1 << 30) return List.of();
        Traffic.Dir yd = tr.dir(!fc);
        List<String> notes = new ArrayList<>();
        for (int[] r : tr.unseen(yd, from, to)) {
            notes.add("the capture missed " + (r[1] - r[0]) + " bytes " + tr.range(yd, r[0], r[1]) + " that the " + x.name + " ACKed");
        }
        boolean small = to - from <= FEED_LIMIT;   // larger: the endpoints jump (Tcb.replaySent moves RCV.NXT and SND.NXT)
        if (y.tcb != null && y.state().synchronized_()) {
            TcbSnapshot ys = y.tcb.snapshot();
            if (Seq.gt(to, ys.sndNxt()) && Seq.ge(ys.sndNxt(), from)) {
                if (small) feed(y, ys.sndNxt(), to, ys.rcvNxt(), yd.lastWin, true);
                else feed(y, to - 1, to, ys.rcvNxt(), yd.lastWin, true);
            }
            if (small) feed(x, from, to, ys.rcvNxt(), yd.lastWin, false);
        } else if (small) {
            feed(x, from, to, 0, yd.lastWin, false);
        }
        tr.seen(yd, from, to);
        x.drain();
        y.drain();
        x.forgetCurrent();
        y.forgetCurrent();
        return notes;
    }

    /** Missed ranges up to this size are fed to the endpoints as stand-in segments. */
    static final int FEED_LIMIT = 1 << 20;

    /** Stand-in segments of the other side's bytes [from, to): taken as sent by {@code e} ({@code sent}) or as arriving at it. */
    private static void feed(End e, int from, int to, int ack, int window, boolean sent) {
        for (int a = from; Seq.lt(a, to); ) {
            int n = Math.min(to - a, 1 << 16);
            Segment s = Segment.of(sent ? e.me.port() : e.other.port(), sent ? e.other.port() : e.me.port(), a, ack, Flags.ACK,
                    window, List.of(), new byte[n]);
            if (sent) e.sent(s);
            else e.arrive(s);
            a += n;
        }
    }

    // ---- notes from the engine ----

    /** Which rule produced a RST: the engine's predicted reply if it made one, else what the RST's form says. */
    private String reset(Segment s, End x, End y, End.Prediction answer, Traffic.Dir xd) {
        String who = "RST from the " + x.name + ": ";
        if (answer != null) return who + text(answer.why()) + " (the answer to frame " + answer.frame() + ")";
        if (x.tcb == null || !x.state().synchronized_()) {
            return who + "it has no connection for the segment it answers [RFC 9293 3.10.7.1]";
        }
        TcbSnapshot xs = x.tcb.snapshot();
        if (Seq.lt(s.seq(), xs.sndUna()) || Seq.gt(s.seq(), xs.sndNxt())) {
            return who + "its SEQ is outside what the " + x.name + " has sent (SND.UNA..SND.NXT), so it is not a reset the " + x.name
                    + "'s TCP makes for this connection: a stale or forged RST. The " + y.name + " judges it by the RFC 5961 rules";
        }
        if (xd.probes > 0 && y.state().synchronized_()) {
            return who + "after " + xd.probes + " unanswered probe" + (xd.probes == 1 ? "" : "s") + " it gives the connection up"
                    + " (ETIMEDOUT) [RFC 9293 3.8.4; Linux tcp_keepalive_timer]";
        }
        if (s.has(Flags.ACK) && s.seq() == xs.sndNxt()) {
            return who + "an abortive close: its application reset the connection instead of closing it with a FIN: close() with "
                    + "SO_LINGER set to 0 s, or close() while received data was still unread. No FIN exchange and no TIME-WAIT follow"
                    + " [RFC 9293 3.10.5; RFC 2525 2.17; Linux tcp_close, tcp_disconnect]";
        }
        if (!s.has(Flags.ACK) && xd.finSeen) {
            return who + "its application had closed the socket (its FIN is frame " + xd.finFrame + "), so data arriving afterwards is"
                    + " answered with <SEQ=SEG.ACK><CTL=RST> and the connection is destroyed [RFC 9293 3.6.1; Linux tcp_rcv_state_process]";
        }
        if (!s.has(Flags.ACK)) {
            return who + "<SEQ=SEG.ACK><CTL=RST> answers a segment it would not take: e.g. data that arrived after its application"
                    + " closed the socket [RFC 9293 3.6.1], or a segment for a connection it no longer has [RFC 9293 3.10.7.1]";
        }
        return who + "it aborts the connection [RFC 9293 3.10.5]";
    }

    private void render(End e, List<String> notes) {
        for (End.Event ev : e.drain()) {
            if (ev.kind() == End.Kind.STATE) {
                notes.add(e.name + " " + ev.from() + " -> " + ev.to() + ": " + text(ev.why()));
                if (ev.to() == State.TIME_WAIT) notes.add(timeWait(e));
            } else if (notable(ev.why())) {
                notes.add(e.name + ": " + text(ev.why()));
            }
        }
    }

    private String timeWait(End e) {
        long len = settings.get(Knob.tcp_timewait_len);
        return "the " + e.name + " holds the connection in TIME-WAIT for " + len + " s ("
                + (settings.profile() == Profile.LINUX ? "Linux TCP_TIMEWAIT_LEN" : "2 MSL") + ") so that late segments die out and its last"
                + " ACK can be sent again if the FIN is repeated; then CLOSED [RFC 9293 3.6.1]";
    }

    /** An engine reason as a note: its text and, in brackets, its rule (the engine's own queue sizes left out). */
    private static String text(Why w) {
        String t = w.text().replaceAll(" \\(SYN queue \\d+/\\d+\\)", "");
        return w.rule().isEmpty() ? t : t + " [" + w.rule() + "]";
    }

    /** Routine replies (ordinary ACKs, data, the handshake) need no note; anything else the engine says does. */
    private static boolean notable(Why w) {
        String t = w.text();
        for (String routine : ROUTINE) if (t.startsWith(routine)) return false;
        return true;
    }

    private static final List<String> ROUTINE = List.of("SYN-ACK to a SYN on a listening port", "ACK of the peer's SYN",
            "ACK of data", "more than one full-sized segment", "delayed ACK timer", "ACK of the peer's FIN", "window update",
            "data the application", "the last data the application", "our FIN", "SYN: the application", "SYN-ACK acknowledges",
            "data queued for the application", "ACK of our data", "ACK with nothing new", "segment processed");

    // ---- the end ----

    private List<String> summary(End cl, End sv, Traffic tr) {
        List<String> out = new ArrayList<>();
        out.add("at the end of the capture: client " + ending(cl) + ", server " + ending(sv));
        List<String> seen = new ArrayList<>();
        int rtx = tr.client.retransmissions + tr.server.retransmissions;
        int dup = tr.client.dupAckTotal + tr.server.dupAckTotal;
        int probes = tr.client.probes + tr.server.probes;
        int off = tr.client.offloaded + tr.server.offloaded;
        int tso = tr.client.tso + tr.server.tso;
        if (rtx > 0) seen.add(rtx + " retransmission" + (rtx == 1 ? "" : "s"));
        if (dup > 0) seen.add(dup + " duplicate ACK" + (dup == 1 ? "" : "s"));
        if (probes > 0) seen.add(probes + " probe" + (probes == 1 ? "" : "s"));
        if (tr.client.gaps + tr.server.gaps > 0) seen.add((tr.client.gaps + tr.server.gaps) + " gap(s) in the capture");
        if (tso > 0) seen.add(tso + " segment" + (tso == 1 ? "" : "s") + " larger than the MSS (offload)");
        if (off > 0) seen.add(off + " offloaded checksum" + (off == 1 ? "" : "s"));
        if (!seen.isEmpty()) out.add("seen: " + String.join(", ", seen));
        return out;
    }

    private static String ending(End e) {
        State s = e.state();
        if (s == State.TIME_WAIT && e.tcb != null) {
            long d = e.tcb.timer(TcpTimer.TIME_WAIT);
            if (d >= 0) return "TIME-WAIT (until " + EventLines.seconds(d) + " s, then CLOSED)";
        }
        return s.toString();
    }
}
