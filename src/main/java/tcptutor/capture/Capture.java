package tcptutor.capture;

import java.util.List;

/**
 * What a capture file held: its TCP segments in file order, what was skipped, and, when the file is malformed
 * or truncated, a one-line error with the byte offset (the packets before it are still here).
 *
 * @param format   "pcap" or "pcapng"
 * @param packets  the TCP segments
 * @param skipped  one line per frame that was not a TCP segment or did not decode, e.g. "frame 3: IP protocol 17 (UDP) is not TCP (6)"
 * @param error    null, or e.g. "byte 4120: truncated: frame 37 claims 1514 captured bytes but the file ends after 600"
 */
public record Capture(String format, List<CapturedPacket> packets, List<String> skipped, String error) {
    public Capture {
        packets = List.copyOf(packets);
        skipped = List.copyOf(skipped);
    }

    public boolean ok() { return error == null; }
}
