package tcptutor.wire;

/**
 * Why bytes did not decode: the byte offset where the problem is, the field, and what was wrong.
 * Printed as one line, e.g. {@code byte 12: data offset 4 is below the minimum 5}.
 */
public record DecodeError(int offset, String field, String problem) {

    /** The same error with its offset moved by {@code base}, for a header found inside a larger packet. */
    public DecodeError shifted(int base) { return new DecodeError(offset + base, field, problem); }

    /** One line: {@code byte N: problem}. */
    public String message() { return "byte " + offset + ": " + problem; }

    @Override public String toString() { return message(); }
}
