package tcptutor.wire;

/** The eight TCP control bits as an int mask (byte 13 of the header, RFC 9293 3.1). */
public final class Flags {
    public static final int FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08,
                            ACK = 0x10, URG = 0x20, ECE = 0x40, CWR = 0x80;
    /**
     * AE (Accurate ECN; formerly NS, RFC 3540) is bit 0 of byte 12's low nibble. The codec keeps the whole
     * low nibble of byte 12 in bits 8-11 of the flags so no header bit is lost: AE = 0x100, the three
     * reserved bits 0x200, 0x400, 0x800.
     */
    public static final int AE = 0x100, RESERVED = 0xE00;

    private Flags() {}

    public static boolean has(int flags, int bit) { return (flags & bit) != 0; }

    /** tcpdump's letters in its fixed order F S R P . U E W e; "none" when empty. */
    public static String tcpdump(int flags) {
        StringBuilder b = new StringBuilder();
        if (has(flags, FIN)) b.append('F');
        if (has(flags, SYN)) b.append('S');
        if (has(flags, RST)) b.append('R');
        if (has(flags, PSH)) b.append('P');
        if (has(flags, ACK)) b.append('.');
        if (has(flags, URG)) b.append('U');
        if (has(flags, ECE)) b.append('E');
        if (has(flags, CWR)) b.append('W');
        if (has(flags, AE)) b.append('e');
        return b.length() == 0 ? "none" : b.toString();
    }

    /** packetdrill's flag word: tcpdump letters, "-" for none. */
    public static String packetdrill(int flags) {
        String s = tcpdump(flags);
        return s.equals("none") ? "-" : s;
    }

    /** Names joined with '+', e.g. "SYN+ACK". */
    public static String words(int flags) {
        String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};
        StringBuilder b = new StringBuilder();
        if (has(flags, AE)) b.append("AE");
        for (int i : new int[]{7, 6, 5, 1, 2, 0, 3, 4}) {
            if (has(flags, 1 << i)) b.append(b.length() == 0 ? "" : "+").append(names[i]);
        }
        return b.length() == 0 ? "none" : b.toString();
    }
}
