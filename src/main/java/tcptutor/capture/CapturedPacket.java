package tcptutor.capture;

import java.net.InetAddress;
import tcptutor.wire.Checksum;
import tcptutor.wire.Packet;
import tcptutor.wire.Segment;

/**
 * One TCP segment read from a capture.
 *
 * @param frame          the frame's number in the file, from 1 (as Wireshark counts)
 * @param timeMicros     time stamp, microseconds since 1970-01-01
 * @param originalLength the frame's length on the wire (the capture may hold less)
 * @param checksum       the TCP checksum verdict: GOOD, BAD, OFFLOADED (partial, as on loopback), TRUNCATED
 * @param packet         the decoded frame, for the field tree and hex dump
 */
public record CapturedPacket(int frame, long timeMicros, InetAddress src, InetAddress dst, Segment segment,
                             int originalLength, Checksum.Verdict checksum, Packet packet) {
    public Checksum.Status checksumStatus() { return checksum.status(); }
}
