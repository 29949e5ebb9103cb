package tcptutor.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tcptutor.command.Command;
import tcptutor.command.CommandError;
import tcptutor.sim.Call;
import tcptutor.sim.ConnInfo;
import tcptutor.sim.Host;
import tcptutor.sim.Side;
import tcptutor.sim.SockOpt;
import tcptutor.sim.SysResult;
import tcptutor.sim.World;

/**
 * The applications on both hosts as the learner drives them: each side's listening socket and current connection,
 * and the blocking calls still waiting in virtual time. A command that needs a connection the peer has not accepted
 * yet accepts it first (and says so).
 */
final class Sockets {
    /** One side's application: its listening socket and current connection (-1: none). */
    private static final class App {
        int listenFd = -1, connFd = -1;
    }

    private record Pending(Side side, Call call, Command.Action action, int fd) {}

    private final World world;
    private final App[] apps = {new App(), new App()};
    private final List<Pending> pending = new ArrayList<>();
    /** Set once a command has made a socket call: from then on a failure still changed the world. */
    boolean touched;

    Sockets(World world) { this.world = world; }

    private App app(Side s) { return apps[s.ordinal()]; }

    /** The connection socket of {@code side}, or -1. */
    int connFd(Side side) { return app(side).connFd; }

    int listenFd(Side side) { return app(side).listenFd; }

    /** Opens a listening socket on {@code port}: socket, bind, listen. */
    List<String> listen(Side side, int port, int backlog) {
        Host h = world.host(side);
        touched = true;
        int fd = h.socket();
        check(h.setsockopt(fd, SockOpt.SO_REUSEADDR, 1), side, "setsockopt(SO_REUSEADDR)");
        SysResult b = h.bind(fd, port);
        if (b.failed()) {
            h.close(fd);
            throw CommandError.cannot(side + ": bind(" + port + ") failed: " + b + " (is something already listening there?)");
        }
        SysResult l = h.listen(fd, backlog);
        if (l.failed()) throw CommandError.cannot(side + ": listen() failed: " + l);
        app(side).listenFd = fd;
        return List.of();
    }

    /** Starts a call described by {@code c}. Validation first: a CommandError leaves the world untouched. */
    List<String> run(Command.SocketCall c, int youPort, int peerPort) {
        Side side = c.side();
        Host h = world.host(side);
        App a = app(side);
        List<String> out = new ArrayList<>();
        switch (c.action()) {
            case LISTEN -> out.addAll(listen(side, c.port() != null ? c.port() : side == Side.YOU ? youPort : peerPort,
                    c.backlog() != null ? c.backlog() : SessionConfig.PEER_BACKLOG));
            case ACCEPT -> {
                if (a.listenFd < 0) throw CommandError.cannot(side + " is not listening: '" + side + " listen [PORT]' first");
                touched = true;
                Call call = h.accept(a.listenFd);
                pending.add(new Pending(side, call, Command.Action.ACCEPT, -1));
            }
            case CONNECT -> {
                touched = true;
                int fd = h.socket();
                int local = side == Side.YOU ? youPort : 0;
                if (local != 0 && h.bind(fd, local).failed()) h.bind(fd, 0);
                Call call = h.connect(fd, c.port() != null ? c.port() : side == Side.YOU ? peerPort : youPort);
                a.connFd = fd;
                pending.add(new Pending(side, call, Command.Action.CONNECT, fd));
            }
            case SEND -> {
                int fd = conn(side, out);
                pending.add(new Pending(side, h.write(fd, c.data()), Command.Action.SEND, fd));
            }
            case READ -> {
                int fd = conn(side, out);
                pending.add(new Pending(side, h.read(fd, c.optValue() == null ? 65536 : (int) (long) c.optValue()), Command.Action.READ, fd));
            }
            case CLOSE -> {
                int fd = conn(side, out);
                check(h.close(fd), side, "close()");
                a.connFd = -1;
            }
            case SHUTDOWN -> check(h.shutdown(conn(side, out)), side, "shutdown(SHUT_WR)");
            case ABORT -> {
                int fd = conn(side, out);
                check(h.setsockopt(fd, SockOpt.SO_LINGER, 0), side, "setsockopt(SO_LINGER, 0)");
                check(h.close(fd), side, "close()");
                a.connFd = -1;
            }
            case SETSOCKOPT -> {
                int fd = a.connFd >= 0 ? a.connFd : a.listenFd;
                if (fd < 0) throw CommandError.cannot(side + " has no socket yet: listen, connect or accept first");
                SockOpt o = SockOpt.named(c.optName());
                touched = true;
                check(h.setsockopt(fd, o, (int) Math.min(Integer.MAX_VALUE, c.optValue())), side, "setsockopt(" + o + ")");
            }
        }
        return out;
    }

    /** The side's connection; the peer first accepts one that waits in its accept queue. */
    private int conn(Side side, List<String> out) {
        App a = app(side);
        if (a.connFd >= 0) {
            touched = true;
            return a.connFd;
        }
        if (a.listenFd >= 0 && queued(side)) {
            touched = true;
            Call call = world.host(side).accept(a.listenFd);
            if (call.done() && !call.result().failed()) {
                a.connFd = (int) call.result().value();
                out.add(side + "  has not accepted the connection yet: it does so first");
                return a.connFd;
            }
            pending.add(new Pending(side, call, Command.Action.ACCEPT, -1));
        }
        throw CommandError.cannot(side + " has no connection" + (a.listenFd >= 0
                ? ": none is established yet (complete a handshake, then '" + side + " accept')"
                : ": '" + side + " connect' or '" + side + " listen' first"));
    }

    /** True when a child of the side's listener is established but not accepted. */
    private boolean queued(Side side) {
        for (ConnInfo ci : world.host(side).connections()) {
            if (ci.conn().remotePort() != 0 && ci.fd() < 0 && !ci.orphaned() && ci.tcb().state().synchronized_()
                    && ci.tcb().state() != tcptutor.tcp.State.SYN_RECEIVED) {
                return true;
            }
        }
        return false;
    }

    private static void check(SysResult r, Side side, String what) {
        if (r.failed()) throw CommandError.cannot(side + ": " + what + " failed: " + r);
    }

    /** Lines for calls that finished since the last poll, and for the ones still blocked (when {@code sayBlocked}). */
    List<String> poll(boolean sayBlocked) {
        List<String> out = new ArrayList<>();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!p.call().done()) {
                if (sayBlocked) out.add(p.side() + "  " + p.call().text() + " blocks (it completes when the world moves on: wait, step)");
                continue;
            }
            it.remove();
            SysResult r = p.call().result();
            App a = app(p.side());
            if (p.action() == Command.Action.ACCEPT && !r.failed()) a.connFd = (int) r.value();
            if (p.action() == Command.Action.CONNECT && r.failed()) a.connFd = -1;
            if (p.action() == Command.Action.READ && !r.failed()) {
                out.add(p.side() + "  read " + r.value() + " bytes: " + quote(r.data()));
            }
        }
        return out;
    }

    static String quote(byte[] data) {
        StringBuilder b = new StringBuilder("\"");
        String s = new String(data, StandardCharsets.UTF_8);
        for (int i = 0; i < s.length() && i < 200; i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') b.append('\\').append(ch);
            else if (ch == '\n') b.append("\\n");
            else if (ch < 32) b.append(String.format("\\x%02x", (int) ch));
            else b.append(ch);
        }
        return b.append(s.length() > 200 ? "...\"" : "\"").toString();
    }
}
