package tcptutor.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Literal bytes and addresses for tests. */
public final class TestBytes {
    private TestBytes() {}

    /** "4510 003c ..." to bytes; spaces ignored. */
    public static byte[] hex(String s) {
        String t = s.replaceAll("\\s", "");
        byte[] b = new byte[t.length() / 2];
        for (int i = 0; i < b.length; i++) b[i] = (byte) Integer.parseInt(t.substring(2 * i, 2 * i + 2), 16);
        return b;
    }

    public static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) s.append(String.format("%02x", x & 0xFF));
        return s.toString();
    }

    public static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The seed's SYN (seeds/004): IPv4 header then TCP, captured on loopback. */
    public static final String SEED_SYN = "4510 003c ca49 4000 4006 7260 7f00 0001 7f00 0001 96a0 0017 fce5 5d4e 0000 0000"
            + "a002 ffd7 fe30 0000 0204 ffd7 0402 080a e940 446b 0000 0000 0103 0307";
}
