package tcptutor.sim;

import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BooleanSupplier;
import tcptutor.tcp.Settings;
import tcptutor.wire.Segment;

/**
 * Two hosts joined by a link, a virtual clock (microseconds) and a deterministic scheduler.
 * Everything that happens is appended to {@link #trace()}. Same settings, seed and calls: same trace.
 * Events due at the same time run in the order they were scheduled, segment arrivals first.
 */
public final class World {
    private Settings settings;
    private final Random random;
    private final Trace trace = new Trace();
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final Host you, peer;
    private final Link link;
    private long now, order, budget;
    private int segmentIds;
    private boolean budgetExhausted;

    /** A scheduled action; cancelled ones are skipped. */
    static final class Event implements Comparable<Event> {
        final long at, order;
        final Runnable action;
        boolean cancelled;

        Event(long at, long order, Runnable action) {
            this.at = at;
            this.order = order;
            this.action = action;
        }

        @Override public int compareTo(Event o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }

    public World(Settings settings, long seed) {
        this.settings = settings;
        this.random = new Random(seed);
        this.link = new Link(this, new Random(seed ^ 0x5DEECE66DL));
        this.you = new Host(this, Side.YOU, new byte[]{(byte) 192, 0, 2, 1}, true);
        this.peer = new Host(this, Side.PEER, new byte[]{(byte) 192, 0, 2, 2}, false);
    }

    public Settings settings() { return settings; }

    /** New settings apply to sockets created afterwards (and to timers armed afterwards). */
    public void settings(Settings s) { this.settings = s; }

    /** Virtual time, microseconds since the world began. */
    public long now() { return now; }

    public Trace trace() { return trace; }

    public Host host(Side side) { return side == Side.YOU ? you : peer; }

    public Host you() { return host(Side.YOU); }

    public Host peer() { return host(Side.PEER); }

    public Link link() { return link; }

    /** Puts a crafted segment on the link from {@code from} (no stack involved); returns its trace id. */
    public int send(Side from, Segment segment, Reason why) { return link.transmit(from, segment, why); }

    /** Runs the next scheduled event, advancing the clock to it; false if nothing is scheduled. */
    public boolean step() {
        Event e = head();
        if (e == null) return false;
        queue.poll();
        now = Math.max(now, e.at);
        e.action.run();
        you.pollCalls();
        peer.pollCalls();
        return true;
    }

    public OptionalLong nextEventAt() {
        Event e = head();
        return e == null ? OptionalLong.empty() : OptionalLong.of(e.at);
    }

    /** Runs every event due at or before {@code at}, then sets the clock to {@code at} (unless the event budget ran out). */
    public void runUntil(long at) {
        long ran = 0;
        budgetExhausted = false;
        while (true) {
            Event e = head();
            if (e == null || e.at > at) break;
            if (budget > 0 && ran >= budget) {
                exhausted();
                return;
            }
            step();
            ran++;
        }
        now = Math.max(now, at);
    }

    /**
     * Runs every event due strictly before {@code at}, then sets the clock to {@code at}: what happens at {@code at}
     * from outside (a segment injected, a socket call) then comes before timers due at the same instant, as on a
     * real kernel, whose timers fire on the clock tick after their expiry.
     */
    public void runBefore(long at) {
        if (at > Long.MIN_VALUE) runUntil(at - 1);
        now = Math.max(now, at);
    }

    /** Runs events until {@code done} holds or the clock would pass {@code deadline}; returns done. */
    public boolean runUntil(BooleanSupplier done, long deadline) {
        long ran = 0;
        budgetExhausted = false;
        while (!done.getAsBoolean()) {
            Event e = head();
            if (e == null || e.at > deadline) {
                now = Math.max(now, deadline);
                return done.getAsBoolean();
            }
            if (budget > 0 && ran >= budget) {
                exhausted();
                return false;
            }
            step();
            ran++;
        }
        return true;
    }

    /** At most {@code events} events per runUntil call (0: no limit); exceeding it stops the run with a note. */
    public void eventBudget(long events) { this.budget = Math.max(0, events); }

    public long eventBudget() { return budget; }

    /** Whether the last runUntil stopped because the event budget ran out. */
    public boolean budgetExhausted() { return budgetExhausted; }

    private void exhausted() {
        budgetExhausted = true;
        trace.append(new TraceEvent.Note(now, Side.PEER, Reason.of("stopped after " + budget
                + " events in one run (event budget); the clock stays at the last event", "")));
    }

    private Event head() {
        Event e = queue.peek();
        while (e != null && e.cancelled) {
            queue.poll();
            e = queue.peek();
        }
        return e;
    }

    // ---- for Host and Link ----

    Event schedule(long at, Runnable r) {
        Event e = new Event(Math.max(at, now), order++, r);
        queue.add(e);
        return e;
    }

    /**
     * Schedules a segment's arrival: before the timers due at the same instant (a real kernel's timers fire on the
     * clock tick after their expiry), in order among arrivals.
     */
    Event scheduleArrival(long at, Runnable r) {
        Event e = new Event(Math.max(at, now), Long.MIN_VALUE / 2 + order++, r);
        queue.add(e);
        return e;
    }

    int nextSegmentId() { return ++segmentIds; }

    Random random() { return random; }
}
