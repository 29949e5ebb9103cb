package tcptutor.quiz;

import java.util.ArrayList;
import java.util.List;
import tcptutor.sim.Call;
import tcptutor.sim.Conn;
import tcptutor.sim.ConnInfo;
import tcptutor.sim.Reason;
import tcptutor.sim.Side;
import tcptutor.sim.Timer;
import tcptutor.sim.TraceEvent;
import tcptutor.sim.World;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Profile;
import tcptutor.tcp.Settings;
import tcptutor.tcp.State;
import tcptutor.tcp.TcbSnapshot;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/**
 * A world for asking questions: the stack under test runs on {@link Side#PEER} ("you" in the questions,
 * port {@value #PORT}); {@link Side#YOU} is raw, so the other side's segments are crafted here, exactly.
 * Every call runs the world far enough for the replies to come out (a delayed ACK included).
 */
final class Bench {
    static final int PORT = 80;
    static final int OTHER_PORT = 40000;
    static final int WINDOW = 64240;
    static final long DELAY = 1_000;
    static final Conn CONN = new Conn(PORT, OTHER_PORT);
    static final Reason CRAFTED = Reason.of("crafted by the quiz", "");

    final World world;
    final Settings settings;
    int listenFd = -1;
    int fd = -1;

    Bench(Profile profile, long worldSeed) {
        settings = Settings.of(profile);
        world = new World(settings, worldSeed);
        world.you().raw(true);
        world.link().delay(Side.YOU, DELAY);
        world.link().delay(Side.PEER, DELAY);
    }

    /** Long enough for a reply to come back, delayed ACK included, and short of any retransmission. */
    long replyWindow() { return 2 * DELAY + settings.get(Knob.tcp_delack_min) * 1000 + 5_000; }

    void settle() { world.runUntil(world.now() + replyWindow()); }

    void listen() {
        listenFd = world.peer().socket();
        world.peer().bind(listenFd, PORT);
        world.peer().listen(listenFd, 16);
    }

    /** connect() from port {@value #PORT} to the other side; returns the call. */
    Call connect() {
        fd = world.peer().socket();
        world.peer().bind(fd, PORT);
        Call c = world.peer().connect(fd, OTHER_PORT);
        settle();
        return c;
    }

    /** accept() on the listener; the accepted socket becomes {@link #fd}. */
    void accept() {
        Call c = world.peer().accept(listenFd);
        settle();
        if (c.done() && !c.result().failed()) fd = (int) c.result().value();
    }

    /** Puts a crafted segment from the other side on the link, runs until replies are out; returns the trace index before. */
    int inject(int flags, int seq, int ack, byte[] payload, List<TcpOption> options) {
        int mark = world.trace().size();
        world.send(Side.YOU, Segment.of(OTHER_PORT, PORT, seq, ack, flags, WINDOW, options, payload), CRAFTED);
        settle();
        return mark;
    }

    int inject(int flags, int seq, int ack) { return inject(flags, seq, ack, new byte[0], List.of()); }

    /** A SYN as a learner writes it: mss 1460 only. */
    int injectSyn(int seq) { return inject(Flags.SYN, seq, 0, new byte[0], List.of(new TcpOption.Mss(1460))); }

    /** The connection on port {@value #PORT} with the other side, or null if the stack has none. */
    ConnInfo info() {
        for (ConnInfo c : world.peer().connections()) if (c.conn().equals(CONN)) return c;
        return null;
    }

    TcbSnapshot tcb() {
        ConnInfo c = info();
        return c == null ? null : c.tcb();
    }

    /** The state of the connection, CLOSED when the stack has none. */
    State state() {
        ConnInfo c = info();
        return c == null ? State.CLOSED : c.tcb().state();
    }

    /** The listener's state: LISTEN, or CLOSED when there is none. */
    State listenerState() {
        for (ConnInfo l : world.peer().connections()) {
            if (l.conn().equals(new Conn(PORT, 0))) return l.tcb().state();
        }
        return State.CLOSED;
    }

    /** Segments the stack sent since trace index {@code mark}, in order. */
    List<Segment> sentSince(int mark) {
        List<Segment> out = new ArrayList<>();
        for (TraceEvent e : world.trace().since(mark)) {
            if (e instanceof TraceEvent.Sent s && s.from() == Side.PEER) out.add(s.segment());
        }
        return out;
    }

    /** The earliest pending timer of the connection other than the delayed ACK (the first in enum order on a tie), or null. */
    Timer nextTimerKind() {
        ConnInfo c = info();
        if (c == null) return null;
        Timer best = null;
        for (Timer t : Timer.values()) {
            Long at = c.timers().get(t);
            if (t == Timer.DELAYED_ACK || at == null) continue;
            if (best == null || at < c.timers().get(best)) best = t;
        }
        return best;
    }

    /** When {@link #nextTimerKind()} fires, or -1. */
    long nextTimer() {
        Timer t = nextTimerKind();
        return t == null ? -1 : info().timers().get(t);
    }

    /** Runs to just after the next timer fires and until its replies are out; returns the trace index before, or -1 if none. */
    int fireNextTimer() {
        long at = nextTimer();
        if (at < 0) return -1;
        int mark = world.trace().size();
        world.runUntil(at);
        settle();
        return mark;
    }

    /** Why the stack did what it did since {@code mark}: the reasons of its state changes, replies and drops. */
    List<Reason> reasons(int mark) {
        List<Reason> out = new ArrayList<>();
        for (TraceEvent e : world.trace().since(mark)) {
            Reason r = null;
            if (e instanceof TraceEvent.StateChanged s && s.who() == Side.PEER) r = s.why();
            else if (e instanceof TraceEvent.Sent s && s.from() == Side.PEER) r = s.why();
            else if (e instanceof TraceEvent.Handled h && h.who() == Side.PEER) r = h.why();
            if (r != null && !out.contains(r)) out.add(r);
        }
        return out;
    }
}
