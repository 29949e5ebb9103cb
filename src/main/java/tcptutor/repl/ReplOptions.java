package tcptutor.repl;

import java.nio.file.Path;

/**
 * How a REPL runs: colours on or off, where history is kept (null: not kept), and whether to greet.
 * {@link #forEnvironment} applies NO_COLOR and the XDG data directory.
 */
public record ReplOptions(boolean color, Path historyFile, boolean banner) {

    /** Colours unless {@code noColor} or NO_COLOR is set; history in $XDG_DATA_HOME/tcptutor/history (default ~/.local/share). */
    public static ReplOptions forEnvironment(boolean noColor) {
        String nc = System.getenv("NO_COLOR");
        boolean color = !noColor && (nc == null || nc.isEmpty());
        return new ReplOptions(color, historyFile(System.getenv("XDG_DATA_HOME"), System.getProperty("user.home")), true);
    }

    /** Plain: no colours, no history file, no banner (tests, SSH sessions that keep their own history). */
    public static ReplOptions plain() { return new ReplOptions(false, null, false); }

    /** $XDG_DATA_HOME/tcptutor/history, or HOME/.local/share/tcptutor/history when XDG_DATA_HOME is unset or relative. */
    static Path historyFile(String xdgDataHome, String home) {
        if (xdgDataHome != null && !xdgDataHome.isEmpty() && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome, "tcptutor", "history");
        }
        return home == null ? null : Path.of(home, ".local", "share", "tcptutor", "history");
    }
}
