package tcptutor.tcp;

import static tcptutor.wire.Flags.ACK;
import static tcptutor.wire.Flags.FIN;
import static tcptutor.wire.Flags.RST;
import static tcptutor.wire.Flags.SYN;

import tcptutor.wire.Segment;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpOption;

/** SEGMENT ARRIVES (RFC 9293 3.10.7), one method per state family, checks in the RFC's order. */
abstract class Arrivals extends Opening {
    Arrivals(Stack stack) { super(stack); }

    private static final Why DATA_QUEUED = Why.of("data queued for the application; its ACK waits for the delayed-ACK timer",
            "RFC 9293 3.8.6.3; Linux tcp_send_delayed_ack");
    private static final Why ACK_ADVANCED = Why.of("ACK of our data: SND.UNA advances; nothing needs sending now",
            "RFC 9293 3.10.7.4 fifth");
    private static final Why ACK_NOTHING_NEW = Why.of("ACK with nothing new (a duplicate or a window update): no reply is due",
            "RFC 9293 3.10.7.4 fifth; RFC 5681 3.2");
    private static final Why QUIET = Why.of("segment processed; no reply is due", "RFC 9293 3.10.7");

    /** SEGMENT ARRIVES: every segment ends in a reply, a state change, or a recorded reason for the silence. */
    final void segmentArrives(Segment s) {
        if (state == State.LISTEN || state == State.CLOSED) {
            dispatch(s);
            return;
        }
        reacted = false;
        int una = sndUna, nxt = rcvNxt;
        dispatch(s);
        if (!reacted) {
            env.handled(rcvNxt != nxt ? DATA_QUEUED : sndUna != una ? ACK_ADVANCED : s.has(ACK) ? ACK_NOTHING_NEW : QUIET);
        }
    }

    private void dispatch(Segment s) {
        switch (state) {
            case CLOSED -> stack.closedArrives(s);                       // 3.10.7.1: no TCB
            case LISTEN -> listen.arrives(s, 0, false);                  // 3.10.7.2
            case SYN_SENT -> synSentArrives(s);                          // 3.10.7.3
            case SYN_RECEIVED -> {                                       // Linux: a request sock (tcp_check_req)
                if (passive && linux) requestArrives(s);
                else synchronizedArrives(s);
            }
            case FIN_WAIT_2 -> {                                         // Linux: orphaned FIN-WAIT-2 is a mini socket
                if (frozenWnd >= 0) finWait2MiniArrives(s);
                else synchronizedArrives(s);
            }
            case TIME_WAIT -> timeWaitArrives(s);                        // Linux tcp_timewait_state_process
            default -> synchronizedArrives(s);                           // 3.10.7.4
        }
    }

    // ---- synchronized states (3.10.7.4; Linux tcp_validate_incoming, tcp_ack, tcp_rcv_state_process) ----

    final void synchronizedArrives(Segment s) {
        if (!s.has(ACK) && !s.has(RST) && !s.has(SYN)) {
            handled(Why.of("segment without ACK, RST or SYN is dropped", "RFC 9293 3.10.7.4 fifth; Linux tcp_rcv_state_process"));
            return;
        }
        // PAWS (RFC 7323 5): an older timestamp than TS.Recent marks an old duplicate
        if (tsOk && !s.has(RST)) {
            TcpOption.Timestamps ts = s.option(TcpOption.Timestamps.class).orElse(null);
            if (ts != null && ts.val() - tsRecent < 0) {
                oowAck(s, Why.of("PAWS: TSval older than TS.Recent, segment dropped with an ACK", "RFC 7323 5.3"));
                return;
            }
        }
        // first: sequence number
        if (!acceptable(s)) {
            if (s.has(RST)) {
                if (linux && resetCheck(s)) {
                    resetArrives(Why.of("RST with SEQ = RCV.NXT-1 after the peer's FIN", "Linux tcp_reset_check"));
                } else {
                    handled(Why.of("RST outside the receive window is dropped silently", "RFC 9293 3.10.7.4 first; RFC 5961 3.2"));
                }
            } else if (s.has(SYN)) {
                challengeAck(Why.of("SYN in a synchronized state (outside the window)", "RFC 5961 4.2; RFC 9293 3.10.7.4 fourth"));
            } else {
                oowAck(s, Why.of("segment not acceptable (outside the receive window): ACK-now <SEQ=SND.NXT><ACK=RCV.NXT>",
                        "RFC 9293 3.10.7.4 first"));
            }
            return;
        }
        if (tsOk) {
            TcpOption.Timestamps ts = s.option(TcpOption.Timestamps.class).orElse(null);
            if (ts != null && Seq.le(s.seq(), rcvWup)) tsRecent = ts.val();
        }
        // second: RST
        if (s.has(RST)) {
            if (s.seq() == rcvNxt || (linux && (resetCheck(s) || atSackEdge(s)))) {
                resetArrives(Why.of("RST with SEQ = RCV.NXT: the connection is reset", "RFC 9293 3.10.7.4 second; RFC 5961 3.2"));
            } else {
                challengeAck(Why.of("RST in window but not exact", "RFC 5961 3.2"));
            }
            return;
        }
        // fourth: SYN
        if (s.has(SYN)) {
            challengeAck(Why.of("SYN in a synchronized state", "RFC 5961 4.2; RFC 9293 3.10.7.4 fourth"));
            return;
        }
        // fifth: ACK
        if (!s.has(ACK)) {
            handled(Why.of("ACK bit off: segment dropped", "RFC 9293 3.10.7.4 fifth"));
            return;
        }
        if (!ackArrives(s)) return;
        // seventh and eighth: text and FIN
        if (s.payloadLength() > 0 || s.has(FIN)) textArrives(s);
        if (state != State.CLOSED && state != State.TIME_WAIT) output();
    }

    /** Segment acceptability: Linux tcp_sequence (against RCV.WUP) or RFC 9293 table 6. */
    private boolean acceptable(Segment s) {
        int seq = s.seq(), end = s.end();
        int right = rcvWup + rcvAdvWnd;
        if (linux) {
            if (Seq.lt(end, rcvWup)) return false;
            if (Seq.gt(end, right)) return !Seq.gt(seq, right) && rcvBuf.size() == 0;
            return true;
        }
        int wnd = right - rcvNxt;
        int len = s.len();
        if (len == 0) return wnd == 0 ? seq == rcvNxt : Seq.le(rcvNxt, seq) && Seq.lt(seq, rcvNxt + wnd);
        if (wnd == 0) return false;
        return (Seq.le(rcvNxt, seq) && Seq.lt(seq, rcvNxt + wnd)) || (Seq.le(rcvNxt, end - 1) && Seq.lt(end - 1, rcvNxt + wnd));
    }

    /** Linux tcp_validate_incoming: a RST at the right edge of the highest SACK block we hold also resets. */
    private boolean atSackEdge(Segment s) {
        return sackOk && !ooo.isEmpty() && s.seq() == ooo.get(ooo.size() - 1).end();
    }

    /** Linux tcp_reset_check: after the peer's FIN, a RST at RCV.NXT-1 also resets. */
    private boolean resetCheck(Segment s) {
        return s.seq() == rcvNxt - 1 && (state == State.CLOSE_WAIT || state == State.LAST_ACK || state == State.CLOSING);
    }

    /** An acceptable RST: the connection is gone; the application sees the error (Linux tcp_reset). */
    final void resetArrives(Why why) {
        error = switch (state) {
            case SYN_SENT -> "ECONNREFUSED";
            case CLOSE_WAIT -> linux ? "EPIPE" : "ECONNRESET";
            default -> "ECONNRESET";
        };
        resetSeen = true;
        sndBuf.clear();
        enter(State.CLOSED, why);
    }

    /** Fifth step for an ACK-bearing segment. Returns false when the segment is consumed or dropped. */
    private boolean ackArrives(Segment s) {
        int ack = s.ack();
        if (state == State.SYN_RECEIVED) {
            if (!(Seq.lt(sndUna, ack) && Seq.le(ack, sndNxt))) {
                stack.sendReset(s, Why.of("ACK not acceptable in SYN-RECEIVED: <SEQ=SEG.ACK><CTL=RST>", "RFC 9293 3.10.7.4 fifth"));
                return false;
            }
            bytesAcked += 1;
            completePassive(s);
            return true;
        }
        if (Seq.gt(ack, sndNxt)) {
            Why w = Why.of("ACK for data not yet sent (SEG.ACK > SND.NXT): segment dropped", "RFC 9293 3.10.7.4 fifth; RFC 5961 5.2");
            if (linux) challengeAck(w);
            else sendAck(Why.of(w.text() + ", ACK-now", w.rule()));
            return false;
        }
        int bound = linux ? (int) Math.min(maxSndWnd, bytesAcked) : maxSndWnd;
        if (Seq.lt(ack, sndUna - bound)) {
            challengeAck(Why.of("ACK older than SND.UNA - MAX.SND.WND", "RFC 5961 5.2"));
            return false;
        }
        lastRcv = now();
        keepaliveProbes = 0;
        boolean advanced = Seq.gt(ack, sndUna);
        boolean sackInfo = linux && sackOk && s.option(TcpOption.Sack.class).isPresent();
        if (advanced) newAck(ack);
        else if (!sackInfo && ack == sndUna && flight() > 0 && s.payloadLength() == 0 && !s.has(FIN)
                && (s.window() << sndWscale) == sndWnd) dupAck();
        if (sackInfo && rack.sack(s, now())) rackCheck();
        if (Seq.ge(ack, sndUna) && (Seq.lt(sndWl1, s.seq()) || (sndWl1 == s.seq() && Seq.le(sndWl2, ack)))) {
            sndWnd = s.window() << sndWscale;
            sndWl1 = s.seq();
            sndWl2 = ack;
            if (sndWnd > maxSndWnd) maxSndWnd = sndWnd;
            if (sndWnd > 0) { persistProbes = 0; if (armed(TcpTimer.PERSIST)) cancel(TcpTimer.PERSIST); }
        }
        switch (state) {
            // FIN-WAIT-1: once our FIN is acknowledged, FIN-WAIT-2
            case FIN_WAIT_1 -> {
                if (finAcked()) {
                    enter(State.FIN_WAIT_2, Why.of("our FIN is acknowledged", "RFC 9293 3.10.7.4 fifth (FIN-WAIT-1)"));
                    if (orphaned) return orphanFinWait2(s);
                }
            }
            // CLOSING: once our FIN is acknowledged, TIME-WAIT
            case CLOSING -> {
                if (finAcked()) {
                    enter(State.TIME_WAIT, Why.of("our FIN is acknowledged after a simultaneous close", "RFC 9293 3.10.7.4 fifth (CLOSING)"));
                    return false;
                }
            }
            // LAST-ACK: once our FIN is acknowledged, the connection is gone
            case LAST_ACK -> {
                if (finAcked()) {
                    enter(State.CLOSED, Why.of("our FIN is acknowledged: the connection is closed", "RFC 9293 3.10.7.4 fifth (LAST-ACK)"));
                    return false;
                }
            }
            default -> { }
        }
        return true;
    }

    /** Linux: an orphaned socket whose FIN is acknowledged waits tcp_fin_timeout for the peer's FIN, as a mini socket. */
    private boolean orphanFinWait2(Segment s) {
        if (linger2 < 0) {
            stack.sendReset(s, Why.of("TCP_LINGER2 < 0: no FIN-WAIT-2 wait, RST", "Linux tcp_rcv_state_process"));
            enter(State.CLOSED, Why.of("TCP_LINGER2 < 0", "Linux tcp_rcv_state_process"));
            return false;
        }
        if (linger2 > 0) arm(TcpTimer.FIN_WAIT_2, now() + linger2 * 1_000_000L);
        if (!s.has(FIN) && linux) frozenWnd = curWin();
        return true;
    }

    private void newAck(int ack) {
        int acked = ack - sndUna;
        int upto = Seq.gt(ack, writeSeq) ? writeSeq : ack;
        if (Seq.gt(upto, sndBufSeq)) {
            sndBuf.drop(upto - sndBufSeq);
            sndBufSeq = upto;
        }
        bytesAcked += acked;
        sndUna = ack;
        rack.acked(sndUna);
        if (Seq.lt(rtxNxt, sndUna)) rtxNxt = sndUna;
        retransmits = 0;
        if (rttStart >= 0 && Seq.ge(ack, rttSeq)) {
            rttSample(now() - rttStart);
            rttStart = -1;
        }
        int segs = Math.max(1, (acked + sndMss - 1) / Math.max(sndMss, 1));
        if (dupAcks >= 3) cwnd = Math.max(ssthresh, 1);
        else if (cwnd < ssthresh) cwnd += segs;
        else if (++cwndCount >= cwnd) { cwnd++; cwndCount = 0; }
        dupAcks = 0;
        if (tlpOutstanding && Seq.ge(sndUna, tlpHighSeq)) tlpOutstanding = false;
        if (sndUna == sndNxt) { probePending = false; cancel(TcpTimer.RETRANSMISSION); }
        else armRetransmission();
    }

    private int cwndCount;

    /**
     * Linux RACK (RFC 8985) on the SACK information received: lost segments are sent again at once, and the
     * retransmission timer then runs an RTO from now; segments that may only be reordered wait on the reordering
     * timer (the retransmission timer, as in Linux).
     */
    final void rackCheck() {
        Rack.Verdict v = rack.detect(now());
        for (int seq : v.lost()) {
            if (Seq.lt(seq, sndUna)) continue;
            int n = Math.min(rtxLength(seq), (Seq.lt(sndNxt, writeSeq) ? sndNxt : writeSeq) - seq);
            if (n <= 0) continue;
            byte[] data = new byte[n];
            sndBuf.copy(seq - sndBufSeq, data, 0, n);
            transmit(build(seq, ACK | (pushedBefore(seq, seq + n) ? tcptutor.wire.Flags.PSH : 0), options(), data),
                    Why.of("a later segment was SACKed and this one is still missing after the reordering window: lost, sent again",
                            "RFC 8985 6.2; Linux tcp_rack_detect_loss"));
            rack.resent(seq, seq + n, now());
            rttStart = -1;
        }
        if (!v.lost().isEmpty()) {
            probePending = false;
            reoPending = false;
            arm(TcpTimer.RETRANSMISSION, now() + rto);
        } else if (v.recheckAt() >= 0) {
            probePending = false;
            reoPending = true;
            arm(TcpTimer.RETRANSMISSION, v.recheckAt());
        }
    }

    /** RFC 5681 3.2: the third duplicate ACK triggers a fast retransmit of the segment at SND.UNA. */
    private void dupAck() {
        if (++dupAcks != 3) return;
        ssthresh = Math.max(flight() / Math.max(sndMss, 1) / 2, 2);
        cwnd = ssthresh + 3;
        int n = Math.min(linux ? rtxLength(sndUna) : sndMss, Seq.lt(sndUna, writeSeq) ? Math.min(writeSeq, sndNxt) - sndUna : 0);
        boolean fin = finSent() && sndUna + n == finSeq;
        byte[] data = new byte[Math.max(n, 0)];
        if (n > 0) sndBuf.copy(sndUna - sndBufSeq, data, 0, n);
        transmit(build(sndUna, ACK | (fin ? FIN : 0) | (pushedBefore(sndUna, sndUna + n) ? tcptutor.wire.Flags.PSH : 0), options(), data),
                Why.of("fast retransmit: three duplicate ACKs", "RFC 5681 3.2"));
        rttStart = -1;
    }

    /** Seventh step (text) for the states that take it, then the FIN. */
    @Override final void textArrives(Segment s) {
        switch (state) {
            // CLOSE-WAIT, CLOSING, LAST-ACK: the peer already sent its FIN; anything at or beyond RCV.NXT is ignored
            case CLOSE_WAIT, CLOSING, LAST_ACK -> {
                if (Seq.ge(s.seq(), rcvNxt)) {
                    handled(Why.of("data or FIN after the peer's FIN is ignored", "RFC 9293 3.10.7.4 seventh"));
                } else {
                    dataArrives(s);
                }
            }
            // ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2: deliver; but after close() new data gets a RST
            case ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, SYN_RECEIVED -> {
                if (rcvShutdown && s.payloadLength() > 0 && Seq.gt(s.end() - (s.has(FIN) ? 1 : 0), rcvNxt)) {
                    stack.sendReset(s, Why.of("data arrived after the application closed the socket: RST",
                            "RFC 9293 3.6.1; Linux tcp_rcv_state_process"));
                    error = "ECONNRESET";
                    enter(State.CLOSED, Why.of("data after close(): the connection is aborted", "RFC 9293 3.6.1"));
                    return;
                }
                dataArrives(s);
            }
            default -> handled(Why.of("segment text ignored in " + state, "RFC 9293 3.10.7.4 seventh"));
        }
    }

    // ---- orphaned FIN-WAIT-2 and TIME-WAIT (Linux tcp_timewait_state_process) ----

    private void finWait2MiniArrives(Segment s) {
        int right = rcvNxt + frozenWnd;
        boolean inWindow = s.seq() == rcvNxt || (Seq.gt(s.end(), rcvNxt) && Seq.lt(s.seq(), right))
                || (s.seq() == right && s.len() == 0);
        if (!inWindow) {
            oowAck(s, Why.of("segment outside the window in FIN-WAIT-2: ACK-now", "RFC 9293 3.10.7.4 first"));
            return;
        }
        if (s.has(RST)) {
            error = "ECONNRESET";
            enter(State.CLOSED, Why.of("RST inside the window in FIN-WAIT-2", "Linux tcp_timewait_state_process"));
            return;
        }
        if (s.has(SYN) && Seq.ge(s.seq(), rcvNxt)) {
            stack.sendReset(s, Why.of("SYN in orphaned FIN-WAIT-2: RST", "Linux tcp_timewait_state_process"));
            enter(State.CLOSED, Why.of("SYN in orphaned FIN-WAIT-2", "Linux tcp_timewait_state_process"));
            return;
        }
        if (!s.has(ACK) || Seq.le(s.end(), rcvNxt) || s.len() == 0) {
            handled(Why.of("duplicate or empty segment in FIN-WAIT-2: nothing to do", "Linux tcp_timewait_state_process"));
            return;
        }
        if (!s.has(FIN) || s.end() != rcvNxt + 1) {
            stack.sendReset(s, Why.of("data arrived after the application closed the socket: RST", "RFC 9293 3.6.1; Linux tcp_timewait_state_process"));
            enter(State.CLOSED, Why.of("data after close(): the connection is aborted", "RFC 9293 3.6.1"));
            return;
        }
        rcvNxt = s.end();
        finRcvd = true;
        sendAck(Why.of("ACK of the peer's FIN", "RFC 9293 3.10.7.4 eighth"));
        enter(State.TIME_WAIT, Why.of("the peer's FIN after ours was acknowledged", "RFC 9293 3.10.7.4 eighth"));
    }

    private void timeWaitArrives(Segment s) {
        if (s.seq() == rcvNxt && (s.len() == 0 || s.has(RST))) {
            if (s.has(RST)) {
                if (cfg.get(Knob.tcp_rfc1337) == 0) {
                    enter(State.CLOSED, Why.of("RST with SEQ = RCV.NXT ends TIME-WAIT early (TIME-WAIT assassination)", "RFC 1337; Linux tcp_rfc1337=0"));
                } else {
                    handled(Why.of("RST ignored in TIME-WAIT (tcp_rfc1337=1)", "RFC 1337"));
                }
                return;
            }
            arm(TcpTimer.TIME_WAIT, now() + cfg.get(Knob.tcp_timewait_len) * 1_000_000L);
            handled(Why.of("ACK in TIME-WAIT: the timer restarts", "Linux tcp_timewait_state_process"));
            return;
        }
        TcpOption.Timestamps ts = tsOk ? s.option(TcpOption.Timestamps.class).orElse(null) : null;
        boolean newerTs = ts != null && ts.val() - tsRecent > 0;     // RFC 6191: a newer TSval also shows a new SYN
        if (s.has(SYN) && !s.has(RST) && !s.has(ACK) && (Seq.gt(s.seq(), rcvNxt) || newerTs)) {
            Tcb l = stack.listener(localPort);
            if (l != null) {
                int isn = sndNxt + 65537;
                if (isn == 0) isn = 1;
                enter(State.CLOSED, Why.of(Seq.gt(s.seq(), rcvNxt) ? "a new SYN above RCV.NXT reopens the connection from TIME-WAIT"
                        : "a new SYN with a newer timestamp reopens the connection from TIME-WAIT",
                        "RFC 9293 3.6.1 MAY-2; RFC 6191; Linux tcp_timewait_state_process"));
                l.listen.arrives(s, isn, true);
                return;
            }
            sendAck(Why.of("SYN in TIME-WAIT with no listener: ACK-now", "Linux tcp_timewait_state_process"));
            return;
        }
        if (!s.has(RST)) {
            if (s.has(ACK)) arm(TcpTimer.TIME_WAIT, now() + cfg.get(Knob.tcp_timewait_len) * 1_000_000L);
            oowAck(s, Why.of(s.has(FIN) ? "retransmitted FIN in TIME-WAIT: ACK it again, restart the timer"
                    : "segment in TIME-WAIT: ACK-now", "RFC 9293 3.10.7.4; Linux tcp_timewait_state_process"));
            return;
        }
        handled(Why.of("RST with SEQ != RCV.NXT ignored in TIME-WAIT", "Linux tcp_timewait_state_process"));
    }
}
