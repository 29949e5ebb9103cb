package tcptutor.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;

/**
 * One learner's tutor on one shell channel: its own thread runs the app (the text UI with a PTY, the REPL without);
 * whatever the app throws ends this channel only, with a message to the learner and a stack trace in the log.
 */
final class LabShell implements Command {
    private final LabServer lab;
    private final LabChannel channel;
    private InputStream rawIn;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;
    private volatile Thread thread;
    private volatile LabInput input;
    private volatile AppContext ctx;
    private volatile String endReason;
    private String learner;
    private long startedNanos;

    LabShell(LabServer lab, LabChannel channel) {
        this.lab = lab;
        this.channel = channel;
    }

    @Override public void setInputStream(InputStream in) { this.rawIn = in; }

    @Override public void setOutputStream(OutputStream out) { this.out = out; }

    @Override public void setErrorStream(OutputStream err) { this.err = err; }

    @Override public void setExitCallback(ExitCallback callback) { this.exit = callback; }

    @Override public void start(ChannelSession ch, Environment env) {
        ServerSession s = ch.getServerSession();
        learner = s.getUsername();
        startedNanos = System.nanoTime();
        Thread t = new Thread(this::run, "lab-" + learner);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override public void destroy(ChannelSession ch) {
        if (endReason == null) endReason = "disconnected";
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) t.interrupt();
    }

    String learner() { return learner; }

    boolean pty() { return channel.pty(); }

    /** The lesson the app says the learner is in, or null. */
    String lesson() {
        AppContext c = ctx;
        return c == null ? null : c.lesson();
    }

    long idleNanos() {
        LabInput i = input;
        return i == null ? 0 : System.nanoTime() - i.lastInputNanos();
    }

    Thread thread() { return thread; }

    /** Ends the session from outside (idle, taken over, server stopping): tells the learner why, then closes. */
    void end(String reason, String message) {
        endReason = reason;
        write(err, "\r\n" + message + "\r\n");
        channel.close(false);
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    private void run() {
        int status = 0;
        String where = learner + "@" + channel.getServerSession().getClientAddress();
        try {
            if (!LearnerId.isValid(learner)) {
                write(err, "tcptutor: '" + learner + "' cannot be a learner id: use " + LearnerId.RULE
                        + " (ssh NAME@host)\n");
                lab.log().info("refused learner id " + LabLog.quote(learner) + " from " + where);
                status = 2;
                return;
            }
            if (lab.turnedAway(channel.getServerSession())) {
                write(err, lab.fullMessage() + "\n");
                status = 1;
                return;
            }
            if (!lab.claim(this)) {
                write(err, "tcptutor: your other session is still busy; try again in a moment\n");
                status = 1;
                return;
            }
            try {
                status = runApp(where);
            } finally {
                lab.release(this);
            }
        } catch (java.io.IOException e) {
            if (endReason == null) endReason = "connection lost: " + e.getMessage(); // the client went away mid-write
            status = 1;
        } catch (Throwable t) {
            status = 70;
            lab.log().error("session of " + where + " failed", t);
            if (endReason == null) {
                endReason = "failed: " + t;
                write(err, "\r\ntcptutor: something went wrong in your session (" + t.getClass().getSimpleName()
                        + "); it was logged. Your work up to the last command is saved: reconnect to resume.\r\n");
            }
        } finally {
            long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
            AppContext c = ctx;
            lab.log().info("session end " + where + ": " + (endReason == null ? "left" : endReason) + " after " + seconds
                    + " s, " + (c == null ? 0 : c.commands()) + " commands");
            if (exit != null) exit.onExit(status, endReason == null ? "" : endReason);
        }
    }

    private int runApp(String where) throws Exception {
        boolean pty = channel.pty();
        input = new LabInput(rawIn, pty, lab.config().inputLinesPerSecond());
        List<String> notices = new ArrayList<>(channel.notices());
        notices.addAll(lab.sessionNotices(channel.getServerSession()));
        for (String n : notices) write(err, n + (pty ? "\r\n" : "\n"));
        AppContext c = new AppContext(learner, input, out, err, pty, channel.term(), channel.size(), lab.store(),
                lab.config().lessonsDir(), lab.config().maxEventsPerCommand(), notices);
        ctx = c;
        channel.onResize(c::resized);
        lab.log().info("session start " + where + ": " + (pty ? "pty " + channel.size() + " " + channel.term() : "no pty")
                + ", journal " + c.storedJournal().size() + " lines");
        return (pty ? lab.ptyApp() : lab.lineApp()).run(c);
    }

    private static void write(OutputStream s, String text) {
        if (s == null) return;
        try {
            s.write(text.getBytes(StandardCharsets.UTF_8));
            s.flush();
        } catch (IOException | RuntimeException e) {
            // the channel is gone: nobody to tell
        }
    }
}
