package tcptutor.sim;

import tcptutor.tcp.State;
import tcptutor.wire.Segment;

/**
 * One thing that happened in a world, at a virtual time in microseconds.
 * The trace is the one source of truth: views, lesson checks, quizzes and exports read these.
 */
public sealed interface TraceEvent {
    long at();

    /** A host put a segment on the link. {@code id} numbers segments from 1 in the order sent. */
    record Sent(long at, Side from, int id, Segment segment, Reason why) implements TraceEvent {}

    /** The link delivered segment {@code id} to {@code to}. */
    record Delivered(long at, Side to, int id) implements TraceEvent {}

    /** The link lost segment {@code id} (a scripted fault or the loss rate). */
    record Lost(long at, int id, Reason why) implements TraceEvent {}

    /** The receiving stack handled segment {@code id} without changing state or replying, or discarded it: why. */
    record Handled(long at, Side who, int id, Reason why) implements TraceEvent {}

    record StateChanged(long at, Side who, Conn conn, State from, State to, Reason why) implements TraceEvent {}

    enum TimerAction { ARMED, FIRED, CANCELLED }

    /** A timer armed (deadline in the future), fired or cancelled. */
    record TimerChanged(long at, Side who, Conn conn, Timer timer, TimerAction action, long deadline) implements TraceEvent {}

    /** A socket call by the application on {@code who} and what it returned (or "..." while blocked). */
    record Call(long at, Side who, String call, String result) implements TraceEvent {}

    /** Anything else worth saying, e.g. "accept queue full, SYN dropped". */
    record Note(long at, Side who, Reason why) implements TraceEvent {}
}
