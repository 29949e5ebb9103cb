package tcptutor.drill;

import java.util.ArrayList;
import java.util.List;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/**
 * Compares a segment the peer sent (numbers already in script space) with an outbound script line, field by
 * field as packetdrill's verify_tcp and verify_outbound_live_tcp_options do: flags, SEQ, ACK, window when
 * written, urgent pointer, payload length and bytes, and options (none, the exact list, or any for
 * {@code <...>}); TS val and ecr are not compared.
 */
final class Compare {
    private Compare() {}

    /** The fields that differ, e.g. "win: expected 0, got 64240"; empty when the segment matches. */
    static List<String> differences(Event.Packet want, Segment got) {
        List<String> out = new ArrayList<>();
        if (want.flags() != got.flags()) {
            out.add("flags: expected " + Flags.packetdrill(want.flags()) + ", got " + Flags.packetdrill(got.flags()));
        }
        if ((int) want.start() != got.seq()) {
            out.add("seq: expected " + want.start() + ", got " + Integer.toUnsignedString(got.seq()));
        }
        if (want.has(Flags.ACK) && got.has(Flags.ACK) && (int) want.ack() != got.ack()) {
            out.add("ack: expected " + want.ack() + ", got " + Integer.toUnsignedString(got.ack()));
        }
        if (want.window() != null && want.window() != got.window()) {
            out.add("win: expected " + want.window() + ", got " + got.window());
        }
        if (want.urgent() != got.urgentPointer()) {
            out.add("urg: expected " + want.urgent() + ", got " + got.urgentPointer());
        }
        if (want.length() != got.payloadLength()) {
            out.add("payload: expected " + want.length() + " bytes, got " + got.payloadLength());
        } else {
            for (byte b : got.payload()) {
                if (b != 0) {
                    out.add("payload: expected the zero bytes the script writes, got other data");
                    break;
                }
            }
        }
        if (want.options() != null && !sameOptions(want.options(), got.options())) {
            String w = want.options().isEmpty() ? "none" : Notation.options(want.options());
            String g = got.options().isEmpty() ? "none" : Notation.options(got.options());
            out.add("options: expected " + w + ", got " + g);
        }
        return out;
    }

    private static boolean sameOptions(List<TcpOption> want, List<TcpOption> got) {
        if (want.size() != got.size()) return false;
        for (int k = 0; k < want.size(); k++) {
            TcpOption w = want.get(k), g = got.get(k);
            if (w.kind() != g.kind()) return false;
            if (w instanceof TcpOption.Timestamps) continue;
            if (!w.equals(g)) return false;
        }
        return true;
    }
}
