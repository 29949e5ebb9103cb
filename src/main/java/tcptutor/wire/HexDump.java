package tcptutor.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Bytes as tcpdump -X prints them (without its leading tab): offset, eight groups of two bytes, the
 * printable characters.
 * <pre>
 * 0x0000:  4510 003c ca49 4000 4006 7260 7f00 0001  E..&lt;.I@.@.r`....
 * </pre>
 * {@link #hexColumn} and {@link #asciiColumn} say where a byte's characters are, so a view can highlight a field.
 */
public final class HexDump {
    public static final int BYTES_PER_LINE = 16;
    private static final int PREFIX = 8, HEX_WIDTH = 40;

    private HexDump() {}

    /** tcpdump -X: hex and ASCII, lines joined with '\n'. */
    public static String render(byte[] b) { return String.join("\n", lines(b, true)); }

    /** tcpdump -x: hex only. */
    public static String renderHex(byte[] b) { return String.join("\n", lines(b, false)); }

    public static List<String> lines(byte[] b, boolean ascii) {
        List<String> out = new ArrayList<>();
        for (int start = 0; start < b.length; start += BYTES_PER_LINE) {
            int end = Math.min(b.length, start + BYTES_PER_LINE);
            StringBuilder hex = new StringBuilder(), text = new StringBuilder();
            for (int i = start; i < end; i++) {
                if ((i - start) % 2 == 0) hex.append(' ');
                hex.append(String.format("%02x", b[i] & 0xFF));
                int c = b[i] & 0xFF;
                text.append(c > 0x20 && c < 0x7F ? (char) c : '.');
            }
            String head = String.format("0x%04x: ", start);
            out.add(ascii ? head + pad(hex.toString(), HEX_WIDTH) + "  " + text : head + hex);
        }
        return out;
    }

    /** The line of byte {@code index}. */
    public static int line(int index) { return index / BYTES_PER_LINE; }

    /** The column of the first hex digit of byte {@code index} in its line. */
    public static int hexColumn(int index) {
        int i = index % BYTES_PER_LINE;
        return PREFIX + 5 * (i / 2) + 1 + 2 * (i % 2);
    }

    /** The column of byte {@code index}'s character in the ASCII part of its line. */
    public static int asciiColumn(int index) { return PREFIX + HEX_WIDTH + 2 + index % BYTES_PER_LINE; }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) b.append(' ');
        return b.toString();
    }
}
