package tcptutor.wire;

import java.util.Arrays;
import java.util.List;

/** TCP options (RFC 9293 3.1, RFC 7323, RFC 2018). Numbers that are 32-bit on the wire are ints, printed unsigned. */
public sealed interface TcpOption {
    int kind();

    record Eol() implements TcpOption { public int kind() { return 0; } }

    record Nop() implements TcpOption { public int kind() { return 1; } }

    record Mss(int mss) implements TcpOption { public int kind() { return 2; } }

    record WindowScale(int shift) implements TcpOption { public int kind() { return 3; } }

    record SackPermitted() implements TcpOption { public int kind() { return 4; } }

    /** A SACK block [left, right): right is the sequence number after the last byte. */
    record SackBlock(int left, int right) {}

    record Sack(List<SackBlock> blocks) implements TcpOption {
        public Sack { blocks = List.copyOf(blocks); }
        public int kind() { return 5; }
    }

    record Timestamps(int val, int ecr) implements TcpOption { public int kind() { return 8; } }

    /** An option we do not interpret, kept as its kind and the bytes after the length byte. */
    record Unknown(int kind, byte[] data) implements TcpOption {
        public Unknown { data = data.clone(); }
        @Override public byte[] data() { return data.clone(); }
        @Override public boolean equals(Object o) {
            return o instanceof Unknown u && u.kind == kind && Arrays.equals(u.data, data);
        }
        @Override public int hashCode() { return kind * 31 + Arrays.hashCode(data); }
        @Override public String toString() { return "Unknown[kind=" + kind + ", len=" + (data.length + 2) + "]"; }
    }

    Eol EOL = new Eol();
    Nop NOP = new Nop();
    SackPermitted SACK_PERMITTED = new SackPermitted();

    /** Bytes this option takes on the wire. */
    static int length(TcpOption o) {
        if (o instanceof Eol || o instanceof Nop) return 1;
        if (o instanceof Mss) return 4;
        if (o instanceof WindowScale) return 3;
        if (o instanceof SackPermitted) return 2;
        if (o instanceof Sack s) return 2 + 8 * s.blocks().size();
        if (o instanceof Timestamps) return 10;
        return 2 + ((Unknown) o).data.length;
    }
}
