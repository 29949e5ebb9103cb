package tcptutor.view;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.wire.FieldTree;
import tcptutor.wire.Flags;
import tcptutor.wire.IpHeader;
import tcptutor.wire.Ipv4Header;
import tcptutor.wire.Packet;
import tcptutor.wire.Segment;
import tcptutor.wire.SegmentCodec;
import tcptutor.wire.TcpOption;

/**
 * One segment's header as a field tree (wire's {@link FieldTree}: ports, seq and ack — here relative or
 * absolute —, data offset, each flag bit, window and scaled window, checksum and whether it verifies,
 * urgent pointer, options) and its header bytes in hex, with the selected field's bytes highlighted. The highlighted byte range
 * is also returned as data, so a test (or another UI) need not read colours.
 */
public final class HeaderPane {
    /** One field of the tree: indent level, name, shown value, and the TCP bytes it lives in [from, to) (from == to: derived). */
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
        Packet packet = packet(sent);
        int tcp = packet.tcpOffset();
        byte[] bytes = packet.tcpBytes();
        int headerLen = Math.min(bytes.length, 4 * Math.max(5, seg.dataOffset()));
        List<Field> fields = fields(sent, events, relative, packet);
        int sel = fields.isEmpty() ? -1 : Math.max(-1, Math.min(selected, fields.size() - 1));

        List<StyledLine> lines = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        lines.add(StyledLine.of(Columns.fit("#" + sent.id() + " [" + Flags.tcpdump(seg.flags()) + "] " + sent.from() + " -> "
                + sent.from().other() + " at " + Ladder.seconds(sent.at()) + " s", width), sent.from() == Side.YOU ? Tone.YOU : Tone.PEER));
        boolean narrow = width < 50;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String indent = "  ".repeat(f.depth());
            String name = indent + name(f.name(), narrow) + ": ";
            lineOf.add(lines.size());
            List<String> wrapped = hanging(name + (narrow && !f.name().equals("Flags") ? brief(f.value()) : f.value()), width, indent.length() + 4);
            Tone valueTone = f.name().equals("Checksum") ? checksumTone(f.value()) : Tone.PLAIN;
            for (int k = 0; k < wrapped.size(); k++) {
                String w = wrapped.get(k);
                StyledLine l = k == 0 && w.startsWith(name)
                        ? new StyledLine.Builder().add(name, f.depth() == 0 ? Tone.HEADING : Tone.PLAIN).add(w.substring(name.length()), valueTone).build()
                        : StyledLine.of(w, valueTone);
                lines.add(i == sel ? l.over(Tone.SELECTED) : l);
            }
        }
        int hiFrom = sel >= 0 ? fields.get(sel).from() : 0, hiTo = sel >= 0 ? fields.get(sel).to() : 0;
        List<StyledLine> hex = new ArrayList<>();
        hex.add(StyledLine.of(Columns.fit("TCP header, " + headerLen + " bytes" + (seg.payloadLength() > 0 ? " (+"
                + seg.payloadLength() + " of data)" : ""), width), Tone.HEADING));
        hex.addAll(hex(bytes, headerLen, hiFrom, hiTo, width));
        return new View(lines, hex, fields, lineOf, hiFrom, hiTo);
    }

    /** The value without its explanation in parentheses: "1460 bytes: the largest..." stays "1460 bytes". */
    private static String brief(String value) {
        int rel = value.indexOf(" (relative; "), abs = value.indexOf(" (absolute; ");
        int keep = Math.max(rel, abs) < 0 ? 0 : value.indexOf(')', Math.max(rel, abs)) + 1;
        int cut = value.length();
        for (String stop : new String[]{" (", ": "}) {
            int at = value.indexOf(stop, keep);
            if (at > 0) cut = Math.min(cut, at);
        }
        return value.substring(0, cut);
    }

    /** Wraps {@code text} to {@code width}; lines after the first are indented by {@code hang}. */
    static List<String> hanging(String text, int width, int hang) {
        List<String> first = Columns.wrap(text, width);
        if (first.size() <= 1 || width - hang < 10) return first;
        List<String> out = new ArrayList<>();
        out.add(first.get(0));
        String rest = text.substring(Math.min(text.length(), first.get(0).length())).strip();
        for (String l : Columns.wrap(rest, width - hang)) out.add(" ".repeat(hang) + l);
        return out;
    }

    /** The field's name; in a narrow pane the abbreviation in its parentheses ("Syn (SYN)" -> "SYN"). */
    private static String name(String name, boolean narrow) {
        if (!narrow) return name;
        int open = name.lastIndexOf(" (");
        if (open > 0 && name.endsWith(")")) return name.substring(open + 2, name.length() - 1);
        return switch (name) {
            case "Source Port" -> "Src port";
            case "Destination Port" -> "Dst port";
            case "Sequence Number" -> "Seq";
            case "[Next Sequence Number]" -> "[Next seq]";
            case "Acknowledgment Number" -> "Ack";
            case "Urgent Pointer" -> "Urgent ptr";
            case "[Calculated window size]" -> "[Scaled window]";
            default -> name;
        };
    }

    /**
     * The segment in an IPv4 packet between the two hosts, as it went on the wire: its checksum as sent, or
     * the correct one if the sender left the field 0 (a stack fills it in; the trace may not).
     */
    static Packet packet(TraceEvent.Sent sent) {
        Segment seg = sent.segment();
        InetAddress src = src(sent), dst = dst(sent);
        if (seg.checksum() == 0) return Packet.of(src, dst, seg, sent.id());
        byte[] tcp = SegmentCodec.encode(seg);
        IpHeader ip = Ipv4Header.forTcp(src, dst, tcp.length, sent.id());
        byte[] head = ip.encode();
        byte[] all = new byte[head.length + tcp.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tcp, 0, all, head.length, tcp.length);
        return new Packet(all, "none", 0, ip, head.length, tcp.length, seg, true);
    }

    /**
     * The TCP part of wire's field tree (the IP header left out), byte ranges counted from the TCP header,
     * sequence and acknowledgment numbers shown relative to the ISNs when asked.
     */
    static List<Field> fields(TraceEvent.Sent sent, List<TraceEvent> events, boolean relative, Packet packet) {
        Segment g = sent.segment();
        SeqBase base = new SeqBase(events);
        int tcp = packet.tcpOffset();
        List<Field> out = new ArrayList<>();
        boolean inTcp = false;
        for (tcptutor.wire.Field f : FieldTree.of(packet, windowShift(sent, events))) {
            if (f.depth() == 0) inTcp = f.name().equals("Transmission Control Protocol") || f.name().equals("Payload");
            if (!inTcp || f.name().equals("Transmission Control Protocol")) continue; // the first line says it all
            String value = f.meaning();
            switch (f.name()) {
                case "Sequence Number" -> value = renumber(value, base.seq(sent.id(), sent.from(), g.seq(), true),
                        base.known(sent.id(), sent.from()), relative);
                case "[Next Sequence Number]" -> value = renumber(value, base.seq(sent.id(), sent.from(), g.end(), true),
                        base.known(sent.id(), sent.from()), relative);
                case "Acknowledgment Number" -> value = g.has(Flags.ACK) ? renumber(value, base.ack(sent.id(), sent.from(), g.ack(), true),
                        base.known(sent.id(), sent.from().other()), relative) : value;
                default -> { }
            }
            int from = Math.max(0, f.firstByte() - tcp), to = f.bitLength() == 0 ? from : Math.max(from, f.endByte() - tcp);
            out.add(new Field(Math.max(0, f.depth() - 1), f.name(), value, from, to));
        }
        return out;
    }

    /** "1000 (the ISN...)" -> "0 (abs 1000) (the ISN...)" in relative mode; the absolute number first otherwise. */
    private static String renumber(String meaning, String rel, boolean known, boolean relative) {
        int sp = meaning.indexOf(' ');
        String abs = sp < 0 ? meaning : meaning.substring(0, sp), rest = sp < 0 ? "" : meaning.substring(sp);
        if (!known) return abs + " (absolute: no SYN seen to count from)" + rest;
        return (relative ? rel + " (relative; abs " + abs + ")" : abs + " (absolute; rel " + rel + ")") + rest;
    }

    /** The sender's window scale, in force once both SYNs carried the option (RFC 7323 2.2); 0 if one did not; -1 if a SYN is not in the trace. */
    static int windowShift(TraceEvent.Sent sent, List<TraceEvent> events) {
        Integer[] shift = new Integer[2];
        boolean[] seen = new boolean[2];
        for (TraceEvent e : events) {
            if (!(e instanceof TraceEvent.Sent s)) continue;
            if (s.id() == sent.id()) break;
            if (s.segment().has(Flags.SYN)) {
                seen[s.from().ordinal()] = true;
                shift[s.from().ordinal()] = s.segment().option(TcpOption.WindowScale.class).map(TcpOption.WindowScale::shift).orElse(null);
            }
        }
        if (!seen[0] || !seen[1]) return -1;
        Integer mine = shift[sent.from().ordinal()], theirs = shift[sent.from().other().ordinal()];
        return mine != null && theirs != null ? Math.min(mine, 14) : 0;
    }

    private static Tone checksumTone(String value) {
        return value.contains("[correct]") ? Tone.GOOD : value.contains("incorrect") || value.contains("not filled") ? Tone.ERROR : Tone.PLAIN;
    }

    /** Hex rows "0010  1a 2b 00 00 ...", 16, 8 or 4 bytes a row as the width allows; bytes [hiFrom, hiTo) highlighted. */
    static List<StyledLine> hex(byte[] b, int len, int hiFrom, int hiTo, int width) {
        int per = width >= 6 + 16 * 3 + 1 ? 16 : width >= 6 + 8 * 3 ? 8 : 4;
        List<StyledLine> out = new ArrayList<>();
        for (int row = 0; row < len; row += per) {
            StyledLine.Builder l = new StyledLine.Builder().add(hex(row, 4) + " ", Tone.DIM);
            for (int i = row; i < Math.min(len, row + per); i++) {
                l.add(i > row && (i - row) % 8 == 0 ? "  " : " ");
                l.add(hex(b[i] & 0xFF, 2), i >= hiFrom && i < hiTo ? Tone.HIGHLIGHT : Tone.PLAIN);
            }
            out.add(l.build());
        }
        return out;
    }

    /** {@code v} in lower-case hex, zero-padded to {@code digits}. */
    private static String hex(int v, int digits) {
        String h = Integer.toHexString(v);
        return h.length() >= digits ? h : "0".repeat(digits - h.length()) + h;
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
