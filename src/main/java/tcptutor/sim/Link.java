package tcptutor.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import tcptutor.wire.Segment;

/** The wire between the hosts: per-direction delay and scripted, seeded faults. */
public final class Link {
    private final World world;
    private final Random random;
    private final long[] delay = new long[2];
    private final int[] dropNext = new int[2];
    private final int[] duplicateNext = new int[2];
    private final List<ArrayDeque<Long>> delayNext = List.of(new ArrayDeque<>(), new ArrayDeque<>());
    private final List<List<Predicate<Segment>>> dropMatching = List.of(new ArrayList<>(), new ArrayList<>());
    private double lossRate;

    Link(World world, Random random) {
        this.world = world;
        this.random = random;
    }

    /** One-way delay for segments sent by {@code from}, microseconds. */
    public void delay(Side from, long micros) { delay[from.ordinal()] = Math.max(0, micros); }

    public long delay(Side from) { return delay[from.ordinal()]; }

    /** Loses the next segment sent by {@code from}. */
    public void dropNext(Side from) { dropNext[from.ordinal()]++; }

    /** Loses the next segment sent by {@code from} that matches (e.g. the next one with FIN set). */
    public void dropNext(Side from, Predicate<Segment> matching) { dropMatching.get(from.ordinal()).add(matching); }

    /** Delivers the next segment sent by {@code from} twice. */
    public void duplicateNext(Side from) { duplicateNext[from.ordinal()]++; }

    /** Adds {@code micros} of extra delay to the next segment sent by {@code from} (reordering it behind later ones). */
    public void delayNext(Side from, long micros) { delayNext.get(from.ordinal()).add(Math.max(0, micros)); }

    /** Seeded random loss, 0..1, in both directions. */
    public void lossRate(double p) { lossRate = Math.max(0, Math.min(1, p)); }

    public double lossRate() { return lossRate; }

    /** Records the segment as sent and schedules its delivery (or loss). Returns its trace id. */
    int transmit(Side from, Segment s, Reason why) {
        int id = world.nextSegmentId();
        long now = world.now();
        Trace trace = world.trace();
        trace.append(new TraceEvent.Sent(now, from, id, s, why));
        int f = from.ordinal();
        if (dropNext[f] > 0) {
            dropNext[f]--;
            trace.append(new TraceEvent.Lost(now, id, Reason.of("the link dropped it (drop next)", "")));
            return id;
        }
        List<Predicate<Segment>> m = dropMatching.get(f);
        for (int i = 0; i < m.size(); i++) {
            if (m.get(i).test(s)) {
                m.remove(i);
                trace.append(new TraceEvent.Lost(now, id, Reason.of("the link dropped it (drop next matching)", "")));
                return id;
            }
        }
        if (lossRate > 0 && random.nextDouble() < lossRate) {
            trace.append(new TraceEvent.Lost(now, id, Reason.of("the link lost it (random loss rate " + lossRate + ")", "")));
            return id;
        }
        Long extra = delayNext.get(f).poll();
        long at = now + delay[f] + (extra == null ? 0 : extra);
        Host to = world.host(from.other());
        world.scheduleArrival(at, () -> to.deliver(id, s));
        if (duplicateNext[f] > 0) {
            duplicateNext[f]--;
            world.scheduleArrival(at, () -> to.deliver(id, s));
        }
        return id;
    }
}
