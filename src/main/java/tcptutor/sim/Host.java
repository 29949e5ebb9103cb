package tcptutor.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import tcptutor.tcp.Env;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Stack;
import tcptutor.tcp.State;
import tcptutor.tcp.Tcb;
import tcptutor.tcp.TcpTimer;
import tcptutor.tcp.Why;
import tcptutor.wire.Segment;

/**
 * One simulated host: an address, a TCP stack and a socket API whose blocking calls wait in virtual time.
 * A raw host does not run TCP: segments that reach it are only recorded (the learner crafting by hand).
 * File descriptors start at 3, as packetdrill expects.
 */
public final class Host {
    private final World world;
    private final Side side;
    private final InetAddress address;
    private boolean raw;
    private final Stack stack;
    private final TreeMap<Integer, Sock> fds = new TreeMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private int nextFd = 3;
    private int currentSegment;
    private final java.util.ArrayDeque<Integer> isns = new java.util.ArrayDeque<>();

    /** A file descriptor's socket: the endpoint plus what lives above TCP. */
    private static final class Sock {
        final Tcb tcb;
        boolean bound, reuse, nonBlocking, connected;
        /** Linux SS_CONNECTING: a connect() was started and not yet reported back by a later connect(). */
        boolean connecting;
        int lingerSeconds = -1;

        Sock(Tcb tcb) { this.tcb = tcb; }
    }

    /** A blocked call: retried after every event until it returns a result. */
    private record Pending(Call call, Supplier<SysResult> attempt) {}

    Host(World world, Side side, byte[] addr, boolean raw) {
        this.world = world;
        this.side = side;
        this.raw = raw;
        try {
            this.address = InetAddress.getByAddress(addr);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        this.stack = new Stack(new HostEnv(), world::settings);
    }

    public Side side() { return side; }

    public InetAddress address() { return address; }

    public boolean raw() { return raw; }

    /** Raw: arriving segments are only recorded (default for YOU). Off: this host's TCP stack handles them. */
    public void raw(boolean on) { raw = on; }

    /** The next connection this host opens (connect, or a SYN on a listener) uses this ISS instead of a random one. */
    public void nextIsn(int iss) { isns.addLast(iss); }

    /** This host's TCP (for tests and tools that drive endpoints directly). */
    public Stack stack() { return stack; }

    // ---- socket calls ----

    public int socket() {
        int fd = nextFd++;
        fds.put(fd, new Sock(stack.socket()));
        record("socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", Integer.toString(fd));
        return fd;
    }

    public SysResult bind(int fd, int port) {
        String text = "bind(" + fd + ", " + port + ")";
        Sock s = fds.get(fd);
        if (s == null) return done(text, SysResult.fail(Errno.EBADF));
        if (s.bound || s.tcb.state() != State.CLOSED || port < 0 || port > 65535) return done(text, SysResult.fail(Errno.EINVAL));
        if (port != 0 && portConflict(s, port)) return done(text, SysResult.fail(Errno.EADDRINUSE));
        s.tcb.bind(port == 0 ? freePort() : port);
        s.bound = true;
        return done(text, SysResult.ok(0));
    }

    /** Linux inet_bind_conflict: allowed if both sockets set SO_REUSEADDR and the other is not listening. */
    private boolean portConflict(Sock me, int port) {
        for (Sock o : fds.values()) {
            if (o == me || o.tcb.localPort() != port || !(o.bound || o.tcb.state() != State.CLOSED)) continue;
            if (!(me.reuse && o.reuse && o.tcb.state() != State.LISTEN)) return true;
        }
        Set<Tcb> mine = fdTcbs();
        for (Tcb t : stack.all()) {
            if (t.localPort() != port || mine.contains(t)) continue;
            if (!(me.reuse && t.state() != State.LISTEN)) return true;
        }
        return false;
    }

    private Set<Tcb> fdTcbs() {
        Set<Tcb> set = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Sock s : fds.values()) set.add(s.tcb);
        return set;
    }

    private int freePort() {
        Env env = stackEnv();
        for (int i = 0; i < 100; i++) {
            int p = env.ephemeralPort();
            if (!stack.portInUse(p, false) && fds.values().stream().noneMatch(s -> s.tcb.localPort() == p)) return p;
        }
        return 32768;
    }

    public SysResult listen(int fd, int backlog) {
        String text = "listen(" + fd + ", " + backlog + ")";
        Sock s = fds.get(fd);
        if (s == null) return done(text, SysResult.fail(Errno.EBADF));
        if (!s.bound && s.tcb.localPort() == 0) { s.tcb.bind(freePort()); s.bound = true; }
        String err = s.tcb.listen(backlog);
        return done(text, err == null ? SysResult.ok(0) : fail(err));
    }

    /** Connects to {@code port} on the other host. */
    public Call connect(int fd, int port) {
        String text = "connect(" + fd + ", " + world.host(side.other()).address().getHostAddress() + ":" + port + ")";
        Sock s = fds.get(fd);
        if (s == null) return completed(text, SysResult.fail(Errno.EBADF));
        if (s.connecting) {
            // Linux __inet_stream_connect, SS_CONNECTING: still connecting -> EALREADY; connected -> 0 once;
            // failed -> the pending error (the next connect() starts afresh)
            State st = s.tcb.state();
            if (st == State.SYN_SENT || st == State.SYN_RECEIVED) return completed(text, SysResult.fail(Errno.EALREADY));
            s.connecting = false;
            if (st == State.CLOSED) {
                String e = s.tcb.takeError();
                return completed(text, e != null ? fail(e) : SysResult.fail(Errno.ECONNABORTED));
            }
            return completed(text, SysResult.ok(0));
        }
        if (s.tcb.state() == State.CLOSED && !s.bound) { s.tcb.bind(freePort()); s.bound = true; }
        String err = s.tcb.connect(port);
        if (err != null) return completed(text, fail(err));
        s.connected = true;
        s.connecting = true;
        if (s.nonBlocking) return completed(text, SysResult.fail(Errno.EINPROGRESS));
        return block(text, () -> {
            State st = s.tcb.state();
            if (st == State.SYN_SENT || st == State.SYN_RECEIVED) return null;
            s.connecting = false;
            String e = s.tcb.takeError();
            if (e != null) return fail(e);
            return st == State.CLOSED ? SysResult.fail(Errno.ECONNRESET) : SysResult.ok(0);
        });
    }

    /**
     * poll(): how many of the sockets have one of their {@code events} (or POLLERR / POLLHUP) ready; waits in
     * virtual time up to {@code timeoutMs} (negative: forever) when none is. {@link #pollEvents} gives each one's bits.
     */
    public Call poll(int[] pfds, int[] events, long timeoutMs) {
        String text = "poll(" + java.util.Arrays.toString(pfds) + ", " + timeoutMs + ")";
        Supplier<SysResult> ready = () -> {
            int n = 0;
            for (int i = 0; i < pfds.length; i++) if (pollEvents(pfds[i], events[i]) != 0) n++;
            return n > 0 ? SysResult.ok(n) : null;
        };
        SysResult now = ready.get();
        if (now != null || timeoutMs == 0) return completed(text, now != null ? now : SysResult.ok(0));
        long deadline = timeoutMs < 0 ? Long.MAX_VALUE : world.now() + timeoutMs * 1000;
        if (timeoutMs > 0) world.schedule(deadline, () -> { });
        return block(text, () -> {
            SysResult r = ready.get();
            return r != null ? r : world.now() >= deadline ? SysResult.ok(0) : null;
        });
    }

    /** The poll() revents of one fd: its ready bits among {@code events}, plus POLLERR and POLLHUP; POLLNVAL for a bad fd. */
    public int pollEvents(int fd, int events) {
        Sock s = fds.get(fd);
        if (s == null) return 0x20;
        return s.tcb.pollMask() & (events | Tcb.POLL_ERR | Tcb.POLL_HUP);
    }

    public Call accept(int fd) {
        String text = "accept(" + fd + ")";
        Sock s = fds.get(fd);
        if (s == null) return completed(text, SysResult.fail(Errno.EBADF));
        if (!s.tcb.isListener()) return completed(text, SysResult.fail(Errno.EINVAL));
        Supplier<SysResult> attempt = () -> {
            if (!s.tcb.isListener()) return SysResult.fail(Errno.EINVAL);
            Tcb c = s.tcb.accept();
            if (c == null) return null;
            int nfd = nextFd++;
            Sock n = new Sock(c);
            n.bound = true;
            n.connected = true;
            fds.put(nfd, n);
            return SysResult.ok(nfd);
        };
        SysResult now = attempt.get();
        if (now != null) return completed(text, now);
        if (s.nonBlocking) return completed(text, SysResult.fail(Errno.EAGAIN));
        return block(text, attempt);
    }

    public Call read(int fd, int max) {
        String text = "read(" + fd + ", " + max + ")";
        Sock s = fds.get(fd);
        if (s == null) return completed(text, SysResult.fail(Errno.EBADF));
        Supplier<SysResult> attempt = () -> {
            Tcb t = s.tcb;
            if (t.isListener()) return SysResult.fail(Errno.ENOTCONN);
            if (t.readable() > 0) return SysResult.read(t.receive(Math.max(0, max)));
            String e = t.state() == State.CLOSED ? t.takeError() : null;
            if (e != null) return fail(e);
            if (!s.connected) return SysResult.fail(Errno.ENOTCONN);
            if (t.eof()) return SysResult.read(new byte[0]);
            return null;
        };
        SysResult now = attempt.get();
        if (now != null) return completed(text, now);
        if (s.nonBlocking) return completed(text, SysResult.fail(Errno.EAGAIN));
        return block(text, attempt);
    }

    public Call write(int fd, byte[] data) {
        String text = "write(" + fd + ", " + data.length + " bytes)";
        Sock s = fds.get(fd);
        if (s == null) return completed(text, SysResult.fail(Errno.EBADF));
        byte[] copy = data.clone();
        int[] off = {0};
        long limit = world.settings().all(Knob.tcp_wmem)[2];
        Supplier<SysResult> attempt = () -> {
            Tcb t = s.tcb;
            String check = t.sendCheck();
            if (check != null && !check.isEmpty()) return off[0] > 0 ? SysResult.ok(off[0]) : fail(check);
            if (check == null) {
                int room = (int) Math.max(0, Math.min(Integer.MAX_VALUE, limit - t.sendQueued()));
                int n = Math.min(room, copy.length - off[0]);
                if (n > 0) off[0] += t.send(copy, off[0], n);
                if (off[0] == copy.length) return SysResult.ok(copy.length);
            }
            return null;
        };
        SysResult now = attempt.get();
        if (now != null) return completed(text, now);
        if (s.nonBlocking) return completed(text, off[0] > 0 ? SysResult.ok(off[0]) : SysResult.fail(Errno.EAGAIN));
        return block(text, attempt);
    }

    public SysResult close(int fd) {
        String text = "close(" + fd + ")";
        Sock s = fds.remove(fd);
        if (s == null) return done(text, SysResult.fail(Errno.EBADF));
        s.tcb.close();
        return done(text, SysResult.ok(0));
    }

    /** shutdown(fd, SHUT_WR). */
    public SysResult shutdown(int fd) {
        String text = "shutdown(" + fd + ", SHUT_WR)";
        Sock s = fds.get(fd);
        if (s == null) return done(text, SysResult.fail(Errno.EBADF));
        String err = s.tcb.shutdown();
        return done(text, err == null ? SysResult.ok(0) : fail(err));
    }

    /**
     * Sets an option. Booleans take 0/1; SO_LINGER takes the linger time in seconds with l_onoff=1 (0 = abort on
     * close), or -1 for off; TCP_KEEPIDLE/INTVL in seconds; TCP_LINGER2 in seconds (-1: RST at once).
     */
    public SysResult setsockopt(int fd, SockOpt opt, int value) {
        String text = "setsockopt(" + fd + ", " + opt + ", " + value + ")";
        Sock s = fds.get(fd);
        if (s == null) return done(text, SysResult.fail(Errno.EBADF));
        Tcb t = s.tcb;
        switch (opt) {
            case SO_REUSEADDR -> s.reuse = value != 0;
            case SO_LINGER -> { s.lingerSeconds = value; t.lingerZero(value == 0); }
            case SO_KEEPALIVE -> t.keepalive(value != 0);
            case TCP_NODELAY -> t.nodelay(value != 0);
            case TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT -> {
                if (value < 1) return done(text, SysResult.fail(Errno.EINVAL));
                if (opt == SockOpt.TCP_KEEPIDLE) t.keepIdle(value);
                else if (opt == SockOpt.TCP_KEEPINTVL) t.keepIntvl(value);
                else t.keepCnt(value);
            }
            case TCP_LINGER2 -> t.linger2(value);
            case SO_RCVBUF -> t.rcvBuf(value);
            case TCP_MAXSEG -> { if (!t.maxSeg(value)) return done(text, SysResult.fail(Errno.EINVAL)); }
            case SO_ERROR -> { return done(text, SysResult.fail(Errno.ENOPROTOOPT)); }
        }
        return done(text, SysResult.ok(0));
    }

    /** Reads an option; SO_ERROR returns the pending error's Linux number (0 if none) and clears it. */
    public SysResult getsockopt(int fd, SockOpt opt) {
        String text = "getsockopt(" + fd + ", " + opt + ")";
        Sock s = fds.get(fd);
        if (s == null) return done(text, SysResult.fail(Errno.EBADF));
        Tcb t = s.tcb;
        long v = switch (opt) {
            case SO_REUSEADDR -> s.reuse ? 1 : 0;
            case SO_LINGER -> s.lingerSeconds;
            case SO_KEEPALIVE -> t.keepalive() ? 1 : 0;
            case TCP_NODELAY -> t.nodelay() ? 1 : 0;
            case TCP_KEEPIDLE -> t.keepIdle();
            case TCP_KEEPINTVL -> t.keepIntvl();
            case TCP_KEEPCNT -> t.keepCnt();
            case TCP_LINGER2 -> t.linger2();
            case SO_RCVBUF -> t.rcvBuf();
            case TCP_MAXSEG -> t.maxSeg();
            case SO_ERROR -> {
                String e = t.takeError();
                yield e == null ? 0 : Errno.valueOf(e).number();
            }
        };
        SysResult r = SysResult.ok(v);
        if (opt == SockOpt.SO_ERROR && v != 0) {
            record(text, v + " (" + Errno.ofNumber(v) + ")");
            return r;
        }
        return done(text, r);
    }

    /** fcntl(fd, F_SETFL, O_NONBLOCK). */
    public SysResult nonBlocking(int fd, boolean on) {
        String text = "fcntl(" + fd + ", F_SETFL, " + (on ? "O_NONBLOCK" : "0") + ")";
        Sock s = fds.get(fd);
        if (s == null) return done(text, SysResult.fail(Errno.EBADF));
        s.nonBlocking = on;
        return done(text, SysResult.ok(0));
    }

    /** The endpoint behind a file descriptor, or null. */
    public Tcb tcb(int fd) {
        Sock s = fds.get(fd);
        return s == null ? null : s.tcb;
    }

    /** Open file descriptors, ascending. */
    public List<Integer> fds() { return List.copyOf(fds.keySet()); }

    /** Every socket of this host, listeners and their children included. */
    public List<ConnInfo> connections() {
        Map<Tcb, Integer> fdOf = new IdentityHashMap<>();
        fds.forEach((fd, s) -> fdOf.put(s.tcb, fd));
        List<ConnInfo> out = new ArrayList<>();
        Set<Tcb> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Tcb t : stack.all()) {
            seen.add(t);
            out.add(info(t, fdOf.getOrDefault(t, -1)));
        }
        fds.forEach((fd, s) -> {
            if (!seen.contains(s.tcb) && s.tcb.localPort() != 0) out.add(info(s.tcb, fd));
        });
        return out;
    }

    private ConnInfo info(Tcb t, int fd) {
        Map<Timer, Long> timers = new EnumMap<>(Timer.class);
        for (TcpTimer k : TcpTimer.values()) {
            long d = t.timer(k);
            if (d >= 0) timers.put(Timer.valueOf(k.name()), d);
        }
        return new ConnInfo(new Conn(t.localPort(), t.remotePort()), t.snapshot(), timers, fd, t.orphaned());
    }

    // ---- the world's side ----

    /** The link delivers a segment: recorded, then handled by TCP unless this host is raw. */
    void deliver(int id, Segment s) {
        world.trace().append(new TraceEvent.Delivered(world.now(), side, id));
        if (raw) return;
        if (s.checksum() != 0 && !checksumOk(s)) {
            world.trace().append(new TraceEvent.Handled(world.now(), side, id, Reason.of(
                    "bad checksum: the segment is discarded silently (no RST, no ACK)", "RFC 9293 3.1 MUST-2/3; Linux tcp_v4_rcv")));
            return;
        }
        currentSegment = id;
        try {
            stack.arrive(s);
        } finally {
            currentSegment = 0;
        }
    }

    /**
     * A segment that carries a checksum (crafted and encoded by the learner) must verify over the IPv4 pseudo-header
     * of this link; checksum 0 means "not computed" (segments built in memory) and is accepted.
     */
    private boolean checksumOk(Segment s) {
        try {
            InetAddress from = world.host(side.other()).address();
            return tcptutor.wire.SegmentCodec.withChecksum(s.withChecksum(0), from, address).checksum() == s.checksum();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Retries blocked calls; completed ones are recorded with their result. */
    void pollCalls() {
        if (pending.isEmpty()) return;
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            SysResult r = p.attempt().get();
            if (r == null) continue;
            pending.remove(i--);
            p.call().complete(r);
            record(p.call().text(), r.toString());
        }
    }

    private Call block(String text, Supplier<SysResult> attempt) {
        Call c = new Call(text);
        pending.add(new Pending(c, attempt));
        record(text, "...");
        return c;
    }

    private Call completed(String text, SysResult r) {
        record(text, r.toString());
        return Call.completed(text, r);
    }

    private SysResult done(String text, SysResult r) {
        record(text, r.toString());
        return r;
    }

    private static SysResult fail(String errno) { return SysResult.fail(Errno.valueOf(errno)); }

    private void record(String call, String result) {
        world.trace().append(new TraceEvent.Call(world.now(), side, call, result));
    }

    private Env stackEnv() { return envRef; }

    private HostEnv envRef;

    private static Reason reason(Why w) { return Reason.of(w.text(), w.rule()); }

    private static Conn conn(Tcb t) { return new Conn(t.localPort(), t.remotePort()); }

    /** The world as one host's TCP sees it. */
    private final class HostEnv implements Env {
        HostEnv() { envRef = this; }

        @Override public long now() { return world.now(); }

        @Override public void transmit(Segment s, Why why) { world.send(side, s, reason(why)); }

        @Override public void handled(Why why) {
            if (currentSegment != 0) world.trace().append(new TraceEvent.Handled(world.now(), side, currentSegment, reason(why)));
            else note(why);
        }

        @Override public void note(Why why) { world.trace().append(new TraceEvent.Note(world.now(), side, reason(why))); }

        @Override public void stateChanged(Tcb t, State from, State to, Why why) {
            world.trace().append(new TraceEvent.StateChanged(world.now(), side, conn(t), from, to, reason(why)));
        }

        @Override public void timerChanged(Tcb t, TcpTimer timer, TimerAction action, long deadline) {
            world.trace().append(new TraceEvent.TimerChanged(world.now(), side, conn(t), Timer.valueOf(timer.name()),
                    TraceEvent.TimerAction.valueOf(action.name()), deadline));
        }

        @Override public Object schedule(long at, Runnable r) { return world.schedule(at, r); }

        @Override public void cancel(Object handle) { ((World.Event) handle).cancelled = true; }

        @Override public int isn() { return isns.isEmpty() ? world.random().nextInt() : isns.pollFirst(); }

        @Override public int ephemeralPort() { return 32768 + world.random().nextInt(60999 - 32768 + 1); }
    }
}
