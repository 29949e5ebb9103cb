package tcptutor.lesson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.tcp.Knob;
import tcptutor.tcp.State;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpOption;

/**
 * Evaluates predicates on a world's trace: what happened during a step ({@code scope}) or during the
 * learner's last command. ISNs for {@code you.isn}/{@code peer.isn} are the sequence numbers of each side's
 * latest SYN before the segment in question, so expects work with fixed and with seeded ISNs.
 */
final class Check {
    /** What a check may look at: the whole trace, the step's start, the sides' current states, the clock. */
    interface World {
        List<TraceEvent> events();

        State state(Side side);

        long now();

        long mslMicros();

        boolean relativeNumbers();
    }

    private final World w;
    private final long stepTime;

    /** {@code stepTime}: virtual time when the step began (for {@code time:}). */
    Check(World w, long stepTime) {
        this.w = w;
        this.stepTime = stepTime;
    }

    /** All predicates hold for the events from {@code from} on. */
    boolean all(List<Predicate> ps, int from) {
        for (Predicate p : ps) if (!holds(p, from)) return false;
        return true;
    }

    boolean holds(Predicate p, int from) {
        List<TraceEvent> ev = w.events();
        if (p instanceof Predicate.Sent s) {
            int n = 0;
            for (int i = from; i < ev.size(); i++) {
                if (ev.get(i) instanceof TraceEvent.Sent e && e.from() == s.by() && matches(s, e.segment(), i)) n++;
            }
            return s.count() == 0 ? n == 0 : n >= s.count() && n <= s.max();
        }
        if (p instanceof Predicate.Reached r) {
            for (int i = from; i < ev.size(); i++) {
                if (ev.get(i) instanceof TraceEvent.StateChanged c && c.who() == r.side() && c.to() == r.state()) return true;
            }
            return w.state(r.side()) == r.state();
        }
        if (p instanceof Predicate.Elapsed e) {
            long need = e.msl() > 0 ? Math.round(e.msl() * w.mslMicros()) : e.micros();
            return w.now() - stepTime >= need;
        }
        if (p instanceof Predicate.Called c) {
            for (int i = from; i < ev.size(); i++) {
                if (ev.get(i) instanceof TraceEvent.Call e && e.who() == c.by() && e.call().startsWith(c.call() + "(")
                        && !e.result().equals("...") && resultMatches(e.result(), c.result())) return true;
            }
            return false;
        }
        if (p instanceof Predicate.Lost l) {
            for (int i = from; i < ev.size(); i++) {
                if (ev.get(i) instanceof TraceEvent.Lost e && senderOf(e.id()) == l.by()) return true;
            }
            return false;
        }
        return false; // Answered is checked by the engine against the answer given
    }

    private static boolean resultMatches(String actual, String want) {
        if (want.isEmpty()) return true;
        if (actual.equals(want)) return true;
        for (String t : actual.split("[^A-Za-z0-9-]+")) if (t.equals(want)) return true;
        return !want.matches("[A-Za-z0-9-]+") && actual.contains(want);
    }

    private Side senderOf(int id) {
        for (TraceEvent e : w.events()) if (e instanceof TraceEvent.Sent s && s.id() == id) return s.from();
        return null;
    }

    /** The segment at trace index {@code at} satisfies {@code p} (ignoring who sent it and the count). */
    boolean matches(Predicate.Sent p, Segment s, int at) {
        return mismatches(p, s, at).isEmpty();
    }

    /** What differs between the predicate and the segment, one "field=expected/actual" entry each. */
    List<Diff> mismatches(Predicate.Sent p, Segment s, int at) {
        List<Diff> out = new ArrayList<>();
        int flags = s.flags();
        if (p.flags() != null && (flags & ~(Flags.ECE | Flags.CWR)) != p.flags()) out.add(new Diff("flags", Flags.words(p.flags()), Flags.words(flags)));
        if ((flags & p.has()) != p.has()) out.add(new Diff("flags", "with " + Flags.words(p.has()), Flags.words(flags)));
        if ((flags & p.lacks()) != 0) out.add(new Diff("flags", "without " + Flags.words(p.lacks()), Flags.words(flags)));
        Integer youIsn = isnBefore(Side.YOU, at), peerIsn = isnBefore(Side.PEER, at);
        for (Map.Entry<Predicate.Field, NumExpr> f : p.fields().entrySet()) {
            Long want = f.getValue().eval(youIsn, peerIsn);
            long got = switch (f.getKey()) {
                case SEQ -> Seq.unsigned(s.seq());
                case ACK -> Seq.unsigned(s.ack());
                case WIN -> s.window();
                case LEN -> s.payloadLength();
                case URG -> s.urgentPointer();
            };
            if (want == null || want != got) out.add(new Diff(f.getKey().name().toLowerCase(java.util.Locale.ROOT), want == null ? "?" : Long.toString(want), Long.toString(got)));
        }
        if (p.noOptions() && !s.options().isEmpty()) out.add(new Diff("options", "none", s.options().toString()));
        for (Map.Entry<String, String> o : p.options().entrySet()) {
            if (!hasOption(s, o.getKey(), o.getValue())) out.add(new Diff(o.getKey(), o.getValue().isEmpty() ? "present" : o.getValue(), "missing or different"));
        }
        if (p.data() != null && !new String(s.payload(), StandardCharsets.UTF_8).equals(p.data())) {
            out.add(new Diff("data", "\"" + p.data() + "\"", "\"" + new String(s.payload(), StandardCharsets.UTF_8) + "\""));
        }
        return out;
    }

    record Diff(String field, String want, String got) {}

    private static boolean hasOption(Segment s, String name, String value) {
        for (TcpOption o : s.options()) {
            switch (name) {
                case "mss": if (o instanceof TcpOption.Mss m && Integer.toString(m.mss()).equals(value)) return true; break;
                case "wscale": if (o instanceof TcpOption.WindowScale ws && Integer.toString(ws.shift()).equals(value)) return true; break;
                case "sackok": if (o instanceof TcpOption.SackPermitted) return true; break;
                case "ts": if (o instanceof TcpOption.Timestamps) return true; break;
                case "sack": if (o instanceof TcpOption.Sack) return true; break;
                default: break;
            }
        }
        return false;
    }

    /** The seq of {@code side}'s latest SYN before trace index {@code at}; the segment's own if it is that side's first SYN. */
    Integer isnBefore(Side side, int at) {
        List<TraceEvent> ev = w.events();
        for (int i = Math.min(at, ev.size()) - 1; i >= 0; i--) {
            if (ev.get(i) instanceof TraceEvent.Sent e && e.from() == side && e.segment().has(Flags.SYN)) return e.segment().seq();
        }
        if (at < ev.size() && ev.get(at) instanceof TraceEvent.Sent e && e.from() == side && e.segment().has(Flags.SYN)) return e.segment().seq();
        return null;
    }

    /** The seq of {@code side}'s latest SYN in the whole trace, or null. */
    Integer isn(Side side) { return isnBefore(side, w.events().size()); }

    // ---- placeholders -------------------------------------------------------------------------

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(you|peer)\\.(isn|ack|port)\\s*(?:([+-])\\s*(\\d+))?}");

    /**
     * Replaces {peer.isn}, {you.isn+1} (the side's latest SYN), {peer.ack} (the ack of the side's latest segment
     * with ACK: what it expects next) and {peer.port} (its latest source port) with values from the trace;
     * unknown ones stay as written.
     */
    String fill(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Side side = m.group(1).equals("you") ? Side.YOU : Side.PEER;
            Long v = null;
            long off = m.group(4) == null ? 0 : Long.parseLong(m.group(4)) * (m.group(3).equals("-") ? -1 : 1);
            Integer base = m.group(2).equals("isn") ? isn(side) : m.group(2).equals("ack") ? lastAck(side) : null;
            if (base != null) v = Seq.unsigned(base + (int) off);
            else if (m.group(2).equals("port")) v = port(side);
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? m.group() : Long.toString(v)));
        }
        m.appendTail(b);
        return b.toString();
    }

    static boolean hasPlaceholder(String text) { return PLACEHOLDER.matcher(text).find(); }

    private Integer lastAck(Side side) {
        List<TraceEvent> ev = w.events();
        for (int i = ev.size() - 1; i >= 0; i--) {
            if (ev.get(i) instanceof TraceEvent.Sent e && e.from() == side && e.segment().has(Flags.ACK)) return e.segment().ack();
        }
        return null;
    }

    private Long port(Side side) {
        List<TraceEvent> ev = w.events();
        for (int i = ev.size() - 1; i >= 0; i--) {
            if (ev.get(i) instanceof TraceEvent.Sent e && e.from() == side) return (long) e.segment().srcPort();
        }
        return null;
    }

    // ---- diffs for the learner ----------------------------------------------------------------

    /**
     * A precise account of why the learner's segment (trace index {@code at}) does not meet the closest
     * expected segment, e.g. "expected ACK with ack=8001, you sent ack=8000: the SYN consumes one sequence number".
     */
    String explain(Predicate.Sent p, Segment s, int at) {
        List<Diff> d = mismatches(p, s, at);
        if (d.isEmpty()) return "";
        Integer youIsn = isnBefore(Side.YOU, at), peerIsn = isnBefore(Side.PEER, at);
        StringBuilder want = new StringBuilder("expected ").append(p.flags() == null ? "a segment" : Flags.words(p.flags()));
        StringBuilder got = new StringBuilder("you sent ");
        String why = "";
        boolean first = true;
        for (Diff x : d) {
            if (x.field().equals("flags")) {
                got.append(first ? "" : ", ").append(Flags.words(s.flags()));
                first = false;
                if (p.flags() != null && Flags.has(s.flags(), Flags.ACK) && !Flags.has(p.flags(), Flags.ACK) && Flags.has(p.flags(), Flags.SYN)) {
                    why = "a first SYN has nothing to acknowledge yet";
                } else if (p.flags() != null && !Flags.has(s.flags(), Flags.ACK) && Flags.has(p.flags(), Flags.ACK)) {
                    why = "after the first SYN every segment carries the ACK flag";
                }
                continue;
            }
            want.append(want.indexOf(" with ") < 0 ? " with " : ", ").append(x.field()).append('=').append(shown(x.field(), x.want(), youIsn, peerIsn));
            got.append(first ? "" : ", ").append(x.field()).append('=').append(shown(x.field(), x.got(), youIsn, peerIsn));
            first = false;
            if (why.isEmpty()) why = reason(x, s, at);
        }
        return want + ", " + got + (why.isEmpty() ? "" : ": " + why);
    }

    /** A field value as the learner sees numbers: relative to the right ISN when the session shows relative numbers. */
    private String shown(String field, String value, Integer youIsn, Integer peerIsn) {
        if (!w.relativeNumbers() || !value.matches("\\d+")) return value;
        Integer base = field.equals("seq") ? youIsn : field.equals("ack") ? peerIsn : null;
        if (base == null) return value;
        return Long.toString(Seq.unsigned((int) Long.parseLong(value) - base));
    }

    /** Why an off-by-one usually happens: a SYN or FIN consumed a number, or a pure ACK did not. */
    private String reason(Diff x, Segment mine, int at) {
        if (!x.want().matches("\\d+") || !x.got().matches("\\d+")) return "";
        long delta = Long.parseLong(x.want()) - Long.parseLong(x.got());
        if (x.field().equals("ack") && delta == 1) {
            Segment theirs = lastSent(Side.PEER, at);
            if (theirs != null && theirs.has(Flags.SYN)) return "the SYN consumes one sequence number";
            if (theirs != null && theirs.has(Flags.FIN)) return "the FIN consumes one sequence number";
        }
        if (x.field().equals("seq") && delta == 1) {
            Segment prev = lastSent(Side.YOU, at);
            if (prev != null && prev.has(Flags.SYN)) return "your SYN used sequence number " + Seq.str(prev.seq()) + ", so the next one is one higher";
            if (prev != null && prev.has(Flags.FIN)) return "your FIN consumed one sequence number";
        }
        if (x.field().equals("seq") && delta == -1) {
            Segment prev = lastSent(Side.YOU, at);
            if (prev != null && prev.len() == 0) return "a pure ACK consumes no sequence number";
            if (prev != null && prev.has(Flags.SYN)) return "your SYN consumed just one sequence number";
        }
        if (x.field().equals("ack") && delta > 1) return "the ack is the next sequence number you expect: everything that arrived, plus one";
        if (x.field().equals("ack") && delta < 0) return "you cannot acknowledge what has not arrived yet";
        return "";
    }

    private Segment lastSent(Side side, int before) {
        List<TraceEvent> ev = w.events();
        for (int i = Math.min(before, ev.size()) - 1; i >= 0; i--) {
            if (ev.get(i) instanceof TraceEvent.Sent e && e.from() == side) return e.segment();
        }
        return null;
    }

    /** The default MSL-based clock for {@link World#mslMicros()}. */
    static long msl(tcptutor.tcp.Settings s) { return s.get(Knob.tcp_msl) * 1_000_000L; }
}
