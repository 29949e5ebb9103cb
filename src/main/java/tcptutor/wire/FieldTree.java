package tcptutor.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A packet as a tree of fields, like Wireshark's packet details: every header field with its bit range, raw
 * value and meaning, the flag bits one per line, the options decoded, and the checksum checked. The data form
 * ({@link Field} list) lets a UI highlight a field's bytes; {@link #text} is the plain form.
 */
public final class FieldTree {
    private final List<Field> out = new ArrayList<>();
    private final byte[] b;

    private FieldTree(byte[] bytes) { this.b = bytes; }

    /** The tree with the window scale unknown. */
    public static List<Field> of(Packet p) { return of(p, -1); }

    /** The tree; {@code windowShift} (0-14, or -1 if unknown) scales the window of non-SYN segments. */
    public static List<Field> of(Packet p, int windowShift) {
        FieldTree t = new FieldTree(p.bytes());
        if (p.ipOffset() > 0) t.link(p);
        if (p.ip() instanceof Ipv4Header h) t.ipv4(p.ipOffset(), h);
        else if (p.ip() instanceof Ipv6Header h) t.ipv6(p.ipOffset(), h);
        t.tcp(p, windowShift);
        return List.copyOf(t.out);
    }

    /**
     * One line per field: where it is, its raw value, then the indented "name: meaning", e.g.
     * {@code bytes 34-35    0xffd7          Window: 65495}.
     */
    public static String text(List<Field> fields) {
        StringBuilder s = new StringBuilder();
        for (Field f : fields) s.append(String.format("%-14s %-14s %s", f.range(), f.raw(), f.label()).stripTrailing()).append('\n');
        return s.toString();
    }

    private void add(int depth, String name, int bitOffset, int bitLength, String meaning) {
        out.add(new Field(name, bitOffset, bitLength, bitLength <= 63 && bitLength > 0 ? bits(bitOffset, bitLength) : -1, meaning, depth));
    }

    /** A derived value (Wireshark's [bracketed] fields): no bits of its own. */
    private void derived(int depth, String name, int at, String meaning) {
        out.add(new Field("[" + name + "]", at, 0, -1, meaning, depth));
    }

    private long bits(int bitOffset, int bitLength) {
        long v = 0;
        for (int i = bitOffset; i < bitOffset + bitLength; i++) v = v << 1 | ((b[i / 8] >> (7 - i % 8)) & 1);
        return v;
    }

    private void link(Packet p) {
        int end = p.ipOffset();
        if (p.link().equals("Ethernet")) {
            add(0, "Ethernet II", 0, end * 8, "Src: " + mac(6) + ", Dst: " + mac(0));
            add(1, "Destination", 0, 48, mac(0));
            add(1, "Source", 48, 48, mac(6));
            for (int at = 12; at < end - 2; at += 4) add(1, "802.1Q VLAN tag", at * 8, 32, "VLAN " + (SegmentCodec.get16(b, at + 2) & 0xFFF));
            int type = SegmentCodec.get16(b, end - 2);
            add(1, "Type", (end - 2) * 8, 16, String.format("0x%04x (%s)", type, type == 0x0800 ? "IPv4" : "IPv6"));
        } else {
            add(0, p.link(), 0, end * 8, end + " bytes");
        }
    }

    private String mac(int at) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) s.append(i == 0 ? "" : ":").append(String.format("%02x", b[at + i] & 0xFF));
        return s.toString();
    }

    private void ipv4(int o, Ipv4Header h) {
        int x = o * 8;
        add(0, "Internet Protocol Version 4", x, h.headerLength() * 8, "Src: " + IpHeader.text(h.src()) + ", Dst: " + IpHeader.text(h.dst()));
        add(1, "Version", x, 4, "4");
        add(1, "Header Length", x + 4, 4, h.headerLength() + " bytes (" + h.ihl() + ")");
        String[] ecn = {"Not-ECT", "ECT(1)", "ECT(0)", "CE (congestion experienced)"};
        add(1, "Differentiated Services", x + 8, 8, String.format("0x%02x (DSCP %d, ECN %s)", h.tos(), h.tos() >> 2, ecn[h.tos() & 3]));
        add(1, "Total Length", x + 16, 16, String.valueOf(h.totalLength()));
        add(1, "Identification", x + 32, 16, String.format("0x%04x (%d)", h.id(), h.id()));
        add(1, "Flags", x + 48, 3, String.format("0x%d%s", h.flags(), h.dontFragment() ? " (Don't fragment)" : (h.flags() & Ipv4Header.MF) != 0 ? " (More fragments)" : ""));
        add(2, "Reserved bit", x + 48, 1, setOrNot(h.flags() & 4));
        add(2, "Don't fragment", x + 49, 1, setOrNot(h.flags() & Ipv4Header.DF));
        add(2, "More fragments", x + 50, 1, setOrNot(h.flags() & Ipv4Header.MF));
        add(1, "Fragment Offset", x + 51, 13, String.valueOf(h.fragmentOffset() * 8));
        add(1, "Time to Live", x + 64, 8, String.valueOf(h.ttl()));
        add(1, "Protocol", x + 72, 8, h.protocol() + (h.protocol() == 6 ? " (TCP)" : ""));
        int correct = Checksum.ipv4Header(b, o, h.headerLength());
        add(1, "Header Checksum", x + 80, 16, String.format("0x%04x ", h.checksum())
                + (correct == h.checksum() ? "[correct]" : String.format("[incorrect, should be 0x%04x]", correct)));
        add(1, "Source Address", x + 96, 32, IpHeader.text(h.src()));
        add(1, "Destination Address", x + 128, 32, IpHeader.text(h.dst()));
        if (h.ihl() > 5) add(1, "Options", x + 160, (h.ihl() - 5) * 32, (h.ihl() - 5) * 4 + " bytes");
    }

    private void ipv6(int o, Ipv6Header h) {
        int x = o * 8;
        add(0, "Internet Protocol Version 6", x, 320, "Src: " + IpHeader.text(h.src()) + ", Dst: " + IpHeader.text(h.dst()));
        add(1, "Version", x, 4, "6");
        add(1, "Traffic Class", x + 4, 8, String.format("0x%02x", h.trafficClass()));
        add(1, "Flow Label", x + 12, 20, String.format("0x%05x", h.flowLabel()));
        add(1, "Payload Length", x + 32, 16, String.valueOf(h.payloadLength()));
        add(1, "Next Header", x + 48, 8, h.nextHeader() + (h.nextHeader() == 6 ? " (TCP)" : ""));
        add(1, "Hop Limit", x + 56, 8, String.valueOf(h.hopLimit()));
        add(1, "Source Address", x + 64, 128, IpHeader.text(h.src()));
        add(1, "Destination Address", x + 192, 128, IpHeader.text(h.dst()));
    }

    private void tcp(Packet p, int windowShift) {
        Segment s = p.segment();
        int o = p.tcpOffset(), x = o * 8, header = s.dataOffset() * 4;
        add(0, "Transmission Control Protocol", x, p.tcpLength() * 8, "Src Port: " + s.srcPort() + ", Dst Port: " + s.dstPort()
                + ", Seq: " + Seq.str(s.seq()) + (s.has(Flags.ACK) ? ", Ack: " + Seq.str(s.ack()) : "") + ", Len: " + s.payloadLength());
        add(1, "Source Port", x, 16, port(s.srcPort()));
        add(1, "Destination Port", x + 16, 16, port(s.dstPort()));
        add(1, "Sequence Number", x + 32, 32, Seq.str(s.seq()) + (s.has(Flags.SYN) ? " (the initial sequence number, ISN: SYN set)" : ""));
        derived(1, "Next Sequence Number", x + 32, Seq.str(s.end()) + " (SEQ + " + s.payloadLength() + " payload bytes"
                + (s.has(Flags.SYN) ? " + 1 for SYN" : "") + (s.has(Flags.FIN) ? " + 1 for FIN" : "") + ")");
        add(1, "Acknowledgment Number", x + 64, 32, Seq.str(s.ack()) + (s.has(Flags.ACK)
                ? " (the next byte expected from the other side)" : " (not used: ACK not set)"));
        add(1, "Header Length", x + 96, 4, header + " bytes (" + s.dataOffset() + ")");
        flags(x, s.flags());
        window(x, s, windowShift);
        add(1, "Checksum", x + 128, 16, p.checksum().explain());
        add(1, "Urgent Pointer", x + 144, 16, s.urgentPointer() + (s.has(Flags.URG) ? " (urgent data ends before SEQ + " + s.urgentPointer() + ")" : " (not used: URG not set)"));
        if (header > 20) options(o, header, s);
        if (s.payloadLength() > 0 || !p.complete()) payload(p, o + header);
    }

    private void flags(int x, int f) {
        String names = flagNames(f);
        add(1, "Flags", x + 100, 12, String.format("0x%03x", f & 0xFFF) + (names.isEmpty() ? "" : " (" + names + ")"));
        add(2, "Reserved", x + 100, 3, (f & Flags.RESERVED) == 0 ? "Not set" : "Set (should be 0)");
        String[][] bits = {
            {"Accurate ECN (AE)", "256"}, {"Congestion Window Reduced (CWR)", "128"}, {"ECN-Echo (ECE)", "64"},
            {"Urgent (URG)", "32"}, {"Acknowledgment (ACK)", "16"}, {"Push (PSH)", "8"}, {"Reset (RST)", "4"},
            {"Syn (SYN)", "2"}, {"Fin (FIN)", "1"}};
        for (int i = 0; i < bits.length; i++) add(2, bits[i][0], x + 103 + i, 1, setOrNot(f & Integer.parseInt(bits[i][1])));
    }

    /** Wireshark's order: lowest bit first, e.g. "SYN, ACK", "FIN, PSH, ACK". */
    static String flagNames(int f) {
        String[] names = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR", "AE"};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.length; i++) if ((f & (1 << i)) != 0) s.append(s.length() == 0 ? "" : ", ").append(names[i]);
        if ((f & Flags.RESERVED) != 0) s.append(s.length() == 0 ? "" : ", ").append("Reserved");
        return s.toString();
    }

    private void window(int x, Segment s, int shift) {
        add(1, "Window", x + 112, 16, String.valueOf(s.window()));
        if (s.has(Flags.SYN)) {
            derived(2, "Calculated window size", x + 112, s.window() + " bytes (a SYN's window is never scaled)");
        } else if (shift >= 0) {
            derived(2, "Calculated window size", x + 112, ((long) s.window() << shift) + " bytes (" + s.window() + " << " + shift + ")");
        } else {
            derived(2, "Calculated window size", x + 112, "unknown: the window scale comes from the SYNs, not seen here");
        }
    }

    private void options(int o, int header, Segment s) {
        add(1, "Options", (o + 20) * 8, (header - 20) * 8, (header - 20) + " bytes: "
                + TcpdumpLine.options(s.options(), 0).replace(",", ", "));
        boolean syn = s.has(Flags.SYN);
        int i = 20;
        while (i < header) {
            int at = o + i, kind = b[at] & 0xFF;
            if (kind == 0) {
                add(2, "End of Option List (EOL)", at * 8, 8, "the options end here");
                if (i + 1 < header) add(2, "Padding", (at + 1) * 8, (header - i - 1) * 8, (header - i - 1) + " bytes");
                return;
            }
            if (kind == 1) {
                add(2, "No-Operation (NOP)", at * 8, 8, "padding that aligns the next option");
                i++;
                continue;
            }
            int len = b[at + 1] & 0xFF;
            TcpOption opt = SegmentCodec.readOption(b, at, kind, len);
            option(at, len, opt, syn);
            add(3, "Kind", at * 8, 8, String.valueOf(kind));
            add(3, "Length", at * 8 + 8, 8, String.valueOf(len));
            if (opt instanceof TcpOption.Mss) {
                add(3, "MSS value", (at + 2) * 8, 16, String.valueOf(SegmentCodec.get16(b, at + 2)));
            } else if (opt instanceof TcpOption.WindowScale w) {
                add(3, "Shift count", (at + 2) * 8, 8, String.valueOf(w.shift()));
            } else if (opt instanceof TcpOption.Timestamps) {
                add(3, "Timestamp value (TSval)", (at + 2) * 8, 32, Seq.str(SegmentCodec.get32(b, at + 2)));
                add(3, "Timestamp echo reply (TSecr)", (at + 6) * 8, 32, Seq.str(SegmentCodec.get32(b, at + 6)));
            } else if (opt instanceof TcpOption.Sack sack) {
                int j = at + 2;
                for (TcpOption.SackBlock k : sack.blocks()) {
                    add(3, "Left edge", j * 8, 32, Seq.str(k.left()));
                    add(3, "Right edge", (j + 4) * 8, 32, Seq.str(k.right()));
                    j += 8;
                }
            }
            i += len;
        }
    }

    private void option(int at, int len, TcpOption opt, boolean syn) {
        String onlySyn = syn ? "" : " (ignored: only meaningful on a SYN)";
        int x = at * 8, bits = len * 8;
        if (opt instanceof TcpOption.Mss m) {
            add(2, "Maximum segment size (MSS)", x, bits, m.mss() + " bytes: the largest payload the sender wants to receive" + onlySyn);
        } else if (opt instanceof TcpOption.WindowScale w) {
            add(2, "Window scale", x, bits, "shift " + w.shift() + " (windows from this sender are multiplied by " + (1L << Math.min(w.shift(), 14)) + ")"
                    + (w.shift() > 14 ? "; above 14, so 14 is used" : "") + onlySyn);
        } else if (opt instanceof TcpOption.SackPermitted) {
            add(2, "SACK permitted", x, bits, "the sender understands SACK blocks" + onlySyn);
        } else if (opt instanceof TcpOption.Timestamps t) {
            add(2, "Timestamps", x, bits, "TS val " + Seq.str(t.val()) + " ecr " + Seq.str(t.ecr()));
        } else if (opt instanceof TcpOption.Sack sack) {
            add(2, "SACK", x, bits, sack.blocks().size() + " block" + (sack.blocks().size() == 1 ? "" : "s") + " received out of order"
                    + (sack.blocks().isEmpty() ? " (no blocks: ignored)" : ""));
        } else {
            TcpOption.Unknown u = (TcpOption.Unknown) opt;
            String known = u.kind() <= 8 ? " (kind " + u.kind() + " with a wrong length " + len + ": ignored)" : "";
            add(2, "Option " + TcpdumpLine.name(u.kind()), x, bits, (len - 2) + " bytes of data" + known);
        }
    }

    private void payload(Packet p, int start) {
        int n = p.tcpOffset() + p.tcpLength() - start;
        StringBuilder preview = new StringBuilder();
        for (int i = start; i < start + Math.min(n, 32); i++) {
            int c = b[i] & 0xFF;
            preview.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : ".");
        }
        String more = p.complete() ? "" : " (the capture kept only these; the IP header says "
                + (p.ip().payloadLength() - (start - p.tcpOffset())) + " were sent)";
        add(0, "Payload", start * 8, n * 8, n + " bytes" + more + (n > 0 ? ": \"" + preview + (n > 32 ? "...\"" : "\"") : ""));
    }

    private static String setOrNot(int bit) { return bit != 0 ? "Set" : "Not set"; }

    private static String port(int p) {
        String name = switch (p) {
            case 20 -> "ftp-data"; case 21 -> "ftp"; case 22 -> "ssh"; case 23 -> "telnet"; case 25 -> "smtp"; case 53 -> "domain";
            case 80 -> "http"; case 110 -> "pop3"; case 143 -> "imap"; case 443 -> "https"; case 3306 -> "mysql"; case 5432 -> "postgresql";
            case 6379 -> "redis"; case 8080 -> "http-alt";
            default -> null;
        };
        return name == null ? String.valueOf(p) : p + " (" + name + ")";
    }
}
