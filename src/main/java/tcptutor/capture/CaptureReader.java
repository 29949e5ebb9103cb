package tcptutor.capture;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tcptutor.wire.Decoded;
import tcptutor.wire.Packet;
import tcptutor.wire.PacketDecoder;

/**
 * Reads the TCP segments of a capture file: classic pcap (either byte order, microsecond or nanosecond magic)
 * and pcapng (section header, interface description, enhanced / simple / obsolete packet blocks; other blocks
 * skipped), with link types Ethernet, raw IP, Linux cooked (SLL, SLL2) and BSD loopback. Never throws on bad
 * input: a malformed or truncated file ends the reading with a one-line error naming the byte offset, and the
 * packets read before it are returned.
 */
public final class CaptureReader {
    private static final int PCAP_US = 0xa1b2c3d4, PCAP_NS = 0xa1b23c4d, PCAPNG_SHB = 0x0A0D0D0A, PCAPNG_BOM = 0x1A2B3C4D;
    private static final int MAX_FRAME = 1 << 24;

    private final byte[] b;
    private final List<CapturedPacket> packets = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private int frame;

    private CaptureReader(byte[] b) { this.b = b; }

    /** Reads a file; an unreadable file is an error in the result, not an exception. */
    public static Capture read(Path file) {
        try {
            return read(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return new Capture("none", List.of(), List.of(), file + ": no such file");
        } catch (IOException | OutOfMemoryError e) {
            return new Capture("none", List.of(), List.of(), file + ": cannot read: " + e.getMessage());
        }
    }

    public static Capture read(byte[] bytes) { return new CaptureReader(bytes).run(); }

    private Capture run() {
        if (b.length < 4) return done("none", "byte 0: not a capture file: it is only " + b.length + " bytes long");
        int le = ByteBuffer.wrap(b, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (le == PCAPNG_SHB) return pcapng();
        if (le == PCAP_US || le == PCAP_NS) return pcap(ByteOrder.LITTLE_ENDIAN, le == PCAP_NS);
        if (Integer.reverseBytes(le) == PCAP_US || Integer.reverseBytes(le) == PCAP_NS) return pcap(ByteOrder.BIG_ENDIAN, Integer.reverseBytes(le) == PCAP_NS);
        if ((b[0] & 0xFF) == 0x1f && (b[1] & 0xFF) == 0x8b) return done("none", "byte 0: a gzip-compressed file: gunzip it first");
        return done("none", String.format("byte 0: not a pcap or pcapng file (it starts with %02x %02x %02x %02x; "
                + "pcap starts with d4 c3 b2 a1 or a1 b2 c3 d4, pcapng with 0a 0d 0d 0a)", b[0], b[1], b[2], b[3]));
    }

    private Capture done(String format, String error) { return new Capture(format, packets, skipped, error); }

    private ByteBuffer at(int off, int len, ByteOrder order) { return ByteBuffer.wrap(b, off, len).order(order); }

    // ---- classic pcap ----

    private Capture pcap(ByteOrder order, boolean nanos) {
        if (b.length < 24) return done("pcap", "byte " + b.length + ": truncated: the pcap file header needs 24 bytes");
        int linkType = at(20, 4, order).getInt() & 0x0FFFFFFF;
        if (!PacketDecoder.supports(linkType)) {
            return done("pcap", "byte 20: link type " + linkType + " is not supported (Ethernet, raw IP, Linux cooked and loopback are)");
        }
        int off = 24;
        while (off < b.length) {
            if (b.length - off < 16) {
                return done("pcap", "byte " + off + ": truncated: frame " + (frame + 1) + "'s record header needs 16 bytes but the file ends after " + (b.length - off));
            }
            ByteBuffer r = at(off, 16, order);
            long sec = Integer.toUnsignedLong(r.getInt()), frac = Integer.toUnsignedLong(r.getInt());
            int incl = r.getInt(), orig = r.getInt();
            if (incl < 0 || incl > MAX_FRAME) {
                return done("pcap", "byte " + (off + 8) + ": frame " + (frame + 1) + " claims " + Integer.toUnsignedString(incl) + " captured bytes: not a valid record");
            }
            if (b.length - off - 16 < incl) {
                return done("pcap", "byte " + off + ": truncated: frame " + (frame + 1) + " claims " + incl
                        + " captured bytes but the file ends after " + (b.length - off - 16));
            }
            long micros = sec * 1_000_000 + (nanos ? frac / 1000 : frac);
            frame(linkType, micros, off + 16, incl, orig);
            off += 16 + incl;
        }
        return done("pcap", null);
    }

    // ---- pcapng ----

    private record Iface(int linkType, int snapLen, BigInteger unitsPerSecond, long offsetSeconds) {}

    private Capture pcapng() {
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        List<Iface> ifaces = new ArrayList<>();
        int off = 0;
        while (off < b.length) {
            if (b.length - off < 12) return done("pcapng", "byte " + off + ": truncated: a block header needs 12 bytes but the file ends after " + (b.length - off));
            int type = at(off, 4, order).getInt();
            if (type == PCAPNG_SHB) {
                int bom = at(off + 8, 4, ByteOrder.LITTLE_ENDIAN).getInt();
                if (bom == PCAPNG_BOM) order = ByteOrder.LITTLE_ENDIAN;
                else if (Integer.reverseBytes(bom) == PCAPNG_BOM) order = ByteOrder.BIG_ENDIAN;
                else return done("pcapng", String.format("byte %d: section header byte-order magic 0x%08x is not 1a2b3c4d", off + 8, bom));
                ifaces.clear(); // interface ids are numbered per section
            }
            long total = Integer.toUnsignedLong(at(off + 4, 4, order).getInt());
            if (total < 12 || total % 4 != 0) return done("pcapng", "byte " + (off + 4) + ": block length " + total + " is not a multiple of 4 of at least 12");
            if (total > b.length - off) {
                return done("pcapng", "byte " + off + ": truncated: a block of " + total + " bytes but the file ends after " + (b.length - off));
            }
            int end = off + (int) total;
            if (Integer.toUnsignedLong(at(end - 4, 4, order).getInt()) != total) {
                return done("pcapng", "byte " + (end - 4) + ": the block's trailing length does not repeat its length " + total);
            }
            String err = block(type, off, end, order, ifaces);
            if (err != null) return done("pcapng", err);
            off = end;
        }
        return done("pcapng", null);
    }

    /** One block from {@code off} to {@code end}; returns an error line or null. */
    private String block(int type, int off, int end, ByteOrder order, List<Iface> ifaces) {
        int body = off + 8, bodyEnd = end - 4;
        switch (type) {
            case 1: { // interface description
                if (bodyEnd - body < 8) return "byte " + off + ": interface description block too short";
                ByteBuffer h = at(body, 8, order);
                int link = h.getShort() & 0xFFFF;
                h.getShort();
                int snap = h.getInt();
                BigInteger units = BigInteger.valueOf(1_000_000);
                long offsetSeconds = 0;
                for (int o = body + 8; o + 4 <= bodyEnd; ) {
                    ByteBuffer opt = at(o, 4, order);
                    int code = opt.getShort() & 0xFFFF, len = opt.getShort() & 0xFFFF;
                    if (code == 0 || o + 4 + len > bodyEnd) break;
                    if (code == 9 && len >= 1) {
                        int r = b[o + 4] & 0xFF;
                        units = (r & 0x80) != 0 ? BigInteger.TWO.pow(r & 0x7F) : BigInteger.TEN.pow(r);
                    } else if (code == 14 && len >= 8) {
                        offsetSeconds = at(o + 4, 8, order).getLong();
                    }
                    o += 4 + ((len + 3) & ~3);
                }
                ifaces.add(new Iface(link, snap, units, offsetSeconds));
                return null;
            }
            case 6: case 2: { // enhanced packet; obsolete packet (16-bit interface id and drop count)
                if (bodyEnd - body < 20) return "byte " + off + ": packet block too short";
                ByteBuffer h = at(body, 20, order);
                int id = type == 6 ? h.getInt() : h.getShort() & 0xFFFF;
                if (type == 2) h.getShort();
                long ts = (Integer.toUnsignedLong(h.getInt()) << 32) | Integer.toUnsignedLong(h.getInt());
                int cap = h.getInt(), orig = h.getInt();
                if (id < 0 || id >= ifaces.size()) return "byte " + body + ": packet block names interface " + id + ", which was not described";
                if (cap < 0 || cap > bodyEnd - body - 20) return "byte " + (body + 12) + ": captured length " + Integer.toUnsignedString(cap) + " runs past the block's end";
                Iface f = ifaces.get(id);
                frameOf(f, micros(f, ts), body + 20, cap, orig);
                return null;
            }
            case 3: { // simple packet: interface 0, no time stamp
                if (ifaces.isEmpty()) return "byte " + off + ": simple packet block before any interface description";
                if (bodyEnd - body < 4) return "byte " + off + ": simple packet block too short";
                int orig = at(body, 4, order).getInt();
                Iface f = ifaces.get(0);
                int cap = Math.min(bodyEnd - body - 4, orig < 0 ? Integer.MAX_VALUE : orig);
                if (f.snapLen() > 0) cap = Math.min(cap, f.snapLen());
                frameOf(f, 0, body + 4, cap, orig);
                return null;
            }
            default:
                return null; // section header, statistics, name resolution, custom...: nothing to read
        }
    }

    private void frameOf(Iface f, long micros, int at, int cap, int orig) {
        if (!PacketDecoder.supports(f.linkType())) {
            frame++;
            skipped.add("frame " + frame + ": link type " + f.linkType() + " is not supported");
            return;
        }
        frame(f.linkType(), micros, at, cap, orig);
    }

    private static long micros(Iface f, long ts) {
        BigInteger t = new BigInteger(Long.toUnsignedString(ts));
        return t.multiply(BigInteger.valueOf(1_000_000)).divide(f.unitsPerSecond()).longValue() + f.offsetSeconds() * 1_000_000;
    }

    // ---- frames ----

    private void frame(int linkType, long micros, int at, int cap, int orig) {
        frame++;
        byte[] data = new byte[cap];
        System.arraycopy(b, at, data, 0, cap);
        Decoded<Packet> d = PacketDecoder.decode(linkType, data);
        if (!d.isOk()) {
            skipped.add("frame " + frame + ": " + d.error().message());
            return;
        }
        Packet p = d.value();
        packets.add(new CapturedPacket(frame, micros, p.src(), p.dst(), p.segment(), orig, p.checksum(), p));
    }
}
