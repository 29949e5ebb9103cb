package tcptutor.explain;

import java.net.Inet6Address;
import java.net.InetAddress;
import tcptutor.wire.IpHeader;

/** One end of a TCP connection in a capture: address and port. Prints as {@code 127.0.0.1:8080} or {@code [::1]:8080}. */
public record Endpoint(InetAddress address, int port) {
    @Override public String toString() {
        String a = address == null ? "?" : IpHeader.text(address);
        return (address instanceof Inet6Address ? "[" + a + "]" : a) + ":" + port;
    }
}
