package tcptutor.tui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tcptutor.command.Completer;
import tcptutor.session.Outcome;
import tcptutor.session.Session;
import tcptutor.sim.Trace;

/** The text UI driving a real {@link Session}: commands through {@code execute}, completion from its completer. */
public final class SessionTutor implements Tutor {
    private final Session session;
    private final Path journal, historyFile;
    private final List<String> history;
    private final List<String> typed = new ArrayList<>();

    /**
     * @param journal     where {@link #close()} saves the session's journal (null: nowhere)
     * @param historyFile the REPL's history file, read now and appended to on close (null: none)
     */
    public SessionTutor(Session session, Path journal, Path historyFile) {
        this.session = session;
        this.journal = journal;
        this.historyFile = historyFile;
        this.history = HistoryFile.read(historyFile);
    }

    public Session session() { return session; }

    @Override public Trace trace() { return session.world().trace(); }

    @Override public long now() { return session.world().now(); }

    @Override public Reply run(String line) {
        Outcome o = session.execute(line);
        return new Reply(o.ok(), o.lines(), o.quit());
    }

    @Override public Completion complete(String line, int cursor) {
        Completer.Completion c = session.completer().complete(line, cursor);
        return new Completion(c.start(), c.candidates());
    }

    @Override public boolean relativeNumbers() { return session.relativeNumbers(); }

    @Override public void relativeNumbers(boolean on) { session.relativeNumbers(on); }

    @Override public List<String> history() { return List.copyOf(history); }

    @Override public void typed(String line) { typed.add(line); }

    @Override public String close() {
        HistoryFile.append(historyFile, typed, System.currentTimeMillis());
        typed.clear();
        if (journal == null || session.journal().isEmpty()) return "";
        try {
            Files.createDirectories(journal.toAbsolutePath().getParent());
            session.save(journal);
            return "tcptutor: your session's commands are saved in " + journal + " (replay them with: load " + journal + ")";
        } catch (IOException | RuntimeException e) {
            return "tcptutor: could not save the session journal to " + journal + ": " + e.getMessage();
        }
    }
}
