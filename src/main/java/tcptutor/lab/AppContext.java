package tcptutor.lab;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import tcptutor.progress.ProgressStore;

/**
 * What a {@link TutorApp} gets for one learner on one channel: the learner id, the channel's streams, whether the
 * client has a PTY (its TERM, size and every resize), the learner's stored state (journal, progress store) and the
 * lab's limits.
 *
 * <p>Input: with a PTY, Enter arrives as '\n' (the lab turns the SSH client's '\r' into '\n', which Lanterna needs);
 * the output is raw (the app moves the cursor itself, '\n' does not return the carriage). Without a PTY the input is
 * whatever the client sends (usually a piped script) and '\n' ends lines on both sides.
 */
public final class AppContext {
    private final String learner;
    private final InputStream in;
    private final OutputStream out;
    private final OutputStream err;
    private final boolean pty;
    private final String term;
    private volatile TermSize size;
    private final ProgressStore store;
    private final Path lessonsDir;
    private final int maxEventsPerCommand;
    private final List<String> notices;
    private final List<Consumer<TermSize>> resizeListeners = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, List<String>> saved = new java.util.HashMap<>();
    private volatile String lesson;
    private volatile long commands;

    AppContext(String learner, InputStream in, OutputStream out, OutputStream err, boolean pty, String term, TermSize size,
               ProgressStore store, Path lessonsDir, int maxEventsPerCommand, List<String> notices) {
        this.learner = learner;
        this.in = in;
        this.out = out;
        this.err = err;
        this.pty = pty;
        this.term = term;
        this.size = size;
        this.store = store;
        this.lessonsDir = lessonsDir;
        this.maxEventsPerCommand = maxEventsPerCommand;
        this.notices = List.copyOf(notices);

    }

    /** The learner id: the SSH user name. */
    public String learner() { return learner; }

    public InputStream in() { return in; }

    public OutputStream out() { return out; }

    /** The channel's stderr: the client prints it on its own stderr (with a PTY, on the same screen). */
    public OutputStream err() { return err; }

    /** True when the client asked for a PTY: run the text UI. */
    public boolean pty() { return pty; }

    /** TERM from the client's PTY request ("xterm-256color"), or "dumb" without a PTY. */
    public String term() { return term; }

    /** The PTY's current size (80x24 without a PTY or when the client sent nonsense). */
    public TermSize size() { return size; }

    /** Called on the channel's I/O thread after every window-change from the client. Keep it short. */
    public void onResize(Consumer<TermSize> listener) { resizeListeners.add(listener); }

    /** The store this learner's progress goes to (lesson steps, answers, quizzes). */
    public ProgressStore store() { return store; }

    /** The lesson folder the lab was started with, or null for the built-in lessons. */
    public Path lessonsDir() { return lessonsDir; }

    /** The cap on simulated events one command may run (the engine's event budget). */
    public int maxEventsPerCommand() { return maxEventsPerCommand; }

    /** Lines about requests the lab refused before the app started (agent or X11 forwarding), to show the learner. */
    public List<String> notices() { return notices; }

    /** The learner's session journal as stored: replay it to resume their world. */
    public synchronized List<String> storedJournal() { return List.copyOf(stored(ProgressStore.SESSION_JOURNAL)); }

    /** Stores the session journal after a command: {@link #saveJournal(String, List)} for the learner's own world. */
    public void saveJournal(List<String> journal) { saveJournal(ProgressStore.SESSION_JOURNAL, journal); }

    /**
     * Stores a named journal after a command (call it after every command). Appends when the journal grew by the
     * one line; rewrites it otherwise (a reset, a rollback). Returns when the write is durable.
     */
    public synchronized void saveJournal(String name, List<String> journal) {
        commands++;
        List<String> before = stored(name);
        int n = before.size();
        if (journal.size() == n) {
            if (journal.equals(before)) return;
        } else if (journal.size() == n + 1 && journal.subList(0, n).equals(before)) {
            store.appendJournal(learner, name, journal.get(n));
            before.add(journal.get(n));
            return;
        }
        store.saveJournal(learner, name, journal);
        before.clear();
        before.addAll(journal);
    }

    private List<String> stored(String name) {
        return saved.computeIfAbsent(name, k -> new ArrayList<>(store.loadJournal(learner, k)));
    }

    /** Tells the lab's status line which lesson the learner is in (null: none). */
    public void lesson(String lessonId) { this.lesson = lessonId; }

    public String lesson() { return lesson; }

    /** How many times the app stored the journal: the number of commands run on this channel. */
    public long commands() { return commands; }

    void resized(TermSize s) {
        size = s;
        for (Consumer<TermSize> l : resizeListeners) l.accept(s);
    }
}
