package tcptutor.sim;

/** The errors socket calls return, with the text packetdrill and strerror print. */
public enum Errno {
    EINPROGRESS("Operation now in progress"), EALREADY("Operation already in progress"),
    ECONNREFUSED("Connection refused"), ECONNRESET("Connection reset by peer"),
    ETIMEDOUT("Connection timed out"), EPIPE("Broken pipe"), ENOTCONN("Transport endpoint is not connected"),
    EISCONN("Transport endpoint is already connected"), EAGAIN("Resource temporarily unavailable"),
    EADDRINUSE("Address already in use"), EINVAL("Invalid argument"), EBADF("Bad file descriptor"),
    ENOPROTOOPT("Protocol not available");

    private final String text;

    Errno(String text) { this.text = text; }

    public String text() { return text; }
}
