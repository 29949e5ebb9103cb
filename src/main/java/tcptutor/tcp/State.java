package tcptutor.tcp;

import java.util.Locale;

/** The eleven connection states (RFC 9293 3.3.2), with Linux's names (include/net/tcp_states.h) and ss's. */
public enum State {
    CLOSED("CLOSED", "TCP_CLOSE", "UNCONN"),
    LISTEN("LISTEN", "TCP_LISTEN", "LISTEN"),
    SYN_SENT("SYN-SENT", "TCP_SYN_SENT", "SYN-SENT"),
    SYN_RECEIVED("SYN-RECEIVED", "TCP_SYN_RECV", "SYN-RECV"),
    ESTABLISHED("ESTABLISHED", "TCP_ESTABLISHED", "ESTAB"),
    FIN_WAIT_1("FIN-WAIT-1", "TCP_FIN_WAIT1", "FIN-WAIT-1"),
    FIN_WAIT_2("FIN-WAIT-2", "TCP_FIN_WAIT2", "FIN-WAIT-2"),
    CLOSE_WAIT("CLOSE-WAIT", "TCP_CLOSE_WAIT", "CLOSE-WAIT"),
    CLOSING("CLOSING", "TCP_CLOSING", "CLOSING"),
    LAST_ACK("LAST-ACK", "TCP_LAST_ACK", "LAST-ACK"),
    TIME_WAIT("TIME-WAIT", "TCP_TIME_WAIT", "TIME-WAIT");

    private final String rfc, linux, ss;

    State(String rfc, String linux, String ss) { this.rfc = rfc; this.linux = linux; this.ss = ss; }

    /** The RFC 9293 spelling, e.g. "SYN-RECEIVED". */
    public String rfcName() { return rfc; }
    public String linuxName() { return linux; }
    public String ssName() { return ss; }

    @Override public String toString() { return rfc; }

    /** True once both ISNs are known (every state but CLOSED, LISTEN, SYN-SENT). */
    public boolean synchronized_() { return ordinal() >= SYN_RECEIVED.ordinal(); }

    /**
     * Reads a state name as people write it: "SYN-RECEIVED", "SYN_RCVD", "syn_recv", "TCP_SYN_RECV",
     * "ESTAB", "time wait". Returns null when nothing matches.
     */
    public static State parse(String text) {
        String k = text.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
        if (k.startsWith("TCP")) k = k.substring(3);
        for (State s : values()) {
            for (String n : new String[]{s.rfc, s.linux.substring(4), s.ss, s.name()}) {
                if (n.replaceAll("[\\s_-]+", "").equals(k)) return s;
            }
        }
        return switch (k) {
            case "SYNRCVD" -> SYN_RECEIVED;
            case "FINWAIT1", "FINWAITONE" -> FIN_WAIT_1;
            case "FINWAIT2", "FINWAITTWO" -> FIN_WAIT_2;
            case "CLOSE" -> CLOSED;
            default -> null;
        };
    }
}
