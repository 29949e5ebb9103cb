package tcptutor.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** What an exec or subsystem request (ssh host CMD, sftp, scp) gets: one line on stderr and exit status 1. */
final class RefusedCommand implements Command {
    static final String EXEC = "tcptutor: commands are not run here; connect with plain ssh";
    static final String FILES = "tcptutor: file transfer (sftp, scp) is not offered here; connect with plain ssh";

    private final String message;
    private OutputStream err;
    private ExitCallback exit;

    RefusedCommand(String message) {
        this.message = message;
    }

    static String forExec(String commandLine) {
        String c = commandLine.strip();
        return c.startsWith("scp ") || c.equals("scp") || c.contains("sftp-server") ? FILES : EXEC;
    }

    static String forSubsystem(String name) {
        return name.equals("sftp") ? FILES
                : "tcptutor: the subsystem '" + name + "' is not offered here; connect with plain ssh";
    }

    @Override public void setInputStream(InputStream in) {}

    @Override public void setOutputStream(OutputStream out) {}

    @Override public void setErrorStream(OutputStream err) { this.err = err; }

    @Override public void setExitCallback(ExitCallback callback) { this.exit = callback; }

    /** Writes on its own short thread: a channel stream must not be written on the I/O thread that starts us. */
    @Override public void start(ChannelSession channel, Environment env) {
        Thread t = new Thread(() -> {
            try {
                err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
                err.flush();
            } catch (IOException e) {
                // the client left already
            } finally {
                exit.onExit(1, message);
            }
        }, "lab-refuse");
        t.setDaemon(true);
        t.start();
    }

    @Override public void destroy(ChannelSession channel) {}
}
