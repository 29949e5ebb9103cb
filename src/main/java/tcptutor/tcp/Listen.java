package tcptutor.tcp;

import static tcptutor.wire.Flags.ACK;
import static tcptutor.wire.Flags.FIN;
import static tcptutor.wire.Flags.RST;
import static tcptutor.wire.Flags.SYN;

import java.util.ArrayList;
import java.util.List;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/**
 * A listening socket's queues (Linux inet_connection_sock): the SYN queue of half-open connections and the
 * accept queue of established ones not yet accept()ed. LISTEN arrival rules are RFC 9293 3.10.7.2.
 */
final class Listen {
    private static final int[] COOKIE_MSS = {536, 1300, 1440, 1460};

    final Tcb owner;
    int backlog;
    final List<Tcb> synQueue = new ArrayList<>();
    final List<Tcb> acceptQueue = new ArrayList<>();
    private long lastCookie = Long.MIN_VALUE;

    Listen(Tcb owner, int backlog) {
        this.owner = owner;
        this.backlog = backlog;
    }

    /** Linux sk_acceptq_is_full tests '>': backlog + 1 connections fit. */
    boolean acceptQueueFull() { return acceptQueue.size() > backlog; }

    /** Linux >= 6.14 inet_csk_reqsk_queue_is_full also tests '>' (backlog + 1 half-open fit); textbook: backlog. */
    private boolean synQueueFull() { return owner.linux ? synQueue.size() > backlog : synQueue.size() >= backlog; }

    /** SEGMENT ARRIVES in LISTEN. {@code isn} != 0 when a TIME-WAIT connection is being reopened with that ISS. */
    void arrives(Segment s, int isn, boolean reopen) {
        Env env = owner.env;
        // first: a RST is ignored
        if (s.has(RST)) {
            env.handled(Why.of("RST to a listening socket is ignored", "RFC 9293 3.10.7.2 first"));
            return;
        }
        // second: an ACK is answered with <SEQ=SEG.ACK><CTL=RST> (unless it carries a valid SYN cookie)
        if (s.has(ACK)) {
            if (!s.has(SYN) && cookieAck(s)) return;
            owner.stack.sendReset(s, Why.of("ACK to a listening socket: <SEQ=SEG.ACK><CTL=RST>", "RFC 9293 3.10.7.2 second"));
            return;
        }
        // fourth: anything but a SYN is dropped
        if (!s.has(SYN)) {
            env.handled(Why.of("no SYN, ACK or RST: dropped by the listener", "RFC 9293 3.10.7.2 fourth"));
            return;
        }
        // third: a SYN
        if (owner.linux && s.has(FIN)) {
            env.handled(Why.of("SYN+FIN is dropped", "Linux tcp_rcv_state_process"));
            return;
        }
        if (acceptQueueFull()) {
            env.handled(Why.of("accept queue full (" + acceptQueue.size() + " > backlog " + backlog + "): SYN dropped",
                    "Linux tcp_conn_request (sk_acceptq_is_full)"));
            return;
        }
        boolean cookies = owner.cfg.get(Knob.tcp_syncookies) != 0;
        if (synQueueFull() || (!cookies && synQueue.size() >= owner.cfg.get(Knob.tcp_max_syn_backlog))) {
            if (cookies && !reopen) {
                sendCookie(s);
                return;
            }
            env.handled(Why.of("SYN queue full (" + synQueue.size() + " half-open, backlog " + backlog + "): SYN dropped",
                    "Linux tcp_conn_request"));
            return;
        }
        Tcb c = child(s.srcPort());
        c.takeSynOptions(s);
        c.negotiate();
        c.iss = isn != 0 ? isn : env.isn();
        c.sndUna = c.iss;
        c.sndNxt = c.iss + 1;
        c.writeSeq = c.sndNxt;
        c.sndBufSeq = c.sndNxt;
        c.rtxNxt = c.sndNxt;
        c.irs = s.seq();
        c.rcvNxt = s.seq() + 1;
        c.rcvSpace = c.initialWindow(c.advMss - (c.tsOk ? 12 : 0));
        c.rcvWup = c.rcvNxt;
        c.rcvAdvWnd = Math.min(c.rcvSpace, 65535);
        c.sndWnd = s.window();
        c.sndWl1 = s.seq();
        owner.stack.register(c);
        synQueue.add(c);
        c.enter(State.SYN_RECEIVED, Why.of("SYN on a listening port: a new half-open connection (SYN queue "
                + synQueue.size() + "/" + backlog + ")", "RFC 9293 3.10.7.2 third"));
        c.sendSynAck(Why.of("SYN-ACK to a SYN on a listening port" + (reopen ? " (reopening TIME-WAIT, ISS = old SND.NXT + 65537)" : ""),
                "RFC 9293 3.10.7.2 third"));
        if (s.payloadLength() > 0) env.note(Why.of("data on the SYN is discarded; the peer will send it again", "Linux tcp_conn_request"));
        c.rttStart = env.now();
        c.arm(TcpTimer.SYNACK, env.now() + 1_000_000L);
    }

    private Tcb child(int remotePort) {
        Tcb c = new Tcb(owner.stack);
        c.localPort = owner.localPort;
        c.remotePort = remotePort;
        c.passive = true;
        c.parent = owner;
        c.nodelay = owner.nodelay;
        c.keepalive = owner.keepalive;
        c.keepIdle = owner.keepIdle;
        c.keepIntvl = owner.keepIntvl;
        c.keepCnt = owner.keepCnt;
        c.lingerZero = owner.lingerZero;
        c.linger2 = owner.linger2;
        c.userRcvBuf = owner.userRcvBuf;
        if (owner.userMss > 0) c.maxSeg(owner.userMss);
        return c;
    }

    private int cookie(int remotePort, int seq, long slot) {
        long h = owner.localPort * 0x9E3779B97F4A7C15L ^ remotePort * 0xC2B2AE3D27D4EB4FL ^ (seq & 0xffffffffL) * 0x165667B19E3779F9L ^ slot;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) h;
    }

    /** SYN cookie (Linux cookie_v4_init_sequence): the ISS encodes the connection; the SYN-ACK carries MSS only. */
    private void sendCookie(Segment s) {
        Env env = owner.env;
        int peerMss = s.option(TcpOption.Mss.class).map(TcpOption.Mss::mss).orElse(536);
        int idx = 0;
        for (int i = 0; i < COOKIE_MSS.length; i++) if (COOKIE_MSS[i] <= peerMss) idx = i;
        long slot = env.now() / 64_000_000L;
        int iss = (cookie(s.srcPort(), s.seq(), slot) & ~3) | idx;
        lastCookie = env.now();
        int win = owner.initialWindow(owner.advMss);
        env.transmit(Segment.of(owner.localPort, s.srcPort(), iss, s.seq() + 1, SYN | ACK, win,
                List.of(new TcpOption.Mss(owner.advMss)), new byte[0]),
                Why.of("SYN queue full: SYN-ACK with a SYN cookie as ISS; nothing is stored", "Linux tcp_syncookies"));
    }

    /** A final ACK carrying a valid cookie creates the connection directly in ESTABLISHED. */
    private boolean cookieAck(Segment s) {
        Env env = owner.env;
        if (owner.cfg.get(Knob.tcp_syncookies) == 0 || lastCookie == Long.MIN_VALUE || env.now() - lastCookie > 120_000_000L) return false;
        int iss = s.ack() - 1;
        long slot = env.now() / 64_000_000L;
        boolean ok = false;
        for (long k = slot; k >= slot - 1 && !ok; k--) ok = ((cookie(s.srcPort(), s.seq() - 1, k) & ~3) == (iss & ~3));
        if (!ok) return false;
        if (acceptQueueFull()) {
            env.handled(Why.of("valid SYN cookie but the accept queue is full: ACK dropped", "Linux cookie_v4_check"));
            return true;
        }
        Tcb c = child(s.srcPort());
        c.peerMss = COOKIE_MSS[iss & 3];
        c.negotiate();
        c.sndMss = Math.max(Math.min(c.peerMss, c.advMss), 48);
        c.iss = iss;
        c.sndUna = s.ack();
        c.sndNxt = s.ack();
        c.writeSeq = c.sndNxt;
        c.sndBufSeq = c.sndNxt;
        c.irs = s.seq() - 1;
        c.rcvNxt = s.seq();
        c.rcvSpace = c.initialWindow(c.advMss);
        c.rcvWup = c.rcvNxt;
        c.rcvAdvWnd = Math.min(c.rcvSpace, 65535);
        c.sndWnd = s.window();
        c.maxSndWnd = c.sndWnd;
        c.sndWl1 = s.seq();
        c.sndWl2 = s.ack();
        owner.stack.register(c);
        c.establishedInit();
        c.enter(State.ESTABLISHED, Why.of("ACK carrying a valid SYN cookie: connection created directly", "Linux cookie_v4_check"));
        acceptQueue.add(c);
        if (s.payloadLength() > 0 || s.has(FIN)) c.textArrives(s);
        return true;
    }

    void established(Tcb c) {
        synQueue.remove(c);
        acceptQueue.add(c);
    }

    void forget(Tcb c) {
        synQueue.remove(c);
        acceptQueue.remove(c);
    }

    Tcb accept() {
        if (acceptQueue.isEmpty()) return null;
        Tcb c = acceptQueue.remove(0);
        c.parent = null;
        return c;
    }

    /** Closing the listener: half-open connections vanish silently, unaccepted ones are reset (Linux inet_csk_listen_stop). */
    void close() {
        for (Tcb c : new ArrayList<>(synQueue)) {
            c.enter(State.CLOSED, Why.of("the listener closed: half-open connection dropped silently", "Linux inet_csk_listen_stop"));
        }
        for (Tcb c : new ArrayList<>(acceptQueue)) {
            c.orphaned = true;
            c.abort();
        }
        synQueue.clear();
        acceptQueue.clear();
    }
}
