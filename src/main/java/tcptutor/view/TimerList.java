package tcptutor.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tcptutor.sim.Conn;
import tcptutor.sim.Side;
import tcptutor.sim.Timer;
import tcptutor.sim.TraceEvent;

/**
 * The timers running at virtual time {@code now}, read from the trace (armed and not yet fired
 * or cancelled), soonest first: "peer  SYN-ACK retransmission  in 0.950 s  (at 1.050)".
 */
public final class TimerList {
    /** One running timer: whose, on which connection, and when it fires (virtual µs). */
    public record Running(Side who, Conn conn, Timer timer, long deadline) {}

    private TimerList() {}

    public static List<Running> running(List<TraceEvent> events) {
        Map<String, Running> on = new LinkedHashMap<>();
        for (TraceEvent e : events) {
            if (!(e instanceof TraceEvent.TimerChanged t)) continue;
            String key = t.who() + " " + t.conn() + " " + t.timer();
            if (t.action() == TraceEvent.TimerAction.ARMED) on.put(key, new Running(t.who(), t.conn(), t.timer(), t.deadline()));
            else on.remove(key);
        }
        List<Running> out = new ArrayList<>(on.values());
        out.sort((a, b) -> Long.compare(a.deadline, b.deadline));
        return out;
    }

    public static List<StyledLine> render(List<TraceEvent> events, long now, int width) {
        List<StyledLine> out = new ArrayList<>();
        List<Running> running = running(events);
        if (running.isEmpty()) {
            out.add(StyledLine.of("no timers running", Tone.DIM));
            return out;
        }
        for (Running r : running) {
            String left = Columns.pad(r.who.label(), 5) + r.timer.label();
            long due = Math.max(0, r.deadline - now);
            String verb = r.timer == Timer.TIME_WAIT || r.timer == Timer.FIN_WAIT_2 ? "ends in " : "in ";
            String right = verb + Ladder.seconds(due) + " s  (at " + Ladder.seconds(r.deadline) + ")";
            String line = left + "  " + right;
            if (Columns.width(line) > width) line = left + "  " + verb + Ladder.seconds(due) + " s";
            if (Columns.width(line) > width) line = left + " " + Ladder.seconds(due) + "s";
            out.add(StyledLine.of(Columns.fit(line, width), r.who == Side.YOU ? Tone.YOU : Tone.PEER));
        }
        return out;
    }
}
