package tcptutor.view;

import java.net.InetAddress;
import java.util.List;
import tcptutor.wire.FieldTree;
import tcptutor.wire.HexDump;
import tcptutor.wire.Packet;
import tcptutor.wire.Segment;

/** One segment as the IPv4 packet that would carry it: its field tree and its hex dump, as plain text lines. */
public final class SegmentDetail {
    private SegmentDetail() {}

    public static List<String> fields(Segment s, InetAddress src, InetAddress dst) {
        return FieldTree.text(FieldTree.of(Packet.of(src, dst, s, 0))).lines().toList();
    }

    public static List<String> hex(Segment s, InetAddress src, InetAddress dst) {
        return HexDump.lines(Packet.of(src, dst, s, 0).bytes(), true);
    }
}
