package tcptutor.tcp;

import static tcptutor.wire.Flags.ACK;
import static tcptutor.wire.Flags.FIN;
import static tcptutor.wire.Flags.RST;
import static tcptutor.wire.Flags.SYN;

import tcptutor.wire.Segment;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpOption;

/**
 * Replaying a real connection (tcptutor explain): an endpoint is told what its host put on the wire, as a capture saw
 * it, and takes it as its own output. Arrivals still run through the normal rules ({@link Stack#arrive}); only what
 * this side sent is taken from the capture instead of being decided by the engine. Nothing is transmitted here.
 * <ul>
 * <li>a SYN from CLOSED is an active OPEN with the SYN's ISN and options;</li>
 * <li>a SYN-ACK of a half-open connection fixes its ISN and options (the engine picked its own);</li>
 * <li>new data is what the application wrote; a FIN is its close or shutdown (FIN-WAIT-1 or LAST-ACK);</li>
 * <li>a RST carrying a sequence number of this connection aborts it (CLOSED);</li>
 * <li>the ACK and window fields become RCV.WUP and the window offered, so later arrivals are judged against the
 * window this side really advertised; an ACK beyond RCV.NXT (data the capture never showed) moves RCV.NXT up.</li>
 * </ul>
 */
final class Replay {
    private Replay() {}

    /** The options a real SYN or SYN-ACK offered: MSS (-1 none), window scale (-1 none, -2 unknown), SACK, timestamps. */
    record Offer(int mss, int wscale, boolean sack, boolean ts) {
        static final Offer UNKNOWN = new Offer(-1, -2, false, false);

        static Offer of(Segment s) {
            int mss = s.option(TcpOption.Mss.class).map(TcpOption.Mss::mss).orElse(-1);
            int ws = s.option(TcpOption.WindowScale.class).map(w -> Math.min(w.shift(), 14)).orElse(-1);
            return new Offer(mss, ws, s.option(TcpOption.SackPermitted.class).isPresent(), s.option(TcpOption.Timestamps.class).isPresent());
        }
    }

    static void sent(Tcb t, Segment s) {
        if (s.has(RST)) {
            reset(t, s);
            return;
        }
        if (s.has(SYN) && !syn(t, s)) return;
        if (!t.state.synchronized_()) return;
        text(t, s);
        if (s.has(ACK)) ack(t, s);
    }

    /** The capture begins mid-connection: ESTABLISHED with these numbers; window scale unknown, so windows are not judged. */
    static void join(Tcb t, int localPort, int remotePort, int sndNxt, int rcvNxt) {
        t.localPort = localPort;
        t.remotePort = remotePort;
        t.replayOffer = Offer.UNKNOWN;
        t.iss = sndNxt - 1;
        t.irs = rcvNxt - 1;
        t.sndUna = t.sndNxt = t.writeSeq = t.sndBufSeq = t.rtxNxt = sndNxt;
        t.rcvNxt = t.rcvWup = rcvNxt;
        t.rcvAdvWnd = 1 << 30;
        t.sndWnd = t.maxSndWnd = 1 << 30;
        t.sndWl1 = rcvNxt - 1;
        t.sndWl2 = sndNxt;
        t.sndMss = t.advMss;
        t.bytesAcked = 1L << 30;
        t.stack.register(t);
        t.establishedInit();
        t.enter(State.ESTABLISHED, Why.of("the capture begins after the handshake: taken as ESTABLISHED", ""));
    }

    /** Returns true when the rest of the segment (ACK, text) is to be taken too. */
    private static boolean syn(Tcb t, Segment s) {
        if (!s.has(ACK)) {
            if (t.state != State.CLOSED || t.resetSeen) return false;     // a retransmitted SYN, or a new connection
            t.localPort = s.srcPort();
            t.remotePort = s.dstPort();
            adoptIss(t, s);
            t.rcvSpace = s.window();
            t.rcvWscale = Math.max(t.replayOffer.wscale(), 0);
            t.stack.register(t);
            t.enter(State.SYN_SENT, Why.of("it sent a SYN: an active OPEN (the application called connect())", "RFC 9293 3.10.1"));
            return false;
        }
        if (t.state != State.SYN_RECEIVED) return t.state.synchronized_() && s.seq() == t.iss; // a retransmitted SYN-ACK
        if (t.replayOffer == null) {                                      // our first SYN-ACK: its ISN and options are the real ones
            adoptIss(t, s);
            t.negotiate();
            t.rcvSpace = Math.max(t.rcvSpace, s.window());
        }
        return true;
    }

    private static void adoptIss(Tcb t, Segment s) {
        t.replayOffer = Offer.of(s);
        if (t.replayOffer.mss() > 0) t.advMss = t.replayOffer.mss();
        t.iss = s.seq();
        t.sndUna = t.iss;
        t.sndNxt = t.writeSeq = t.sndBufSeq = t.rtxNxt = t.iss + 1;
    }

    /** New data and the FIN: what the application wrote, and its close or shutdown. */
    private static void text(Tcb t, Segment s) {
        int seq = s.seq() + (s.has(SYN) ? 1 : 0);
        int n = s.payloadLength();
        int end = seq + n;
        if (n > 0 && !t.finQueued && Seq.gt(end, t.sndNxt)) {
            if (Seq.gt(seq, t.sndNxt)) skip(t, seq);                                   // bytes the capture missed
            int from = Seq.lt(seq, t.sndNxt) ? t.sndNxt - seq : 0;
            t.sndBuf.append(s.payload(), from, n - from);
            t.sndNxt = t.writeSeq = t.rtxNxt = end;
        }
        if (!s.has(FIN) || t.finQueued) return;
        if (Seq.gt(end, t.writeSeq)) {
            t.sndBuf.append(new byte[end - t.writeSeq], 0, end - t.writeSeq);
            t.writeSeq = end;
        }
        t.finQueued = true;
        t.sndShutdown = true;
        t.finSeq = end;
        if (Seq.gt(end + 1, t.sndNxt)) t.sndNxt = t.rtxNxt = end + 1;
        Why why = Why.of("it sent a FIN: its application closed the socket or shut down its sending side", "RFC 9293 3.10.4");
        switch (t.state) {
            // ESTABLISHED, SYN-RECEIVED: CLOSE -> FIN-WAIT-1
            case ESTABLISHED, SYN_RECEIVED -> t.enter(State.FIN_WAIT_1, why);
            // CLOSE-WAIT: CLOSE after the peer's FIN -> LAST-ACK
            case CLOSE_WAIT -> t.enter(State.LAST_ACK, why);
            default -> { }
        }
    }

    /**
     * The capture jumps ahead of SND.NXT (it missed bytes this side sent). A small gap is filled with zeros, as if
     * written; past {@link #MAX_FILL} the endpoint jumps instead: what it holds is dropped and SND.UNA moves to the new data.
     */
    private static void skip(Tcb t, int seq) {
        int gap = seq - t.sndNxt;
        if (gap <= MAX_FILL) {
            t.sndBuf.append(new byte[gap], 0, gap);
            return;
        }
        t.sndBuf.clear();
        t.sndUna = t.sndBufSeq = t.sndNxt = t.writeSeq = t.rtxNxt = seq;
    }

    static final int MAX_FILL = 1 << 20;

    /** The ACK and window this side sent: what it had received, and the window later arrivals are judged against. */
    private static void ack(Tcb t, Segment s) {
        int ack = s.ack();
        if (Seq.gt(ack, t.rcvNxt)) {
            t.rcvNxt = ack;
            while (!t.ooo.isEmpty() && Seq.le(t.ooo.get(0).end(), ack)) t.ooo.remove(0);
        }
        if (t.ackPending) {
            t.ackPending = false;
            t.cancel(TcpTimer.DELAYED_ACK);
        }
        t.rcvWup = ack;
        if (t.replayOffer == Offer.UNKNOWN) return;                       // window scale unknown: keep every window open
        int wnd = s.has(SYN) ? s.window() : s.window() << t.rcvWscale;
        t.rcvAdvWnd = wnd;
        if (wnd > t.rcvSpace) t.rcvSpace = wnd;
    }

    /** A RST with this connection's numbers aborts it; a RST answering a stray segment (other numbers) changes nothing. */
    private static void reset(Tcb t, Segment s) {
        if (!t.state.synchronized_()) return;                            // CLOSED, LISTEN: replies; SYN-SENT: a reply to a bad SYN-ACK
        if (Seq.lt(s.seq(), t.sndUna) || Seq.gt(s.seq(), t.sndNxt)) return;
        t.sndBuf.clear();
        t.enter(State.CLOSED, Why.of("it sent a RST: the connection is aborted", "RFC 9293 3.10.5"));
    }
}
