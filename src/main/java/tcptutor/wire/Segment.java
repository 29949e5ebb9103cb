package tcptutor.wire;

import java.util.Arrays;
import java.util.List;

/**
 * One TCP segment as the header carries it (RFC 9293 3.1), immutable.
 * Sequence and acknowledgment numbers are ints compared with {@link Seq}.
 * {@code dataOffset} is in 32-bit words; {@link #of} computes it from the options.
 * {@code checksum} is the value on the wire (0 until encoded; see the codec).
 */
public record Segment(int srcPort, int dstPort, int seq, int ack, int dataOffset, int flags,
                      int window, int checksum, int urgentPointer, List<TcpOption> options, byte[] payload) {

    public Segment {
        options = List.copyOf(options);
        payload = payload.clone();
    }

    /** A segment with the data offset computed from its options and checksum 0. */
    public static Segment of(int srcPort, int dstPort, int seq, int ack, int flags, int window,
                             List<TcpOption> options, byte[] payload) {
        return new Segment(srcPort, dstPort, seq, ack, headerWords(options), flags, window, 0, 0, options, payload);
    }

    /** 5 words of fixed header plus the options padded to a multiple of 4 bytes. */
    public static int headerWords(List<TcpOption> options) {
        int bytes = 0;
        for (TcpOption o : options) bytes += TcpOption.length(o);
        return 5 + (bytes + 3) / 4;
    }

    @Override public byte[] payload() { return payload.clone(); }

    public int payloadLength() { return payload.length; }

    public boolean has(int flag) { return Flags.has(flags, flag); }

    /** SEG.LEN: payload bytes plus one for SYN and one for FIN (RFC 9293 3.4). */
    public int len() { return payload.length + (has(Flags.SYN) ? 1 : 0) + (has(Flags.FIN) ? 1 : 0); }

    /** The sequence number after this segment: SEG.SEQ + SEG.LEN. */
    public int end() { return seq + len(); }

    public <T extends TcpOption> java.util.Optional<T> option(Class<T> type) {
        for (TcpOption o : options) if (type.isInstance(o)) return java.util.Optional.of(type.cast(o));
        return java.util.Optional.empty();
    }

    public Segment withChecksum(int sum) {
        return new Segment(srcPort, dstPort, seq, ack, dataOffset, flags, window, sum, urgentPointer, options, payload);
    }

    public Segment withSeqAck(int newSeq, int newAck) {
        return new Segment(srcPort, dstPort, newSeq, newAck, dataOffset, flags, window, checksum, urgentPointer, options, payload);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Segment s && s.srcPort == srcPort && s.dstPort == dstPort && s.seq == seq
                && s.ack == ack && s.dataOffset == dataOffset && s.flags == flags && s.window == window
                && s.checksum == checksum && s.urgentPointer == urgentPointer && s.options.equals(options)
                && Arrays.equals(s.payload, payload);
    }

    @Override public int hashCode() {
        return ((seq * 31 + ack) * 31 + flags) * 31 + Arrays.hashCode(payload);
    }

    @Override public String toString() {
        return Flags.tcpdump(flags) + " " + srcPort + ">" + dstPort + " seq " + Seq.str(seq) + " ack " + Seq.str(ack)
                + " win " + window + " len " + payload.length + (options.isEmpty() ? "" : " " + options);
    }
}
