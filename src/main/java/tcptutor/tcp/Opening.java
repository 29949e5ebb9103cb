package tcptutor.tcp;

import static tcptutor.wire.Flags.ACK;
import static tcptutor.wire.Flags.FIN;
import static tcptutor.wire.Flags.RST;
import static tcptutor.wire.Flags.SYN;

import tcptutor.wire.Segment;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpOption;

/** Opening a connection: SEGMENT ARRIVES in SYN-SENT (RFC 9293 3.10.7.3) and in a passive SYN-RECEIVED (Linux request sock). */
abstract class Opening extends Receiver {
    Opening(Stack stack) { super(stack); }

    /** Seventh step (text) and eighth (FIN), in {@link Arrivals}. */
    abstract void textArrives(Segment s);

    // ---- SYN-SENT (3.10.7.3; Linux tcp_rcv_synsent_state_process) ----

    final void synSentArrives(Segment s) {
        if (s.has(ACK)) {
            // first: an ACK outside ISS < SEG.ACK =< SND.NXT is not for us
            if (Seq.le(s.ack(), iss) || Seq.gt(s.ack(), sndNxt)) {
                if (s.has(RST)) {
                    handled(Why.of("RST with an unacceptable ACK in SYN-SENT is dropped", "RFC 9293 3.10.7.3 first"));
                } else {
                    stack.sendReset(s, Why.of("ACK does not acknowledge our SYN (SEG.ACK =< ISS or > SND.NXT): <SEQ=SEG.ACK><CTL=RST>",
                            "RFC 9293 3.10.7.3 first"));
                }
                if (linux && retransmits == 0) {
                    arm(TcpTimer.SYN, now() + 8_000);
                    env.note(Why.of("the SYN will be sent again almost at once (a RST or ACK may have been lost)",
                            "Linux tcp_rcv_synsent_state_process (TCP_TIMEOUT_MIN)"));
                }
                return;
            }
            // second: RST with an acceptable ACK: the connection is refused
            if (s.has(RST)) {
                error = "ECONNREFUSED";
                resetSeen = true;
                enter(State.CLOSED, Why.of("RST acknowledging our SYN: connection refused", "RFC 9293 3.10.7.3 second"));
                return;
            }
            if (!s.has(SYN)) {
                handled(Why.of("acceptable ACK without SYN in SYN-SENT is dropped", "RFC 9293 3.10.7.3 fifth"));
                return;
            }
            // fourth: SYN-ACK acknowledging our SYN
            learnPeerSyn(s);
            sndUna = s.ack();
            rtxNxt = sndNxt;
            bytesAcked += 1;
            sndWnd = s.window();
            maxSndWnd = sndWnd;
            sndWl1 = s.seq();
            sndWl2 = s.ack();
            if (!synRetransmitted && rttStart >= 0) rttSample(now() - rttStart);
            else if (synRetransmitted && linux) rto = Math.max(rto, 3_000_000);
            rttStart = -1;
            retransmits = 0;
            cancel(TcpTimer.SYN);
            sndWscale = wsOk ? sndWscale : 0;
            establishedInit();
            enter(State.ESTABLISHED, Why.of("SYN-ACK acknowledges our SYN", "RFC 9293 3.10.7.3 fourth"));
            sendAck(Why.of("ACK of the peer's SYN: the third segment of the handshake", "RFC 9293 3.10.7.3 fourth"));
            output();
            return;
        }
        if (s.has(RST)) {
            handled(Why.of("RST without ACK in SYN-SENT is dropped", "RFC 9293 3.10.7.3 second"));
            return;
        }
        if (s.has(SYN)) {
            // simultaneous open: SYN-ACK with our original SYN's options, enter SYN-RECEIVED
            boolean ts = cfg.get(Knob.tcp_timestamps) != 0, sack = cfg.get(Knob.tcp_sack) != 0;
            boolean ws = cfg.get(Knob.tcp_window_scaling) != 0;
            learnPeerSyn(s);
            sndWnd = s.window();
            sndWl1 = s.seq();
            enter(State.SYN_RECEIVED, Why.of("SYN without ACK in SYN-SENT: simultaneous open", "RFC 9293 3.10.7.3 fourth"));
            transmit(build(iss, SYN | ACK, synOptions(ts, sack, ws, offeredTsVal), new byte[0]),
                    Why.of("SYN-ACK for a simultaneous open, with our SYN's options", "RFC 9293 3.10.7.3 fourth; figure 8"));
            if (s.payloadLength() > 0) env.note(Why.of("data on the SYN is discarded", "Linux tcp_rcv_synsent_state_process"));
            return;
        }
        handled(Why.of("neither SYN nor RST in SYN-SENT: dropped", "RFC 9293 3.10.7.3 fifth"));
    }

    /** Reads MSS, window scale, SACK-permitted and timestamps from a SYN (honoured on SYNs only, RFC 9293 3.7.1). */
    final void takeSynOptions(Segment s) {
        peerMss = 536;
        offeredWs = offeredSack = offeredTs = false;
        for (TcpOption o : s.options()) {
            if (o instanceof TcpOption.Mss m) peerMss = m.mss() == 0 ? 536 : m.mss();
            else if (o instanceof TcpOption.WindowScale w) { offeredWs = true; sndWscale = Math.min(w.shift(), 14); }
            else if (o instanceof TcpOption.SackPermitted) offeredSack = true;
            else if (o instanceof TcpOption.Timestamps t) { offeredTs = true; offeredTsVal = t.val(); }
        }
    }

    /** Options in use: what we enable and the SYN offered. */
    final void negotiate() {
        Replay.Offer r = replayOffer;                                   // replay: what our real SYN offered, not the knobs
        wsOk = offeredWs && (r != null ? r.wscale() >= 0 : cfg.get(Knob.tcp_window_scaling) != 0);
        sackOk = offeredSack && (r != null ? r.sack() : cfg.get(Knob.tcp_sack) != 0);
        tsOk = offeredTs && (r != null ? r.ts() : cfg.get(Knob.tcp_timestamps) != 0);
        if (!wsOk) sndWscale = 0;
        rcvWscale = wsOk ? (r != null ? r.wscale() : ourWscale()) : 0;
        if (!wsOk) windowClamp = Math.min(windowClamp, 65535);   // Linux tcp_rcv_synsent_state_process
        if (tsOk) tsRecent = offeredTsVal;
        sndMss = Math.max(Math.min(peerMss, advMss), 48) - (tsOk ? 12 : 0);   // Linux tcp_min_snd_mss 48
    }

    /** Entering a synchronized state with data to move: cwnd, quick-ACK bookkeeping, keepalive. */
    final void establishedInit() {
        cwnd = cfg.getInt(Knob.tcp_init_cwnd);
        if (linux && retransmits > 1) cwnd = 1;
        rcvMss = Math.max(Math.min(Math.min(advMss, sndMss), Math.min(rcvAdvWnd / 2, 536)), 88);   // tcp_initialize_rcv_mss
        establishedWindow();
        lastRcv = now();
        rtxNxt = sndNxt;
        if (keepalive) arm(TcpTimer.KEEPALIVE, now() + keepIdle * 1_000_000L);
    }

    // ---- passive SYN-RECEIVED, Linux request sock (tcp_check_req) ----

    final void requestArrives(Segment s) {
        boolean ackBit = s.has(ACK);
        if (s.seq() == irs && (s.flags() & (RST | SYN | ACK)) == SYN) {
            if (rateLimitedSynAck()) return;
            sendSynAck(Why.of("duplicate SYN in SYN-RECEIVED: the SYN-ACK is sent again", "Linux tcp_check_req (RFC 9293 would ACK)"));
            arm(TcpTimer.SYNACK, now() + Math.min(1_000_000L << retransmits, cfg.get(Knob.tcp_rto_max) * 1000));
            return;
        }
        if (ackBit && s.ack() != iss + 1) {
            stack.sendReset(s, Why.of("ACK that does not acknowledge our SYN-ACK (SEG.ACK != ISS+1): <SEQ=SEG.ACK><CTL=RST>; "
                    + "the half-open connection stays", "RFC 9293 3.10.7.4 fifth; Linux tcp_check_req"));
            return;
        }
        int right = rcvNxt + rcvAdvWnd;
        boolean inWindow = s.seq() == rcvNxt || (Seq.gt(s.end(), rcvNxt) && Seq.lt(s.seq(), right))
                || (s.seq() == right && s.len() == 0);
        if (!inWindow) {
            if (s.has(RST)) handled(Why.of("RST outside the window in SYN-RECEIVED is dropped", "RFC 9293 3.10.7.4 first"));
            else oowAck(s, Why.of("segment outside the window in SYN-RECEIVED: ACK <SEQ=ISS+1><ACK=RCV.NXT>", "RFC 9293 3.10.7.4 first; Linux tcp_check_req"));
            return;
        }
        if (s.has(RST) && s.seq() != rcvNxt && linux) {
            challengeAck(Why.of("RST in the window but not exact in SYN-RECEIVED: the request stays",
                    "RFC 5961 3.2; Linux 6.18 tcp_check_req (measured)"));
            return;
        }
        if (s.has(RST) || s.has(SYN)) {
            if (!s.has(RST)) stack.sendReset(s, Why.of("SYN inside the window in SYN-RECEIVED: RST, the request is dropped", "Linux tcp_check_req (embryonic reset)"));
            enter(State.CLOSED, s.has(RST)
                    ? Why.of("RST inside the window: the half-open connection is dropped", "RFC 9293 3.10.7.4 second; Linux tcp_check_req")
                    : Why.of("SYN inside the window: the half-open connection is dropped", "Linux tcp_check_req"));
            return;
        }
        if (!ackBit) {
            handled(Why.of("segment without ACK in SYN-RECEIVED is dropped", "RFC 9293 3.10.7.4 fifth"));
            return;
        }
        Listen l = parent == null ? null : parent.listen;
        if (l != null && l.acceptQueueFull()) {
            if (cfg.get(Knob.tcp_abort_on_overflow) != 0) {
                stack.sendReset(s, Why.of("accept queue full and tcp_abort_on_overflow=1: RST", "Linux tcp_check_req"));
                enter(State.CLOSED, Why.of("accept queue full", "Linux tcp_abort_on_overflow"));
            } else {
                handled(Why.of("accept queue full: the final ACK is dropped; the SYN-ACK will be retransmitted",
                        "Linux tcp_check_req (listen_overflow)"));
            }
            return;
        }
        completePassive(s);
        if (s.payloadLength() > 0 || s.has(FIN)) textArrives(s);
        output();
    }

    private boolean rateLimitedSynAck() {
        long limit = cfg.get(Knob.tcp_invalid_ratelimit) * 1000;
        if (lastOowAck != Long.MIN_VALUE && now() - lastOowAck < limit) {
            handled(Why.of("duplicate SYN: SYN-ACK not resent, rate limit", "Linux tcp_check_req (tcp_oow_rate_limited)"));
            return true;
        }
        lastOowAck = now();
        return false;
    }

    /** The final ACK of a passive open: ESTABLISHED, onto the listener's accept queue. */
    final void completePassive(Segment s) {
        sndUna = s.ack();
        rtxNxt = sndNxt;
        sndWnd = s.window() << sndWscale;
        maxSndWnd = sndWnd;
        sndWl1 = s.seq();
        sndWl2 = s.ack();
        if (retransmits == 0 && rttStart >= 0) rttSample(now() - rttStart);
        else if (linux) rto = Math.max(rto, 3_000_000);
        rttStart = -1;
        cancel(TcpTimer.SYNACK);
        retransmits = 0;
        establishedInit();
        enter(State.ESTABLISHED, Why.of("ACK of our SYN-ACK: the handshake is complete", "RFC 9293 3.10.7.4 fifth"));
        if (parent != null && parent.listen != null) parent.listen.established(self());
    }

    /** The peer's SYN sets what this side learns from it: options, IRS, RCV.NXT, the first window we offer (SYN-SENT fourth). */
    private void learnPeerSyn(Segment s) {
        takeSynOptions(s);
        negotiate();
        irs = s.seq();
        rcvNxt = irs + 1;
        rcvWup = rcvNxt;
        rcvAdvWnd = Math.min(rcvSpace, 65535);
    }
}
