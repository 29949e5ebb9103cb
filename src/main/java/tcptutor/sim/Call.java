package tcptutor.sim;

/**
 * A socket call that may block in virtual time (accept, connect, read, write on a blocking socket).
 * The world completes it as it runs; {@code result()} is null until {@code done()}.
 */
public final class Call {
    private final String text;
    private SysResult result;

    public Call(String text) { this.text = text; }

    public static Call completed(String text, SysResult r) {
        Call c = new Call(text);
        c.complete(r);
        return c;
    }

    public String text() { return text; }

    public boolean done() { return result != null; }

    public SysResult result() { return result; }

    public void complete(SysResult r) {
        if (result == null) result = r;
    }

    @Override public String toString() { return text + " = " + (done() ? result : "..."); }
}
