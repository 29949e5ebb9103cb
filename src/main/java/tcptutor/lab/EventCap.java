package tcptutor.lab;

import tcptutor.command.CommandError;
import tcptutor.session.ExecutionListener;
import tcptutor.session.Outcome;
import tcptutor.session.Session;
import tcptutor.sim.Trace;

/**
 * The lab's cap on what one command may simulate: the session's trace may grow by at most {@code max} events per
 * command, and a world may hold at most {@code 10 * max}; the event past either stops the command with an error the
 * learner reads ('reset' starts a fresh world). This bounds the CPU and memory one learner can take from the others.
 * Counted from the end of the previous command, so a replayed journal stops at the same place. Also sets the
 * engine's own event budget for each {@code runUntil}.
 */
final class EventCap implements ExecutionListener {
    /** A world may hold this many commands' worth of events at the cap. */
    static final int WORLD_FACTOR = 10;

    private final Session session;
    private final int max;
    private Trace watched;
    private long count;

    private EventCap(Session session, int max) {
        this.session = session;
        this.max = max;
    }

    /** Caps {@code session} from now on; add it before replaying a journal. */
    static void attach(Session session, int max) {
        EventCap cap = new EventCap(session, max);
        session.onExecuted(cap);
        cap.watch();
    }

    @Override public void executed(String line, Outcome outcome) {
        count = 0;
        watch();
    }

    private void watch() {
        Trace t = session.world().trace();
        session.world().eventBudget(max);
        if (t == watched) return;
        watched = t;
        t.listen(e -> {
            if (t != watched) return;
            if (++count > max) {
                throw CommandError.cannot("this command simulated more than " + max
                        + " events (the lab's limit per command); it was stopped. 'reset' starts a fresh world");
            }
            if (t.size() > WORLD_FACTOR * (long) max) {
                throw CommandError.cannot("this world holds more than " + WORLD_FACTOR * (long) max
                        + " events (the lab's limit); type 'reset' to start a fresh one");
            }
        });
    }
}
