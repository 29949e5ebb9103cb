package tcptutor.sim;

/** The per-connection timers the trace reports (RFC 9293 3.8, Linux tcp_timer.c). */
public enum Timer {
    RETRANSMISSION("retransmission"), SYN("SYN retransmission"), SYNACK("SYN-ACK retransmission"),
    DELAYED_ACK("delayed ACK"), PERSIST("zero-window probe"), KEEPALIVE("keepalive"),
    FIN_WAIT_2("FIN-WAIT-2"), TIME_WAIT("TIME-WAIT");

    private final String label;

    Timer(String label) { this.label = label; }

    public String label() { return label; }
}
