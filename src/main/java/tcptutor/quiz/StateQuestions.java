package tcptutor.quiz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import tcptutor.quiz.StatePlay.Event;
import tcptutor.quiz.StatePlay.Outcome;
import tcptutor.quiz.StatePlay.Setup;
import tcptutor.sim.Reason;
import tcptutor.tcp.Profile;
import tcptutor.tcp.State;
import tcptutor.tcp.TcbSnapshot;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.Seq;

/**
 * State questions: "You are in FIN-WAIT-1 and a FIN+ACK arrives that acknowledges your FIN. Next state?" and
 * "What do you send back?", drawn from every (state, event) pair the engine reaches, weighted toward the
 * pairs people get wrong. Outcomes are played once per (profile, variant, setup, event) and cached.
 */
final class StateQuestions implements QuestionSource {
    enum Ask { NEXT_STATE, REPLY }

    /** The scenario of a state question: enough to replay it. */
    record Case(Profile profile, int variant, Setup setup, Event event, Ask ask) implements Scenario {
        /** The world's seed: fixes your ISN. */
        public long worldSeed() { return StatePlay.worldSeed(variant); }

        /** Your ISN (the stack's). */
        public int yourIsn() { return StatePlay.YOUR_ISN[variant]; }

        /** The other side's ISN. */
        public int otherIsn() { return StatePlay.OTHER_ISN[variant]; }

        public String key() {
            return setup.slug() + "/" + event.slug() + "/" + (ask == Ask.NEXT_STATE ? "next-state" : "reply") + "/" + profile.id() + "/v" + variant;
        }
    }

    private static final Map<String, Optional<Outcome>> OUTCOMES = new ConcurrentHashMap<>();
    private static final Map<Profile, List<Pair>> PAIRS = new ConcurrentHashMap<>();

    record Pair(Setup setup, Event event, int weight) {}

    private final Profile profile;

    StateQuestions(Profile profile) { this.profile = profile; }

    static Outcome outcome(Profile p, int variant, Setup s, Event e) {
        return OUTCOMES.computeIfAbsent(p.id() + "|" + variant + "|" + s + "|" + e,
                k -> Optional.ofNullable(StatePlay.play(p, variant, s, e))).orElse(null);
    }

    /** Every (setup, event) pair the engine reaches under this profile, in a fixed order, with its weight. */
    static List<Pair> pairs(Profile p) {
        return PAIRS.computeIfAbsent(p, k -> {
            List<Pair> out = new ArrayList<>();
            for (Setup s : Setup.values()) {
                for (Event e : Event.values()) {
                    if (outcome(k, 0, s, e) != null) out.add(new Pair(s, e, weight(s, e)));
                }
            }
            return List.copyOf(out);
        });
    }

    /** Pairs people get wrong weigh more. */
    static int weight(Setup s, Event e) {
        if (s == Setup.FIN_WAIT_1 && e == Event.FIN_ACK) return 8;
        if (s == Setup.FIN_WAIT_1 && e == Event.FIN_ACK_OLD) return 5;
        if (s == Setup.ESTABLISHED && (e == Event.SYN || e == Event.RST_IN_WINDOW)) return 6;
        if (e == Event.RST_IN_WINDOW || e == Event.RST_OUT_OF_WINDOW) return 3;
        if (s == Setup.CLOSED_PORT && (e == Event.SYN || e == Event.ACK || e == Event.FIN)) return 4;
        if (s == Setup.LISTEN && (e == Event.ACK || e == Event.SYN_ACK)) return 4;
        if (s == Setup.SYN_SENT && (e == Event.SYN_ACK_BAD || e == Event.SYN || e == Event.RST_EXACT)) return 4;
        if (s == Setup.SYN_RECEIVED && (e == Event.SYN || e == Event.ACK_UNSENT)) return 4;
        if (s == Setup.TIME_WAIT && (e == Event.FIN_ACK || e == Event.RST_EXACT || e == Event.SYN)) return 4;
        if ((s == Setup.FIN_WAIT_2 || s == Setup.HALF_CLOSED) && e == Event.DATA) return 4;
        if (e == Event.ACK_UNSENT || e == Event.SYN) return 2;
        if ((s == Setup.CLOSING || s == Setup.LAST_ACK) && e == Event.ACK) return 3;
        if (s == Setup.CLOSE_WAIT && e == Event.CLOSE) return 3;
        if (s == Setup.UNREAD && e == Event.CLOSE) return 6;
        if (e == Event.ABORT) return 3;
        if (s == Setup.ESTABLISHED && e == Event.RST_EXACT) return 3;
        return 1;
    }

    @Override public Topic topic() { return Topic.STATES; }

    @Override public Question next(Random rnd) {
        List<Pair> pairs = pairs(profile);
        if (pairs.isEmpty()) throw new IllegalStateException("the engine reaches no (state, event) pair");
        int total = 0;
        for (Pair p : pairs) total += p.weight();
        int pick = rnd.nextInt(total);
        Pair pair = pairs.get(0);
        for (Pair p : pairs) {
            if (pick < p.weight()) { pair = p; break; }
            pick -= p.weight();
        }
        int variant = rnd.nextInt(StatePlay.variants());
        if (outcome(profile, variant, pair.setup(), pair.event()) == null) variant = 0;
        Ask ask = rnd.nextInt(5) < 3 ? Ask.NEXT_STATE : Ask.REPLY;
        return question(new Case(profile, variant, pair.setup(), pair.event(), ask), rnd);
    }

    static Question question(Case sc, Random rnd) {
        Outcome o = outcome(sc.profile(), sc.variant(), sc.setup(), sc.event());
        String prompt = situation(o) + " " + (sc.ask() == Ask.NEXT_STATE ? "Which state are you in next?"
                : o.event().isCall() || o.event() == Event.TIMEOUT ? "What do you send?" : "What do you send back?");
        String answerText;
        List<String> choices;
        Key key;
        if (sc.ask() == Ask.NEXT_STATE) {
            answerText = o.after().rfcName();
            if (rnd.nextBoolean()) {
                choices = List.of();
                key = new Key.StateName(o.after());
            } else {
                List<String> wrong = new ArrayList<>();
                for (State s : confusions(o)) wrong.add(s.rfcName());
                choices = Choices.shuffle(answerText, wrong, rnd);
                key = new Key.Choice(choices.indexOf(answerText));
            }
        } else {
            answerText = describe(o.replies());
            choices = Choices.shuffle(answerText, replyDistractors(o, answerText, rnd), rnd);
            key = new Key.Choice(choices.indexOf(answerText));
        }
        String explanation = explain(o);
        return new Question("states/" + sc.key(), Topic.STATES, prompt, choices, key, explanation, o.ladder(), sc);
    }

    /** The setup and the event in words, with the numbers the learner needs. */
    static String situation(Outcome o) {
        TcbSnapshot t = o.before();
        String text = o.setup().text;
        if (t != null) {
            text = text.replace("%ISS", Seq.str(t.iss())).replace("%IRS", Seq.str(t.irs()))
                    .replace("%RCV", Seq.str(t.rcvNxt())).replace("%FIN", Seq.str(t.sndNxt() - 1));
        }
        StringBuilder b = new StringBuilder("You are a TCP endpoint (" + o.profile().id() + "). ").append(text);
        if (t != null && o.setup().state.synchronized_()) {
            b.append(" Your SND.NXT is ").append(Seq.str(t.sndNxt())).append(", SND.UNA ").append(Seq.str(t.sndUna()))
                    .append(", RCV.NXT ").append(Seq.str(t.rcvNxt())).append('.');
        }
        if (o.event() == Event.TIMEOUT) {
            b.append(" Nothing arrives, and your ").append(o.timer()).append(" timer fires.");
        } else if (o.event().isCall()) {
            b.append(" Your application calls ").append(o.event().text).append('.');
        } else {
            boolean again = o.setup().theirFin() && o.injected().has(Flags.FIN);
            b.append(" The other side sends ").append(again ? o.event().text.replaceFirst("^an? ", "its ") + " again (a retransmission)" : o.event().text)
                    .append(": ").append(Ladder.segment(o.injected())).append('.');
        }
        return b.toString();
    }

    /** "nothing", or each segment sent as "ACK seq 5002 ack 1002", joined with " then ". */
    static String describe(List<Segment> segs) {
        if (segs.isEmpty()) return "nothing";
        List<String> parts = new ArrayList<>();
        for (Segment s : segs) parts.add(describe(s));
        return String.join(" then ", parts);
    }

    static String describe(Segment s) {
        StringBuilder b = new StringBuilder(Flags.words(s.flags())).append(" seq ").append(Seq.str(s.seq()));
        if (s.has(Flags.ACK)) b.append(" ack ").append(Seq.str(s.ack()));
        if (s.payloadLength() > 0) b.append(" with ").append(s.payloadLength()).append(" bytes");
        return b.toString();
    }

    private static final Map<State, List<State>> CONFUSED = new EnumMap<>(Map.ofEntries(
            Map.entry(State.TIME_WAIT, List.of(State.CLOSING, State.FIN_WAIT_2, State.CLOSED)),
            Map.entry(State.CLOSING, List.of(State.TIME_WAIT, State.FIN_WAIT_2, State.LAST_ACK)),
            Map.entry(State.ESTABLISHED, List.of(State.CLOSED, State.SYN_RECEIVED, State.CLOSE_WAIT)),
            Map.entry(State.CLOSED, List.of(State.TIME_WAIT, State.LISTEN, State.ESTABLISHED)),
            Map.entry(State.CLOSE_WAIT, List.of(State.FIN_WAIT_2, State.LAST_ACK, State.CLOSING)),
            Map.entry(State.LAST_ACK, List.of(State.CLOSING, State.TIME_WAIT, State.CLOSE_WAIT)),
            Map.entry(State.FIN_WAIT_2, List.of(State.FIN_WAIT_1, State.TIME_WAIT, State.CLOSE_WAIT)),
            Map.entry(State.FIN_WAIT_1, List.of(State.FIN_WAIT_2, State.CLOSE_WAIT, State.CLOSING)),
            Map.entry(State.SYN_RECEIVED, List.of(State.ESTABLISHED, State.SYN_SENT, State.LISTEN)),
            Map.entry(State.SYN_SENT, List.of(State.SYN_RECEIVED, State.ESTABLISHED, State.CLOSED)),
            Map.entry(State.LISTEN, List.of(State.SYN_RECEIVED, State.CLOSED, State.ESTABLISHED))));

    /** Three wrong states a sloppy answer would give: the unchanged state or CLOSED first, then the usual mix-ups. */
    static List<State> confusions(Outcome o) {
        List<State> out = new ArrayList<>();
        State before = o.setup().state;
        if (before != o.after()) out.add(before);
        if (o.after() != State.CLOSED && !out.contains(State.CLOSED)) out.add(State.CLOSED);
        for (State s : CONFUSED.get(o.after())) if (s != o.after() && !out.contains(s)) out.add(s);
        return out.subList(0, 3);
    }

    /** Wrong replies close to the right one: nothing, a reset, the ACK that forgets SYN/FIN take a number... */
    static List<String> replyDistractors(Outcome o, String answer, Random rnd) {
        TcbSnapshot t = o.before();
        Segment in = o.injected();
        List<String> near = new ArrayList<>();
        List<String> far = new ArrayList<>();
        if (!answer.equals("nothing")) near.add("nothing");
        for (Segment r : o.replies()) {
            if (r.has(Flags.ACK) && !r.has(Flags.RST)) near.add(describe(r.withSeqAck(r.seq(), r.ack() - 1)));
            if (r.has(Flags.ACK) && r.has(Flags.FIN)) far.add(describe(seg(Flags.ACK, r.seq(), r.ack())));
            if (r.has(Flags.RST) && r.has(Flags.ACK)) near.add(describe(seg(Flags.RST, r.ack(), 0)));
            if (r.has(Flags.RST) && !r.has(Flags.ACK)) near.add(describe(seg(Flags.RST | Flags.ACK, 0, r.seq())));
            if (r.has(Flags.SYN) && r.has(Flags.ACK)) near.add(describe(seg(Flags.SYN | Flags.ACK, r.seq(), r.ack() - 1)));
        }
        if (in != null) {
            if (in.has(Flags.ACK)) far.add(describe(seg(Flags.RST, in.ack(), 0)));
            far.add(describe(seg(Flags.RST | Flags.ACK, 0, in.end())));
            if (t != null && o.setup().state.synchronized_()) {
                far.add(describe(seg(Flags.ACK, t.sndNxt(), in.end())));
                far.add(describe(seg(Flags.ACK, t.sndNxt(), t.rcvNxt())));
                far.add(describe(seg(Flags.RST | Flags.ACK, t.sndNxt(), t.rcvNxt())));
                if (in.has(Flags.SYN)) far.add(describe(seg(Flags.SYN | Flags.ACK, t.sndNxt(), in.seq() + 1)));
            } else if (t != null) {
                far.add(describe(seg(Flags.ACK, t.sndNxt(), in.end())));
                if (in.has(Flags.SYN)) far.add(describe(seg(Flags.SYN | Flags.ACK, t.iss(), in.seq() + 1)));
            } else if (in.has(Flags.SYN)) {
                far.add(describe(seg(Flags.SYN | Flags.ACK, in.seq() + 1, in.seq() + 1)));
            }
        } else if (t != null) {
            near.add(0, describe(seg(Flags.FIN | Flags.ACK, t.sndNxt(), t.rcvNxt())));
            far.add(describe(seg(Flags.RST | Flags.ACK, t.sndNxt(), t.rcvNxt())));
            far.add(describe(seg(Flags.ACK, t.sndNxt(), t.rcvNxt())));
        }
        far.add(describe(seg(Flags.RST, in != null && in.has(Flags.ACK) ? in.ack() : 0, 0)));
        return Choices.pick(answer, near, far, 3, rnd);
    }

    private static Segment seg(int flags, int seq, int ack) {
        return Segment.of(Bench.PORT, Bench.OTHER_PORT, seq, ack, flags, 0, List.of(), new byte[0]);
    }

    /** What happened and the engine's reasons (with their RFC or Linux rule), plus a note for the classic traps. */
    static String explain(Outcome o) {
        StringBuilder b = new StringBuilder();
        State before = o.setup().state;
        b.append(before == o.after() ? "You stay in " + before : "You go from " + before + " to " + o.after())
                .append(" and send ").append(describe(o.replies())).append('.');
        List<String> why = new ArrayList<>();
        for (Reason r : o.reasons()) why.add(r.toString());
        if (!why.isEmpty()) b.append(" Why: ").append(String.join("; ", why)).append('.');
        String note = note(o);
        if (note != null) b.append(' ').append(note);
        return b.toString();
    }

    private static String note(Outcome o) {
        Setup s = o.setup();
        Event e = o.event();
        if (s == Setup.FIN_WAIT_1 && e == Event.FIN_ACK && o.after() == State.TIME_WAIT) {
            return "Not CLOSING: the FIN+ACK acknowledges your FIN, so both FINs are done at once; CLOSING is for a FIN that does not.";
        }
        if (s == Setup.UNREAD && resetOnClose(o)) {
            return "Not a FIN: closing with data still unread tells the other side that data was lost, so TCP resets (RFC 9293 3.6.1; RFC 2525 2.17; Linux tcp_close).";
        }
        if (e == Event.ABORT && !o.replies().isEmpty() && o.replies().get(0).has(Flags.RST)) {
            return "SO_LINGER with a zero timeout turns close() into an abort: a RST instead of a FIN, and no TIME-WAIT.";
        }
        if (s == Setup.FIN_WAIT_1 && e == Event.FIN_ACK_OLD && o.after() == State.CLOSING) {
            return "The FINs crossed (simultaneous close): you wait in CLOSING for the ACK of yours.";
        }
        if (e == Event.RST_IN_WINDOW && o.after() == before(o) && !o.replies().isEmpty()) {
            return "RFC 5961: a RST that is in the window but not exactly at RCV.NXT gets a challenge ACK, not a reset.";
        }
        if (e == Event.SYN && o.after() == before(o) && o.setup().state.synchronized_() && !o.replies().isEmpty()) {
            return "RFC 5961 4.2: a SYN on a synchronized connection gets a challenge ACK (RFC 793 used to reset).";
        }
        if (s == Setup.CLOSED_PORT && o.injected() != null && !o.injected().has(Flags.ACK) && !o.injected().has(Flags.RST)) {
            return "A RST answering a segment without ACK has seq 0 and acks SEG.SEQ + SEG.LEN (SYN and FIN count one each).";
        }
        if (o.injected() != null && o.injected().has(Flags.ACK) && o.replies().size() == 1
                && o.replies().get(0).has(Flags.RST) && !o.replies().get(0).has(Flags.ACK)) {
            return "A RST answering a segment with ACK takes its seq from SEG.ACK and has no ACK bit.";
        }
        return null;
    }

    private static State before(Outcome o) { return o.setup().state; }

    /** Close with unread data: the note only when the stack did reset. */
    static boolean resetOnClose(Outcome o) {
        return o.event() == Event.CLOSE && !o.replies().isEmpty() && o.replies().get(0).has(Flags.RST);
    }
}
