package tcptutor.drill;

import java.util.List;
import java.util.function.Consumer;
import tcptutor.sim.ConnInfo;
import tcptutor.sim.Host;
import tcptutor.sim.TraceEvent;
import tcptutor.sim.World;

/**
 * {@code drill -v}: each script event as it starts, then every trace event it causes (segments in the script's
 * numbers, state changes with their reason, timers, the application's calls), each followed by both hosts'
 * connection states.
 */
final class Verbose {
    private final World world;
    private final Sockets sockets;
    private final long t0;
    private final Consumer<String> out;

    Verbose(World world, Sockets sockets, long t0, Consumer<String> out) {
        this.world = world;
        this.sockets = sockets;
        this.t0 = t0;
        this.out = out;
    }

    void line(String file, Event ev) {
        out.accept(file + ":" + ev.line() + ": " + ev.text());
    }

    void note(String text) {
        out.accept("    " + Notation.secs(world.now() - t0) + " " + text);
    }

    void event(TraceEvent e) {
        String what = describe(e);
        if (what == null) return;
        out.accept("    " + Notation.secs(e.at() - t0) + " " + what + "   [" + states() + "]");
    }

    private String describe(TraceEvent e) {
        if (e instanceof TraceEvent.Sent s) {
            return "#" + s.id() + " " + s.from() + " > " + s.from().other() + "  "
                    + Notation.segment(sockets.scriptView(s.segment(), s.from())) + "  (" + s.why() + ")";
        }
        if (e instanceof TraceEvent.Delivered) return null;   // the link has no delay here: delivery = sending
        if (e instanceof TraceEvent.Lost l) return "#" + l.id() + " lost: " + l.why();
        if (e instanceof TraceEvent.Handled h) return h.who() + " handled #" + h.id() + ": " + h.why();
        if (e instanceof TraceEvent.StateChanged c) {
            return c.who() + " " + c.conn() + " " + c.from() + " -> " + c.to() + ": " + c.why();
        }
        if (e instanceof TraceEvent.TimerChanged t) {
            String when = t.action() == TraceEvent.TimerAction.ARMED ? ", fires at " + Notation.secs(t.deadline() - t0) : "";
            return t.who() + " " + t.conn() + " " + t.timer().label() + " timer " + t.action().name().toLowerCase(java.util.Locale.ROOT) + when;
        }
        if (e instanceof TraceEvent.Call c) return c.who() + " app: " + c.call() + " = " + c.result();
        TraceEvent.Note n = (TraceEvent.Note) e;
        return n.who() + ": " + n.why();
    }

    private String states() {
        return "you: " + states(world.you()) + " | peer: " + states(world.peer());
    }

    private static String states(Host h) {
        if (h.raw()) return "raw";
        List<ConnInfo> cs = h.connections();
        if (cs.isEmpty()) return "no sockets";
        StringBuilder b = new StringBuilder();
        for (ConnInfo c : cs) {
            if (b.length() > 0) b.append(", ");
            b.append(c.conn()).append(' ').append(c.tcb() == null ? "?" : c.tcb().state());
            if (c.orphaned()) b.append(" (orphaned)");
        }
        return b.toString();
    }
}
