package tcptutor.tcp;

import tcptutor.wire.Segment;

/**
 * What an endpoint needs from the world around it: the virtual clock, a scheduler, a wire,
 * randomness and a place to record why things happen. Time is in microseconds.
 * The simulator implements it (one per host); tests may implement it directly.
 */
public interface Env {
    long now();

    /** Puts a segment on the wire. */
    void transmit(Segment s, Why why);

    /** The segment being processed was consumed without a reply or a state change, or was discarded: why. */
    void handled(Why why);

    /** Something worth telling the learner that is not a segment, state or timer. */
    void note(Why why);

    void stateChanged(Tcb t, State from, State to, Why why);

    enum TimerAction { ARMED, FIRED, CANCELLED }

    void timerChanged(Tcb t, TcpTimer timer, TimerAction action, long deadline);

    /** Runs {@code r} at virtual time {@code at}; returns a handle for {@link #cancel}. */
    Object schedule(long at, Runnable r);

    void cancel(Object handle);

    /** A fresh initial sequence number (seeded randomness). */
    int isn();

    /** A fresh ephemeral port (seeded randomness), 32768..60999. */
    int ephemeralPort();
}
