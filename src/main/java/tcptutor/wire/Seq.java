package tcptutor.wire;

/**
 * Sequence-number arithmetic modulo 2^32 (RFC 9293 3.4; Linux before()/after()).
 * Numbers are held in an int; comparisons use the signed difference; printing is unsigned.
 */
public final class Seq {
    private Seq() {}

    public static boolean lt(int a, int b) { return a - b < 0; }
    public static boolean le(int a, int b) { return a - b <= 0; }
    public static boolean gt(int a, int b) { return a - b > 0; }
    public static boolean ge(int a, int b) { return a - b >= 0; }

    /** lo <= x <= hi, modulo 2^32. */
    public static boolean between(int lo, int x, int hi) {
        return Integer.compareUnsigned(x - lo, hi - lo) <= 0;
    }

    public static String str(int seq) { return Integer.toUnsignedString(seq); }

    public static long unsigned(int seq) { return Integer.toUnsignedLong(seq); }
}
