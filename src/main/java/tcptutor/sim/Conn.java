package tcptutor.sim;

/** Names one socket on a host by its ports; a listener has remotePort 0. */
public record Conn(int localPort, int remotePort) {
    @Override public String toString() { return remotePort == 0 ? ":" + localPort : ":" + localPort + "<->:" + remotePort; }
}
