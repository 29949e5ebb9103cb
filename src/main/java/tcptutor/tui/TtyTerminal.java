package tcptutor.tui;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The process's own terminal (stdin/stdout a tty), for {@code tcptutor} run locally. Ctrl-C arrives as a key
 * (the UI asks before quitting). Lanterna's UnixTerminal runs {@code stty} five times to take the terminal;
 * this one sets the same modes with one {@code stty} after saving them, which shortens the start.
 */
public final class TtyTerminal extends UnixTerminal {
    public TtyTerminal() throws IOException {
        super(System.in, System.out, StandardCharsets.UTF_8, CtrlCBehaviour.TRAP);
    }

    /** Leaving canonical mode also turns echo and the interrupt key off, in the same stty call. */
    @Override protected void canonicalMode(boolean enabled) throws IOException {
        if (enabled) super.canonicalMode(true);
        else runSTTYCommand("-icanon", "min", "1", "-echo", "intr", "undef");
    }

    /** Turned off with canonical mode; turned on by restoring the saved settings. */
    @Override protected void keyEchoEnabled(boolean enabled) throws IOException {
        if (enabled) super.keyEchoEnabled(true);
    }

    /** Turned off with canonical mode; turned on by restoring the saved settings. */
    @Override protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
        if (enabled) super.keyStrokeSignalsEnabled(true);
    }
}
