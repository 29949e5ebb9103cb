package tcptutor.lab;

import java.util.List;
import tcptutor.command.Command;
import tcptutor.command.CommandError;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;

/**
 * A learner's tutor session as the lab runs it: capped per command, its stored journal replayed (the same world
 * as when they left), stored again after every command, and without the commands that touch the server's files.
 */
final class LearnerSession {
    static final String NO_FILES = "tcptutor lab: 'save' and 'load' are not available here; your work is saved after"
            + " every command and comes back when you reconnect";

    private final Session session;
    private final int replayed;

    private LearnerSession(Session session, int replayed) {
        this.session = session;
        this.replayed = replayed;
    }

    static LearnerSession open(AppContext ctx) {
        Session s = new Session(SessionConfig.defaults());
        EventCap.attach(s, ctx.maxEventsPerCommand());
        List<String> journal = ctx.storedJournal();
        for (String line : journal) s.execute(line);
        s.onExecuted((line, outcome) -> ctx.saveJournal(s.journal()));
        return new LearnerSession(s, journal.size());
    }

    Session session() { return session; }

    /** How many stored commands were replayed to rebuild the learner's world. */
    int replayed() { return replayed; }

    /** The lab's refusal for a line that would read or write the server's files, or null for any other line. */
    String refusal(String line) {
        try {
            Command c = session.parser().parse(line);
            return c instanceof Command.Save || c instanceof Command.Load ? NO_FILES : null;
        } catch (CommandError e) {
            return null; // the session reports it
        }
    }

    /** One line for the learner about what was restored. */
    String welcomeBack() {
        return replayed == 0 ? "tcptutor lab: a fresh world for you; it is saved after every command."
                : "tcptutor lab: welcome back; your world is restored (" + replayed + (replayed == 1 ? " command" : " commands")
                + " replayed).";
    }
}
