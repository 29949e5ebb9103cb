package tcptutor.lab;

/**
 * The tutor one SSH channel runs: the text UI when the client asked for a PTY, the line REPL when it did not.
 * It reads {@link AppContext#in()} until the learner leaves or the input ends, writes to {@link AppContext#out()},
 * and stores the learner's journal through the context after every command. It runs on its own thread; an
 * exception ends this learner's session only.
 */
@FunctionalInterface
public interface TutorApp {
    /** Runs until the learner leaves or the input ends; returns the exit status sent to the client. */
    int run(AppContext ctx) throws Exception;
}
