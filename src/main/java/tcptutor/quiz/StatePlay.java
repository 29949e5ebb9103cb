package tcptutor.quiz;

import java.util.List;
import tcptutor.sim.Reason;
import tcptutor.tcp.Profile;
import tcptutor.tcp.State;
import tcptutor.tcp.TcbSnapshot;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;

/**
 * Plays one (state, event) pair on the engine: drives a fresh world to the setup's state, throws the event,
 * and records what the stack did. Everything a state question states is read from the returned {@link Outcome}.
 */
final class StatePlay {
    private StatePlay() {}

    /** The other side's ISNs, one per variant; the last two wrap around 2^32 within a few bytes. */
    static final int[] OTHER_ISN = {1000, 3000, 12345, 100000, 2000000000, (int) 3500000000L, (int) 4294967200L, (int) 4294967295L};
    /** Your ISNs, one per variant, round numbers to read easily; the last two wrap when SYN and FIN are counted. */
    static final int[] YOUR_ISN = {5000, 9000, 70000, 123456, 1000000000, (int) 3000000000L, (int) 4294967000L, (int) 4294967294L};
    /** Ack number carried by segments sent to a socket that has no connection (nothing to acknowledge). */
    static final int STRAY_ACK = 4242;

    static int variants() { return OTHER_ISN.length; }

    static long worldSeed(int variant) { return 1000L + variant; }

    /** A way to reach a state, as the question describes it. */
    enum Setup {
        CLOSED_PORT(State.CLOSED, "Nothing is bound to port 80 (CLOSED)."),
        LISTEN(State.LISTEN, "Your server listens on port 80 (LISTEN)."),
        SYN_SENT(State.SYN_SENT, "You called connect(); your SYN went out with seq %ISS and nothing came back yet (SYN-SENT)."),
        SYN_RECEIVED(State.SYN_RECEIVED, "You listen on port 80; a SYN with seq %IRS arrived and you answered SYN+ACK seq %ISS ack %RCV (SYN-RECEIVED)."),
        ESTABLISHED(State.ESTABLISHED, "The handshake is done (ESTABLISHED)."),
        UNREAD(State.ESTABLISHED, "The handshake is done and 100 bytes arrived that your application has not read yet (ESTABLISHED)."),
        FIN_WAIT_1(State.FIN_WAIT_1, "Your application called close(); your FIN (seq %FIN) is not acknowledged yet (FIN-WAIT-1)."),
        FIN_WAIT_2(State.FIN_WAIT_2, "Your application called close(); the other side acknowledged your FIN but has not sent its own (FIN-WAIT-2)."),
        HALF_CLOSED(State.FIN_WAIT_2, "Your application called shutdown(SHUT_WR) and may still read; the other side acknowledged your FIN (FIN-WAIT-2)."),
        CLOSE_WAIT(State.CLOSE_WAIT, "The other side sent a FIN, which you acknowledged; your application has not closed yet (CLOSE-WAIT)."),
        LAST_ACK(State.LAST_ACK, "The other side closed first; then your application called close() and your FIN (seq %FIN) is not acknowledged yet (LAST-ACK)."),
        CLOSING(State.CLOSING, "You sent a FIN (seq %FIN); the other side's FIN crossed it and you acknowledged that; your FIN is not acknowledged yet (CLOSING)."),
        TIME_WAIT(State.TIME_WAIT, "You closed first, your FIN was acknowledged, then the other side's FIN came and you acknowledged it (TIME-WAIT).");

        final State state;
        final String text;

        Setup(State state, String text) { this.state = state; this.text = text; }

        String slug() { return name().toLowerCase().replace('_', '-'); }

        /** Whether the other side's FIN has already arrived: a FIN now is a retransmission of it. */
        boolean theirFin() { return this == CLOSE_WAIT || this == LAST_ACK || this == CLOSING || this == TIME_WAIT; }
    }

    /** What happens next: a crafted segment from the other side, a call by your application, or a timer. */
    enum Event {
        SYN("a SYN"), SYN_ACK("a SYN+ACK"), SYN_ACK_BAD("a SYN+ACK whose ack is not ISS+1"), ACK("an ACK"),
        ACK_UNSENT("an ACK for data you never sent"), FIN("a FIN without the ACK bit"), FIN_ACK("a FIN+ACK"),
        FIN_ACK_OLD("a FIN+ACK that does not acknowledge your FIN"), RST_EXACT("a RST"),
        RST_IN_WINDOW("a RST inside your receive window but not at RCV.NXT"), RST_OUT_OF_WINDOW("a RST far outside your receive window"),
        DATA("100 bytes of data"), CLOSE("close()"), SHUTDOWN("shutdown(SHUT_WR)"),
        ABORT("setsockopt(SO_LINGER, {on, 0}) and then close()"), TIMEOUT("nothing");

        final String text;

        Event(String text) { this.text = text; }

        boolean isCall() { return this == CLOSE || this == SHUTDOWN || this == ABORT; }

        String slug() { return name().toLowerCase().replace('_', '-'); }
    }

    /** What the stack did. {@code before} is null when there was no connection yet (CLOSED, LISTEN). */
    record Outcome(Profile profile, int variant, Setup setup, Event event, TcbSnapshot before, Segment injected,
                   String timer, State after, List<Segment> replies, List<Reason> reasons, List<String> ladder) {}

    /** Drives a world to {@code setup}; null if the engine does not get there (the pair is then unreachable). */
    static Bench drive(Profile profile, int variant, Setup setup) {
        Bench b = new Bench(profile, worldSeed(variant));
        b.world.peer().nextIsn(YOUR_ISN[variant]);
        int c = OTHER_ISN[variant];
        switch (setup) {
            case CLOSED_PORT -> { }
            case LISTEN -> b.listen();
            case SYN_SENT -> b.connect();
            default -> {
                b.listen();
                b.injectSyn(c);
                if (setup == Setup.SYN_RECEIVED) break;
                TcbSnapshot t = b.tcb();
                if (t == null) return null;
                b.inject(Flags.ACK, c + 1, t.iss() + 1);
                b.accept();
                switch (setup) {
                    case FIN_WAIT_1, FIN_WAIT_2, CLOSING, TIME_WAIT -> {
                        b.world.peer().close(b.fd);
                        b.fd = -1;
                        b.settle();
                        int fin = b.tcb() == null ? 0 : b.tcb().sndNxt();
                        if (setup == Setup.CLOSING) b.inject(Flags.FIN | Flags.ACK, c + 1, t.iss() + 1);
                        if (setup == Setup.FIN_WAIT_2 || setup == Setup.TIME_WAIT) b.inject(Flags.ACK, c + 1, fin);
                        if (setup == Setup.TIME_WAIT) b.inject(Flags.FIN | Flags.ACK, c + 1, fin);
                    }
                    case HALF_CLOSED -> {
                        b.world.peer().shutdown(b.fd);
                        b.settle();
                        if (b.tcb() != null) b.inject(Flags.ACK, c + 1, b.tcb().sndNxt());
                    }
                    case UNREAD -> b.inject(Flags.PSH | Flags.ACK, c + 1, t.iss() + 1, data(100), List.of());
                    case CLOSE_WAIT, LAST_ACK -> {
                        b.inject(Flags.FIN | Flags.ACK, c + 1, t.iss() + 1);
                        if (setup == Setup.LAST_ACK) {
                            b.world.peer().close(b.fd);
                            b.fd = -1;
                            b.settle();
                        }
                    }
                    default -> { }
                }
            }
        }
        State reached = setup == Setup.LISTEN ? b.listenerState() : b.state();
        return reached == setup.state ? b : null;
    }

    /**
     * The state "you" are in after the event: the connection's; when it is gone, CLOSED, except that a passive
     * SYN-RECEIVED returns to LISTEN (RFC 9293 3.10.7.4) and a listener that got no connection is still LISTEN.
     */
    static State after(Bench b, Setup setup) {
        if (b.info() != null) return b.state();
        if (setup == Setup.LISTEN || setup == Setup.SYN_RECEIVED) return b.listenerState();
        return State.CLOSED;
    }

    /** The segment the other side sends for {@code event}, or null if the event is not a segment or does not apply here. */
    static Segment segmentFor(Event event, Setup setup, TcbSnapshot t, int variant) {
        int c = OTHER_ISN[variant];
        boolean sync = setup.state.synchronized_();
        int seq = sync ? t.rcvNxt() : c;
        int ack = t != null ? t.sndNxt() : STRAY_ACK;
        byte[] none = new byte[0];
        return switch (event) {
            case SYN -> seg(Flags.SYN, setup == Setup.SYN_RECEIVED ? t.irs() : seq, 0, none);
            case SYN_ACK -> seg(Flags.SYN | Flags.ACK, sync ? t.irs() : c, ack, none);
            case SYN_ACK_BAD -> setup == Setup.SYN_SENT ? seg(Flags.SYN | Flags.ACK, c, t.iss() + 1000, none) : null;
            case ACK -> seg(Flags.ACK, seq, ack, none);
            case ACK_UNSENT -> t == null ? null : seg(Flags.ACK, seq, t.sndNxt() + 1000, none);
            case FIN -> seg(Flags.FIN, setup.theirFin() ? seq - 1 : seq, 0, none);
            case FIN_ACK -> seg(Flags.FIN | Flags.ACK, setup.theirFin() ? seq - 1 : seq, ack, none);
            case FIN_ACK_OLD -> t == null || !sync || t.sndUna() == t.sndNxt() ? null
                    : seg(Flags.FIN | Flags.ACK, setup.theirFin() ? seq - 1 : seq, t.sndUna(), none);
            case RST_EXACT -> setup == Setup.SYN_SENT ? seg(Flags.RST | Flags.ACK, 0, t.iss() + 1, none) : seg(Flags.RST, seq, 0, none);
            case RST_IN_WINDOW -> sync ? seg(Flags.RST, t.rcvNxt() + 100, 0, none) : null;
            case RST_OUT_OF_WINDOW -> sync ? seg(Flags.RST, t.rcvNxt() + 1_000_000, 0, none) : null;
            case DATA -> seg(Flags.PSH | Flags.ACK, seq, ack, data(100));
            case CLOSE, SHUTDOWN, ABORT, TIMEOUT -> null;
        };
    }

    static byte[] data(int n) {
        byte[] d = new byte[n];
        for (int i = 0; i < n; i++) d[i] = (byte) ('a' + i % 26);
        return d;
    }

    private static Segment seg(int flags, int seq, int ack, byte[] payload) {
        return Segment.of(Bench.OTHER_PORT, Bench.PORT, seq, ack, flags, Bench.WINDOW, List.of(), payload);
    }

    /** Plays the pair; null if the setup is unreachable or the event does not apply in it. */
    static Outcome play(Profile profile, int variant, Setup setup, Event event) {
        Bench b = drive(profile, variant, setup);
        if (b == null) return null;
        TcbSnapshot before = b.tcb();
        int mark;
        Segment injected = null;
        String timer = null;
        if (event == Event.TIMEOUT) {
            tcptutor.sim.Timer next = b.nextTimerKind();
            if (next == null) return null;
            timer = next.label();
            mark = b.fireNextTimer();
            if (mark < 0) return null;
        } else if (event.isCall()) {
            int fd = b.fd >= 0 ? b.fd : (setup == Setup.LISTEN && event == Event.CLOSE ? b.listenFd : -1);
            if (fd < 0) return null;
            mark = b.world.trace().size();
            if (event == Event.SHUTDOWN) {
                b.world.peer().shutdown(fd);
            } else {
                if (event == Event.ABORT) b.world.peer().setsockopt(fd, tcptutor.sim.SockOpt.SO_LINGER, 0);
                b.world.peer().close(fd);
            }
            b.settle();
        } else {
            injected = segmentFor(event, setup, before, variant);
            if (injected == null) return null;
            mark = b.inject(injected.flags(), injected.seq(), injected.ack(), injected.payload(), injected.options());
        }
        List<String> ladder = Ladder.render(b.world.trace().events(), 9);
        return new Outcome(profile, variant, setup, event, before, injected, timer, after(b, setup), b.sentSince(mark), b.reasons(mark), ladder);
    }
}
