package tcptutor.sim;

/** Socket options the simulated host understands (SOL_SOCKET and IPPROTO_TCP levels). */
public enum SockOpt {
    SO_REUSEADDR, SO_LINGER, SO_KEEPALIVE, SO_ERROR, TCP_KEEPIDLE, TCP_KEEPINTVL, TCP_KEEPCNT, TCP_NODELAY, TCP_LINGER2,
    SO_RCVBUF, TCP_MAXSEG;

    public static SockOpt named(String s) {
        for (SockOpt o : values()) if (o.name().equalsIgnoreCase(s.trim())) return o;
        return null;
    }
}
