package tcptutor.session;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import tcptutor.sim.Conn;
import tcptutor.sim.Reason;
import tcptutor.sim.Side;
import tcptutor.sim.Timer;
import tcptutor.sim.Trace;
import tcptutor.sim.TraceEvent;
import tcptutor.tcp.State;
import tcptutor.tcp.TcbSnapshot;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpOption;

/**
 * Your side as RFC 9293 would have it while you craft segments by hand (host "you" in raw mode): one TCB per
 * connection, moved by the segments you send and the segments that reach you. It does not answer anything — you
 * do — but it knows the numbers a correct TCP would use (assist mode fills them in) and appends your state changes
 * and your TIME-WAIT timer to the trace, so every view shows both sides.
 */
final class Shadow {
    static final int WINDOW = 64240, MSS = 1460;

    /** One connection of yours. Sequence numbers are ints compared with {@link Seq}. */
    static final class Tcb {
        State state = State.CLOSED;
        boolean issKnown, irsKnown, finSent, tsOn, peerTs, sackOn, peerSack;
        int iss, irs, sndUna, sndNxt, sndWnd, sndWl1, sndWl2, rcvNxt, finSeq, peerTsVal, peerWscale = -1, myWscale = -1;
        int peerMss = 536;
        long timeWaitDeadline = -1;

        TcbSnapshot snapshot() {
            boolean ws = peerWscale >= 0 && myWscale >= 0;
            return new TcbSnapshot(state, iss, irs, sndUna, sndNxt, sndWnd, sndWl1, sndWl2, rcvNxt, WINDOW,
                    ws ? peerWscale : 0, ws ? myWscale : 0, peerMss, tsOn && peerTs, sackOn && peerSack, 0, 0, 0);
        }
    }

    private final Trace trace;
    private final Random isn;
    private final long twoMslMicros;
    private final Map<Conn, Tcb> tcbs = new LinkedHashMap<>();
    private final Map<Integer, Segment> sent = new HashMap<>();
    private final Map<Integer, Side> senders = new HashMap<>();
    private boolean active = true;
    private Conn last;

    private Long firstIss;

    /** {@code firstIss}: the ISN assist gives your first SYN (null: seeded random). */
    Shadow(Trace trace, long seed, long twoMslMicros, Long firstIss) {
        this.trace = trace;
        this.firstIss = firstIss;
        this.isn = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        this.twoMslMicros = twoMslMicros;
        trace.listen(this::onEvent);
    }

    /** Off once your side runs a real stack. */
    void active(boolean on) { active = on; }

    boolean active() { return active; }

    /** The TCB for this connection, created CLOSED if new. */
    Tcb tcb(Conn c) { return tcbs.computeIfAbsent(c, k -> new Tcb()); }

    /** The TCB if it exists. */
    Tcb find(Conn c) { return tcbs.get(c); }

    /** The connection you used last (sent or received on), or null. */
    Conn last() { return last; }

    Map<Conn, Tcb> all() { return tcbs; }

    /** A fresh initial sequence number, as a TCP picks one (seeded). */
    int newIss() {
        if (firstIss != null) {
            int v = (int) (long) firstIss;
            firstIss = null;
            return v;
        }
        return isn.nextInt();
    }

    /** The earliest TIME-WAIT deadline of yours, or -1. */
    long nextDeadline() {
        long min = -1;
        for (Tcb t : tcbs.values()) if (t.timeWaitDeadline >= 0 && (min < 0 || t.timeWaitDeadline < min)) min = t.timeWaitDeadline;
        return min;
    }

    /** Ends every TIME-WAIT whose 2MSL ran out by {@code now}. */
    void expire(long now) {
        for (Map.Entry<Conn, Tcb> e : tcbs.entrySet()) {
            Tcb t = e.getValue();
            if (t.timeWaitDeadline >= 0 && t.timeWaitDeadline <= now) {
                t.timeWaitDeadline = -1;
                trace.append(new TraceEvent.TimerChanged(now, Side.YOU, e.getKey(), Timer.TIME_WAIT, TraceEvent.TimerAction.FIRED, now));
                enter(now, e.getKey(), t, State.CLOSED, "2MSL passed: TIME-WAIT ends, the TCB is deleted", "RFC 9293 3.10.8");
            }
        }
    }

    private void onEvent(TraceEvent e) {
        if (e instanceof TraceEvent.Sent s) {
            sent.put(s.id(), s.segment());
            senders.put(s.id(), s.from());
            if (active && s.from() == Side.YOU) onSend(s.at(), s.segment());
        } else if (e instanceof TraceEvent.Delivered d && active && d.to() == Side.YOU && senders.get(d.id()) == Side.PEER) {
            onArrive(d.at(), sent.get(d.id()));
        }
    }

    private void enter(long at, Conn c, Tcb t, State to, String why, String rule) {
        if (t.state == to) return;
        State from = t.state;
        t.state = to;
        trace.append(new TraceEvent.StateChanged(at, Side.YOU, c, from, to, Reason.of(why, rule)));
    }

    private void timeWait(long at, Conn c, Tcb t, String why) {
        enter(at, c, t, State.TIME_WAIT, why, "RFC 9293 3.10.7.4");
        t.timeWaitDeadline = at + twoMslMicros;
        trace.append(new TraceEvent.TimerChanged(at, Side.YOU, c, Timer.TIME_WAIT, TraceEvent.TimerAction.ARMED, t.timeWaitDeadline));
    }

    /** A segment you put on the link: your send variables and the states a send moves you to. */
    private void onSend(long at, Segment s) {
        Conn c = new Conn(s.srcPort(), s.dstPort());
        last = c;
        Tcb t = tcb(c);
        if (s.has(Flags.RST)) {
            t.timeWaitDeadline = -1;
            enter(at, c, t, State.CLOSED, "you sent a RST: the connection is aborted", "RFC 9293 3.10.5 ABORT");
            return;
        }
        if (s.has(Flags.SYN)) {
            boolean fresh = t.state == State.CLOSED || t.state == State.TIME_WAIT || !t.issKnown;
            if (fresh || t.state == State.SYN_SENT && s.has(Flags.ACK)) {
                t.iss = s.seq();
                t.issKnown = true;
                t.sndUna = s.seq();
                t.sndNxt = s.seq();
                t.finSent = false;
                t.tsOn = s.option(TcpOption.Timestamps.class).isPresent();
                t.sackOn = s.option(TcpOption.SackPermitted.class).isPresent();
                t.myWscale = s.option(TcpOption.WindowScale.class).map(TcpOption.WindowScale::shift).orElse(-1);
            }
            if (!s.has(Flags.ACK) && (t.state == State.CLOSED || t.state == State.TIME_WAIT)) {
                t.irsKnown = false;
                t.timeWaitDeadline = -1;
                enter(at, c, t, State.SYN_SENT, "you sent a SYN: active OPEN", "RFC 9293 3.10.1");
            } else if (s.has(Flags.ACK) && t.irsKnown && (t.state == State.CLOSED || t.state == State.LISTEN)) {
                enter(at, c, t, State.SYN_RECEIVED, "you answered the peer's SYN with SYN,ACK", "RFC 9293 3.10.7.2");
            }
        }
        if (Seq.le(s.seq(), t.sndNxt) && Seq.gt(s.end(), t.sndNxt)) t.sndNxt = s.end();
        if (s.has(Flags.FIN) && !t.finSent && t.state.synchronized_()) {
            t.finSent = true;
            t.finSeq = s.seq() + s.payloadLength();
            switch (t.state) {
                // CLOSE in ESTABLISHED or SYN-RECEIVED: queue a FIN, enter FIN-WAIT-1 (3.10.4)
                case ESTABLISHED, SYN_RECEIVED -> enter(at, c, t, State.FIN_WAIT_1, "you sent a FIN: CLOSE", "RFC 9293 3.10.4");
                // CLOSE in CLOSE-WAIT: send FIN, enter LAST-ACK (3.10.4)
                case CLOSE_WAIT -> enter(at, c, t, State.LAST_ACK, "you sent your FIN after the peer's: CLOSE", "RFC 9293 3.10.4");
                default -> { }
            }
        }
    }

    /** A segment from the peer reached you: the RFC 9293 3.10.7 checks, in order, as far as states go. */
    private void onArrive(long at, Segment s) {
        Conn c = new Conn(s.dstPort(), s.srcPort());
        last = c;
        Tcb t = tcb(c);
        s.option(TcpOption.Timestamps.class).ifPresent(ts -> t.peerTsVal = ts.val());
        switch (t.state) {
            // CLOSED (no TCB): you decide; a SYN is remembered so 'synack' can answer it (3.10.7.1)
            case CLOSED, LISTEN -> {
                if (s.has(Flags.SYN) && !s.has(Flags.ACK) && !s.has(Flags.RST)) {
                    learnPeer(t, s);
                }
            }
            // SYN-SENT: first the ACK, then RST, then SYN (3.10.7.3)
            case SYN_SENT -> synSent(at, c, t, s);
            default -> synchronizedArrival(at, c, t, s);
        }
    }

    private static void learnPeer(Tcb t, Segment s) {
        t.irs = s.seq();
        t.irsKnown = true;
        t.rcvNxt = s.seq() + 1;
        t.sndWnd = s.window();
        t.peerTs = s.option(TcpOption.Timestamps.class).isPresent();
        t.peerSack = s.option(TcpOption.SackPermitted.class).isPresent();
        t.peerWscale = s.option(TcpOption.WindowScale.class).map(TcpOption.WindowScale::shift).orElse(-1);
        t.peerMss = s.option(TcpOption.Mss.class).map(TcpOption.Mss::mss).orElse(536);
    }

    private void synSent(long at, Conn c, Tcb t, Segment s) {
        boolean ackOk = s.has(Flags.ACK) && Seq.lt(t.iss, s.ack()) && Seq.le(s.ack(), t.sndNxt);
        if (s.has(Flags.ACK) && !ackOk) return; // unacceptable ACK: a TCP would answer <SEQ=SEG.ACK><CTL=RST>
        if (s.has(Flags.RST)) {
            if (ackOk) enter(at, c, t, State.CLOSED, "RST,ACK for your SYN: connection refused", "RFC 9293 3.10.7.3");
            return;
        }
        if (!s.has(Flags.SYN)) return;
        learnPeer(t, s);
        if (ackOk) {
            t.sndUna = s.ack();
            t.sndWl1 = s.seq();
            t.sndWl2 = s.ack();
            enter(at, c, t, State.ESTABLISHED, "SYN,ACK acknowledges your SYN; your ACK is due", "RFC 9293 3.10.7.3");
        } else {
            enter(at, c, t, State.SYN_RECEIVED, "a SYN crossed yours (simultaneous open); answer with SYN,ACK", "RFC 9293 3.10.7.3");
        }
    }

    private void synchronizedArrival(long at, Conn c, Tcb t, Segment s) {
        int wnd = WINDOW;
        boolean inWindow = Seq.le(t.rcvNxt, s.seq()) && Seq.lt(s.seq(), t.rcvNxt + wnd)
                || s.len() > 0 && Seq.le(t.rcvNxt, s.end() - 1) && Seq.lt(s.end() - 1, t.rcvNxt + wnd)
                || s.len() == 0 && s.seq() == t.rcvNxt;
        if (s.has(Flags.RST)) {
            if (inWindow) {
                t.timeWaitDeadline = -1;
                enter(at, c, t, State.CLOSED, "RST from the peer: the connection is reset", "RFC 9293 3.10.7.4");
            }
            return;
        }
        if (!inWindow || s.has(Flags.SYN) || !s.has(Flags.ACK)) return; // a TCP would answer with an ACK
        if (t.state == State.SYN_RECEIVED) {
            if (!(Seq.lt(t.sndUna, s.ack()) && Seq.le(s.ack(), t.sndNxt))) return;
            enter(at, c, t, State.ESTABLISHED, "the peer ACKed your SYN,ACK", "RFC 9293 3.10.7.4");
        }
        if (Seq.lt(t.sndUna, s.ack()) && Seq.le(s.ack(), t.sndNxt)) {
            t.sndUna = s.ack();
        }
        if (Seq.lt(t.sndWl1, s.seq()) || t.sndWl1 == s.seq() && Seq.le(t.sndWl2, s.ack())) {
            t.sndWnd = s.window() << Math.max(0, t.peerWscale >= 0 && t.myWscale >= 0 ? t.peerWscale : 0);
            t.sndWl1 = s.seq();
            t.sndWl2 = s.ack();
        }
        boolean finAcked = t.finSent && Seq.ge(s.ack(), t.finSeq + 1);
        switch (t.state) {
            // FIN-WAIT-1: our FIN acknowledged -> FIN-WAIT-2
            case FIN_WAIT_1 -> { if (finAcked) enter(at, c, t, State.FIN_WAIT_2, "the peer ACKed your FIN", "RFC 9293 3.10.7.4"); }
            // CLOSING: our FIN acknowledged -> TIME-WAIT
            case CLOSING -> { if (finAcked) timeWait(at, c, t, "the peer ACKed your FIN; both FINs are acknowledged"); }
            // LAST-ACK: our FIN acknowledged -> CLOSED
            case LAST_ACK -> {
                if (finAcked) {
                    enter(at, c, t, State.CLOSED, "the peer ACKed your FIN: the connection is closed", "RFC 9293 3.10.7.4");
                    return;
                }
            }
            default -> { }
        }
        if (s.payloadLength() > 0 && s.seq() == t.rcvNxt && (t.state == State.ESTABLISHED || t.state == State.FIN_WAIT_1
                || t.state == State.FIN_WAIT_2)) {
            t.rcvNxt += s.payloadLength();
        }
        if (s.has(Flags.FIN) && s.seq() + s.payloadLength() == t.rcvNxt) {
            t.rcvNxt += 1;
            switch (t.state) {
                // ESTABLISHED: the peer's FIN -> CLOSE-WAIT (eighth step, check the FIN bit)
                case ESTABLISHED -> enter(at, c, t, State.CLOSE_WAIT, "the peer's FIN arrived; ACK it, then close with 'fin'", "RFC 9293 3.10.7.4");
                // FIN-WAIT-1: FIN before the ACK of ours -> CLOSING
                case FIN_WAIT_1 -> enter(at, c, t, State.CLOSING, "the peer's FIN crossed yours (simultaneous close); ACK it", "RFC 9293 3.10.7.4");
                // FIN-WAIT-2: FIN -> TIME-WAIT, start the 2MSL timer
                case FIN_WAIT_2 -> timeWait(at, c, t, "the peer's FIN arrived; ACK it, then wait 2MSL");
                // TIME-WAIT: a retransmitted FIN restarts 2MSL
                case TIME_WAIT -> {
                    t.timeWaitDeadline = at + twoMslMicros;
                    trace.append(new TraceEvent.TimerChanged(at, Side.YOU, c, Timer.TIME_WAIT, TraceEvent.TimerAction.ARMED, t.timeWaitDeadline));
                }
                default -> { }
            }
        }
    }
}
