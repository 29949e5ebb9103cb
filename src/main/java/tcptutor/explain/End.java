package tcptutor.explain;

import java.util.ArrayList;
import java.util.List;
import tcptutor.tcp.Env;
import tcptutor.tcp.Settings;
import tcptutor.tcp.Stack;
import tcptutor.tcp.State;
import tcptutor.tcp.Tcb;
import tcptutor.tcp.TcpTimer;
import tcptutor.tcp.Why;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;

/**
 * One side of a replayed connection: an engine stack whose endpoint follows what this host sent in the capture
 * ({@link Tcb#replaySent}) and judges what reached it by the engine's rules ({@link Stack#arrive}). What the engine
 * would have sent in reply is kept as a prediction, so the real reply can be explained by the rule that produces it.
 * Time is the capture's; timers never fire (the capture shows what really happened when they did).
 */
final class End implements Env {
    /** What the engine did for this side while one segment was processed. */
    enum Kind { STATE, HANDLED, NOTE, WOULD_SEND }

    /** Something the engine did: a state change (from, to), a drop or note, or a segment it would have sent. */
    record Event(Kind kind, State from, State to, Why why) {}

    /** A segment the engine would have sent, in reply to the segment in {@code frame}. */
    record Prediction(Segment segment, Why why, int frame) {}

    final String name;
    final Endpoint me, other;
    final Stack stack;
    Tcb tcb, listener;
    int isn;
    private long now;
    private int frame;
    private final List<Event> events = new ArrayList<>();
    private final List<Prediction> predictions = new ArrayList<>();

    End(String name, Endpoint me, Endpoint other, Settings settings) {
        this.name = name;
        this.me = me;
        this.other = other;
        this.stack = new Stack(this, () -> settings);
    }

    /** The connection's state: its endpoint's, else LISTEN with a listener, else CLOSED. */
    State state() {
        if (tcb != null) return tcb.state();
        return listener != null ? State.LISTEN : State.CLOSED;
    }

    void at(long micros, int frame) {
        this.now = micros;
        this.frame = frame;
    }

    void listen() {
        listener = stack.socket();
        listener.bind(me.port());
        listener.listen(4096);
        events.clear();
    }

    /** What this host sent: its endpoint takes it as its own output (a socket for it first, if it has none). */
    void sent(Segment s) {
        if (tcb == null) tcb = stack.connection(me.port(), other.port());
        if (tcb == null && listener == null) tcb = stack.socket();
        if (tcb != null) tcb.replaySent(s);
    }

    /** A segment reached this host: the engine's rules decide; then the application reads everything there is. */
    void arrive(Segment s) {
        stack.arrive(s);
        if (tcb == null) tcb = stack.connection(me.port(), other.port());
        if (tcb != null && tcb.readable() > 0) tcb.receive(Integer.MAX_VALUE);
    }

    void join(int sndNxt, int rcvNxt) {
        tcb = stack.socket();
        tcb.replayJoin(me.port(), other.port(), sndNxt, rcvNxt);
    }

    /** Events since the last call. */
    List<Event> drain() {
        List<Event> out = List.copyOf(events);
        events.clear();
        return out;
    }

    /**
     * The prediction this real segment fulfils (same flags but PSH, same SEQ, same ACK when ACK is set), or null.
     * It and older predictions are used up; predictions more than 16 frames old are forgotten.
     */
    Prediction fulfils(Segment s, int frame) {
        predictions.removeIf(p -> frame - p.frame() > 16);
        int mask = ~Flags.PSH;
        for (int i = 0; i < predictions.size(); i++) {
            Segment w = predictions.get(i).segment();
            if ((w.flags() & mask) == (s.flags() & mask) && w.seq() == s.seq() && (!s.has(Flags.ACK) || w.ack() == s.ack())) {
                Prediction p = predictions.get(i);
                predictions.subList(0, i + 1).clear();
                return p;
            }
        }
        return null;
    }

    /** Forgets the predictions made while the current frame was processed (replies to stand-in segments). */
    void forgetCurrent() { predictions.removeIf(p -> p.frame() == frame); }

    // ---- Env ----

    @Override public long now() { return now; }

    @Override public void transmit(Segment s, Why why) {
        predictions.add(new Prediction(s, why, frame));
        events.add(new Event(Kind.WOULD_SEND, null, null, why));
    }

    @Override public void handled(Why why) { events.add(new Event(Kind.HANDLED, null, null, why)); }

    @Override public void note(Why why) { events.add(new Event(Kind.NOTE, null, null, why)); }

    @Override public void stateChanged(Tcb t, State from, State to, Why why) {
        if (t == listener) return;
        if (tcb == null && t.localPort() == me.port() && t.remotePort() == other.port()) tcb = t;
        if (t != tcb) return;
        events.add(new Event(Kind.STATE, from == State.CLOSED && t.parent() != null ? State.LISTEN : from, to, why));
    }

    @Override public void timerChanged(Tcb t, TcpTimer timer, TimerAction action, long deadline) { }

    @Override public Object schedule(long at, Runnable r) { return r; }

    @Override public void cancel(Object handle) { }

    @Override public int isn() { return isn; }

    @Override public int ephemeralPort() { return me.port(); }
}
