package tcptutor.tcp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The transmission control block's variables (RFC 9293 3.3.1 names) and the doors every layer uses:
 * {@link #enter} for state changes, {@link #arm}/{@link #cancel} for timers.
 * Layers above: {@link Sender} (what goes out), {@link Receiver} (what comes in), {@link Arrivals}
 * (segment arrival per state, opening in {@link Opening}), {@link Tcb} (user calls and timers).
 */
abstract class TcbState {
    final Stack stack;
    final Env env;
    final Settings cfg;
    final boolean linux;

    State state = State.CLOSED;
    int localPort, remotePort;

    // send sequence space (RFC 9293 3.3.1)
    int iss, sndUna, sndNxt, sndWnd, sndWl1, sndWl2, maxSndWnd;
    long bytesAcked;
    /** Sequence number after the last byte the application wrote. */
    int writeSeq;
    /** Sequence number of sndBuf's first byte. */
    int sndBufSeq;
    final Bytes sndBuf = new Bytes();
    /** The FIN is queued (close/shutdown) at finSeq; sent once sndNxt passes it. */
    boolean finQueued;
    int finSeq;
    /** Write ends still to be marked with PSH. */
    final ArrayDeque<Integer> pushMarks = new ArrayDeque<>();
    /** Go-back-N retransmission point after a timeout (== sndNxt when nothing to resend). */
    int rtxNxt;
    /** End of the last small segment sent (Minshall's Nagle, Linux tcp_minshall_check). */
    int sndSmlEnd;
    boolean sndSml;

    // receive sequence space
    int irs, rcvNxt, rcvWup, rcvAdvWnd;
    int rcvSpace;
    final Bytes rcvBuf = new Bytes();
    final List<Ooo> ooo = new ArrayList<>();
    long oooArrivals;
    /** Ends of the new-data segments sent and not yet acknowledged (Linux keeps each as an skb to retransmit). */
    final ArrayDeque<Integer> segEnds = new ArrayDeque<>();
    /** Ends of the segments sent with PSH and not yet acknowledged: a retransmission keeps the flag. */
    final ArrayDeque<Integer> pshSent = new ArrayDeque<>();
    boolean finRcvd;
    /** A D-SACK block to report on the next ACK (left, right), when hasDsack. */
    boolean hasDsack;
    int dsackLeft, dsackRight;
    /** Window frozen when Linux turns an orphaned socket into a time-wait mini socket; -1 if not. */
    int frozenWnd = -1;

    // options (RFC 9293 3.7.1, RFC 7323, RFC 2018)
    int advMss, peerMss = 536, sndMss, rcvMss;
    boolean wsOk, sackOk, tsOk;
    int sndWscale, rcvWscale;
    int tsRecent;
    /** Replay only: the options this side's real SYN or SYN-ACK carried (they replace the knobs); null otherwise. */
    Replay.Offer replayOffer;
    /** What the peer's SYN offered (mirrored on our SYN-ACK). */
    boolean offeredWs, offeredSack, offeredTs;
    int offeredTsVal;

    // congestion and retransmission (RFC 5681, RFC 6298)
    int cwnd, ssthresh = Integer.MAX_VALUE, dupAcks;
    long rto, srtt = -1, rttvar;
    int rttSeq;
    long rttStart = -1;
    int retransmits;
    /** Linux tail loss probe: the retransmission timer is a probe timer; a probe is unanswered up to tlpHighSeq. */
    boolean probePending, tlpOutstanding;
    /** Linux RACK on SACK connections: what was sent when, and the reordering timer (on the retransmission timer). */
    final Rack rack = new Rack();
    boolean reoPending;
    int tlpHighSeq, lastSegStart;
    boolean synRetransmitted;
    long lastOowAck = Long.MIN_VALUE;

    // delayed ACK (Linux inet_connection_sock icsk_ack)
    int quickAcks;
    boolean pingpong, ackPending;
    /** Linux inet_csk_ack_scheduled: data (or a FIN) arrived that an ACK is owed for. */
    boolean ackScheduled;
    /** When data last arrived (Linux icsk_ack.lrcvtime), -1 before any. */
    long lrcvTime = -1;
    /** The segment being received: its TCP header length and whether it has FIN, URG, SYN or PSH (TCP_REMNANT). */
    int segHeaderLen = 20;
    boolean segRemnant;
    /** Linux icsk_ack.last_seg_size: the previous short segment's size, to learn a smaller MSS from two of them. */
    int lastSegSize;
    /** Linux ICSK_ACK_PUSHED: a short (or pushed full-sized) segment arrived since the last ACK. */
    boolean pushed;
    long ato;
    int keepaliveProbes, persistProbes;
    long lastRcv;

    // the socket above
    boolean orphaned, rcvShutdown, sndShutdown, passive, synQueued;
    /** Error for the application (SO_ERROR, next call), and whether reads now see EOF. */
    String error;
    boolean resetSeen;
    boolean nodelay, keepalive, lingerZero;
    int keepIdle, keepIntvl, keepCnt, linger2;

    /** Listener only: its queues. Child only: its listener. */
    Listen listen;
    Tcb parent;

    private final long[] deadline = new long[TcpTimer.values().length];
    private final long[] scheduledAt = new long[TcpTimer.values().length];
    private final Object[] handle = new Object[TcpTimer.values().length];
    private final Runnable[] fires = new Runnable[TcpTimer.values().length];

    TcbState(Stack stack) {
        this.stack = stack;
        this.env = stack.env;
        this.cfg = stack.settings();
        this.linux = cfg.profile() == Profile.LINUX;
        advMss = (int) cfg.get(Knob.tcp_mtu) - 40;
        rto = cfg.get(Knob.tcp_rto_initial) * 1000;
        keepIdle = cfg.getInt(Knob.tcp_keepalive_time);
        keepIntvl = cfg.getInt(Knob.tcp_keepalive_intvl);
        keepCnt = cfg.getInt(Knob.tcp_keepalive_probes);
        linger2 = cfg.getInt(Knob.tcp_fin_timeout);
        for (TcpTimer t : TcpTimer.values()) fires[t.ordinal()] = () -> fire(t);
    }

    /** Out-of-order data held for reassembly: [seq, seq + data.length), plus a FIN after it. */
    record Ooo(int seq, byte[] data, boolean fin, long arrival, long truesize) {
        int end() { return seq + data.length + (fin ? 1 : 0); }
    }

    abstract Tcb self();

    /** The one door for state changes: records the transition and why, and tidies up what the new state implies. */
    final void enter(State to, Why why) {
        reacted = true;
        State from = state;
        state = to;
        env.stateChanged(self(), from, to, why);
        if (to == State.CLOSED) {
            for (TcpTimer t : TcpTimer.values()) cancel(t);
            stack.forget(self());
        } else if (to == State.TIME_WAIT) {
            for (TcpTimer t : TcpTimer.values()) cancel(t);
            if (linux && frozenWnd < 0) frozenWnd = curWin();   // tcp_time_wait: tw_rcv_wnd = tcp_receive_window
            arm(TcpTimer.TIME_WAIT, env.now() + cfg.get(Knob.tcp_timewait_len) * 1_000_000L);
        }
    }

    /**
     * Arms (or re-arms) a timer. A later deadline than the one already scheduled does not touch the scheduler:
     * the scheduled event notices the new deadline and reschedules itself (Linux's timers do the same).
     */
    final void arm(TcpTimer t, long at) {
        int i = t.ordinal();
        deadline[i] = at;
        if (handle[i] != null && scheduledAt[i] <= at) {
            env.timerChanged(self(), t, Env.TimerAction.ARMED, at);
            return;
        }
        if (handle[i] != null) env.cancel(handle[i]);
        schedule(t, at);
        env.timerChanged(self(), t, Env.TimerAction.ARMED, at);
    }

    private void schedule(TcpTimer t, long at) {
        int i = t.ordinal();
        scheduledAt[i] = at;
        handle[i] = env.schedule(at, fires[i]);
    }

    final void cancel(TcpTimer t) {
        int i = t.ordinal();
        if (handle[i] == null) return;
        env.cancel(handle[i]);
        handle[i] = null;
        env.timerChanged(self(), t, Env.TimerAction.CANCELLED, deadline[i]);
    }

    final boolean armed(TcpTimer t) { return handle[t.ordinal()] != null; }

    /** Deadline of a running timer, or -1. */
    final long deadline(TcpTimer t) { return handle[t.ordinal()] == null ? -1 : deadline[t.ordinal()]; }

    private void fire(TcpTimer t) {
        int i = t.ordinal();
        if (env.now() < deadline[i]) {
            schedule(t, deadline[i]);
            return;
        }
        handle[i] = null;
        env.timerChanged(self(), t, Env.TimerAction.FIRED, deadline[i]);
        timerFires(t);
    }

    abstract void timerFires(TcpTimer t);

    // ---- small helpers every layer uses ----

    /** Set when the segment being processed caused a reply, a state change or a recorded reason. */
    boolean reacted;

    /** The segment being processed is consumed or dropped without a reply: record why. */
    final void handled(Why why) {
        reacted = true;
        env.handled(why);
    }

    final long now() { return env.now(); }

    /** TSval from the virtual clock in ms (RFC 7323 3; Linux tcp_time_stamp_ts). */
    final int tsNow() { return (int) (env.now() / 1000); }

    final boolean synchronizedState() { return state.synchronized_(); }

    /** Bytes the application has not read. */
    final int unread() { return rcvBuf.size(); }

    /** Our FIN has been acknowledged. */
    final boolean finAcked() { return finQueued && tcptutor.wire.Seq.gt(sndUna, finSeq); }

    // ---- the receive window ----
    // Linux (tcp_output.c tcp_select_window / __tcp_select_window, tcp_input.c tcp_grow_window,
    // tcp_measure_rcv_mss, tcp_init_buffer_space): the window follows rcv_ssthresh and the free receive memory,
    // counted as skb truesize and scaled by scaling_ratio; the right edge already offered never moves back.

    /** Linux tcp_sock: rcv_ssthresh, window_clamp, scaling_ratio (len/truesize, /256), sk_rcvbuf, sk_rmem_alloc. */
    int rcvSsthresh, windowClamp, scalingRatio = 128;
    long rcvBufBytes, rmemAlloc;
    /** TCP_MAXSEG set by the application, 0 when not set. */
    int userMss;
    /** SO_RCVBUF set by the application (SOCK_RCVBUF_LOCK), bytes; 0 when not set. */
    long userRcvBuf;
    /** Receive-queue skbs not yet read: {sequence number after its data, truesize, 1 if it is a bare FIN}. */
    final ArrayDeque<long[]> rmemQueue = new ArrayDeque<>();

    /** The right edge offered minus RCV.NXT (Linux tcp_receive_window). */
    final int curWin() { return Math.max(rcvWup + rcvAdvWnd - rcvNxt, 0); }

    /** Receive window in bytes to offer now (what the next segment would advertise, before scaling). */
    final int rcvWindowNow() {
        if (frozenWnd >= 0) return frozenWnd;
        if (linux) return passiveSynRcvd() ? rcvAdvWnd : selectWindow();
        int w = rcvSpace - rcvBuf.size() - (finRcvd ? 1 : 0);
        return Math.max(Math.max(w, 0), rcvWup + rcvAdvWnd - rcvNxt);
    }

    /** A Linux request sock answers with the SYN-ACK's window (tcp_v4_reqsk_send_ack). */
    private boolean passiveSynRcvd() { return state == State.SYN_RECEIVED && passive; }

    /** The window field for a non-SYN segment: scaled by our shift, rounded up (Linux tcp_select_window). */
    final int windowField() {
        if (!linux) {
            int w = rcvWindowNow();
            if (rcvWscale == 0) return Math.min(w, 65535);
            return Math.min((w + (1 << rcvWscale) - 1) >>> rcvWscale, 65535);
        }
        if (frozenWnd >= 0 || passiveSynRcvd()) return Math.min(rcvWindowNow() >>> rcvWscale, 65535);
        return (int) Math.min((long) selectWindow(), 65535L << rcvWscale) >>> rcvWscale;
    }

    /** Linux tcp_select_window: the new window, never below the right edge already offered (rounded up to the scale). */
    final int selectWindow() {
        int cur = curWin();
        int w = selectWindowRaw();
        if (w < cur) w = align(cur);
        return w;
    }

    private int align(int w) { int u = (1 << rcvWscale) - 1; return (w + u) & ~u; }

    /** Linux __tcp_select_window (no shrinking allowed, tcp_shrink_window = 0). */
    final int selectWindowRaw() {
        int mss = Math.max(rcvMss, 1);
        int free = winFromSpace(rcvBufBytes - rmemAlloc);
        int allowed = winFromSpace(rcvBufBytes);
        int full = Math.min(windowClamp, allowed);
        if (mss > full) {
            mss = full;
            if (mss <= 0) return 0;
        }
        if (free < (full >> 1)) {
            free = Math.max(free, 0) & ~((1 << rcvWscale) - 1);
            if (free < (allowed >> 4) || free < mss) return 0;
        }
        if (free > rcvSsthresh) free = rcvSsthresh;
        if (rcvWscale != 0) return align(free);
        int window = rcvAdvWnd;
        if (window <= free - mss || window > free) window = free / mss * mss;
        else if (mss == full && free > window + (full >> 1)) window = free;
        return window;
    }

    /** Linux tcp_win_from_space: bytes of window for bytes of buffer memory. */
    final int winFromSpace(long space) { return (int) ((space * scalingRatio) >> 8); }

    /** Our window scale shift: smallest that makes max(tcp_rmem[2]) fit 16 bits (Linux tcp_select_initial_window). */
    final int ourWscale() {
        long space = cfg.all(Knob.tcp_rmem)[2];
        if (userRcvBuf > 0) space = (userRcvBuf * 128) >> 8;      // locked buffer: the clamp is its window
        else if (linux) space = Math.max(space, 212_992);         // net.core.rmem_max
        int s = 0;
        while (space > 65535 && s < 14) { space >>= 1; s++; }
        return s;
    }

    /**
     * The window offered on the SYN or SYN-ACK, for a given MSS (Linux tcp_select_initial_window: the window
     * worth of tcp_rmem[1], rounded down to whole segments); also sets rcv_ssthresh and window_clamp.
     * Call once the window scale is known.
     */
    final int initialWindow(int mss) {
        long def = userRcvBuf > 0 ? userRcvBuf : cfg.all(Knob.tcp_rmem)[1];
        if (!linux) return (int) Math.min(def, 65535);
        rcvBufBytes = def;
        scalingRatio = 128;
        int space = winFromSpace(def);
        int clamp = userRcvBuf > 0 ? space : Integer.MAX_VALUE;   // SOCK_RCVBUF_LOCK: the clamp is the full space
        if (space > mss) space = space / mss * mss;
        rcvSsthresh = space;
        windowClamp = (int) Math.min(Math.min(65535L << rcvWscale, Integer.MAX_VALUE), clamp);
        return space;
    }

    /** Linux tcp_init_buffer_space, when the connection is established: clamp the window to the buffer less one segment. */
    final void establishedWindow() {
        if (!linux) return;
        int maxwin = winFromSpace(rcvBufBytes);
        if (windowClamp >= maxwin) windowClamp = Math.max(maxwin, 4 * advMss);   // tcp_app_win 31
        if (windowClamp > 2 * advMss && windowClamp + advMss > maxwin) windowClamp = Math.max(2 * advMss, maxwin - advMss);
        rcvSsthresh = Math.min(rcvSsthresh, windowClamp);
    }

    /** The truesize of a received segment as Linux accounts it: a linear skb (packetdrill's tun device). */
    static long truesize(int headerBytes, int payload) {
        int size = 64 + 20 + headerBytes + payload;                 // NET_SKB_PAD, IPv4 header, TCP header, data
        int head = ((size + 63) & ~63) + 320;                        // SKB_DATA_ALIGN + skb_shared_info
        int alloc = head <= 640 ? 640 : Integer.highestOneBit(head - 1) << 1;   // small-head cache, else kmalloc
        return alloc + 256L;                                         // + struct sk_buff
    }

    /** Receive memory for an skb now queued for the application, up to {@code endSeq}. */
    final void charge(int endSeq, long truesize, boolean bareFin) {
        rmemQueue.addLast(new long[]{endSeq & 0xffffffffL, truesize, bareFin ? 1 : 0});
        rmemAlloc += truesize;
    }

    /** Frees the skbs the application has read past ({@code eofRead}: the FIN's skb too). */
    final void uncharge(boolean eofRead) {
        int copied = rcvNxt - rcvBuf.size() - (finRcvd ? 1 : 0);
        while (!rmemQueue.isEmpty() && tcptutor.wire.Seq.le((int) rmemQueue.peekFirst()[0], copied)
                && (rmemQueue.peekFirst()[2] == 0 || eofRead)) {
            rmemAlloc -= rmemQueue.pollFirst()[1];
        }
    }

    final int keepaliveProbesLimit() { return keepCnt; }
}
