package tcptutor.drill;

import java.util.LinkedHashMap;
import java.util.Map;
import tcptutor.sim.Errno;

/** The constants a script may name, with their Linux values (include/uapi headers). */
final class Symbols {
    static final int O_RDWR = 02, O_NONBLOCK = 04000;
    static final int F_GETFL = 3, F_SETFL = 4;
    static final int SHUT_RD = 0, SHUT_WR = 1, SHUT_RDWR = 2;
    static final int SOCK_NONBLOCK = 04000;

    private static final Map<String, Long> VALUES = new LinkedHashMap<>();

    static {
        put("AF_INET", 2); put("PF_INET", 2); put("AF_INET6", 10); put("PF_INET6", 10);
        put("SOCK_STREAM", 1); put("SOCK_NONBLOCK", SOCK_NONBLOCK); put("SOCK_CLOEXEC", 02000000);
        put("IPPROTO_IP", 0); put("IPPROTO_TCP", 6);
        put("SOL_SOCKET", 1); put("SOL_TCP", 6);
        put("SO_REUSEADDR", 2); put("SO_ERROR", 4); put("SO_KEEPALIVE", 9); put("SO_LINGER", 13);
        put("TCP_NODELAY", 1); put("TCP_KEEPIDLE", 4); put("TCP_KEEPINTVL", 5); put("TCP_KEEPCNT", 6); put("TCP_LINGER2", 8);
        // known to Linux but not to the simulated host: they parse, and the call then fails saying so
        put("SO_SNDBUF", 7); put("SO_RCVBUF", 8); put("SO_REUSEPORT", 15); put("SO_RCVLOWAT", 18); put("SO_SNDLOWAT", 19);
        put("TCP_MAXSEG", 2); put("TCP_CORK", 3); put("TCP_SYNCNT", 7); put("TCP_DEFER_ACCEPT", 9);
        put("TCP_WINDOW_CLAMP", 10); put("TCP_INFO", 11); put("TCP_QUICKACK", 12); put("TCP_CONGESTION", 13);
        put("TCP_USER_TIMEOUT", 18); put("TCP_FASTOPEN", 23); put("TCP_NOTSENT_LOWAT", 25);
        put("MSG_OOB", 1); put("MSG_PEEK", 2); put("MSG_DONTWAIT", 0x40); put("MSG_WAITALL", 0x100);
        put("MSG_NOSIGNAL", 0x4000); put("MSG_MORE", 0x8000); put("MSG_FASTOPEN", 0x20000000);
        put("O_CLOEXEC", 02000000); put("F_GETFD", 1); put("F_SETFD", 2); put("FD_CLOEXEC", 1);
        put("O_RDONLY", 0); put("O_WRONLY", 1); put("O_RDWR", O_RDWR); put("O_NONBLOCK", O_NONBLOCK);
        put("F_GETFL", F_GETFL); put("F_SETFL", F_SETFL);
        put("SHUT_RD", SHUT_RD); put("SHUT_WR", SHUT_WR); put("SHUT_RDWR", SHUT_RDWR);
        put("SOMAXCONN", 4096);
        put("POLLIN", 0x1); put("POLLPRI", 0x2); put("POLLOUT", 0x4); put("POLLERR", 0x8); put("POLLHUP", 0x10);
        put("POLLNVAL", 0x20); put("POLLRDNORM", 0x40); put("POLLRDBAND", 0x80); put("POLLWRNORM", 0x100);
        put("POLLWRBAND", 0x200); put("POLLRDHUP", 0x2000);
        for (Errno e : Errno.values()) put(e.name(), errnoNumber(e));
        put("EWOULDBLOCK", 11);
    }

    private Symbols() {}

    private static void put(String name, long v) { VALUES.put(name, v); }

    static boolean known(String name) { return VALUES.containsKey(name); }

    static long value(String name) {
        Long v = VALUES.get(name);
        if (v == null) throw new IllegalArgumentException("unknown constant " + name);
        return v;
    }

    /** Linux's errno numbers (asm-generic/errno.h). */
    static int errnoNumber(Errno e) { return e.number(); }

    static Errno errno(String name) {
        for (Errno e : Errno.values()) if (e.name().equals(name)) return e;
        if (name.equals("EWOULDBLOCK")) return Errno.EAGAIN;
        return null;
    }

    static Errno errno(long number) { return Errno.ofNumber(number); }
}
