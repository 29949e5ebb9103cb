package tcptutor.sim;

import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import tcptutor.tcp.Settings;
import tcptutor.wire.Segment;

/**
 * Two hosts joined by a link, a virtual clock (microseconds) and a deterministic scheduler.
 * Everything that happens is appended to {@link #trace()}. Same settings, seed and calls: same trace.
 *
 * <p>CONTRACT (the engine fills the bodies): other packages program against these signatures.
 */
public final class World {
    public World(Settings settings, long seed) { throw new UnsupportedOperationException("engine not built yet"); }

    public Settings settings() { throw new UnsupportedOperationException(); }

    /** New settings apply to sockets created afterwards (and to timers armed afterwards). */
    public void settings(Settings s) { throw new UnsupportedOperationException(); }

    /** Virtual time, microseconds since the world began. */
    public long now() { throw new UnsupportedOperationException(); }

    public Trace trace() { throw new UnsupportedOperationException(); }

    public Host host(Side side) { throw new UnsupportedOperationException(); }

    public Host you() { return host(Side.YOU); }

    public Host peer() { return host(Side.PEER); }

    public Link link() { throw new UnsupportedOperationException(); }

    /** Puts a crafted segment on the link from {@code from} (no stack involved); returns its trace id. */
    public int send(Side from, Segment segment, Reason why) { throw new UnsupportedOperationException(); }

    /** Runs the next scheduled event, advancing the clock to it; false if nothing is scheduled. */
    public boolean step() { throw new UnsupportedOperationException(); }

    public OptionalLong nextEventAt() { throw new UnsupportedOperationException(); }

    /** Runs every event due at or before {@code at}, then sets the clock to {@code at}. */
    public void runUntil(long at) { throw new UnsupportedOperationException(); }

    /** Runs events until {@code done} holds or the clock would pass {@code deadline}; returns done. */
    public boolean runUntil(BooleanSupplier done, long deadline) { throw new UnsupportedOperationException(); }
}
