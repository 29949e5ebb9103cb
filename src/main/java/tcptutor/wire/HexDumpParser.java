package tcptutor.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads bytes back from text:
 * <ul>
 * <li>tcpdump {@code -x}, {@code -xx}, {@code -X}, {@code -XX} output: lines {@code 0x0010:  7f00 0001 96a0 ...}; the
 *     summary line and the ASCII column are ignored (the hex part ends at two spaces);</li>
 * <li>offset dumps such as Wireshark's "Copy as Hex Dump" or {@code hexdump -C}: {@code 0000  45 10 00 3c ...};</li>
 * <li>a plain hex string, spaces, newlines and ':' allowed: {@code 4510003c...}, {@code 45 10 00 3c}, optional {@code 0x} prefix.</li>
 * </ul>
 * Several packets in one tcpdump output (each starting again at offset 0) are returned separately by {@link #parseAll}.
 * Errors name the line and column.
 */
public final class HexDumpParser {
    private static final Pattern TCPDUMP = Pattern.compile("^\\s*0x([0-9a-fA-F]{4,8}):(.*)$");
    private static final Pattern OFFSET = Pattern.compile("^\\s*([0-9a-fA-F]{4,8})(\\s{2,}|\\t)(.*)$");

    private HexDumpParser() {}

    /** The first packet's bytes. */
    public static Decoded<byte[]> parse(String text) {
        Decoded<List<byte[]>> all = parseAll(text);
        return all.isOk() ? Decoded.ok(all.value().get(0)) : Decoded.fail(all.error());
    }

    /** Every packet's bytes, in order; never an empty list. */
    public static Decoded<List<byte[]>> parseAll(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        boolean tcpdump = false, offsets = false;
        for (String l : lines) {
            if (TCPDUMP.matcher(l).matches()) { tcpdump = true; break; }
        }
        if (!tcpdump) {
            for (String l : lines) {
                Matcher m = OFFSET.matcher(l);
                if (m.matches() && Long.parseLong(m.group(1), 16) == 0 && m.group(3).trim().matches("[0-9a-fA-F]{2}(\\s.*)?")) { offsets = true; break; }
            }
        }
        Decoded<List<byte[]>> r = tcpdump ? dump(lines, TCPDUMP, 4) : offsets ? dump(lines, OFFSET, 2) : plain(lines);
        if (r.isOk() && r.value().isEmpty()) {
            return Decoded.fail(-1, "hex", "no hex bytes found: expected tcpdump -x/-xx/-X output or a hex string such as 4510003c...");
        }
        return r;
    }

    /** Offset lines: the offset must follow on from the bytes so far; offset 0 again starts the next packet. */
    private static Decoded<List<byte[]>> dump(String[] lines, Pattern p, int groupDigits) {
        List<byte[]> packets = new ArrayList<>();
        ByteArrayOutputStream cur = new ByteArrayOutputStream();
        for (int n = 0; n < lines.length; n++) {
            Matcher m = p.matcher(lines[n]);
            if (!m.matches()) continue;
            long offset = Long.parseLong(m.group(1), 16);
            String rest = m.group(p == TCPDUMP ? 2 : 3);
            int restColumn = m.start(p == TCPDUMP ? 2 : 3) + 1;
            if (offset == 0 && cur.size() > 0) { packets.add(cur.toByteArray()); cur.reset(); }
            if (offset != cur.size()) {
                return Decoded.fail(-1, "offset", String.format("line %d: offset 0x%04x but 0x%04x bytes came before it: a line is missing or cut",
                        n + 1, offset, cur.size()));
            }
            String err = hexGroups(rest, groupDigits, cur);
            if (err != null) return Decoded.fail(-1, "hex", "line " + (n + 1) + ", column " + (restColumn + Integer.parseInt(err.substring(0, err.indexOf(' '))))
                    + ": " + err.substring(err.indexOf(' ') + 1));
        }
        if (cur.size() > 0) packets.add(cur.toByteArray());
        return Decoded.ok(packets);
    }

    /**
     * Reads the hex groups of one dump line into {@code out}: tokens of hex digits separated by one space; two
     * spaces, a tab or a token that is not hex end them (what follows is the ASCII column). Offset dumps
     * ({@code groupDigits} 2) take at most 16 bytes and may have two spaces after the 8th ({@code hexdump -C}).
     * Returns null, or "COLUMN problem" when the first token is bad.
     */
    private static String hexGroups(String s, int groupDigits, ByteArrayOutputStream out) {
        int i = 0, n = s.length(), groups = 0;
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        while (i < n) {
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
            String token = s.substring(start, i);
            if (!token.matches("[0-9a-fA-F]+") || token.length() % 2 != 0 || token.length() > groupDigits) {
                if (groups > 0) return null;
                return start + " expected groups of " + groupDigits + " hex digits, found '" + token + "'";
            }
            for (int k = 0; k < token.length(); k += 2) out.write(hex(token.charAt(k)) << 4 | hex(token.charAt(k + 1)));
            groups++;
            if (groupDigits == 2 && groups == 16) return null;
            int spaces = 0;
            while (i < n && s.charAt(i) == ' ') { i++; spaces++; }
            boolean middleOfHexdumpC = groupDigits == 2 && groups == 8 && spaces == 2;
            if (i >= n || s.charAt(i) == '\t' || (spaces != 1 && !middleOfHexdumpC)) return null;
        }
        return null;
    }

    private static Decoded<List<byte[]>> plain(String[] lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pending = -1, pendingLine = 0, pendingColumn = 0;
        for (int n = 0; n < lines.length; n++) {
            String l = lines[n];
            for (int c = 0; c < l.length(); c++) {
                char ch = l.charAt(c);
                if (Character.isWhitespace(ch) || ch == ':') continue;
                if (ch == '0' && c + 1 < l.length() && (l.charAt(c + 1) == 'x' || l.charAt(c + 1) == 'X') && pending < 0) { c++; continue; }
                int v = hex(ch);
                if (v < 0) {
                    return Decoded.fail(-1, "hex", "line " + (n + 1) + ", column " + (c + 1) + ": '" + ch
                            + "' is not a hex digit (expected tcpdump -x/-X output or a hex string such as 4510003c...)");
                }
                if (pending < 0) { pending = v; pendingLine = n + 1; pendingColumn = c + 1; }
                else { out.write(pending << 4 | v); pending = -1; }
            }
        }
        if (pending >= 0) {
            return Decoded.fail(-1, "hex", "line " + pendingLine + ", column " + pendingColumn
                    + ": an odd number of hex digits; the last byte has only one digit");
        }
        List<byte[]> r = new ArrayList<>();
        if (out.size() > 0) r.add(out.toByteArray());
        return Decoded.ok(r);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
}
