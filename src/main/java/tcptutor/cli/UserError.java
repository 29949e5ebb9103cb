package tcptutor.cli;

/**
 * A problem the user can fix (a missing file, a bad value): printed as one line, no stack trace,
 * with the exit code given. Exit codes: 1 a check failed, 2 bad input or usage, 3 cannot run here.
 */
public final class UserError extends RuntimeException {
    private final int exitCode;

    private UserError(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() { return exitCode; }

    /** Bad input: exit 2. The message should say what was expected and how to fix it. */
    public static UserError input(String message) { return new UserError(message, 2); }

    /** A check that ran and failed: exit 1. */
    public static UserError failed(String message) { return new UserError(message, 1); }

    /** The environment cannot do this (no terminal, a port in use): exit 3. */
    public static UserError environment(String message) { return new UserError(message, 3); }
}
