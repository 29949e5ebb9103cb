package tcptutor.wire;

/**
 * Why bytes did not decode: the byte offset where the problem is, the field, and what was wrong.
 * Printed as one line, e.g. {@code byte 12: data offset 4 is below the minimum 5}. Text that did not parse
 * (a hex dump) has offset -1 and names its line and column in the problem.
 */
public record DecodeError(int offset, String field, String problem) {

    /** One line: {@code byte N: problem}. */
    public String message() { return offset < 0 ? problem : "byte " + offset + ": " + problem; }

    @Override public String toString() { return message(); }
}
