package tcptutor.lesson;

import tcptutor.sim.Side;

/**
 * A number in an expect: absolute ({@code 8001}) or relative to a side's initial sequence number
 * ({@code peer.isn+1}, {@code you.isn}). Values are 32-bit sequence numbers or plain counts.
 */
public record NumExpr(Side isnOf, long offset, String source) {
    public static NumExpr absolute(long v) { return new NumExpr(null, v, Long.toString(v)); }

    /** Parses "8001", "peer.isn+1", "you.isn - 2"; null if it is neither. */
    public static NumExpr parse(String s) {
        String t = s.replace(" ", "");
        if (t.matches("\\d{1,10}")) {
            long v = Long.parseLong(t);
            return v > 0xFFFFFFFFL ? null : new NumExpr(null, v, t);
        }
        var m = java.util.regex.Pattern.compile("(you|peer)\\.isn(?:([+-])(\\d{1,10}))?").matcher(t);
        if (!m.matches()) return null;
        long off = m.group(2) == null ? 0 : Long.parseLong(m.group(3)) * (m.group(2).equals("-") ? -1 : 1);
        return new NumExpr(m.group(1).equals("you") ? Side.YOU : Side.PEER, off, t);
    }

    public boolean relative() { return isnOf != null; }

    /** The value given the ISNs seen so far (null when this side has not sent its SYN yet). */
    public Long eval(Integer youIsn, Integer peerIsn) {
        if (isnOf == null) return offset;
        Integer base = isnOf == Side.YOU ? youIsn : peerIsn;
        return base == null ? null : Integer.toUnsignedLong(base + (int) offset);
    }

    @Override public String toString() { return source; }
}
