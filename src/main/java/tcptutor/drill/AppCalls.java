package tcptutor.drill;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tcptutor.sim.Call;
import tcptutor.sim.Errno;
import tcptutor.sim.Host;
import tcptutor.sim.SockOpt;
import tcptutor.sim.SysResult;

/**
 * The peer application's system calls, as a script writes them, run on the simulated host. Script file
 * descriptors are mapped to the host's (packetdrill does the same: socket() = 3 only says "a new fd, called 3
 * from now on"). Results are checked as packetdrill's end_syscall does.
 */
final class AppCalls {
    /** A call that cannot be made as written (bad fd, unsupported option); the runner reports it at the line. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) { super(message, null, false, false); }
    }

    private final Host host;
    private final Sockets sockets;
    private final Map<Integer, Integer> fds = new HashMap<>();
    private final Set<Integer> nonBlocking = new HashSet<>();

    AppCalls(Host host, Sockets sockets) {
        this.host = host;
        this.sockets = sockets;
    }

    /** Makes the call; the returned Call may still be running (a blocking accept, connect, read or write). */
    Call start(Event.Syscall sc, String text) {
        List<Expr> a = sc.args();
        switch (sc.name()) {
            case "socket": return done(text, socket(a));
            case "bind": return done(text, host.bind(fd(a.get(0)), Sockets.PEER_PORT));
            case "listen": return done(text, host.listen(fd(a.get(0)), (int) value(a.get(1), "the backlog")));
            case "accept": return host.accept(fd(a.get(0)));
            case "connect": {
                int fd = fd(a.get(0));
                sockets.connecting(scriptFd(a.get(0)));
                return host.connect(fd, Sockets.PEER_PORT);
            }
            case "read": return host.read(fd(a.get(0)), count(a.get(2)));
            case "write": return host.write(fd(a.get(0)), new byte[count(a.get(2))]);
            case "recv", "recvfrom": {
                noFlags(sc.name(), a.get(3));
                return host.read(fd(a.get(0)), count(a.get(2)));
            }
            case "send", "sendto": {
                noFlags(sc.name(), a.get(3));
                return host.write(fd(a.get(0)), new byte[count(a.get(2))]);
            }
            case "close": return done(text, host.close(fd(a.get(0))));
            case "shutdown": return done(text, shutdown(a));
            case "setsockopt": return done(text, setsockopt(a));
            case "getsockopt": return done(text, host.getsockopt(fd(a.get(0)), option(a.get(2))));
            case "fcntl": return done(text, fcntl(a));
            case "poll": return poll(a);
            default: throw new Unsupported("tcptutor cannot run " + sc.name() + "()");
        }
    }

    private static Call done(String text, SysResult r) { return Call.completed(text, r); }

    /** socket(); a type with SOCK_NONBLOCK makes the new socket non-blocking, as fcntl would. */
    private SysResult socket(List<Expr> a) {
        int fd = host.socket();
        if (!(a.get(1) instanceof Expr.Any) && (value(a.get(1), "the type") & Symbols.SOCK_NONBLOCK) != 0) {
            SysResult r = host.nonBlocking(fd, true);
            if (r.failed()) return r;
            nonBlocking.add(fd);
        }
        return SysResult.ok(fd);
    }

    /** poll([{fd=F, events=E, revents=R}, ...], N, TIMEOUT_MS): waits in virtual time; revents are checked in check(). */
    private Call poll(List<Expr> a) {
        List<Expr.Struct> pfds = pollFds(a.get(0));
        int[] fdv = new int[pfds.size()], ev = new int[pfds.size()];
        for (int i = 0; i < pfds.size(); i++) {
            Expr f = pfds.get(i).fields().get("fd"), e = pfds.get(i).fields().get("events");
            if (f == null || e == null) throw new Unsupported("each struct pollfd needs fd= and events=, as {fd=4, events=POLLIN, revents=POLLIN}");
            fdv[i] = fd(f);
            ev[i] = (int) value(e, "the events");
        }
        long timeout = a.get(2) instanceof Expr.Any ? -1 : value(a.get(2), "the timeout");
        return host.poll(fdv, ev, timeout);
    }

    private static List<Expr.Struct> pollFds(Expr e) {
        if (!(e instanceof Expr.Ptr p)) throw new Unsupported("poll needs its fds as [{fd=4, events=POLLIN, revents=POLLIN}, ...], not " + e);
        List<Expr.Struct> out = new java.util.ArrayList<>();
        for (Expr x : p.items()) {
            if (!(x instanceof Expr.Struct st)) throw new Unsupported("poll needs struct pollfd items as {fd=4, events=POLLIN}, not " + x);
            out.add(st);
        }
        return out;
    }

    /** The revents poll() gave, against what the script wrote for each struct pollfd (when it wrote revents=). */
    private String pollRevents(Event.Syscall sc) {
        for (Expr.Struct st : pollFds(sc.args().get(0))) {
            Expr want = st.fields().get("revents");
            if (want == null || want instanceof Expr.Any) continue;
            int got = host.pollEvents(fd(st.fields().get("fd")), (int) value(st.fields().get("events"), "the events"));
            long w = value(want, "revents");
            if (got != w) return "expected revents " + want + " for fd " + st.fields().get("fd") + " but got " + pollNames(got);
        }
        return null;
    }

    private static String pollNames(int bits) {
        if (bits == 0) return "0";
        List<String> names = new java.util.ArrayList<>();
        String[] n = {"POLLIN", "POLLPRI", "POLLOUT", "POLLERR", "POLLHUP", "POLLNVAL", "POLLRDNORM", "POLLRDBAND", "POLLWRNORM",
            "POLLWRBAND"};
        for (int i = 0; i < n.length; i++) if ((bits & (1 << i)) != 0) names.add(n[i]);
        if ((bits & 0x2000) != 0) names.add("POLLRDHUP");
        return String.join("|", names);
    }

    /** send/recv flags: only 0 (or ...) is modelled. */
    private static void noFlags(String call, Expr flags) {
        if (flags instanceof Expr.Any || value(flags, "the flags") == 0) return;
        throw new Unsupported(call + "() with flags " + flags + " is not modelled: the simulated host runs it with flags 0 only");
    }

    /** A read or write size: 0 to 16 MiB. */
    private static int count(Expr e) {
        long n = value(e, "the byte count");
        if (n < 0 || n > MAX_COUNT) throw new Unsupported("expected a byte count from 0 to " + MAX_COUNT + ", not " + n);
        return (int) n;
    }

    private static final int MAX_COUNT = 16 << 20;

    private SysResult shutdown(List<Expr> a) {
        long how = value(a.get(1), "how");
        if (how == Symbols.SHUT_RD) throw new Unsupported("shutdown(SHUT_RD) is not modelled: the simulated host shuts down the write side only");
        return host.shutdown(fd(a.get(0)));
    }

    private SysResult setsockopt(List<Expr> a) {
        SockOpt opt = option(a.get(2));
        Expr v = a.get(3);
        int value;
        if (v instanceof Expr.Linger l) {
            value = lingerValue(l);
        } else if (v instanceof Expr.Ptr p && p.items().size() == 1) {
            value = (int) value(p.items().get(0), "the option value");
        } else {
            throw new Unsupported("setsockopt needs the value as [N] (or {onoff=1, linger=0} for SO_LINGER), not " + v);
        }
        return host.setsockopt(fd(a.get(0)), opt, value);
    }

    /** SO_LINGER as one int for the host: the linger time in seconds when on, -1 when off. */
    static int lingerValue(Expr.Linger l) { return l.onoff() != 0 ? (int) l.linger() : -1; }

    private SysResult fcntl(List<Expr> a) {
        int fd = fd(a.get(0));
        long cmd = value(a.get(1), "the command");
        if (cmd == Symbols.F_GETFL) {
            return SysResult.ok(Symbols.O_RDWR | (nonBlocking.contains(fd) ? Symbols.O_NONBLOCK : 0));
        }
        if (cmd != Symbols.F_SETFL || a.size() != 3) throw new Unsupported("fcntl runs F_GETFL and F_SETFL with flags only");
        boolean on = (value(a.get(2), "the flags") & Symbols.O_NONBLOCK) != 0;
        SysResult r = host.nonBlocking(fd, on);
        if (!r.failed()) {
            if (on) nonBlocking.add(fd);
            else nonBlocking.remove(fd);
        }
        return r;
    }

    private static SockOpt option(Expr e) {
        SockOpt o = e instanceof Expr.Word w ? SockOpt.named(w.name()) : null;
        if (o == null) throw new Unsupported("unsupported socket option " + e + " (tcptutor has " + List.of(SockOpt.values()) + ")");
        return o;
    }

    /**
     * Null when the call returned what the script expects, else what differs. On success the fd of a new socket
     * is remembered and packetdrill's socket bookkeeping follows (listen, accept).
     */
    String check(Event.Syscall sc, SysResult r) {
        long want = sc.result() instanceof Expr.Any ? Long.MIN_VALUE : value(sc.result(), "the result");
        long got = r.failed() ? -1 : sc.name().equals("getsockopt") ? 0 : r.value();
        boolean fdCall = sc.name().equals("socket") || sc.name().equals("accept");
        if (want != Long.MIN_VALUE) {
            boolean resultOk = fdCall && want >= 0 ? got >= 0 : got == want;
            if (!resultOk) return "expected result " + want + " but got " + describe(r, got);
            if (want == -1 && sc.errno() != null && r.errno() != Symbols.errno(sc.errno())) {
                return "expected errno " + sc.errno() + " but got " + describe(r, got);
            }
        }
        if (sc.name().equals("poll") && !r.failed()) {
            String bad = pollRevents(sc);
            if (bad != null) return bad;
        }
        if (sc.name().equals("getsockopt") && !r.failed()) {
            String bad = optionValue(sc, r);
            if (bad != null) return bad;
        }
        if (fdCall && want >= 0 && !r.failed()) {
            fds.put((int) want, (int) r.value());
            if (sc.name().equals("socket")) sockets.socketCreated((int) want);
            else sockets.accepted((int) want);
        }
        if (sc.name().equals("listen") && !r.failed()) sockets.listening(scriptFd(sc.args().get(0)));
        return null;
    }

    private String optionValue(Event.Syscall sc, SysResult r) {
        Expr v = sc.args().get(3);
        if (!(v instanceof Expr.Ptr p) || p.items().size() != 1 || p.items().get(0) instanceof Expr.Any) return null;
        long want = value(p.items().get(0), "the option value");
        if (want == r.value()) return null;
        String name = option(sc.args().get(2)) == SockOpt.SO_ERROR ? errnoName(r.value()) : Long.toString(r.value());
        return "expected option value " + p.items().get(0) + " but got " + name;
    }

    private static String errnoName(long v) {
        Errno e = Symbols.errno(v);
        return v == 0 ? "0" : e == null ? Long.toString(v) : e.name() + " (" + v + ")";
    }

    private static String describe(SysResult r, long got) {
        return r.failed() ? "-1 " + r.errno() + " (" + r.errno().text() + ")" : Long.toString(got);
    }

    private int fd(Expr e) {
        int script = scriptFd(e);
        Integer live = fds.get(script);
        if (live == null) throw new Unsupported("no socket has fd " + script + " in this script (socket() or accept() gives it)");
        return live;
    }

    private static int scriptFd(Expr e) {
        if (!(e instanceof Expr.Num n)) throw new Unsupported("expected a file descriptor number, not " + e);
        return (int) n.value();
    }

    /** The number an expression stands for: a literal, a constant, or constants joined with |. */
    static long value(Expr e, String what) {
        if (e instanceof Expr.Num n) return n.value();
        if (e instanceof Expr.Word w) return Symbols.value(w.name());
        if (e instanceof Expr.Or o) return value(o.left(), what) | value(o.right(), what);
        if (e instanceof Expr.Ptr p && p.items().size() == 1) return value(p.items().get(0), what);
        throw new Unsupported("expected a number for " + what + ", not " + e);
    }
}
