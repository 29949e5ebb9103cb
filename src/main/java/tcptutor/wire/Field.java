package tcptutor.wire;

/**
 * One line of a header field tree, like a line of Wireshark's packet details.
 *
 * @param name      the field, e.g. "Window"
 * @param bitOffset first bit, counted from the start of the packet's bytes ({@link Packet#bytes()}); byte = bitOffset / 8
 * @param bitLength how many bits (a layer or an option spans many bytes)
 * @param rawValue  the bits as an unsigned number, or -1 when wider than 63 bits (see the bytes)
 * @param meaning   what the value means, e.g. "65495" or "0x012 (SYN, ACK)"
 * @param depth     0 for a layer, 1 for its fields, 2 and deeper for parts of a field
 */
public record Field(String name, int bitOffset, int bitLength, long rawValue, String meaning, int depth) {

    public int firstByte() { return bitOffset / 8; }

    /** The byte after the field's last bit. */
    public int endByte() { return (bitOffset + bitLength + 7) / 8; }

    /** Where the field is: "bytes 20-21", "byte 13", or "bits 100-102" when it does not fill whole bytes; "" for a derived value. */
    public String range() {
        if (bitLength == 0) return "";
        if (bitOffset % 8 == 0 && bitLength % 8 == 0) {
            int a = firstByte(), b = endByte() - 1;
            return a == b ? "byte " + a : "bytes " + a + "-" + b;
        }
        return bitLength == 1 ? "bit " + bitOffset : "bits " + bitOffset + "-" + (bitOffset + bitLength - 1);
    }

    /** The raw value in hex, as many digits as the field has nibbles ("0x96a0"); binary for fields under 4 bits; "" when none. */
    public String raw() {
        if (rawValue < 0) return "";
        if (bitLength < 4) return "0b" + pad(Long.toBinaryString(rawValue), bitLength);
        return "0x" + pad(Long.toHexString(rawValue), (bitLength + 3) / 4);
    }

    /** "name: meaning", indented two spaces per level. */
    public String label() { return "  ".repeat(depth) + name + (meaning.isEmpty() ? "" : ": " + meaning); }

    private static String pad(String s, int width) { return s.length() >= width ? s : "0".repeat(width - s.length()) + s; }
}
