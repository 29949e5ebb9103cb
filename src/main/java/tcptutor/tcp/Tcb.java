package tcptutor.tcp;

import tcptutor.wire.Segment;
import tcptutor.wire.Seq;

/**
 * One TCP endpoint: a transmission control block (RFC 9293 3.3.1) with its state machine.
 * User calls (RFC 9293 3.10.1-3.10.6) are the public methods here; segment arrival is {@link #segmentArrives};
 * timers fire through {@link #timerFires}. Errors for the application are errno names ("ECONNRESET"), or null.
 */
public final class Tcb extends Arrivals {
    Tcb(Stack stack) { super(stack); }

    @Override Tcb self() { return this; }

    public State state() { return state; }
    public int localPort() { return localPort; }
    public int remotePort() { return remotePort; }
    public boolean orphaned() { return orphaned; }
    public boolean isListener() { return listen != null && state == State.LISTEN; }
    /** The listener this connection came from, or null. */
    public Tcb parent() { return parent; }
    /** Deadline (µs) of a running timer, or -1. */
    public long timer(TcpTimer t) { return deadline(t); }

    @Override public String toString() {
        return "Tcb[:" + localPort + (remotePort == 0 ? "" : "<->:" + remotePort) + " " + state + "]";
    }

    public TcbSnapshot snapshot() {
        int unsent = Seq.gt(writeSeq, sndNxt) ? writeSeq - sndNxt : 0;
        return new TcbSnapshot(state, iss, irs, sndUna, sndNxt, sndWnd, sndWl1, sndWl2, rcvNxt,
                state.synchronized_() ? rcvWindowNow() : rcvSpace, sndWscale, rcvWscale, sndMss, tsOk, sackOk, rto,
                rcvBuf.size(), unsent);
    }

    // ---- socket options (applied to connections created later by a listener too) ----

    public void nodelay(boolean on) { nodelay = on; if (on) output(); }
    public boolean nodelay() { return nodelay; }
    public void keepalive(boolean on) {
        keepalive = on;
        if (!on) cancel(TcpTimer.KEEPALIVE);
        else if (state == State.ESTABLISHED || state == State.CLOSE_WAIT) arm(TcpTimer.KEEPALIVE, now() + keepIdle * 1_000_000L);
    }
    public boolean keepalive() { return keepalive; }
    /** TCP_KEEPIDLE; on a running keepalive the timer moves to (last segment received + idle), as Linux does. */
    public void keepIdle(int s) {
        keepIdle = s;
        if (keepalive && armed(TcpTimer.KEEPALIVE) && keepaliveProbes == 0) {
            arm(TcpTimer.KEEPALIVE, Math.max(now(), lastRcv + s * 1_000_000L));
        }
    }
    public int keepIdle() { return keepIdle; }
    public void keepIntvl(int s) { keepIntvl = s; }
    public int keepIntvl() { return keepIntvl; }
    public void keepCnt(int n) { keepCnt = n; }
    public int keepCnt() { return keepCnt; }
    public void lingerZero(boolean on) { lingerZero = on; }
    public boolean lingerZero() { return lingerZero; }
    /**
     * SO_RCVBUF (Linux __sock_set_rcvbuf): the buffer becomes twice the value (at least 4608, the value capped by
     * rmem_max 212992) and is locked: the window offered on the SYN and its scale follow it.
     */
    public void rcvBuf(int bytes) { userRcvBuf = Math.max(2L * Math.min(Math.max(bytes, 0), 212_992), 4608); }
    /** SO_RCVBUF as read back: the buffer size in bytes. */
    public long rcvBuf() { return userRcvBuf > 0 ? userRcvBuf : rcvBufBytes > 0 ? rcvBufBytes : cfg.all(Knob.tcp_rmem)[1]; }

    /** TCP_MAXSEG (Linux do_tcp_setsockopt): 88..65535; our MSS option and the segments we send are clamped to it. */
    public boolean maxSeg(int v) {
        if (v < 88 || v > 65535) return false;
        userMss = v;
        advMss = Math.min((int) cfg.get(Knob.tcp_mtu) - 40, v);
        return true;
    }
    /** TCP_MAXSEG as read back: the MSS in use once connected (mss_cache), else the value set, else 536. */
    public int maxSeg() { return state.synchronized_() && sndMss > 0 ? sndMss : userMss > 0 ? userMss : 536; }

    /** TCP_LINGER2: seconds an orphaned FIN-WAIT-2 waits (0: tcp_fin_timeout; < 0: RST at once). */
    public void linger2(int s) { linger2 = s == 0 ? cfg.getInt(Knob.tcp_fin_timeout) : s; }
    public int linger2() { return linger2; }

    /** poll() bits (Linux values): POLLIN|POLLRDNORM, POLLOUT|POLLWRNORM, POLLERR, POLLHUP, POLLRDHUP. */
    public static final int POLL_IN = 0x41, POLL_OUT = 0x104, POLL_ERR = 0x8, POLL_HUP = 0x10, POLL_RDHUP = 0x2000;

    /** What poll() reports for this socket (Linux tcp_poll; the send buffer is never full here). */
    public int pollMask() {
        if (state == State.LISTEN) return acceptReady() ? POLL_IN : 0;
        boolean done = state == State.CLOSED && (resetSeen || error != null || finRcvd || sndNxt != 0);   // after tcp_done
        boolean rcvShut = done || finRcvd || rcvShutdown;
        boolean sndShut = done || sndShutdown;
        int m = 0;
        if ((rcvShut && sndShut) || state == State.CLOSED) m |= POLL_HUP;
        if (rcvShut) m |= POLL_IN | POLL_RDHUP;
        if (state != State.SYN_SENT && state != State.SYN_RECEIVED) {
            if (rcvBuf.size() > 0) m |= POLL_IN;
            m |= POLL_OUT;
        }
        if (error != null) m |= POLL_ERR;
        return m;
    }

    /** SO_ERROR: the pending error, cleared. */
    public String takeError() {
        String e = error;
        error = null;
        return e;
    }

    public String pendingError() { return error; }

    // ---- user calls ----

    public void bind(int port) { localPort = port; }

    /** LISTEN (RFC 9293 3.10.1 passive OPEN). Returns an errno name or null. */
    public String listen(int backlog) {
        int b = (int) Math.max(0, Math.min(backlog, cfg.get(Knob.somaxconn)));
        switch (state) {
            // CLOSED: become a listener
            case CLOSED -> {
                if (localPort == 0) localPort = env.ephemeralPort();
                listen = new Listen(this, b);
                stack.addListener(this);
                enter(State.LISTEN, Why.of("listen(): waiting for a SYN", "RFC 9293 3.10.1"));
                return null;
            }
            // LISTEN: only the backlog changes
            case LISTEN -> { listen.backlog = b; return null; }
            default -> { return "EINVAL"; }
        }
    }

    /** Active OPEN (RFC 9293 3.10.1): sends the SYN. Returns an errno name or null. */
    public String connect(int port) {
        switch (state) {
            // CLOSED: <SEQ=ISS><CTL=SYN>, enter SYN-SENT
            case CLOSED -> {
                if (resetSeen || error != null || finRcvd || sndNxt != 0) forgetFailedAttempt();
                if (localPort == 0) localPort = env.ephemeralPort();
                remotePort = port;
                iss = env.isn();
                sndUna = iss;
                sndNxt = iss + 1;
                writeSeq = sndNxt;
                sndBufSeq = sndNxt;
                rtxNxt = sndNxt;
                rcvWscale = cfg.get(Knob.tcp_window_scaling) != 0 ? ourWscale() : 0;
                rcvSpace = initialWindow(advMss);
                stack.register(this);
                enter(State.SYN_SENT, Why.of("connect(): SYN sent", "RFC 9293 3.10.1"));
                sendSyn(Why.of("SYN: the application called connect()", "RFC 9293 3.10.1"));
                rttStart = now();
                arm(TcpTimer.SYN, now() + rto);
                return null;
            }
            case SYN_SENT, SYN_RECEIVED -> { return "EALREADY"; }
            default -> { return "EISCONN"; }
        }
    }

    /** A socket whose connection failed or ended may connect again: start from a clean TCB. */
    private void forgetFailedAttempt() {
        error = null;
        resetSeen = finRcvd = finQueued = sndShutdown = rcvShutdown = synRetransmitted = false;
        sndBuf.clear();
        rcvBuf.clear();
        ooo.clear();
        pushMarks.clear();
        retransmits = 0;
        srtt = -1;
        rto = cfg.get(Knob.tcp_rto_initial) * 1000;
        frozenWnd = -1;
    }

    /** A connection from the accept queue, or null if none is ready. */
    public Tcb accept() { return listen == null ? null : listen.accept(); }

    /** Whether accept() would return a connection now. */
    public boolean acceptReady() { return listen != null && !listen.acceptQueue.isEmpty(); }

    /** Whether a send would be refused: an errno name, or "" to wait (not connected yet), or null when data can be queued. */
    public String sendCheck() {
        if (error != null) return takeError();
        if (sndShutdown || finQueued) return "EPIPE";
        return switch (state) {
            case ESTABLISHED, CLOSE_WAIT -> null;
            case SYN_SENT, SYN_RECEIVED -> "";
            case CLOSED -> "EPIPE";                  // Linux sk_stream_wait_connect: EPIPE, even if never connected
            default -> "EPIPE";
        };
    }

    /** SEND (RFC 9293 3.10.2): queues the bytes and sends what the windows allow. PSH marks the write's end. */
    public int send(byte[] data, int off, int len) {
        if (len <= 0) return 0;
        sndBuf.append(data, off, len);
        writeSeq += len;
        pushMarks.addLast(writeSeq);
        output();
        return len;
    }

    /** Bytes queued but not yet acknowledged. */
    public int sendQueued() { return sndBuf.size(); }

    /** Bytes the application can read now. */
    public int readable() { return rcvBuf.size(); }

    /** True when a read would return end of file (the peer's FIN, or the connection is gone). */
    public boolean eof() { return rcvBuf.size() == 0 && (finRcvd || state == State.CLOSED); }

    /** RECEIVE (RFC 9293 3.10.3): up to {@code max} bytes. */
    public byte[] receive(int max) { return take(max); }

    /** CLOSE (RFC 9293 3.10.4; Linux tcp_close). Unread data or SO_LINGER 0 abort with RST. */
    public void close() {
        boolean unreadData = rcvBuf.size() > 0;
        orphaned = true;
        rcvShutdown = true;
        switch (state) {
            // CLOSED: nothing to do
            case CLOSED -> { }
            // LISTEN: pending handshakes dropped, unaccepted connections reset
            case LISTEN -> {
                listen.close();
                enter(State.CLOSED, Why.of("close() on a listening socket", "RFC 9293 3.10.4"));
            }
            // SYN-SENT: nothing is sent
            case SYN_SENT -> enter(State.CLOSED, Why.of("close() before the handshake completed: nothing is sent", "RFC 9293 3.10.4"));
            // TIME-WAIT: the TCB lives on until the timer
            case TIME_WAIT -> { }
            default -> {
                if (unreadData && state != State.SYN_RECEIVED) {
                    abortWithReset(Why.of("close() with " + rcvBuf.size() + " unread bytes: RST instead of FIN",
                            "RFC 9293 3.6.1 SHLD-3; RFC 2525 2.17; Linux tcp_close"));
                } else if (lingerZero) {
                    abort();
                } else {
                    finish(Why.of("close()", "RFC 9293 3.10.4"));
                    if (state == State.FIN_WAIT_2 && frozenWnd < 0) {
                        if (linger2 < 0) { abortWithReset(Why.of("TCP_LINGER2 < 0: RST", "Linux tcp_close")); return; }
                        if (linger2 > 0) arm(TcpTimer.FIN_WAIT_2, now() + linger2 * 1_000_000L);
                        if (linux) frozenWnd = curWin();
                    }
                }
            }
        }
    }

    /** shutdown(SHUT_WR) (Linux tcp_shutdown): FIN after the queued data; reading continues. Returns an errno name or null. */
    public String shutdown() {
        switch (state) {
            case CLOSED -> {
                if (linux) sndShutdown = true;   // inet_shutdown records it even so: later writes fail with EPIPE
                return "ENOTCONN";
            }
            case LISTEN -> { return null; }
            case SYN_SENT -> {
                enter(State.CLOSED, Why.of("shutdown() in SYN-SENT: the connection attempt is dropped", "Linux inet_shutdown"));
                return null;
            }
            default -> {
                sndShutdown = true;
                finish(Why.of("shutdown(SHUT_WR)", "RFC 9293 3.10.4; Linux tcp_shutdown"));
                return null;
            }
        }
    }

    /** Queues the FIN: ESTABLISHED/SYN-RECEIVED -> FIN-WAIT-1, CLOSE-WAIT -> LAST-ACK (Linux tcp_close_state). */
    private void finish(Why why) {
        if (finQueued) return;
        switch (state) {
            case SYN_RECEIVED, ESTABLISHED -> {
                finQueued = true;
                finSeq = writeSeq;
                enter(State.FIN_WAIT_1, Why.of(why.text() + ": our FIN is queued after any data", why.rule()));
            }
            case CLOSE_WAIT -> {
                finQueued = true;
                finSeq = writeSeq;
                enter(State.LAST_ACK, Why.of(why.text() + " after the peer's FIN: our FIN is queued", why.rule()));
            }
            default -> { return; }
        }
        output();
    }

    /** ABORT (RFC 9293 3.10.5; Linux tcp_disconnect): RST where a connection exists, then CLOSED. */
    public void abort() {
        orphaned = true;
        rcvShutdown = true;
        switch (state) {
            case CLOSED, TIME_WAIT -> { if (state == State.TIME_WAIT) enter(State.CLOSED, Why.of("abort in TIME-WAIT", "RFC 9293 3.10.5")); }
            case LISTEN -> {
                listen.close();
                enter(State.CLOSED, Why.of("abort on a listening socket", "RFC 9293 3.10.5"));
            }
            case SYN_SENT -> enter(State.CLOSED, Why.of("abort in SYN-SENT: nothing is sent", "RFC 9293 3.10.5"));
            case CLOSING, LAST_ACK -> {
                if (Seq.lt(sndNxt, writeSeq)) abortWithReset(Why.of("SO_LINGER 0 with unsent data: RST", "Linux tcp_disconnect"));
                else enter(State.CLOSED, Why.of("SO_LINGER 0 in " + state + ": no RST", "Linux tcp_disconnect"));
            }
            default -> abortWithReset(Why.of("SO_LINGER 0: abortive close with RST", "RFC 9293 3.10.5; Linux tcp_disconnect"));
        }
    }

    private void abortWithReset(Why why) {
        sendActiveReset(why);
        sndBuf.clear();
        enter(State.CLOSED, why);
    }

    // ---- replaying a capture (tcptutor explain) ----

    /**
     * Replay: this endpoint's host put {@code s} on the wire (a capture saw it), and the endpoint takes it as its own
     * output instead of deciding what to send: a SYN opens (with the SYN's ISN and options), a SYN-ACK fixes the ISN
     * of a half-open connection, new data and a FIN are the application's writes and close, a RST with this
     * connection's numbers aborts it, and the ACK and window fields set what later arrivals are judged against.
     * Nothing is transmitted; state changes are reported to the {@link Env} as usual. See {@link Replay}.
     */
    public void replaySent(Segment s) { Replay.sent(this, s); }

    /** Replay of a capture that begins mid-connection: this endpoint is ESTABLISHED with these numbers. */
    public void replayJoin(int localPort, int remotePort, int sndNxt, int rcvNxt) {
        if (state == State.CLOSED) Replay.join(this, localPort, remotePort, sndNxt, rcvNxt);
    }

    // ---- timers (RFC 9293 3.8; Linux tcp_timer.c) ----

    @Override void timerFires(TcpTimer t) {
        switch (t) {
            case SYN -> synTimer();
            case SYNACK -> synAckTimer();
            case RETRANSMISSION -> retransmissionTimer();
            case DELAYED_ACK -> {                    // Linux tcp_delack_timer: send the pending ACK, leave ping-pong
                if (!ackPending || !synchronizedState()) return;
                long atoMin = cfg.get(Knob.tcp_delack_min) * 1000;
                if (pingpong) { pingpong = false; ato = atoMin; }      // delayed ACK missed: leave ping-pong mode
                else if (linux) ato = Math.min(ato * 2, Math.max(rto, atoMin));   // ... or inflate ATO
                sendAck(Why.of("delayed ACK timer expired", "RFC 9293 3.8.6.3; Linux tcp_delack_timer"));
            }
            case PERSIST -> persistTimer();
            case KEEPALIVE -> keepaliveTimer();
            case FIN_WAIT_2 -> {                     // Linux tcp_fin_timeout for an orphaned FIN-WAIT-2
                if (state == State.FIN_WAIT_2) enter(State.CLOSED, Why.of("no FIN from the peer within " + linger2 + " s", "Linux tcp_fin_timeout"));
            }
            case TIME_WAIT -> enter(State.CLOSED, Why.of("TIME-WAIT expired (" + cfg.get(Knob.tcp_timewait_len) + " s)",
                    linux ? "Linux TCP_TIMEWAIT_LEN" : "RFC 9293 3.4.2 (2 MSL)"));
        }
    }

    /** SYN retransmission: Linux sends the first tcp_syn_linear_timeouts retries 1 RTO apart, then doubles. */
    private void synTimer() {
        if (state != State.SYN_SENT && state != State.SYN_RECEIVED) return;
        int linear = state == State.SYN_SENT ? cfg.getInt(Knob.tcp_syn_linear_timeouts) : 0;
        int max = cfg.getInt(Knob.tcp_syn_retries) + linear;
        if (retransmits >= max) {
            error = "ETIMEDOUT";
            enter(State.CLOSED, Why.of("no answer after " + retransmits + " SYN retransmissions: connect() fails with ETIMEDOUT",
                    "RFC 9293 3.8.3; Linux tcp_syn_retries"));
            return;
        }
        retransmits++;
        synRetransmitted = true;
        rttStart = -1;
        if (state == State.SYN_SENT) sendSyn(Why.of("SYN retransmission #" + retransmits, "RFC 6298 5.4; Linux tcp_retransmit_timer"));
        else sendSynAck(Why.of("SYN-ACK retransmission #" + retransmits, "RFC 6298 5.4"));
        if (retransmits > linear) backoff();
        arm(TcpTimer.SYN, now() + rto);
    }

    /** SYN-ACK retransmission of a half-open connection: 1, 3, 7, 15, 31 s, dropped at 63 s (tcp_synack_retries 5). */
    private void synAckTimer() {
        if (state != State.SYN_RECEIVED) return;
        if (retransmits >= cfg.getInt(Knob.tcp_synack_retries)) {
            enter(State.CLOSED, Why.of("no ACK after " + retransmits + " SYN-ACK retransmissions: the half-open connection is dropped",
                    "Linux tcp_synack_retries"));
            return;
        }
        retransmits++;
        rttStart = -1;
        sendSynAck(Why.of("SYN-ACK retransmission #" + retransmits, "RFC 6298 5.4; Linux reqsk_timer_handler"));
        arm(TcpTimer.SYNACK, now() + Math.min(1_000_000L << retransmits, cfg.get(Knob.tcp_rto_max) * 1000));
    }

    private void retransmissionTimer() {
        boolean outstanding = flight() > 0;
        if (!outstanding || !synchronizedState() || state == State.TIME_WAIT) return;
        if (reoPending) {                       // Linux tcp_rack_reo_timeout
            reoPending = false;
            rackCheck();
            if (!armed(TcpTimer.RETRANSMISSION)) arm(TcpTimer.RETRANSMISSION, now() + rto);
            return;
        }
        if (probePending) {
            sendLossProbe();
            return;
        }
        int limit = orphaned ? (cfg.getInt(Knob.tcp_orphan_retries) == 0 ? 8 : cfg.getInt(Knob.tcp_orphan_retries))
                : cfg.getInt(Knob.tcp_retries2);
        if (retransmits >= limit) {
            error = "ETIMEDOUT";
            enter(State.CLOSED, Why.of("no ACK after " + retransmits + " retransmissions: the connection times out",
                    orphaned ? "Linux tcp_orphan_retries" : "RFC 9293 3.8.3; Linux tcp_retries2"));
            return;
        }
        retransmits++;
        tlpOutstanding = false;
        ssthresh = Math.max(flight() / Math.max(sndMss, 1) / 2, 2);
        cwnd = 1;
        dupAcks = 0;
        rttStart = -1;
        rtxNxt = sndUna;
        backoff();
        output();
        if (!armed(TcpTimer.RETRANSMISSION)) arm(TcpTimer.RETRANSMISSION, now() + rto);
    }

    private void persistTimer() {
        if (!synchronizedState() || state == State.TIME_WAIT) return;
        if (sndWnd > 0) { output(); return; }
        if (!Seq.lt(sndNxt, writeSeq)) return;
        persistProbes++;
        sendProbe(Why.of("zero-window probe #" + persistProbes, "RFC 9293 3.8.6.1; Linux tcp_probe_timer"));
        armPersist();
    }

    /** Keepalive (RFC 9293 3.8.4; Linux tcp_keepalive_timer): probe SEQ=SND.UNA-1 after idle; RST after the last one. */
    private void keepaliveTimer() {
        if (!keepalive || !(state == State.ESTABLISHED || state == State.CLOSE_WAIT || state == State.FIN_WAIT_2)) return;
        long idle = keepIdle * 1_000_000L;
        if (flight() > 0 || Seq.lt(sndNxt, writeSeq)) { arm(TcpTimer.KEEPALIVE, now() + idle); return; }
        long elapsed = now() - lastRcv;
        if (keepaliveProbes == 0 && elapsed < idle) { arm(TcpTimer.KEEPALIVE, lastRcv + idle); return; }
        if (keepaliveProbes >= keepCnt) {
            error = "ETIMEDOUT";
            abortWithReset(Why.of(keepCnt + " keepalive probes unanswered: RST, ETIMEDOUT", "RFC 9293 3.8.4; Linux tcp_keepalive_timer"));
            return;
        }
        keepaliveProbes++;
        sendProbe(Why.of("keepalive probe #" + keepaliveProbes + " (SEQ = SND.NXT-1, no data)", "RFC 9293 3.8.4; Linux tcp_keepalive_timer"));
        arm(TcpTimer.KEEPALIVE, now() + keepIntvl * 1_000_000L);
    }
}
