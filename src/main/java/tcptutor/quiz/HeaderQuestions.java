package tcptutor.quiz;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tcptutor.tcp.Profile;
import tcptutor.wire.Checksum;
import tcptutor.wire.Decoded;
import tcptutor.wire.Field;
import tcptutor.wire.FieldTree;
import tcptutor.wire.HexDump;
import tcptutor.wire.Packet;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.SegmentCodec;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpOption;

/**
 * Header questions: a segment is built, encoded with the wire codec (checksum over the IPv4 pseudo-header of
 * 192.0.2.1 -> 192.0.2.2) and shown as a hex dump; the answer is read back by decoding those bytes.
 */
final class HeaderQuestions implements QuestionSource {
    static final InetAddress SRC = addr("192.0.2.1"), DST = addr("192.0.2.2");
    static final int VARIANTS = 64;

    enum Shape { LINUX_SYN, MSS_SYN, SYN_ACK, DATA, PURE_ACK, FIN_ACK, RST, RST_ACK }

    enum Ask { FLAGS, WINDOW, OPTIONS, CHECKSUM, HEADER_LENGTH, SEQ }

    /** The scenario: which segment (shape and variant), whether its checksum is damaged, what is asked. */
    record Case(Shape shape, int variant, boolean damaged, Ask ask) implements Scenario {
        public String key() {
            return ask.name().toLowerCase().replace('_', '-') + "/" + shape.name().toLowerCase().replace('_', '-') + "/v" + variant + (damaged ? "/bad" : "");
        }
    }

    HeaderQuestions(Profile profile) { }

    @Override public Topic topic() { return Topic.HEADER; }

    @Override public Question next(Random rnd) {
        Ask ask = Ask.values()[rnd.nextInt(Ask.values().length)];
        Shape shape = Shape.values()[rnd.nextInt(Shape.values().length)];
        if (ask == Ask.OPTIONS) shape = rnd.nextBoolean() ? Shape.LINUX_SYN : rnd.nextBoolean() ? Shape.SYN_ACK : Shape.MSS_SYN;
        if (ask == Ask.WINDOW) shape = new Shape[]{Shape.LINUX_SYN, Shape.SYN_ACK, Shape.DATA, Shape.PURE_ACK, Shape.FIN_ACK}[rnd.nextInt(5)];
        boolean damaged = ask == Ask.CHECKSUM && rnd.nextBoolean();
        return question(new Case(shape, rnd.nextInt(VARIANTS), damaged, ask), rnd);
    }

    /** The segment of a case, deterministic in (shape, variant). */
    static Segment segment(Shape shape, int variant) {
        Random r = new Random(7919L * variant + shape.ordinal());
        int sport = 32768 + r.nextInt(28000), dport = new int[]{22, 80, 443, 8080}[r.nextInt(4)];
        int seq = r.nextInt(), ack = r.nextInt();
        int ts = r.nextInt(), ecr = r.nextInt();
        int win = 200 + r.nextInt(3000);
        var ts12 = List.<TcpOption>of(TcpOption.NOP, TcpOption.NOP, new TcpOption.Timestamps(ts, ecr));
        return switch (shape) {
            case LINUX_SYN -> Segment.of(sport, dport, seq, 0, Flags.SYN, 64240, List.of(new TcpOption.Mss(1460),
                    TcpOption.SACK_PERMITTED, new TcpOption.Timestamps(ts, 0), TcpOption.NOP, new TcpOption.WindowScale(7)), new byte[0]);
            case MSS_SYN -> Segment.of(sport, dport, seq, 0, Flags.SYN, 8192 + r.nextInt(4) * 8192, List.of(new TcpOption.Mss(new int[]{536, 1000, 1460}[r.nextInt(3)])), new byte[0]);
            case SYN_ACK -> Segment.of(dport, sport, seq, ack, Flags.SYN | Flags.ACK, 65160, List.of(new TcpOption.Mss(1460),
                    TcpOption.SACK_PERMITTED, new TcpOption.Timestamps(ts, ecr), TcpOption.NOP, new TcpOption.WindowScale(r.nextInt(3) + 6)), new byte[0]);
            case DATA -> Segment.of(sport, dport, seq, ack, Flags.PSH | Flags.ACK, win, ts12, StatePlay.data(1 + r.nextInt(48)));
            case PURE_ACK -> Segment.of(sport, dport, seq, ack, Flags.ACK, win, ts12, new byte[0]);
            case FIN_ACK -> Segment.of(sport, dport, seq, ack, Flags.FIN | Flags.ACK, win, ts12, new byte[0]);
            case RST -> Segment.of(sport, dport, seq, 0, Flags.RST, 0, List.of(), new byte[0]);
            case RST_ACK -> Segment.of(sport, dport, 0, seq, Flags.RST | Flags.ACK, 0, List.of(), new byte[0]);
        };
    }

    /** The bytes on the wire: checksummed, and with the checksum field off by a few bits when damaged. */
    static byte[] bytes(Case c) {
        byte[] b = SegmentCodec.encode(segment(c.shape(), c.variant()), SRC, DST);
        if (c.damaged()) b[Checksum.TCP_FIELD + 1] ^= (byte) (1 + c.variant() % 7);
        return b;
    }

    /** The window-scale shift the question says the sender announced: its own option when it carries one. */
    static int shiftOf(Case c) {
        return segment(c.shape(), c.variant()).option(TcpOption.WindowScale.class).map(TcpOption.WindowScale::shift).orElse(5 + c.variant() % 5);
    }

    static Question question(Case c, Random rnd) {
        byte[] b = bytes(c);
        Segment s = decode(b);
        boolean tree = c.ask() == Ask.WINDOW && c.variant() % 2 == 1;
        String intro = tree
                ? "A TCP segment from 192.0.2.1 to 192.0.2.2, field by field:\n" + fieldTree(s) + "\n"
                : "A TCP segment from 192.0.2.1 to 192.0.2.2 (the TCP header and payload, no IP header):\n" + hexDump(b) + "\n";
        String prompt;
        String answer;
        List<String> wrong = new ArrayList<>();
        String why;
        boolean typed = false;
        Key key = null;
        switch (c.ask()) {
            case FLAGS -> {
                prompt = intro + "Which flags are set?";
                answer = Flags.words(s.flags());
                int f = s.flags() & 0xFF;
                for (int g : new int[]{f ^ Flags.ACK, (f << 1) & 0xFF, f >> 1, f ^ Flags.PSH, f | Flags.FIN}) {
                    if (g != 0 && g != f) wrong.add(Flags.words(g));
                }
                why = String.format("Byte 13 is 0x%02x: the bits from the top are CWR ECE URG ACK PSH RST SYN FIN, so %s.", f, answer);
            }
            case WINDOW -> {
                int shift = shiftOf(c);
                boolean syn = s.has(Flags.SYN);
                prompt = intro + "Both sides offered window scaling in their SYNs; the sender of this segment announced shift " + shift
                        + ". How many bytes does this segment's window field allow?";
                long bytes = syn ? s.window() : (long) s.window() << shift;
                answer = Long.toString(bytes);
                typed = rnd.nextBoolean();
                key = Key.Number.exact(bytes);
                wrong.add(Long.toString(syn ? (long) s.window() << shift : s.window()));
                wrong.add(Long.toString((long) s.window() * shift));
                wrong.add(Long.toString((long) s.window() << (shift + 1)));
                why = "The window field (bytes 14-15) is " + s.window() + (syn
                        ? "; the window of a SYN is never scaled (RFC 7323 2.2), so it means " + bytes + " bytes."
                        : "; shifted left by " + shift + " that is " + bytes + " bytes (RFC 7323 2.3).");
            }
            case OPTIONS -> {
                prompt = intro + "Which options does it carry, in order?";
                answer = optionNames(s.options());
                for (List<TcpOption> alt : optionMistakes(s.options())) wrong.add(optionNames(alt));
                why = "After the 20-byte fixed header come kind-length-value options: 2 MSS (4 bytes), 4 SACK-permitted (2),"
                        + " 8 timestamps (10), 1 NOP (1), 3 window scale (3). Here: " + answer + ".";
            }
            case CHECKSUM -> {
                Checksum.Verdict v = Checksum.check(SRC, DST, b, 0, b.length, true);
                prompt = intro + "Does its checksum verify?";
                answer = v.status() == Checksum.Status.GOOD ? "yes" : "no";
                wrong.add(answer.equals("yes") ? "no" : "yes");
                why = "Sum the IPv4 pseudo-header (addresses, protocol 6, TCP length " + b.length + "), the header and the payload"
                        + " in 16-bit ones'-complement: the checksum field holds " + v.explain() + ".";
            }
            case HEADER_LENGTH -> {
                int len = s.dataOffset() * 4;
                prompt = intro + "How long is the TCP header, in bytes?";
                answer = Integer.toString(len);
                typed = rnd.nextBoolean();
                key = Key.Number.exact(len);
                for (int w : new int[]{s.dataOffset(), 20, len + 4, s.dataOffset() * 8}) wrong.add(Integer.toString(w));
                why = String.format("The high nibble of byte 12 (0x%02x) is the data offset, %d words of 4 bytes: %d bytes.",
                        b[12] & 0xFF, s.dataOffset(), len);
            }
            default -> {
                prompt = intro + "What is the sequence number, in decimal?";
                answer = Seq.str(s.seq());
                typed = rnd.nextBoolean();
                key = Key.Number.exact(Seq.unsigned(s.seq()));
                wrong.add(Integer.toString(s.seq()));
                wrong.add(Seq.str(s.ack()));
                wrong.add(Seq.str(Integer.reverseBytes(s.seq())));
                wrong.add(Seq.str(s.seq() + 1));
                why = String.format("Bytes 4-7 (%02x%02x%02x%02x) read as an unsigned 32-bit big-endian number: %s.",
                        b[4] & 0xFF, b[5] & 0xFF, b[6] & 0xFF, b[7] & 0xFF, answer);
            }
        }
        List<String> choices;
        if (typed) {
            choices = List.of();
        } else {
            List<String> d = new ArrayList<>();
            for (String w : wrong) if (!Choices.same(w, answer) && !d.contains(w)) d.add(w);
            choices = Choices.shuffle(answer, d.subList(0, Math.min(3, d.size())), rnd);
            key = new Key.Choice(choices.indexOf(answer));
        }
        return new Question("header/" + c.key(), Topic.HEADER, prompt, choices, key, why, List.of(), c);
    }

    /** "mss 1460, sackOK, TS, nop, wscale 7": names, with the values of MSS and window scale. */
    static String optionNames(List<TcpOption> options) {
        List<String> out = new ArrayList<>();
        for (TcpOption o : options) {
            if (o instanceof TcpOption.Mss m) out.add("mss " + m.mss());
            else if (o instanceof TcpOption.WindowScale w) out.add("wscale " + w.shift());
            else if (o instanceof TcpOption.SackPermitted) out.add("sackOK");
            else if (o instanceof TcpOption.Timestamps) out.add("TS");
            else if (o instanceof TcpOption.Nop) out.add("nop");
            else if (o instanceof TcpOption.Eol) out.add("eol");
            else if (o instanceof TcpOption.Sack) out.add("sack");
            else out.add("kind " + o.kind());
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    private static List<List<TcpOption>> optionMistakes(List<TcpOption> opts) {
        List<List<TcpOption>> out = new ArrayList<>();
        List<TcpOption> a = new ArrayList<>();
        List<TcpOption> b = new ArrayList<>();
        List<TcpOption> c = new ArrayList<>();
        for (TcpOption o : opts) {
            if (o instanceof TcpOption.Mss m) { a.add(new TcpOption.Mss(536)); b.add(m); c.add(new TcpOption.Mss(m.mss() == 1460 ? 1448 : 1460)); }
            else if (o instanceof TcpOption.WindowScale w) { a.add(w); b.add(new TcpOption.WindowScale(w.shift() + 1)); c.add(w); }
            else if (o instanceof TcpOption.SackPermitted) { a.add(o); b.add(new TcpOption.Sack(List.of())); }
            else { a.add(o); b.add(o); c.add(o); }
        }
        if (opts.size() == 1) b.add(new TcpOption.WindowScale(7));
        out.add(a);
        out.add(b);
        out.add(c);
        return out;
    }

    /** tcpdump -x style (the wire package's renderer), indented. */
    static String hexDump(byte[] b) {
        return "  " + HexDump.renderHex(b).replace("\n", "\n  ");
    }

    /** The TCP fields as a tree (the wire package's), without derived values that would give answers away. */
    static String fieldTree(Segment s) {
        List<Field> keep = new ArrayList<>();
        for (Field f : FieldTree.of(Packet.tcpOnly(s))) if (f.depth() <= 1 && !f.name().startsWith("[")) keep.add(f);
        return FieldTree.text(keep).stripTrailing().indent(2).stripTrailing();
    }

    /** Decoding is what the answer comes from; a failure here is a bug in building the case. */
    static Segment decode(byte[] b) {
        Decoded<Segment> d = SegmentCodec.decode(b);
        if (!d.isOk()) throw new IllegalStateException(d.error().message());
        return d.value();
    }

    private static InetAddress addr(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
