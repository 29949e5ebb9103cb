package tcptutor.sim;

/** The errors socket calls return, with the text packetdrill and strerror print. */
public enum Errno {
    EINPROGRESS("Operation now in progress", 115), EALREADY("Operation already in progress", 114),
    ECONNREFUSED("Connection refused", 111), ECONNRESET("Connection reset by peer", 104),
    ETIMEDOUT("Connection timed out", 110), EPIPE("Broken pipe", 32), ENOTCONN("Transport endpoint is not connected", 107),
    EISCONN("Transport endpoint is already connected", 106), EAGAIN("Resource temporarily unavailable", 11),
    EADDRINUSE("Address already in use", 98), EINVAL("Invalid argument", 22), EBADF("Bad file descriptor", 9),
    ENOPROTOOPT("Protocol not available", 92), ECONNABORTED("Software caused connection abort", 103);

    private final String text;
    private final int number;

    Errno(String text, int number) { this.text = text; this.number = number; }

    public String text() { return text; }

    /** The Linux errno value (e.g. 110 for ETIMEDOUT), as SO_ERROR reports it. */
    public int number() { return number; }

    /** The errno with this Linux number, or null. */
    public static Errno ofNumber(long n) {
        for (Errno e : values()) if (e.number == n) return e;
        return null;
    }
}
