package tcptutor.tcp;

import static tcptutor.wire.Flags.ACK;
import static tcptutor.wire.Flags.FIN;
import static tcptutor.wire.Flags.PSH;
import static tcptutor.wire.Flags.RST;
import static tcptutor.wire.Flags.SYN;

import java.util.ArrayList;
import java.util.List;
import tcptutor.wire.Segment;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpOption;

/** What goes out: segment building, options, data segmentation (MSS, windows, Nagle), retransmission, RTO. */
abstract class Sender extends TcbState {
    private static final byte[] NONE = new byte[0];

    Sender(Stack stack) { super(stack); }

    // ---- building segments ----

    final Segment build(int seq, int flags, List<TcpOption> options, byte[] payload) {
        int win = (flags & SYN) != 0 ? Math.min(rcvSpace, 65535) : windowField();
        return Segment.of(localPort, remotePort, seq, (flags & ACK) != 0 ? rcvNxt : 0, flags, win, options, payload);
    }

    /** Options on a non-SYN segment: nop,nop,TS when negotiated, then nop,nop,SACK blocks (Linux tcp_options_write). */
    final List<TcpOption> options() {
        boolean sack = sackOk && (hasDsack || !ooo.isEmpty());
        if (!tsOk && !sack) return List.of();
        List<TcpOption> o = new ArrayList<>(6);
        if (tsOk) {
            o.add(TcpOption.NOP);
            o.add(TcpOption.NOP);
            o.add(new TcpOption.Timestamps(tsNow(), tsRecent));
        }
        if (sack) {
            List<TcpOption.SackBlock> blocks = new ArrayList<>(4);
            if (hasDsack) blocks.add(new TcpOption.SackBlock(dsackLeft, dsackRight));
            int max = tsOk ? 3 : 4;
            for (long[] b : sackBlocks()) {
                if (blocks.size() >= max) break;
                blocks.add(new TcpOption.SackBlock((int) b[0], (int) b[1]));
            }
            hasDsack = false;
            o.add(TcpOption.NOP);
            o.add(TcpOption.NOP);
            o.add(new TcpOption.Sack(blocks));
        }
        return o;
    }

    /**
     * The SACK blocks for the out-of-order data held: touching or overlapping segments make one block; the block
     * with the latest arrival comes first (RFC 2018 4; Linux tcp_sack_new_ofo_skb). Each is {left, right, arrival}.
     */
    private List<long[]> sackBlocks() {
        List<long[]> merged = new ArrayList<>();
        for (Ooo o : ooo) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && Seq.ge((int) last[1], o.seq())) {
                if (Seq.gt(o.end(), (int) last[1])) last[1] = o.end();
                last[2] = Math.max(last[2], o.arrival());
            } else {
                merged.add(new long[]{o.seq(), o.end(), o.arrival()});
            }
        }
        merged.sort((a, b) -> Long.compare(b[2], a[2]));
        return merged;
    }

    /**
     * SYN / SYN-ACK options in Linux order (tcp_options_write): mss, then sackOK+TS or nop,nop,TS or nop,nop,sackOK,
     * then nop,wscale. A SYN-ACK carries only what the SYN offered (RFC 7323 2.2, RFC 2018 2).
     */
    final List<TcpOption> synOptions(boolean ts, boolean sack, boolean ws, int tsEcr) {
        List<TcpOption> o = new ArrayList<>(7);
        o.add(new TcpOption.Mss(advMss));
        if (ts) {
            if (sack) o.add(TcpOption.SACK_PERMITTED);
            else { o.add(TcpOption.NOP); o.add(TcpOption.NOP); }
            o.add(new TcpOption.Timestamps(tsNow(), tsEcr));
        } else if (sack) {
            o.add(TcpOption.NOP);
            o.add(TcpOption.NOP);
            o.add(TcpOption.SACK_PERMITTED);
        }
        if (ws) {
            o.add(TcpOption.NOP);
            o.add(new TcpOption.WindowScale(ourWscale()));
        }
        return o;
    }

    final void transmit(Segment s, Why why) {
        reacted = true;
        if (s.has(ACK)) ackSent();
        env.transmit(s, why);
    }

    /** Any segment carrying ACK=RCV.NXT acknowledges everything: no ACK is pending any more. */
    final void ackSent() {
        pushed = false;
        if (ackPending) {
            ackPending = false;
            cancel(TcpTimer.DELAYED_ACK);
        }
        if (!linux) {
            if (quickAcks > 0 && rcvNxt != rcvWup) quickAcks--;
        } else if (quickAcks > 0 && ackScheduled && --quickAcks == 0) {
            ato = cfg.get(Knob.tcp_delack_min) * 1000;   // tcp_dec_quickack_mode: an ACK owed for data uses one credit
        }
        ackScheduled = false;
        if (frozenWnd >= 0) {
            rcvWup = rcvNxt;
            rcvAdvWnd = frozenWnd;
        } else if (linux) {
            if (state == State.SYN_RECEIVED && passive) return;
            rcvAdvWnd = selectWindow();
            rcvWup = rcvNxt;
        } else {
            int w = windowField();
            rcvWup = rcvNxt;
            rcvAdvWnd = w << rcvWscale;
        }
    }

    /** ACK-now: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (RFC 9293 3.10.7.4). */
    final void sendAck(Why why) { transmit(build(sndNxt, ACK, options(), NONE), why); }

    /** Challenge ACK (RFC 5961 3.2, 4.2, 5.2): an ACK-now, at most one per tcp_invalid_ratelimit ms. */
    final void challengeAck(Why why) {
        if (rateLimited()) {
            handled(Why.of(why.text() + "; challenge ACK suppressed: one was sent less than "
                    + cfg.get(Knob.tcp_invalid_ratelimit) + " ms ago", "RFC 5961 7; Linux tcp_invalid_ratelimit"));
            return;
        }
        if (!stack.challengeAllowed()) {
            handled(Why.of(why.text() + "; challenge ACK suppressed by the host-wide limit", "Linux tcp_challenge_ack_limit"));
            return;
        }
        sendAck(Why.of(why.text() + ": challenge ACK", why.rule()));
    }

    /** A duplicate ACK for an out-of-window segment; pure ACKs are rate limited (Linux tcp_oow_rate_limited). */
    final void oowAck(Segment s, Why why) {
        boolean pure = s.len() == 0 || s.has(SYN);
        if (linux && pure && rateLimited()) {
            handled(Why.of(why.text() + "; ACK suppressed: rate limit " + cfg.get(Knob.tcp_invalid_ratelimit) + " ms",
                    "Linux tcp_oow_rate_limited"));
            return;
        }
        sendAck(why);
    }

    private boolean rateLimited() {
        long limit = cfg.get(Knob.tcp_invalid_ratelimit) * 1000;
        long t = now();
        if (lastOowAck != Long.MIN_VALUE && t - lastOowAck >= 0 && t - lastOowAck < limit) return true;
        lastOowAck = t;
        return false;
    }

    final void sendSyn(Why why) {
        boolean ts = cfg.get(Knob.tcp_timestamps) != 0, sack = cfg.get(Knob.tcp_sack) != 0;
        boolean ws = cfg.get(Knob.tcp_window_scaling) != 0;
        transmit(build(iss, SYN, synOptions(ts, sack, ws, 0), NONE), why);
    }

    final void sendSynAck(Why why) {
        transmit(build(iss, SYN | ACK, synOptions(tsOk, sackOk, wsOk, offeredTsVal), NONE), why);
    }

    /** Local abort (Linux tcp_send_active_reset): <SEQ=SND.NXT><ACK=RCV.NXT><CTL=RST,ACK>, normal window. */
    final void sendActiveReset(Why why) { transmit(build(sndNxt, RST | ACK, tsOk ? options() : List.of(), NONE), why); }

    // ---- data ----

    final int flight() { return sndNxt - sndUna; }

    /** Our FIN has been sent (it occupies finSeq). */
    final boolean finSent() { return finQueued && Seq.gt(sndNxt, finSeq); }

    /** Sends what the windows, cwnd and Nagle allow, then the FIN once all data is out. */
    final void output() {
        if (!(state == State.ESTABLISHED || state == State.CLOSE_WAIT || state == State.FIN_WAIT_1
                || state == State.CLOSING || state == State.LAST_ACK)) return;
        int chunkLeft = 0, chunkSent = 0;
        while (true) {
            boolean rtx = Seq.lt(rtxNxt, sndNxt);
            int from = rtx ? rtxNxt : sndNxt;
            int limit = rtx ? (finSent() ? finSeq : sndNxt) : writeSeq;
            int avail = Seq.lt(from, limit) ? limit - from : 0;
            boolean finPossible = finQueued && (rtx == finSent());
            if (avail == 0 && !(finPossible && from == finSeq)) break;
            int n = Math.min(avail, linux && rtx ? rtxLength(from) : sndMss);
            if (avail > 0) {
                int wndLeft = sndUna + sndWnd - from;
                int cwndLeft = cwnd * sndMss - (from - sndUna);
                int room = Math.min(wndLeft, cwndLeft);
                if (room <= 0) {
                    if (!rtx && wndLeft <= 0 && flight() == 0) armPersist();
                    break;
                }
                if (n > room) {
                    if (room < sndMss && flight() > 0) break;   // wait for a full segment (sender SWS avoidance, RFC 9293 3.8.6.2.1)
                    n = room;
                }
                if (!rtx && n < sndMss && n == avail && !finPossible && !nagleOff && nagleHolds()) break;
            }
            int end = from + n;
            boolean fin = finPossible && end == finSeq;
            byte[] data = n == 0 ? NONE : new byte[n];
            if (n > 0) sndBuf.copy(from - sndBufSeq, data, 0, n);
            boolean chunkEnd = false;
            if (linux && !rtx && n > 0) {
                if (chunkLeft == 0) {
                    chunkLeft = chunkSegments();
                    chunkSent = 0;
                }
                chunkSent++;
                chunkLeft--;
                chunkEnd = chunkSent >= 2 && (chunkLeft == 0 || !moreFits(end));
                if (chunkEnd) chunkLeft = 0;
            }
            boolean writeEnd = !rtx && push(from, end);
            boolean psh = rtx ? pushedBefore(from, end) : writeEnd || chunkEnd;
            if (writeEnd) pshSent.addLast(end);     // a burst's PSH is not kept by a retransmission (measured)
            if (!rtx && n > 0) segEnds.addLast(end);
            int flags = ACK | (fin ? FIN : 0) | (psh ? PSH : 0);
            Why why = rtx ? RETRANSMIT : n == 0 ? (orphaned ? FIN_CLOSE : FIN_SHUTDOWN) : fin ? DATA_FIN : DATA;
            Segment s = build(from, flags, options(), data);
            int newEnd = end + (fin ? 1 : 0);
            if (!rtx) lastSegStart = from;
            if (rtx) {
                rtxNxt = newEnd;
            } else {
                if (rttStart < 0) { rttStart = now(); rttSeq = newEnd; }
                if (n > 0 && n < sndMss) { sndSmlEnd = end; sndSml = true; }
                sndNxt = newEnd;
                rtxNxt = sndNxt;
            }
            transmit(s, why);
            if (linux && sackOk && n > 0) {
                if (rtx) rack.resent(from, end, now());
                else rack.sentNew(from, end, now());
            }
            // Linux tcp_event_data_sent: data sent within ATO of data received is a reply: ping-pong mode
            if (linux && !rtx && n > 0 && lrcvTime >= 0 && now() - lrcvTime < ato) pingpong = true;
            if (!armed(TcpTimer.RETRANSMISSION) || (!rtx && probePending)) armRetransmission();
            if (armed(TcpTimer.PERSIST)) cancel(TcpTimer.PERSIST);
            if (fin || (nagleOff && !rtx)) break;
        }
    }

    /** Set while a tail loss probe sends one segment of new data whatever Nagle says (tcp_write_xmit, TCP_NAGLE_OFF). */
    private boolean nagleOff;

    /**
     * How much a retransmission from {@code from} carries: the segment sent there, with the following ones
     * collapsed into it while they all fit one MSS (Linux tcp_retransmit_skb, tcp_retrans_try_collapse).
     */
    final int rtxLength(int from) {
        while (!segEnds.isEmpty() && Seq.le(segEnds.peekFirst(), sndUna)) segEnds.pollFirst();
        int end = from;
        for (int e : segEnds) {
            if (Seq.le(e, from)) continue;
            if (end != from && e - from > sndMss) break;
            end = e;
            if (e - from >= sndMss) break;
        }
        return end == from ? sndMss : Math.min(end - from, sndMss);
    }

    private static final Why RETRANSMIT = Why.of("retransmission after a timeout (go-back-N from SND.UNA)", "RFC 6298 5.4; RFC 9293 3.8.1");
    private static final Why FIN_CLOSE = Why.of("our FIN: the application called close()", "RFC 9293 3.10.4");
    private static final Why FIN_SHUTDOWN = Why.of("our FIN: the application shut down its sending side", "RFC 9293 3.10.4");
    private static final Why DATA = Why.of("data the application wrote (at most one MSS per segment; PSH marks the end of a write)",
            "RFC 9293 3.10.2, 3.7.1");
    private static final Why DATA_FIN = Why.of("the last data the application wrote, with our FIN (close or shutdown came after it)",
            "RFC 9293 3.10.2, 3.10.4");

    /**
     * Linux sends new data in TSO-sized bursts (tcp_write_xmit with tcp_tso_autosize, at most half the cwnd,
     * tcp_cwnd_test); on packetdrill's tun device each burst is cut into MSS segments by software GSO, and the
     * last segment of a burst of two or more carries PSH. The burst size follows the pacing rate, 2 * cwnd / SRTT:
     * measured on Linux 6.18, 2 segments at SRTT >= 10 ms, 3 at 7-9 ms, 4 at 6 ms, 5 (half of IW10) below.
     */
    private int chunkSegments() {
        int inFlight = (flight() + sndMss - 1) / Math.max(sndMss, 1);
        int quota = Math.max(Math.min(Math.max(cwnd / 2, 1), cwnd - inFlight), 1);
        long n = srtt <= 0 ? Integer.MAX_VALUE : 2_780L * cwnd / srtt;   // srtt in µs: 27.8 / SRTT ms for IW10
        return (int) Math.min(Math.max(n, 2), quota);
    }

    /** Whether another new-data segment could follow one ending at {@code end} in this burst. */
    private boolean moreFits(int end) {
        int avail = writeSeq - end;
        int wndLeft = sndUna + sndWnd - end;
        int cwndLeft = cwnd * sndMss - (end - sndUna);
        return avail > 0 && Math.min(wndLeft, cwndLeft) >= Math.min(avail, sndMss);
    }

    /** Nagle (RFC 9293 3.7.4): hold a small segment while data is unacknowledged. Linux holds it only while
     *  an earlier small segment is unacknowledged (Minshall, tcp_nagle_check). TCP_NODELAY turns it off. */
    private boolean nagleHolds() {
        if (nodelay || flight() == 0) return false;
        return !linux || (sndSml && Seq.gt(sndSmlEnd, sndUna));
    }

    /** A retransmission covering (from, end] keeps the PSH of the segments it repeats (Linux resends the skb). */
    final boolean pushedBefore(int from, int end) {
        while (!pshSent.isEmpty() && Seq.le(pshSent.peekFirst(), sndUna)) pshSent.pollFirst();
        for (int m : pshSent) if (Seq.gt(m, from) && Seq.le(m, end)) return true;
        return false;
    }

    /** PSH on the segment that carries the end of an application write (RFC 9293 3.9.1.2). */
    private boolean push(int from, int end) {
        boolean p = false;
        while (!pushMarks.isEmpty() && Seq.le(pushMarks.peekFirst(), end)) {
            if (Seq.gt(pushMarks.pollFirst(), from)) p = true;
        }
        return p;
    }

    final void armPersist() {
        if (armed(TcpTimer.PERSIST)) return;
        long t = Math.min(rto << Math.min(persistProbes, 20), cfg.get(Knob.tcp_rto_max) * 1000);
        arm(TcpTimer.PERSIST, now() + t);
    }

    /** Zero-window probe: <SEQ=SND.UNA-1>, no data (Linux tcp_xmit_probe_skb). */
    final void sendProbe(Why why) { transmit(build(sndUna - 1, ACK, options(), NONE), why); }

    // ---- RTO (RFC 6298) and Linux's tail loss probe (RFC 8985 7) ----

    /**
     * Arms the retransmission timer. Linux first sends a tail loss probe after 2*SRTT (+ tcp_rto_min when one
     * segment is out) on a SACK connection that is not recovering; the RTO otherwise (tcp_schedule_loss_probe).
     */
    final void armRetransmission() {
        if (flight() == 0) return;
        reoPending = false;
        if (linux && sackOk && state == State.ESTABLISHED && !tlpOutstanding && retransmits == 0 && dupAcks < 3) {
            long pto = srtt < 0 ? 1_000_000L : 2 * srtt + (flight() <= sndMss ? cfg.get(Knob.tcp_rto_min) * 1000 : 2_000);
            probePending = true;
            arm(TcpTimer.RETRANSMISSION, now() + Math.min(pto, rto));
            return;
        }
        probePending = false;
        arm(TcpTimer.RETRANSMISSION, now() + rto);
    }

    /** The tail loss probe: new data if the window allows, else the last segment again; then the RTO. */
    final void sendLossProbe() {
        probePending = false;
        int before = sndNxt;
        if (Seq.lt(sndNxt, writeSeq) && sndUna + sndWnd - sndNxt > 0) {
            nagleOff = true;              // tcp_send_loss_probe: new data, one segment, Nagle off
            try { output(); } finally { nagleOff = false; }
        }
        if (sndNxt == before) {
            int from = Seq.lt(lastSegStart, sndUna) || Seq.ge(lastSegStart, sndNxt) ? sndUna : lastSegStart;
            boolean fin = finSent();
            int dataEnd = fin ? finSeq : sndNxt;
            int n = Seq.lt(from, dataEnd) ? Math.min(dataEnd - from, sndMss) : 0;
            byte[] data = new byte[n];
            if (n > 0) sndBuf.copy(from - sndBufSeq, data, 0, n);
            boolean withFin = fin && from + n == finSeq;
            transmit(build(from, ACK | (withFin ? FIN : 0) | (pushedBefore(from, from + n) ? PSH : 0), options(), data),
                    Why.of("tail loss probe: the last segment again, 2 RTT after it went unacknowledged", "RFC 8985 7; Linux tcp_send_loss_probe"));
        }
        tlpOutstanding = true;
        tlpHighSeq = sndNxt;
        probePending = false;
        arm(TcpTimer.RETRANSMISSION, now() + rto);
    }

    // ---- RTO (RFC 6298) ----

    final void rttSample(long r) {
        rack.rtt(r);
        if (srtt < 0) {
            srtt = r;
            rttvar = r / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
            srtt = (7 * srtt + r) / 8;
        }
        long min = cfg.get(Knob.tcp_rto_min) * 1000;
        long v = linux ? srtt + Math.max(4 * rttvar, min) : Math.max(min, srtt + Math.max(1000, 4 * rttvar));
        rto = Math.min(v, cfg.get(Knob.tcp_rto_max) * 1000);
    }

    final void backoff() { rto = Math.min(rto * 2, cfg.get(Knob.tcp_rto_max) * 1000); }
}
