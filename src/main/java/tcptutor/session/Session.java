package tcptutor.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tcptutor.command.Completer;
import tcptutor.sim.World;

/**
 * A learner's world, the journal of the commands that shaped it, and the extensions (lessons) hooked into it.
 * Every UI drives one: the REPL, the text UI's console, lesson walk-throughs. Same config + same journal:
 * the same trace, event for event.
 */
public final class Session {
    private final SessionConfig initial;
    private final List<CommandExtension> extensions = new ArrayList<>();
    private final List<ExecutionListener> listeners = new ArrayList<>();
    private final Completer completer = new Completer(() -> extensions);
    private final List<String> journal = new ArrayList<>();
    private World world;
    private boolean relative, assist;

    public Session(SessionConfig config) {
        this.initial = config;
        this.relative = config.relativeNumbers();
        this.assist = config.assist();
    }

    /** The world as it is now (a new object after {@link #reset()}, {@code set seed} or {@code load}). */
    public World world() { return world; }

    /** The config the session started from ({@code reset} returns to it). */
    public SessionConfig config() { return initial; }

    /** Parses and runs one line; never throws for bad input. Blank lines and {@code # comments} do nothing. */
    public Outcome execute(String line) { throw new UnsupportedOperationException("not built yet"); }

    /** Every successful line that shaped the world since the start or the last reset, in order. */
    public List<String> journal() { return List.copyOf(journal); }

    /** Back to the starting config: a new world, an empty journal. Numbering and assist return to the config's. */
    public void reset() { throw new UnsupportedOperationException("not built yet"); }

    /** Writes the journal, one command a line. */
    public void save(Path file) throws IOException { throw new UnsupportedOperationException("not built yet"); }

    /** Resets, then replays the file's commands; stops at the first that fails (its outcome is returned). */
    public Outcome load(Path file) throws IOException { throw new UnsupportedOperationException("not built yet"); }

    public boolean relativeNumbers() { return relative; }

    public void relativeNumbers(boolean on) { relative = on; }

    public boolean assist() { return assist; }

    public void assist(boolean on) { assist = on; }

    /** Adds commands (a lesson's hint/next/...) to this session's language, help and completion. */
    public void addExtension(CommandExtension e) { extensions.add(e); }

    public void removeExtension(CommandExtension e) { extensions.remove(e); }

    /** Called after every executed line, with its outcome. */
    public void onExecuted(ExecutionListener l) { listeners.add(l); }

    /** Completion for this session's language, extensions included. */
    public Completer completer() { return completer; }
}
