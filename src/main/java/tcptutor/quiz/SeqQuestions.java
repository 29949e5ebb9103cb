package tcptutor.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import tcptutor.sim.SockOpt;
import tcptutor.tcp.Profile;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.Seq;

/**
 * Sequence arithmetic: "Client ISN 3000, server ISN 9000, the client sends 100 bytes and then a FIN: what ack
 * does the server's ACK of the FIN carry?" You are the server (the engine's stack); the client is crafted, so
 * its ISN can sit just below 2^32 and the numbers wrap. The answer is read off the segments the engine sent.
 */
final class SeqQuestions implements QuestionSource {
    static final int[] SIZES = {1, 100, 536, 1000, 1460};
    /** The server's ISNs; variant v uses entry (v + 7) % 8, so a client ISN near 2^32 meets a plain server one and back. */
    static final int[] SERVER_ISN = {9000, 5000, 8000, 20000, (int) 4294967000L, 1000000, (int) 2500000000L, (int) 4294967290L};

    enum Kind { SYNACK_ACK, DATA_ACK, FIN_ACK, DATA_END, FIN_END, CLOSED_SYN_RST, CLOSED_ACK_RST, KEEPALIVE_SEQ }

    /** A scenario: what is asked, the variant (client ISN and world seed) and a byte count. */
    record Case(Profile profile, Kind kind, int variant, int size) implements Scenario {
        public long worldSeed() { return 2000L + variant; }

        /** Your ISN as the server. */
        public int serverIsn() { return SERVER_ISN[(variant + 7) % SERVER_ISN.length]; }

        /** The ack number of the stray ACK sent to a closed port. */
        public int strayAck() { return StatePlay.OTHER_ISN[(variant + 3) % StatePlay.variants()] + size; }

        /** The client's (the crafted side's) ISN. */
        public int clientIsn() { return StatePlay.OTHER_ISN[variant]; }

        public String key() { return kind.name().toLowerCase().replace('_', '-') + "/" + profile.id() + "/v" + variant + "/n" + size; }
    }

    /** What the engine did: the ISNs and the number asked for (as an unsigned 32-bit value), or empty if it did not. */
    record Played(int clientIsn, int serverIsn, long answer, List<String> ladder) {}

    private static final Map<Case, Optional<Played>> PLAYED = new ConcurrentHashMap<>();

    private final Profile profile;

    SeqQuestions(Profile profile) { this.profile = profile; }

    @Override public Topic topic() { return Topic.SEQ; }

    @Override public Question next(Random rnd) {
        Kind kind = Kind.values()[rnd.nextInt(Kind.values().length)];
        Case c = new Case(profile, kind, rnd.nextInt(StatePlay.variants()), SIZES[rnd.nextInt(SIZES.length)]);
        Played p = played(c);
        if (p == null) return null;
        return question(c, p, rnd);
    }

    static Played played(Case c) {
        return PLAYED.computeIfAbsent(c, k -> Optional.ofNullable(play(k))).orElse(null);
    }

    /** Plays the scenario on a fresh world; null if the engine did not send the segment asked about. */
    static Played play(Case c) {
        Bench b = new Bench(c.profile(), c.worldSeed());
        b.world.peer().nextIsn(c.serverIsn());
        int isn = c.clientIsn();
        int n = c.size();
        if (c.kind() == Kind.CLOSED_SYN_RST) {
            int mark = b.inject(Flags.SYN, isn, 0, StatePlay.data(synData(n)), List.of(new tcptutor.wire.TcpOption.Mss(1460)));
            return last(b, mark, isn, 0, false);
        }
        if (c.kind() == Kind.CLOSED_ACK_RST) {
            int mark = b.inject(Flags.ACK, isn, c.strayAck());
            return last(b, mark, isn, 0, true);
        }
        b.listen();
        int mark = b.injectSyn(isn);
        List<Segment> synAck = b.sentSince(mark);
        if (synAck.isEmpty() || !synAck.get(0).has(Flags.SYN)) return null;
        int s = synAck.get(0).seq();
        if (c.kind() == Kind.SYNACK_ACK) return new Played(isn, s, Seq.unsigned(synAck.get(0).ack()), ladder(b));
        b.inject(Flags.ACK, isn + 1, s + 1);
        b.accept();
        if (b.fd < 0) return null;
        switch (c.kind()) {
            case DATA_ACK -> {
                mark = b.inject(Flags.PSH | Flags.ACK, isn + 1, s + 1, StatePlay.data(n), List.of());
                return last(b, mark, isn, s, false);
            }
            case FIN_ACK -> {
                b.inject(Flags.PSH | Flags.ACK, isn + 1, s + 1, StatePlay.data(n), List.of());
                mark = b.inject(Flags.FIN | Flags.ACK, isn + 1 + n, s + 1);
                return last(b, mark, isn, s, false);
            }
            case DATA_END, FIN_END -> {
                mark = b.world.trace().size();
                b.world.peer().write(b.fd, StatePlay.data(n));
                b.settle();
                if (c.kind() == Kind.FIN_END) {
                    b.world.peer().close(b.fd);
                    b.settle();
                }
                Segment lastSeg = null;
                for (Segment x : b.sentSince(mark)) {
                    if (c.kind() == Kind.DATA_END ? x.payloadLength() > 0 : x.has(Flags.FIN)) lastSeg = x;
                }
                return lastSeg == null ? null : new Played(isn, s, Seq.unsigned(lastSeg.end()), ladder(b));
            }
            case KEEPALIVE_SEQ -> {
                b.world.peer().setsockopt(b.fd, SockOpt.SO_KEEPALIVE, 1);
                mark = b.world.trace().size();
                long deadline = b.world.now() + (b.settings.get(tcptutor.tcp.Knob.tcp_keepalive_time) + 10) * 1_000_000L;
                int from = mark;
                b.world.runUntil(() -> !b.sentSince(from).isEmpty(), deadline);
                List<Segment> probes = b.sentSince(mark);
                return probes.isEmpty() ? null : new Played(isn, s, Seq.unsigned(probes.get(0).seq()), ladder(b));
            }
            default -> { return null; }
        }
    }

    static String bytes(int n) { return n == 1 ? "1 byte" : n + " bytes"; }

    /** Bytes carried by the SYN sent to a closed port: small sizes only (a SYN with data is rare but legal). */
    static int synData(int n) { return n < 500 ? n : 0; }


    /** The last segment sent since {@code mark}: its ack, or its seq. */
    private static Played last(Bench b, int mark, int isn, int s, boolean seq) {
        List<Segment> sent = b.sentSince(mark);
        if (sent.isEmpty()) return null;
        Segment x = sent.get(sent.size() - 1);
        return new Played(isn, s, Seq.unsigned(seq ? x.seq() : x.ack()), ladder(b));
    }

    private static List<String> ladder(Bench b) { return Ladder.render(b.world.trace().events(), 8); }

    static Question question(Case c, Played p, Random rnd) {
        String isns = "Client ISN " + Seq.str(p.clientIsn()) + ", your (the server's) ISN " + Seq.str(p.serverIsn()) + ". ";
        int n = c.size();
        int ans = (int) p.answer();
        String prompt;
        long formula;
        String rule;
        int base;
        switch (c.kind()) {
            case SYNACK_ACK -> {
                prompt = "A client sends a SYN with seq " + Seq.str(p.clientIsn()) + " to your listening port. What ack does your SYN+ACK carry?";
                base = p.clientIsn();
                formula = Seq.unsigned(base + 1);
                rule = "ack = client ISN + 1: the SYN takes one sequence number (RFC 9293 3.4)";
            }
            case DATA_ACK -> {
                prompt = isns + "After the handshake the client sends " + bytes(n) + ". What ack does your ACK carry?";
                base = p.clientIsn();
                formula = Seq.unsigned(base + 1 + n);
                rule = "ack = client ISN + 1 (SYN) + " + n + " (data)";
            }
            case FIN_ACK -> {
                prompt = isns + "After the handshake the client sends " + bytes(n) + " and then a FIN. What ack does your ACK of the FIN carry?";
                base = p.clientIsn();
                formula = Seq.unsigned(base + 1 + n + 1);
                rule = "ack = client ISN + 1 (SYN) + " + n + " (data) + 1 (FIN): the FIN takes a sequence number too";
            }
            case DATA_END -> {
                prompt = isns + "After the handshake your application writes " + bytes(n) + ". What ack must the client send to acknowledge all of them?";
                base = p.serverIsn();
                formula = Seq.unsigned(base + 1 + n);
                rule = "ack = your ISN + 1 (SYN) + " + n + " (data): the number of the next byte expected";
            }
            case FIN_END -> {
                prompt = isns + "After the handshake your application writes " + bytes(n) + " and calls close(). What ack acknowledges your FIN?";
                base = p.serverIsn();
                formula = Seq.unsigned(base + 1 + n + 1);
                rule = "ack = your ISN + 1 (SYN) + " + n + " (data) + 1 (FIN)";
            }
            case CLOSED_SYN_RST -> {
                int len = synData(n);
                prompt = "A SYN with seq " + Seq.str(p.clientIsn()) + (len > 0 ? " carrying " + bytes(len) + " of data" : "")
                        + " reaches a port where nothing listens. What ack does your RST+ACK carry?";
                base = p.clientIsn();
                formula = Seq.unsigned(base + 1 + len);
                rule = "a RST answering a segment without ACK acks SEG.SEQ + SEG.LEN, and SEG.LEN counts the SYN"
                        + (len > 0 ? " and the data" : "") + " (RFC 9293 3.10.7.1)";
            }
            case CLOSED_ACK_RST -> {
                prompt = "An ACK with seq " + Seq.str(p.clientIsn()) + " and ack " + Seq.str(c.strayAck())
                        + " reaches a port where nothing listens. What seq does your RST carry?";
                base = c.strayAck();
                formula = Seq.unsigned(base);
                rule = "a RST answering a segment with ACK takes seq = SEG.ACK and has no ACK bit (RFC 9293 3.10.7.1)";
            }
            default -> {
                prompt = isns + "The connection is idle after the handshake and your socket has SO_KEEPALIVE on. What seq does your first keepalive probe carry?";
                base = p.serverIsn() + 1;
                formula = Seq.unsigned(base - 1);
                rule = "a keepalive probe carries SEG.SEQ = SND.NXT - 1, a byte already acknowledged, so the other side must answer with an ACK";
            }
        }
        String answer = Seq.str(ans);
        long unwrapped = Seq.unsigned(base) + (formula - Seq.unsigned(base) + (1L << 32)) % (1L << 32);
        boolean wrapped = c.kind() != Kind.KEEPALIVE_SEQ && unwrapped >= (1L << 32);
        String why = formula == p.answer()
                ? Character.toUpperCase(rule.charAt(0)) + rule.substring(1) + " = " + answer
                        + (wrapped ? " (mod 2^32: " + unwrapped + " wraps past 4294967295)" : "") + "."
                : "The stack sent " + answer + ".";
        List<String> wrong = new ArrayList<>();
        if (wrapped) wrong.add(Long.toString(unwrapped));
        wrong.add(Seq.str(ans - 1));
        wrong.add(Seq.str(base));
        wrong.add(Seq.str(ans + 1));
        int data = switch (c.kind()) {
            case SYNACK_ACK, CLOSED_ACK_RST, KEEPALIVE_SEQ -> 0;
            case CLOSED_SYN_RST -> synData(n);
            default -> n;
        };
        if (data > 0) wrong.add(Seq.str(base + data));
        Key key;
        List<String> choices;
        if (rnd.nextBoolean()) {
            choices = List.of();
            key = Key.Number.exact(p.answer());
        } else {
            List<String> d = new ArrayList<>();
            for (String w : wrong) if (!w.equals(answer) && !d.contains(w)) d.add(w);
            choices = Choices.shuffle(answer, d.subList(0, Math.min(3, d.size())), rnd);
            key = new Key.Choice(choices.indexOf(answer));
        }
        return new Question("seq/" + c.key(), Topic.SEQ, prompt, choices, key, why, p.ladder(), c);
    }

}
