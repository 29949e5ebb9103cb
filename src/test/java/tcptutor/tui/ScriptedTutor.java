package tcptutor.tui;

import java.util.ArrayList;
import java.util.List;
import tcptutor.sim.Trace;
import tcptutor.sim.TraceEvent;
import tcptutor.view.Traces;

/**
 * A stand-in session for UI tests: "syn" plays the SYN and the peer's SYN-ACK of {@link Traces#synSent},
 * "ack" the rest of the handshake, "step" moves the clock to the next event of the story, anything else
 * is an unknown command.
 */
final class ScriptedTutor implements Tutor {
    private final Trace trace = Traces.listening();
    private final List<String> history = new ArrayList<>();
    final List<String> ran = new ArrayList<>();
    private boolean relative = true;
    private long now;
    boolean closed;

    @Override public Trace trace() { return trace; }

    @Override public long now() { return now; }

    @Override public Reply run(String line) {
        ran.add(line);
        switch (line.trim()) {
            case "syn" -> {
                copy(Traces.synSent(), trace.size());
                now = 50_000;
                return new Reply(true, List.of("#1 you > peer  Flags [S], seq 0, win 64240, length 0",
                        "#2 peer > you  Flags [S.], seq 0, ack 1, win 65535, length 0"), false);
            }
            case "ack" -> {
                copy(Traces.handshake(), trace.size());
                now = 150_000;
                return new Reply(true, List.of("#3 you > peer  Flags [.], ack 1, win 64240, length 0"), false);
            }
            case "step" -> {
                now += 1000;
                return new Reply(true, List.of("t=" + now), false);
            }
            case "quit" -> {
                return new Reply(true, List.of(), true);
            }
            default -> {
                return new Reply(false, List.of("unknown command '" + line + "': expected a command such as syn"), false);
            }
        }
    }

    private void copy(Trace from, int skip) {
        List<TraceEvent> es = from.events();
        for (int i = skip; i < es.size(); i++) trace.append(es.get(i));
    }

    @Override public Completion complete(String line, int cursor) {
        String head = line.substring(0, cursor);
        int start = head.lastIndexOf(' ') + 1;
        String prefix = head.substring(start);
        List<String> out = new ArrayList<>();
        for (String w : List.of("syn", "synack", "step", "show", "set")) if (w.startsWith(prefix)) out.add(w);
        return new Completion(start, out);
    }

    @Override public boolean relativeNumbers() { return relative; }

    @Override public void relativeNumbers(boolean on) { relative = on; }

    @Override public List<String> history() { return history; }

    @Override public String close() {
        closed = true;
        return "journal saved";
    }
}
