package tcptutor.sim;

import java.net.InetAddress;
import java.util.List;

/**
 * One simulated host: an address, a TCP stack and a socket API whose blocking calls wait in virtual time.
 * A raw host does not run TCP: segments that reach it are only recorded (the learner crafting by hand).
 * CONTRACT (the engine fills the bodies).
 */
public final class Host {
    public Side side() { throw new UnsupportedOperationException(); }

    public InetAddress address() { throw new UnsupportedOperationException(); }

    public boolean raw() { throw new UnsupportedOperationException(); }

    public void raw(boolean on) { throw new UnsupportedOperationException(); }

    public int socket() { throw new UnsupportedOperationException(); }

    public SysResult bind(int fd, int port) { throw new UnsupportedOperationException(); }

    public SysResult listen(int fd, int backlog) { throw new UnsupportedOperationException(); }

    /** Connects to {@code port} on the other host. */
    public Call connect(int fd, int port) { throw new UnsupportedOperationException(); }

    public Call accept(int fd) { throw new UnsupportedOperationException(); }

    public Call read(int fd, int max) { throw new UnsupportedOperationException(); }

    public Call write(int fd, byte[] data) { throw new UnsupportedOperationException(); }

    public SysResult close(int fd) { throw new UnsupportedOperationException(); }

    /** shutdown(fd, SHUT_WR). */
    public SysResult shutdown(int fd) { throw new UnsupportedOperationException(); }

    public SysResult setsockopt(int fd, SockOpt opt, int value) { throw new UnsupportedOperationException(); }

    public SysResult getsockopt(int fd, SockOpt opt) { throw new UnsupportedOperationException(); }

    /** fcntl(fd, F_SETFL, O_NONBLOCK). */
    public SysResult nonBlocking(int fd, boolean on) { throw new UnsupportedOperationException(); }

    /** Every socket of this host, listeners and their children included. */
    public List<ConnInfo> connections() { throw new UnsupportedOperationException(); }
}
