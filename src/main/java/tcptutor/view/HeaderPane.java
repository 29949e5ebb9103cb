package tcptutor.view;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.wire.Checksum;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.SegmentCodec;
import tcptutor.wire.TcpOption;

/**
 * One segment's header as a field tree (ports, seq and ack relative or absolute, data offset, each
 * flag bit, window and scaled window, checksum and whether it verifies, urgent pointer, options) and
 * its header bytes in hex, with the selected field's bytes highlighted. The highlighted byte range
 * is also returned as data, so a test (or another UI) need not read colours.
 */
public final class HeaderPane {
    /** One field of the tree: indent level, name, shown value, and the header bytes it lives in [from, to). */
    public record Field(int depth, String name, String value, int from, int to) {}

    /**
     * The rendered pane: the field tree's lines, the hex dump's lines (a heading and rows), the line index
     * of each field in {@code lines} (same order as {@code fields}), and the bytes highlighted for the
     * selected field [from, to) (from == to: none).
     */
    public record View(List<StyledLine> lines, List<StyledLine> hex, List<Field> fields, List<Integer> lineOfField,
                       int highlightFrom, int highlightTo) {
        public View {
            lines = List.copyOf(lines);
            hex = List.copyOf(hex);
            fields = List.copyOf(fields);
            lineOfField = List.copyOf(lineOfField);
        }
    }

    /** The documentation addresses of the two hosts (sim.Side): you 192.0.2.1, the peer 192.0.2.2. */
    public static final InetAddress YOU_ADDRESS = address(192, 0, 2, 1), PEER_ADDRESS = address(192, 0, 2, 2);

    private HeaderPane() {}

    /** An empty pane: nothing sent yet. */
    public static View empty() {
        return new View(List.of(StyledLine.of("no segment yet: send one (e.g. syn) and select it in the ladder", Tone.DIM)),
                List.of(), List.of(), List.of(), 0, 0);
    }

    /**
     * Renders segment {@code sent} of {@code events}. {@code selected} is the index of the selected field
     * (clamped; -1 for none).
     */
    public static View render(TraceEvent.Sent sent, List<TraceEvent> events, boolean relative, int selected, int width) {
        Segment seg = sent.segment();
        byte[] bytes = wireBytes(sent);
        int headerLen = Math.min(bytes.length, 4 * Math.max(5, seg.dataOffset()));
        List<Field> fields = fields(sent, events, relative, bytes);
        int sel = fields.isEmpty() ? -1 : Math.max(-1, Math.min(selected, fields.size() - 1));

        List<StyledLine> lines = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        lines.add(StyledLine.of("#" + sent.id() + " " + sent.from() + " -> " + sent.from().other() + " at "
                + Ladder.seconds(sent.at()) + " s  [" + Flags.tcpdump(seg.flags()) + "] " + headerLen + "+"
                + seg.payloadLength() + " bytes", sent.from() == Side.YOU ? Tone.YOU : Tone.PEER));
        boolean narrow = width < 50;
        int nameW = 0;
        for (Field f : fields) nameW = Math.max(nameW, 2 * f.depth + name(f, narrow).length());
        nameW = Math.min(nameW, Math.max(8, width / 2));
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String name = Columns.pad("  ".repeat(f.depth) + name(f, narrow), nameW);
            lineOf.add(lines.size());
            List<String> wrapped = Columns.wrap(f.value, Math.max(8, width - nameW - 1));
            for (int k = 0; k < wrapped.size(); k++) {
                StyledLine l = new StyledLine.Builder().add(k == 0 ? name : " ".repeat(nameW), Tone.HEADING)
                        .add(" " + wrapped.get(k), f.name.equals("Checksum") ? checksumTone(f.value) : Tone.PLAIN).build();
                lines.add(i == sel ? l.over(Tone.SELECTED) : l);
            }
        }
        int hiFrom = sel >= 0 ? fields.get(sel).from : 0, hiTo = sel >= 0 ? fields.get(sel).to : 0;
        List<StyledLine> hex = new ArrayList<>();
        hex.add(StyledLine.of(Columns.fit("header bytes" + (seg.payloadLength() > 0 ? " (+" + seg.payloadLength()
                + " bytes of data not shown)" : ""), width), Tone.HEADING));
        hex.addAll(hex(bytes, headerLen, hiFrom, hiTo, width));
        return new View(lines, hex, fields, lineOf, hiFrom, hiTo);
    }

    /** The field's name, abbreviated in a narrow pane. */
    private static String name(Field f, boolean narrow) {
        if (!narrow) return f.name;
        return switch (f.name) {
            case "Source port" -> "Src port";
            case "Destination port" -> "Dst port";
            case "Sequence number" -> "Seq number";
            case "Acknowledgment number" -> "Ack number";
            case "Urgent pointer" -> "Urgent ptr";
            default -> f.name;
        };
    }

    /** The segment as it went on the wire: its checksum field as sent, or the correct one if the sender left it 0 (its NIC fills it in). */
    static byte[] wireBytes(TraceEvent.Sent sent) {
        Segment seg = sent.segment();
        if (seg.checksum() == 0) return SegmentCodec.encode(seg, src(sent), dst(sent));
        return SegmentCodec.encode(seg);
    }

    static List<Field> fields(TraceEvent.Sent sent, List<TraceEvent> events, boolean relative, byte[] bytes) {
        Segment g = sent.segment();
        SeqBase base = new SeqBase(events);
        List<Field> out = new ArrayList<>();
        out.add(new Field(0, "Source port", Integer.toString(g.srcPort()), 0, 2));
        out.add(new Field(0, "Destination port", Integer.toString(g.dstPort()), 2, 4));
        out.add(new Field(0, "Sequence number", number(base.seq(sent.id(), sent.from(), g.seq(), true),
                base.seq(sent.id(), sent.from(), g.seq(), false), base.known(sent.id(), sent.from()), relative), 4, 8));
        String ack = number(base.ack(sent.id(), sent.from(), g.ack(), true), base.ack(sent.id(), sent.from(), g.ack(), false),
                base.known(sent.id(), sent.from().other()), relative);
        out.add(new Field(0, "Acknowledgment number", g.has(Flags.ACK) ? ack : Integer.toUnsignedString(g.ack()) + " (ACK not set: ignored)", 8, 12));
        out.add(new Field(0, "Data offset", g.dataOffset() + " words = " + 4 * g.dataOffset() + " bytes", 12, 13));
        out.add(new Field(0, "Flags", String.format("0x%03x [%s] %s", g.flags() & 0xFFF, Flags.tcpdump(g.flags()), Flags.words(g.flags())), 12, 14));
        String[] names = {"AE", "CWR", "ECE", "URG", "ACK", "PSH", "RST", "SYN", "FIN"};
        int[] bits = {Flags.AE, Flags.CWR, Flags.ECE, Flags.URG, Flags.ACK, Flags.PSH, Flags.RST, Flags.SYN, Flags.FIN};
        for (int i = 0; i < names.length; i++) {
            boolean on = g.has(bits[i]);
            int at = bits[i] == Flags.AE ? 12 : 13;
            out.add(new Field(1, names[i], (on ? "1" : "0") + (on ? "  set" : ""), at, at + 1));
        }
        int shift = windowShift(sent, events);
        String win = Integer.toString(g.window());
        if (g.has(Flags.SYN)) win += "  (never scaled in a SYN)";
        else if (shift > 0) win += "  x " + (1 << shift) + " (wscale " + shift + ") = " + ((long) g.window() << shift) + " bytes";
        else win += "  (no window scaling)";
        out.add(new Field(0, "Window", win, 14, 16));
        Checksum.Verdict v = Checksum.check(src(sent), dst(sent), bytes, 0, bytes.length, true);
        out.add(new Field(0, "Checksum", v.explain(), 16, 18));
        out.add(new Field(0, "Urgent pointer", g.urgentPointer() + (g.has(Flags.URG) ? "" : " (URG not set: ignored)"), 18, 20));
        int at = SegmentCodec.OPTIONS;
        if (!g.options().isEmpty()) out.add(new Field(0, "Options", (4 * g.dataOffset() - 20) + " bytes", 20, 4 * g.dataOffset()));
        for (TcpOption o : g.options()) {
            int len = TcpOption.length(o);
            out.add(new Field(1, optionName(o), optionValue(o), at, at + len));
            at += len;
        }
        return out;
    }

    private static String number(String rel, String abs, boolean known, boolean relative) {
        if (!known) return abs + " (absolute; no SYN seen to count from)";
        return relative ? rel + "  (abs " + abs + ")" : abs + "  (rel " + rel + ")";
    }

    /** The sender's window scale, in force once both SYNs carried the option (RFC 7323 2.2); 0 otherwise. */
    static int windowShift(TraceEvent.Sent sent, List<TraceEvent> events) {
        Integer[] shift = new Integer[2];
        for (TraceEvent e : events) {
            if (!(e instanceof TraceEvent.Sent s)) continue;
            if (s.id() == sent.id()) break;
            if (s.segment().has(Flags.SYN)) {
                shift[s.from().ordinal()] = s.segment().option(TcpOption.WindowScale.class).map(TcpOption.WindowScale::shift).orElse(null);
            }
        }
        Integer mine = shift[sent.from().ordinal()], theirs = shift[sent.from().other().ordinal()];
        return mine != null && theirs != null ? Math.min(mine, 14) : 0;
    }

    private static String optionName(TcpOption o) {
        if (o instanceof TcpOption.Mss) return "MSS";
        if (o instanceof TcpOption.WindowScale) return "Window scale";
        if (o instanceof TcpOption.SackPermitted) return "SACK permitted";
        if (o instanceof TcpOption.Sack) return "SACK";
        if (o instanceof TcpOption.Timestamps) return "Timestamps";
        if (o instanceof TcpOption.Nop) return "NOP";
        if (o instanceof TcpOption.Eol) return "EOL";
        return "Kind " + o.kind();
    }

    private static String optionValue(TcpOption o) {
        if (o instanceof TcpOption.Mss m) return m.mss() + " bytes";
        if (o instanceof TcpOption.WindowScale w) return "shift " + w.shift() + " (x" + (1 << Math.min(w.shift(), 14)) + ")";
        if (o instanceof TcpOption.SackPermitted) return "yes";
        if (o instanceof TcpOption.Timestamps t) return "TSval " + Integer.toUnsignedString(t.val()) + " TSecr " + Integer.toUnsignedString(t.ecr());
        if (o instanceof TcpOption.Sack s) {
            List<String> b = new ArrayList<>();
            for (TcpOption.SackBlock k : s.blocks()) b.add(Integer.toUnsignedString(k.left()) + "-" + Integer.toUnsignedString(k.right()));
            return String.join(" ", b);
        }
        if (o instanceof TcpOption.Nop || o instanceof TcpOption.Eol) return "padding";
        return TcpOption.length(o) + " bytes, not interpreted";
    }

    private static Tone checksumTone(String value) {
        return value.contains("[correct]") ? Tone.GOOD : value.contains("incorrect") ? Tone.ERROR : Tone.PLAIN;
    }

    /** Hex rows "0010  1a 2b 00 00 ...", 16, 8 or 4 bytes a row as the width allows; bytes [hiFrom, hiTo) highlighted. */
    static List<StyledLine> hex(byte[] b, int len, int hiFrom, int hiTo, int width) {
        int per = width >= 6 + 16 * 3 + 1 ? 16 : width >= 6 + 8 * 3 ? 8 : 4;
        List<StyledLine> out = new ArrayList<>();
        for (int row = 0; row < len; row += per) {
            StyledLine.Builder l = new StyledLine.Builder().add(String.format("%04x ", row), Tone.DIM);
            for (int i = row; i < Math.min(len, row + per); i++) {
                l.add(i > row && (i - row) % 8 == 0 ? "  " : " ");
                l.add(String.format("%02x", b[i] & 0xFF), i >= hiFrom && i < hiTo ? Tone.HIGHLIGHT : Tone.PLAIN);
            }
            out.add(l.build());
        }
        return out;
    }

    private static InetAddress src(TraceEvent.Sent s) { return s.from() == Side.YOU ? YOU_ADDRESS : PEER_ADDRESS; }

    private static InetAddress dst(TraceEvent.Sent s) { return s.from() == Side.YOU ? PEER_ADDRESS : YOU_ADDRESS; }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[]{(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always a valid IPv4 address
        }
    }
}
