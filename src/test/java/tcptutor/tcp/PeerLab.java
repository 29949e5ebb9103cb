package tcptutor.tcp;

import java.util.ArrayList;
import java.util.List;
import tcptutor.sim.Call;
import tcptutor.sim.Host;
import tcptutor.sim.Reason;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.sim.World;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpOption;

/**
 * A test bench in the reference's notation: the tester T (raw host "you", port 40000, ISS 1000) injects segments;
 * the simulated Linux peer L (port 8080, ISS 5000) answers. {@link #out()} gives L's segments since the last look,
 * formatted like "S. 5000:5000 ack 1001 win 64240 <mss 1460>".
 */
final class PeerLab {
    static final int T = 40000, L = 8080;
    final World w;
    final Host peer;
    int listenFd = -1, fd = -1;
    Call connectCall;
    private int cursor;

    PeerLab(Settings s) { this(s, 5000); }

    final int iss;

    PeerLab(Settings s, int iss) {
        this.iss = iss;
        w = new World(s, 42);
        peer = w.peer();
        peer.nextIsn(iss);
    }

    PeerLab() { this(Settings.linux()); }

    // ---- fixtures building each state from the previous one ----

    PeerLab listening() {
        listenFd = peer.socket();
        peer.setsockopt(listenFd, tcptutor.sim.SockOpt.SO_REUSEADDR, 1);
        peer.bind(listenFd, L);
        peer.listen(listenFd, 5);
        out();
        return this;
    }

    PeerLab synReceived(TcpOption... synOpts) {
        listening();
        in(Flags.SYN, 1000, 0, 64240, 0, synOpts.length == 0 ? new TcpOption[]{new TcpOption.Mss(1460)} : synOpts);
        out();
        return this;
    }

    PeerLab established(TcpOption... synOpts) {
        synReceived(synOpts);
        in(Flags.ACK, 1001, iss + 1, 64240, 0);
        Call a = peer.accept(listenFd);
        fd = (int) a.result().value();
        out();
        return this;
    }

    /** L calls connect() to T's port: SYN seq 5000 is sent. */
    PeerLab synSent() {
        fd = peer.socket();
        peer.bind(fd, L);
        connectCall = peer.connect(fd, T);
        out();
        return this;
    }

    // ---- acting ----

    void in(int flags, int seq, int ack, int win, int len, TcpOption... opts) {
        byte[] data = new byte[len];
        for (int i = 0; i < len; i++) data[i] = (byte) ('a' + i % 26);
        w.send(Side.YOU, Segment.of(T, L, seq, ack, flags, win, List.of(opts), data), Reason.of("test", ""));
        w.runUntil(w.now());
    }

    void advanceMs(long ms) { w.runUntil(w.now() + ms * 1000); }

    /** L's segments since the last call, formatted. */
    List<String> out() {
        List<String> o = new ArrayList<>();
        List<TraceEvent> ev = w.trace().events();
        for (int i = cursor; i < ev.size(); i++) {
            if (ev.get(i) instanceof TraceEvent.Sent s && s.from() == Side.PEER) o.add(fmt(s.segment()));
        }
        cursor = ev.size();
        return o;
    }

    /** The state of L's connection with T (CLOSED if there is none). */
    State state() {
        Tcb t = peer.stack().connection(L, T);
        if (t == null && fd >= 0 && peer.tcb(fd) != null && peer.tcb(fd).localPort() != L) t = peer.stack().connection(peer.tcb(fd).localPort(), T);
        return t == null ? State.CLOSED : t.state();
    }

    Tcb tcb() {
        Tcb t = peer.stack().connection(L, T);
        return t != null ? t : peer.tcb(fd);
    }

    static String fmt(Segment s) {
        StringBuilder b = new StringBuilder(Flags.tcpdump(s.flags())).append(' ')
                .append(Seq.str(s.seq())).append(':').append(Seq.str(s.seq() + s.payloadLength()));
        if (s.payloadLength() > 0) b.append('(').append(s.payloadLength()).append(')');
        if (s.has(Flags.ACK)) b.append(" ack ").append(Seq.str(s.ack()));
        b.append(" win ").append(s.window());
        if (!s.options().isEmpty()) {
            List<String> o = new ArrayList<>();
            for (TcpOption x : s.options()) {
                if (x instanceof TcpOption.Mss m) o.add("mss " + m.mss());
                else if (x instanceof TcpOption.Nop) o.add("nop");
                else if (x instanceof TcpOption.SackPermitted) o.add("sackOK");
                else if (x instanceof TcpOption.Timestamps) o.add("TS");
                else if (x instanceof TcpOption.WindowScale ws) o.add("wscale " + ws.shift());
                else if (x instanceof TcpOption.Sack sk) {
                    StringBuilder sb = new StringBuilder("sack");
                    for (TcpOption.SackBlock bl : sk.blocks()) sb.append(' ').append(Seq.str(bl.left())).append(':').append(Seq.str(bl.right()));
                    o.add(sb.toString());
                } else o.add(x.toString());
            }
            b.append(" <").append(String.join(",", o)).append('>');
        }
        return b.toString();
    }
}
