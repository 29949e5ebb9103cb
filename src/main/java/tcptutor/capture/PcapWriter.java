package tcptutor.capture;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import tcptutor.wire.Packet;
import tcptutor.wire.PacketDecoder;
import tcptutor.wire.Segment;

/**
 * Writes a classic pcap file (www.tcpdump.org/manpages/pcap-savefile.5.html; little-endian, microsecond time
 * stamps) of TCP segments: each gets an IPv4 header (DF, TTL 64, IP ids counting up from 1) or an IPv6 header,
 * correct IP and TCP checksums, and, for {@link Link#ETHERNET}, an Ethernet header with locally administered
 * MAC addresses made from the IP address (02:00 + the last four address bytes). Time stamps are virtual time
 * in microseconds since the epoch of the capture (0 = 1970-01-01).
 */
public final class PcapWriter implements Closeable {
    /** The link type: Ethernet is what tools expect from a real interface; raw IP has no link header. */
    public enum Link {
        ETHERNET(PacketDecoder.LINKTYPE_ETHERNET), RAW(PacketDecoder.LINKTYPE_RAW);

        public final int linkType;

        Link(int linkType) { this.linkType = linkType; }
    }

    public static final int MAGIC_MICROS = 0xa1b2c3d4, SNAPLEN = 262144;
    private final OutputStream out;
    private final Link link;
    private int ipId = 1;
    private int count;

    /** Writes the file header to {@code out}; the caller closes {@code out} through {@link #close()}. */
    public PcapWriter(OutputStream out, Link link) throws IOException {
        this.out = out;
        this.link = link;
        ByteBuffer h = le(24);
        h.putInt(MAGIC_MICROS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(SNAPLEN).putInt(link.linkType);
        out.write(h.array());
    }

    /** One segment sent from {@code src} to {@code dst} at {@code timeMicros}; its checksum is computed (the segment's own is ignored). */
    public void write(long timeMicros, InetAddress src, InetAddress dst, Segment s) throws IOException {
        Packet p = Packet.of(src, dst, s, ipId++);
        byte[] ip = p.bytes();
        if (link == Link.RAW) { writeFrame(timeMicros, ip, ip.length); return; }
        byte[] frame = new byte[14 + ip.length];
        mac(frame, 0, dst);
        mac(frame, 6, src);
        frame[12] = (byte) (src instanceof Inet4Address ? 0x08 : 0x86);
        frame[13] = (byte) (src instanceof Inet4Address ? 0x00 : 0xDD);
        System.arraycopy(ip, 0, frame, 14, ip.length);
        writeFrame(timeMicros, frame, frame.length);
    }

    /** A frame of this file's link type as it is. */
    public void writeFrame(long timeMicros, byte[] frame, int originalLength) throws IOException {
        if (timeMicros < 0) throw new IllegalArgumentException("negative time " + timeMicros);
        ByteBuffer r = le(16);
        r.putInt((int) (timeMicros / 1_000_000)).putInt((int) (timeMicros % 1_000_000)).putInt(frame.length).putInt(originalLength);
        out.write(r.array());
        out.write(frame);
        count++;
    }

    /** Frames written so far. */
    public int count() { return count; }

    @Override public void close() throws IOException { out.close(); }

    private static void mac(byte[] f, int at, InetAddress a) {
        byte[] b = a.getAddress();
        f[at] = 0x02;
        f[at + 1] = 0x00;
        System.arraycopy(b, b.length - 4, f, at + 2, 4);
    }

    private static ByteBuffer le(int n) { return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN); }
}
