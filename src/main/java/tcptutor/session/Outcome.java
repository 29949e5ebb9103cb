package tcptutor.session;

import java.util.List;
import tcptutor.command.Command;
import tcptutor.command.CommandError;
import tcptutor.sim.TraceEvent;

/**
 * What one executed line did: {@code ok}, the lines a UI prints (plain text, no ANSI), the trace events the command
 * caused (the structured form), and on failure the error (message, column, suggestion). {@code command} is null
 * when the line did not parse; {@code quit} is true after {@code quit}.
 */
public record Outcome(boolean ok, Command command, List<String> lines, List<TraceEvent> events, CommandError error,
                      boolean quit) {
    public Outcome {
        lines = List.copyOf(lines);
        events = List.copyOf(events);
    }

    public static Outcome ok(Command command, List<String> lines, List<TraceEvent> events) {
        return new Outcome(true, command, lines, events, null, command instanceof Command.Quit);
    }

    /** A failed line: one printed line from the error; the events are whatever ran before it failed (usually none). */
    public static Outcome failed(Command command, CommandError error, List<TraceEvent> events) {
        return new Outcome(false, command, List.of(error.oneLine()), events, error, false);
    }

    /** The same outcome with {@code more} lines printed after its own. */
    public Outcome followedBy(List<String> more) {
        List<String> all = new java.util.ArrayList<>(lines);
        all.addAll(more);
        return new Outcome(ok, command, all, events, error, quit);
    }

    /** Blank lines and comments: nothing to do, nothing printed. */
    public static Outcome empty() { return new Outcome(true, null, List.of(), List.of(), null, false); }
}
