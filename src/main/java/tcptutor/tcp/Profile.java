package tcptutor.tcp;

import java.util.Locale;

/** Which defaults the engine starts from: Linux 6.x as measured, or the RFC 9293 textbook. */
public enum Profile {
    LINUX("linux"), RFC9293("rfc9293");

    private final String id;

    Profile(String id) { this.id = id; }

    public String id() { return id; }

    @Override public String toString() { return id; }

    /** "linux" or "rfc9293" (also "rfc"); null otherwise. */
    public static Profile parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        if (k.equals("linux")) return LINUX;
        if (k.equals("rfc9293") || k.equals("rfc")) return RFC9293;
        return null;
    }
}
