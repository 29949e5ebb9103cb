package tcptutor.tcp;

/** The per-connection timers (RFC 9293 3.8; Linux tcp_timer.c). Same names as {@code sim.Timer}. */
public enum TcpTimer {
    RETRANSMISSION, SYN, SYNACK, DELAYED_ACK, PERSIST, KEEPALIVE, FIN_WAIT_2, TIME_WAIT
}
