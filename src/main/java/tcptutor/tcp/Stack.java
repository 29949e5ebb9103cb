package tcptutor.tcp;

import static tcptutor.wire.Flags.ACK;
import static tcptutor.wire.Flags.RST;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tcptutor.wire.Segment;

/**
 * One host's TCP: the table of connections and listeners, demultiplexing of arriving segments
 * (Linux tcp_v4_rcv), and the replies of a port with no socket (RFC 9293 3.10.7.1).
 */
public final class Stack {
    final Env env;
    private final Supplier<Settings> settings;
    private final Map<Long, Tcb> conns = new HashMap<>();
    private final Map<Integer, Tcb> listeners = new HashMap<>();
    private long challengeSecond = -1;
    private int challengeCount;

    public Stack(Env env, Supplier<Settings> settings) {
        this.env = env;
        this.settings = settings;
    }

    Settings settings() { return settings.get(); }

    /** A new endpoint in CLOSED, not yet in the table (a socket). */
    public Tcb socket() { return new Tcb(this); }

    private static long key(int local, int remote) { return ((long) local << 16) | remote; }

    /** A segment arrives for this host: to its connection, else its listener, else the CLOSED rules. */
    public void arrive(Segment s) {
        Tcb t = conns.get(key(s.dstPort(), s.srcPort()));
        if (t != null) {
            t.segmentArrives(s);
            return;
        }
        Tcb l = listeners.get(s.dstPort());
        if (l != null) {
            l.segmentArrives(s);
            return;
        }
        closedArrives(s);
    }

    /** RFC 9293 3.10.7.1: no TCB. RST ignored; otherwise a RST in the format of {@link #sendReset}. */
    void closedArrives(Segment s) {
        if (s.has(RST)) {
            env.handled(Why.of("RST to a port with no socket is dropped (never answer a RST)", "RFC 9293 3.10.7.1"));
            return;
        }
        sendReset(s, s.has(ACK)
                ? Why.of("segment with ACK to a port with no socket: <SEQ=SEG.ACK><CTL=RST>", "RFC 9293 3.10.7.1")
                : Why.of("segment without ACK to a port with no socket: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>", "RFC 9293 3.10.7.1"));
    }

    /**
     * A RST answering {@code s} (reference 2.3; Linux tcp_v4_send_reset): if s had ACK, {@code <SEQ=SEG.ACK><CTL=RST>};
     * otherwise {@code <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>}. Window 0, no options. Never in reply to a RST.
     */
    public void sendReset(Segment s, Why why) {
        if (s.has(RST)) return;
        Segment r = s.has(ACK)
                ? Segment.of(s.dstPort(), s.srcPort(), s.ack(), 0, RST, 0, List.of(), new byte[0])
                : Segment.of(s.dstPort(), s.srcPort(), 0, s.seq() + s.len(), RST | ACK, 0, List.of(), new byte[0]);
        env.transmit(r, why);
    }

    void register(Tcb t) { conns.put(key(t.localPort, t.remotePort), t); }

    void addListener(Tcb t) { listeners.put(t.localPort, t); }

    /** The TCB is gone (CLOSED): out of the tables and its listener's queues. */
    void forget(Tcb t) {
        long k = key(t.localPort, t.remotePort);
        if (conns.get(k) == t) conns.remove(k);
        if (listeners.get(t.localPort) == t) listeners.remove(t.localPort);
        if (t.parent != null && t.parent.listen != null) t.parent.listen.forget(t);
    }

    /** The listener on a port, or null. */
    public Tcb listener(int port) { return listeners.get(port); }

    /** The connection for a pair of ports, or null. */
    public Tcb connection(int localPort, int remotePort) { return conns.get(key(localPort, remotePort)); }

    /** Every TCB in the tables: listeners first, then connections, in port order. */
    public List<Tcb> all() {
        List<Tcb> out = new ArrayList<>(listeners.values());
        out.sort((a, b) -> Integer.compare(a.localPort, b.localPort));
        List<Tcb> cs = new ArrayList<>(conns.values());
        cs.sort((a, b) -> a.localPort != b.localPort ? Integer.compare(a.localPort, b.localPort) : Integer.compare(a.remotePort, b.remotePort));
        out.addAll(cs);
        return out;
    }

    /** Visits every TCB in the tables, in no particular order (cheaper than {@link #all}). */
    public void forEach(java.util.function.Consumer<Tcb> visit) {
        listeners.values().forEach(visit);
        conns.values().forEach(visit);
    }

    /** Whether a local port is used by a listener or a connection; {@code ignoreTimeWait} for SO_REUSEADDR. */
    public boolean portInUse(int port, boolean reuse) {
        Tcb l = listeners.get(port);
        if (l != null) return true;
        for (Tcb t : conns.values()) {
            if (t.localPort != port) continue;
            if (reuse && t.state != State.LISTEN) continue;
            return true;
        }
        return false;
    }

    /** Host-wide challenge ACK budget per second (Linux tcp_challenge_ack_limit). */
    boolean challengeAllowed() {
        long sec = env.now() / 1_000_000L;
        if (sec != challengeSecond) {
            challengeSecond = sec;
            challengeCount = 0;
        }
        return ++challengeCount <= settings().get(Knob.tcp_challenge_ack_limit);
    }
}
