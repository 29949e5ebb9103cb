package tcptutor.tcp;

/**
 * Every engine setting, named after its Linux sysctl (net.ipv4.*) where one exists.
 * Knobs without a sysctl (a kernel constant in Linux, a textbook value in the RFC) say so in their help.
 * Defaults: {@code linux} is ../shared/conformance/defaults.sh on Linux 6.x; {@code rfc9293} is what the textbooks teach.
 */
public enum Knob {
    tcp_syn_retries(6, 5, "SYN retransmissions before connect() fails with ETIMEDOUT"),
    tcp_synack_retries(5, 5, "SYN-ACK retransmissions before a half-open request is dropped"),
    tcp_syn_linear_timeouts(4, 0, "SYN retries sent 1 s apart before the gaps start doubling (Linux >= 6.5)"),
    tcp_fin_timeout(60, 0, "seconds an orphaned FIN-WAIT-2 socket waits for the peer's FIN (0: forever)"),
    tcp_keepalive_time(7200, 7200, "seconds of idle before the first keepalive probe"),
    tcp_keepalive_intvl(75, 75, "seconds between keepalive probes"),
    tcp_keepalive_probes(9, 10, "unanswered keepalive probes before the connection is reset"),
    tcp_invalid_ratelimit(500, 500, "ms between challenge ACKs / duplicate ACKs for invalid segments, per connection"),
    tcp_challenge_ack_limit(Integer.MAX_VALUE, Integer.MAX_VALUE, "challenge ACKs per second, host-wide"),
    tcp_rfc1337(0, 0, "1: ignore RSTs in TIME-WAIT (RFC 1337); 0: an exact RST ends TIME-WAIT"),
    tcp_timestamps(1, 1, "offer the timestamps option (RFC 7323) on SYNs"),
    tcp_sack(1, 1, "offer SACK-permitted (RFC 2018) on SYNs"),
    tcp_window_scaling(1, 1, "offer window scaling (RFC 7323) on SYNs"),
    tcp_ecn(0, 0, "ECN negotiation (0: off, 1: request, 2: answer only)"),
    tcp_syncookies(1, 0, "answer SYNs with a cookie when the SYN queue is full"),
    tcp_abort_on_overflow(0, 0, "1: reset a handshake whose accept queue is full instead of dropping its ACK"),
    tcp_max_syn_backlog(128, 128, "SYN queue limit when syncookies are off"),
    somaxconn(4096, 4096, "upper bound for a listen() backlog (net.core.somaxconn)"),
    tcp_retries2(15, 15, "data retransmissions before the connection times out"),
    tcp_orphan_retries(0, 0, "retransmissions of an orphaned connection (0 means 8)"),
    tcp_rmem(new long[]{4096, 131072, 33554432}, new long[]{4096, 65535, 65535}, "receive buffer min / default / max, bytes"),
    tcp_wmem(new long[]{4096, 16384, 4194304}, new long[]{4096, 16384, 65535}, "send buffer min / default / max, bytes"),
    tcp_timewait_len(60, 240, "seconds in TIME-WAIT (Linux constant TCP_TIMEWAIT_LEN; the RFC's 2*MSL with MSL 2 min)"),
    tcp_msl(30, 120, "maximum segment lifetime, seconds (RFC 9293 3.4.2): Linux's 60 s TIME-WAIT is 2 x 30 s; 'wait 2msl' waits twice this"),
    tcp_rto_min(200, 1000, "minimum retransmission timeout, ms (Linux TCP_RTO_MIN; RFC 6298 2.4)"),
    tcp_rto_initial(1000, 1000, "initial retransmission timeout, ms (TCP_TIMEOUT_INIT; RFC 6298 2.1)"),
    tcp_rto_max(120000, 60000, "maximum retransmission timeout, ms (TCP_RTO_MAX)"),
    tcp_delack_min(40, 200, "delayed-ACK timeout, ms (Linux TCP_DELACK_MIN; RFC 9293 3.8.6.3 says < 500 ms)"),
    tcp_quickacks(16, 0, "segments ACKed at once at the start of a connection (Linux quick-ACK mode, TCP_MAX_QUICKACKS)"),
    tcp_mtu(1500, 1500, "link MTU, bytes: the advertised MSS is MTU - 40"),
    tcp_init_cwnd(10, 4, "initial congestion window, segments (Linux IW10; RFC 5681 up to 4)");

    private final long[] linux, rfc;
    private final String help;

    Knob(long linux, long rfc, String help) { this(new long[]{linux}, new long[]{rfc}, help); }

    Knob(long[] linux, long[] rfc, String help) { this.linux = linux; this.rfc = rfc; this.help = help; }

    public String help() { return help; }

    /** 1 for a single number, 3 for tcp_rmem / tcp_wmem style triples. */
    public int arity() { return linux.length; }

    long[] defaultFor(Profile p) { return (p == Profile.LINUX ? linux : rfc).clone(); }

    /** The knob named by its sysctl name, with or without "net.ipv4." / "net.core."; null if none. */
    public static Knob named(String name) {
        String n = name.trim().replaceFirst("^net\\.(ipv4|core)\\.", "");
        for (Knob k : values()) if (k.name().equals(n)) return k;
        return null;
    }
}
