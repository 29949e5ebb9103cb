package tcptutor.session;

/** Told about every line a session executed (parsed or not), after it ran: lesson checks, progress, the TUI. */
@FunctionalInterface
public interface ExecutionListener {
    void executed(String line, Outcome outcome);
}
