package tcptutor.tui;

import java.util.List;
import tcptutor.sim.Trace;

/**
 * What the text UI drives: one learner's session. {@link SessionTutor} adapts a
 * {@code tcptutor.session.Session}; tests use a scripted one. The UI reads the trace after
 * every command and renders it; it never touches the world directly.
 */
public interface Tutor {
    /** The trace of the current world (a reset may give a new one: read it again after each command). */
    Trace trace();

    /** Virtual time now, microseconds. */
    long now();

    /** Runs one command line of the learner's language; never throws for bad input. */
    Reply run(String line);

    /** Completion candidates for the word the cursor is in. */
    Completion complete(String line, int cursor);

    boolean relativeNumbers();

    void relativeNumbers(boolean on);

    /** Lines entered in earlier runs (the REPL's history), oldest first. */
    List<String> history();

    /** A line the learner typed and ran in the console (for the history file; Space and F5 do not count). */
    default void typed(String line) {}

    /** The UI is ending: save the journal and history. Returns one line for the learner (where it went), or "". */
    String close();

    /** What a command printed: {@code ok} false for an error; {@code quit} after the quit command. */
    record Reply(boolean ok, List<String> lines, boolean quit) {
        public Reply { lines = List.copyOf(lines); }
    }

    /** The word from {@code start} to the cursor can be replaced by any of {@code candidates}. */
    record Completion(int start, List<String> candidates) {
        public Completion { candidates = List.copyOf(candidates); }
    }
}
