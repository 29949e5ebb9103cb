package tcptutor.session;

import java.util.OptionalLong;
import tcptutor.command.Command;
import tcptutor.command.CommandError;
import tcptutor.sim.ConnInfo;
import tcptutor.sim.Reason;
import tcptutor.sim.Side;
import tcptutor.sim.Timer;
import tcptutor.sim.World;
import tcptutor.view.EventLines;

/**
 * Moves a session's world: sends what you crafted, runs it until quiet for the moment, lets time pass, steps,
 * and arms link faults. "Quiet for the moment": every event due within one round trip of the link runs, and so
 * do delayed-ACK timers (a learner expects to see the ACK of a FIN); other timers wait for wait or step.
 */
final class Runner {
    /** More events than this in one command means something loops: stop and say so. */
    static final int MAX_EVENTS = 1_000_000;

    private final World world;
    private final Shadow shadow;
    private final Sockets sockets;
    private long linkDelay;

    Runner(World world, Shadow shadow, Sockets sockets) {
        this.world = world;
        this.shadow = shadow;
        this.sockets = sockets;
    }

    void linkDelay(long micros) { linkDelay = micros; }

    void send(Command.Send c, Craft.Result r) {
        if (c.delayMicros() > 0) advance(world.now() + c.delayMicros());
        String text = "you typed '" + c.line().strip() + "'" + (r.filled().isEmpty() ? "" : "; assist filled in " + String.join(", ", r.filled()));
        world.send(Side.YOU, r.segment(), Reason.of(text, ""));
        settle();
    }

    /**
     * Runs what follows from the last action: segments arriving within a link round trip of the previous event (a
     * chain of replies goes on), and delayed-ACK timers; stops at any other timer, and at a segment held back longer
     * (delay next) — those wait for wait or step.
     */
    void settle() {
        long horizon = world.now() + 2 * linkDelay;
        for (int n = 0; n < MAX_EVENTS; n++) {
            OptionalLong next = world.nextEventAt();
            if (next.isEmpty()) return;
            long at = next.getAsLong();
            Timer t = timerAt(at);
            if (t == null ? at <= horizon : t == Timer.DELAYED_ACK) {
                world.step();
                horizon = Math.max(horizon, world.now() + 2 * linkDelay);
            } else {
                return;
            }
        }
        throw CommandError.cannot("the world did not settle after " + MAX_EVENTS + " events; 'reset' to start again");
    }

    /** A line saying a segment is still on the link, or null. */
    String inFlight() {
        OptionalLong next = world.nextEventAt();
        if (next.isEmpty() || timerAt(next.getAsLong()) != null) return null;
        return "(a segment is still on the link: it arrives at t=" + EventLines.seconds(next.getAsLong()) + " s; wait or step)";
    }

    /** The timer of either host due exactly at {@code at}, or null (then the event is a segment arriving). */
    private Timer timerAt(long at) {
        for (Side s : Side.values()) {
            for (ConnInfo ci : world.host(s).connections()) {
                for (var e : ci.timers().entrySet()) if (e.getValue() == at) return e.getKey();
            }
        }
        return null;
    }

    /** Lets virtual time pass to {@code target}: engine events and your TIME-WAIT expiry, in time order. */
    void advance(long target) {
        for (int n = 0; n < MAX_EVENTS; n++) {
            long sd = shadow.nextDeadline();
            OptionalLong next = world.nextEventAt();
            long ne = next.isPresent() ? next.getAsLong() : Long.MAX_VALUE;
            if (sd >= 0 && sd <= target && sd <= ne) {
                world.runUntil(sd);
                shadow.expire(sd);
            } else if (ne <= target) {
                world.step();
            } else {
                world.runUntil(target);
                return;
            }
        }
        throw CommandError.cannot("too many events before " + EventLines.seconds(target) + " s; 'reset' to start again");
    }

    /** Runs the next {@code count} scheduled events (each with its immediate reactions); false if nothing was scheduled. */
    boolean step(int count) {
        for (int i = 0; i < count; i++) {
            long sd = shadow.nextDeadline();
            OptionalLong next = world.nextEventAt();
            if (next.isEmpty() && sd < 0) return i > 0;
            if (sd >= 0 && (next.isEmpty() || sd <= next.getAsLong())) {
                world.runUntil(sd);
                shadow.expire(sd);
            } else {
                world.step();
            }
            settle();
        }
        return true;
    }

    String fault(Command.Fault f) {
        String who = f.from() == Side.PEER ? "the next segment from the peer" : "your next segment";
        switch (f.kind()) {
            case DROP -> world.link().dropNext(f.from());
            case DUPLICATE -> world.link().duplicateNext(f.from());
            case DELAY -> world.link().delayNext(f.from(), f.micros());
        }
        return switch (f.kind()) {
            case DROP -> who + " will be lost";
            case DUPLICATE -> who + " will be delivered twice";
            case DELAY -> who + " will be held back " + EventLines.duration(f.micros());
        };
    }

    /** Your side starts running TCP: host "you" leaves raw mode and the shadow TCB stops. */
    String leaveRawMode() {
        world.you().raw(false);
        shadow.active(false);
        return "you   now run a real TCP stack (raw mode off): your kernel answers segments from here on";
    }
}
