package tcptutor.lab;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.sshd.common.channel.PtyMode;
import org.apache.sshd.common.channel.RequestHandler;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;

/**
 * A session channel that remembers whether the client asked for a PTY (and its TERM and size), passes every
 * window-change on, and turns exec, subsystem, agent and X11 requests into clear refusals.
 */
final class LabChannel extends ChannelSession {
    private final LabLog log;
    private volatile boolean pty;
    private volatile String term = "dumb";
    private volatile TermSize size = TermSize.DEFAULT;
    private volatile Consumer<TermSize> resizeListener = s -> {};
    private final List<String> notices = new CopyOnWriteArrayList<>();

    LabChannel(LabLog log) {
        this.log = log;
    }

    boolean pty() { return pty; }

    String term() { return term; }

    TermSize size() { return size; }

    /** Refusals to tell the learner when the shell starts. */
    List<String> notices() { return List.copyOf(notices); }

    void onResize(Consumer<TermSize> listener) { resizeListener = listener; }

    private String who() {
        ServerSession s = getServerSession();
        return s == null ? "?" : s.getUsername() + "@" + s.getClientAddress();
    }

    @Override protected RequestHandler.Result handlePtyReqParsed(String term, int columns, int rows, int width, int height,
                                                                 Map<PtyMode, Integer> modes) throws IOException {
        this.pty = true;
        this.term = term == null || term.isBlank() ? "xterm" : term;
        this.size = TermSize.of(columns, rows);
        return super.handlePtyReqParsed(term, columns, rows, width, height, modes);
    }

    @Override protected RequestHandler.Result handleWindowChangeParsed(int columns, int rows, int width, int height)
            throws IOException {
        RequestHandler.Result r = super.handleWindowChangeParsed(columns, rows, width, height);
        size = TermSize.of(columns, rows);
        try {
            resizeListener.accept(size);
        } catch (RuntimeException e) {
            log.error("resize handler failed for " + who(), e);
        }
        return r;
    }

    @Override protected RequestHandler.Result handleExecParsed(String request, String commandLine) throws IOException {
        log.info("refused exec for " + who() + ": " + LabLog.quote(commandLine));
        return refuse(request, RefusedCommand.forExec(commandLine));
    }

    @Override protected RequestHandler.Result handleSubsystemParsed(String request, String subsystem) throws IOException {
        log.info("refused subsystem for " + who() + ": " + LabLog.quote(subsystem));
        return refuse(request, RefusedCommand.forSubsystem(subsystem));
    }

    /** Runs a command that prints the refusal (as MINA's handlers do with a real command: set it, then prepare it). */
    private RequestHandler.Result refuse(String request, String message) throws IOException {
        commandInstance = new RefusedCommand(message);
        return prepareChannelCommand(request, commandInstance);
    }

    @Override protected RequestHandler.Result handleAgentForwardingParsed(String requestType) {
        log.info("refused agent forwarding for " + who());
        notices.add("tcptutor: agent forwarding (ssh -A) is not offered here: refused");
        return RequestHandler.Result.ReplyFailure;
    }

    @Override protected RequestHandler.Result handleX11ForwardingParsed(String requestType, ServerSession session,
            boolean singleConnection, String authProtocol, String authCookie, int screenId) {
        log.info("refused X11 forwarding for " + who());
        notices.add("tcptutor: X11 forwarding (ssh -X) is not offered here: refused");
        return RequestHandler.Result.ReplyFailure;
    }
}
