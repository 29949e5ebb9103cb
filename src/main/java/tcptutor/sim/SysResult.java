package tcptutor.sim;

/**
 * What a socket call returned: a value (fd, byte count, 0) or -1 with an errno, plus the bytes a read returned.
 */
public record SysResult(long value, Errno errno, byte[] data) {
    public SysResult { data = data == null ? new byte[0] : data.clone(); }

    public static SysResult ok(long value) { return new SysResult(value, null, null); }

    public static SysResult read(byte[] data) { return new SysResult(data.length, null, data); }

    public static SysResult fail(Errno e) { return new SysResult(-1, e, null); }

    public boolean failed() { return errno != null; }

    @Override public byte[] data() { return data.clone(); }

    @Override public String toString() { return failed() ? "-1 " + errno + " (" + errno.text() + ")" : Long.toString(value); }
}
