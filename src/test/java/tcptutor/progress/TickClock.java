package tcptutor.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock for tests that moves only when told: starts at 2026-01-05T09:00Z. */
final class TickClock extends Clock {
    private Instant now = Instant.parse("2026-01-05T09:00:00Z");

    void advanceMinutes(long m) { now = now.plusSeconds(60 * m); }

    @Override public Instant instant() { return now; }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }

    @Override public Clock withZone(ZoneId zone) { throw new UnsupportedOperationException(); }
}
