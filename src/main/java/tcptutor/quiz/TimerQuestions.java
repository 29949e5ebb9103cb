package tcptutor.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import tcptutor.sim.Call;
import tcptutor.sim.Side;
import tcptutor.sim.SockOpt;
import tcptutor.sim.TraceEvent;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Profile;
import tcptutor.tcp.State;
import tcptutor.wire.Flags;

/**
 * Timer questions, per profile, measured by running the engine in virtual time: when the k-th SYN or SYN-ACK
 * retransmission goes out, when connect() gives up, how long TIME-WAIT and an orphaned FIN-WAIT-2 last,
 * when keepalive probes and gives up. Each measurement is one run per profile, cached.
 */
final class TimerQuestions implements QuestionSource {
    enum Kind { SYN_RETX, CONNECT_TIMEOUT, SYN_RETRIES, SYNACK_RETX, SYNACK_GIVEUP, TIME_WAIT, FIN_WAIT_2, KEEPALIVE_FIRST, KEEPALIVE_GIVEUP, KEEPALIVE_PROBES }

    /** A scenario: what is measured, under which profile; {@code k} picks the k-th retransmission (1-based). */
    record Case(Profile profile, Kind kind, int k) implements Scenario {
        public String key() { return kind.name().toLowerCase().replace('_', '-') + (k > 0 ? "/" + k : "") + "/" + profile.id(); }
    }

    /** A run's measurements: event times in seconds (relative to the run's start event), or a count. */
    record Measured(List<Double> times, double end, List<String> ladder) {}

    private static final Map<String, Optional<Measured>> RUNS = new ConcurrentHashMap<>();

    private final Profile profile;

    TimerQuestions(Profile profile) { this.profile = profile; }

    @Override public Topic topic() { return Topic.TIMERS; }

    @Override public Question next(Random rnd) {
        Kind kind = Kind.values()[rnd.nextInt(Kind.values().length)];
        int k = 0;
        if (kind == Kind.SYN_RETX || kind == Kind.SYNACK_RETX) {
            Measured m = measured(profile, kind);
            if (m == null || m.times().isEmpty()) return null;
            k = 1 + rnd.nextInt(m.times().size());
        }
        Case c = new Case(profile, kind, k);
        if (answer(c) == null) return null;
        return question(c, rnd);
    }

    /** The run behind a kind: SYN runs serve SYN_RETX, CONNECT_TIMEOUT and SYN_RETRIES alike. */
    static Measured measured(Profile p, Kind kind) {
        String run = switch (kind) {
            case SYN_RETX, CONNECT_TIMEOUT, SYN_RETRIES -> "syn";
            case SYNACK_RETX, SYNACK_GIVEUP -> "synack";
            case KEEPALIVE_FIRST, KEEPALIVE_GIVEUP, KEEPALIVE_PROBES -> "keepalive";
            default -> kind.name();
        };
        return RUNS.computeIfAbsent(p.id() + "|" + run, key -> Optional.ofNullable(play(p, run))).orElse(null);
    }

    private static final long HOURS_3 = 3 * 3600 * 1_000_000L;

    /** Runs one measurement on a fresh world; null if the engine never gets there within three virtual hours. */
    static Measured play(Profile p, String run) {
        Bench b = new Bench(p, 77);
        switch (run) {
            case "syn" -> {
                Call call = b.connect();
                b.world.runUntil(call::done, b.world.now() + HOURS_3);
                List<Long> syns = sent(b, Flags.SYN, false);
                if (!call.done() || syns.isEmpty()) return null;
                return measure(b, syns, callEnd(b, syns.get(0)));
            }
            case "synack" -> {
                b.listen();
                b.injectSyn(StatePlay.OTHER_ISN[0]);
                b.world.runUntil(() -> b.info() == null, b.world.now() + HOURS_3);
                List<Long> synacks = sent(b, Flags.SYN | Flags.ACK, true);
                if (b.info() != null || synacks.isEmpty()) return null;
                return measure(b, synacks, b.world.now());
            }
            case "TIME_WAIT", "FIN_WAIT_2" -> {
                State target = run.equals("TIME_WAIT") ? State.TIME_WAIT : State.FIN_WAIT_2;
                Bench d = StatePlay.drive(p, 0, run.equals("TIME_WAIT") ? StatePlay.Setup.TIME_WAIT : StatePlay.Setup.FIN_WAIT_2);
                if (d == null) return null;
                long entered = entered(d, target);
                d.world.runUntil(() -> d.state() != target, d.world.now() + HOURS_3);
                if (d.state() == target) return null;
                return new Measured(List.of(), (left(d, target) - entered) / 1e6, Ladder.render(d.world.trace().events(), 8));
            }
            default -> {
                Bench d = StatePlay.drive(p, 0, StatePlay.Setup.ESTABLISHED);
                if (d == null || d.fd < 0) return null;
                long idle = d.world.now();
                d.world.peer().setsockopt(d.fd, SockOpt.SO_KEEPALIVE, 1);
                d.world.runUntil(() -> d.info() == null || d.state() == State.CLOSED, d.world.now() + HOURS_3);
                List<Long> probes = new ArrayList<>();
                long rst = -1;
                for (TraceEvent e : d.world.trace().events()) {
                    if (e instanceof TraceEvent.Sent s && s.from() == Side.PEER && s.at() > idle) {
                        if (s.segment().has(Flags.RST)) { if (rst < 0) rst = s.at(); }
                        else if (s.segment().len() == 0) probes.add(s.at());
                    }
                }
                if (probes.isEmpty() || rst < 0) return null;
                List<Double> t = new ArrayList<>();
                for (long x : probes) t.add((x - idle) / 1e6);
                return new Measured(t, (rst - idle) / 1e6, Ladder.render(d.world.trace().events(), 8));
            }
        }
    }

    /** Times relative to the first, dropping the first (so times.get(k-1) is the k-th retransmission). */
    private static Measured measure(Bench b, List<Long> at, long end) {
        List<Double> t = new ArrayList<>();
        for (int i = 1; i < at.size(); i++) t.add((at.get(i) - at.get(0)) / 1e6);
        return new Measured(t, (end - at.get(0)) / 1e6, Ladder.render(b.world.trace().events(), 8));
    }

    private static List<Long> sent(Bench b, int flags, boolean exact) {
        List<Long> out = new ArrayList<>();
        for (TraceEvent e : b.world.trace().events()) {
            if (e instanceof TraceEvent.Sent s && s.from() == Side.PEER) {
                int f = s.segment().flags() & (Flags.SYN | Flags.ACK | Flags.RST | Flags.FIN);
                if (exact ? f == flags : f == Flags.SYN) out.add(s.at());
            }
        }
        return out;
    }

    /** When connect() returned (its Call event with a result), else now. */
    private static long callEnd(Bench b, long after) {
        long end = b.world.now();
        for (TraceEvent e : b.world.trace().events()) {
            if (e instanceof TraceEvent.Call c && c.who() == Side.PEER && c.call().startsWith("connect") && !c.result().equals("...") && c.at() >= after) {
                end = c.at();
            }
        }
        return end;
    }

    private static long entered(Bench b, State s) {
        long at = -1;
        for (TraceEvent e : b.world.trace().events()) if (e instanceof TraceEvent.StateChanged c && c.who() == Side.PEER && c.to() == s) at = c.at();
        return at;
    }

    private static long left(Bench b, State s) {
        long at = b.world.now();
        for (TraceEvent e : b.world.trace().events()) if (e instanceof TraceEvent.StateChanged c && c.who() == Side.PEER && c.from() == s) at = c.at();
        return at;
    }

    /** The measured answer: seconds, or a count for SYN_RETRIES / KEEPALIVE_PROBES; null if not measurable. */
    static Double answer(Case c) {
        Measured m = measured(c.profile(), c.kind());
        if (m == null) return null;
        return switch (c.kind()) {
            case SYN_RETX, SYNACK_RETX -> c.k() >= 1 && c.k() <= m.times().size() ? m.times().get(c.k() - 1) : null;
            case SYN_RETRIES, KEEPALIVE_PROBES -> (double) m.times().size();
            case KEEPALIVE_FIRST -> m.times().get(0);
            default -> m.end();
        };
    }

    static boolean isCount(Kind k) { return k == Kind.SYN_RETRIES || k == Kind.KEEPALIVE_PROBES; }

    static Question question(Case c, Random rnd) {
        double ans = answer(c);
        Profile other = c.profile() == Profile.LINUX ? Profile.RFC9293 : Profile.LINUX;
        Double otherAns = answer(new Case(other, c.kind(), c.k()));
        String who = "Your stack runs the " + c.profile().id() + " profile (" + (c.profile() == Profile.LINUX ? "Linux 6.x defaults" : "the RFC 9293 textbook values") + "). ";
        String prompt;
        List<Double> wrong = new ArrayList<>();
        if (otherAns != null) wrong.add(otherAns);
        switch (c.kind()) {
            case SYN_RETX -> {
                prompt = who + "You call connect() and nothing ever answers. When does the " + ordinal(c.k()) + " SYN retransmission go out, in seconds after the first SYN?";
                wrong.add(Math.pow(2, c.k()) - 1);
                wrong.add((double) c.k());
                wrong.add(Math.pow(2, c.k()));
            }
            case CONNECT_TIMEOUT -> {
                prompt = who + "You call connect() and nothing ever answers. How many seconds after the first SYN does connect() fail with ETIMEDOUT?";
                wrong.add(63.0); wrong.add(127.0); wrong.add(75.0); wrong.add(180.0);
            }
            case SYN_RETRIES -> {
                prompt = who + "You call connect() and nothing ever answers. How many times is the SYN retransmitted before connect() gives up?";
                wrong.add(ans + 1); wrong.add(ans - 1); wrong.add(3.0); wrong.add(5.0);
            }
            case SYNACK_RETX -> {
                prompt = who + "You listen; a SYN arrives and you answer SYN+ACK, but the final ACK never comes. When does the " + ordinal(c.k())
                        + " SYN+ACK retransmission go out, in seconds after the first SYN+ACK?";
                wrong.add(Math.pow(2, c.k())); wrong.add((double) c.k()); wrong.add(Math.pow(2, c.k() + 1) - 1);
            }
            case SYNACK_GIVEUP -> {
                prompt = who + "You listen; a SYN arrives and you answer SYN+ACK, but the final ACK never comes. How many seconds after the first SYN+ACK is the half-open connection dropped?";
                wrong.add(31.0); wrong.add(75.0); wrong.add(127.0); wrong.add(180.0);
            }
            case TIME_WAIT -> {
                prompt = who + "You closed first and have just acknowledged the other side's FIN. How many seconds do you stay in TIME-WAIT?";
                wrong.add(240.0); wrong.add(60.0); wrong.add(120.0); wrong.add(30.0);
            }
            case FIN_WAIT_2 -> {
                prompt = who + "Your application called close(), the other side acknowledged your FIN and then went quiet. How many seconds until your orphaned FIN-WAIT-2 connection is dropped?";
                wrong.add(240.0); wrong.add(120.0); wrong.add(7200.0); wrong.add(30.0);
            }
            case KEEPALIVE_FIRST -> {
                prompt = who + "Your application turns SO_KEEPALIVE on for an idle established connection. How many seconds later is the first keepalive probe sent?";
                wrong.add(75.0); wrong.add(3600.0); wrong.add(600.0);
            }
            case KEEPALIVE_GIVEUP -> {
                prompt = who + "Your application turns SO_KEEPALIVE on for an idle established connection, and the other side has vanished. How many seconds later do you give up and reset the connection?";
                wrong.add(7200.0 + 9 * 75); wrong.add(7200.0 + 10 * 75); wrong.add(7200.0 + 8 * 75); wrong.add(7200.0);
            }
            default -> {
                prompt = who + "Your application turns SO_KEEPALIVE on for an idle established connection, and the other side has vanished. How many keepalive probes do you send before you give up?";
                wrong.add(9.0); wrong.add(10.0); wrong.add(ans + 1); wrong.add(5.0);
            }
        }
        boolean count = isCount(c.kind());
        String answerText = count ? Answers.formatNumber(ans) : Answers.formatNumber(ans) + " s";
        Measured m = measured(c.profile(), c.kind());
        String why = explain(c, ans, otherAns, other);
        List<String> choices;
        Key key;
        if (rnd.nextBoolean()) {
            choices = List.of();
            key = count ? Key.Number.exact(Math.round(ans)) : Key.Number.seconds(ans);
        } else {
            List<String> d = new ArrayList<>();
            for (double w : wrong) {
                if (w < 0 || Math.abs(w - ans) < 0.0015) continue;
                String t = count ? Answers.formatNumber(w) : Answers.formatNumber(w) + " s";
                if (!d.contains(t)) d.add(t);
            }
            choices = Choices.shuffle(answerText, d.subList(0, Math.min(3, d.size())), rnd);
            key = new Key.Choice(choices.indexOf(answerText));
        }
        return new Question("timers/" + c.key(), Topic.TIMERS, prompt, choices, key, why, m.ladder(), c);
    }

    private static String explain(Case c, double ans, Double otherAns, Profile other) {
        tcptutor.tcp.Settings s = tcptutor.tcp.Settings.of(c.profile());
        String knobs = switch (c.kind()) {
            case SYN_RETX, CONNECT_TIMEOUT, SYN_RETRIES -> "Settings: tcp_syn_retries=" + s.get(Knob.tcp_syn_retries) + ", tcp_syn_linear_timeouts="
                    + s.get(Knob.tcp_syn_linear_timeouts) + " (retries 1 s apart before the gaps double; each adds to the count on Linux >= 6.5), initial RTO "
                    + s.get(Knob.tcp_rto_initial) + " ms.";
            case SYNACK_RETX, SYNACK_GIVEUP -> "Settings: tcp_synack_retries=" + s.get(Knob.tcp_synack_retries) + ", the timeout doubling from 1 s.";
            case TIME_WAIT -> "TIME-WAIT lasts " + s.get(Knob.tcp_timewait_len) + " s under this profile: Linux hard-codes 60 s (TCP_TIMEWAIT_LEN); the RFC's 2*MSL, with MSL 2 min, is 240 s.";
            case FIN_WAIT_2 -> "Settings: tcp_fin_timeout=" + s.get(Knob.tcp_fin_timeout) + " s; it applies only to orphaned sockets (after close(), not shutdown()).";
            default -> "Settings: tcp_keepalive_time=" + s.get(Knob.tcp_keepalive_time) + " s, tcp_keepalive_intvl=" + s.get(Knob.tcp_keepalive_intvl)
                    + " s, tcp_keepalive_probes=" + s.get(Knob.tcp_keepalive_probes) + ".";
        };
        String measured = isCount(c.kind()) ? Answers.formatNumber(ans) : Answers.formatNumber(ans) + " s";
        Measured m = measured(c.profile(), c.kind());
        String schedule = switch (c.kind()) {
            case SYN_RETX, CONNECT_TIMEOUT, SYN_RETRIES -> " The SYN is resent at " + list(m.times()) + " s after the first; connect() fails at " + Answers.formatNumber(m.end()) + " s.";
            case SYNACK_RETX, SYNACK_GIVEUP -> " The SYN+ACK is resent at " + list(m.times()) + " s after the first; the request is dropped at " + Answers.formatNumber(m.end()) + " s.";
            case KEEPALIVE_FIRST, KEEPALIVE_GIVEUP, KEEPALIVE_PROBES -> " Probes go out at " + list(m.times()) + " s; the RST at " + Answers.formatNumber(m.end()) + " s.";
            default -> "";
        };
        String cmp = otherAns == null || Math.abs(otherAns - ans) < 0.0015 ? ""
                : " Under the " + other.id() + " profile it is " + Answers.formatNumber(otherAns) + (isCount(c.kind()) ? "" : " s") + ".";
        return "Measured on the stack: " + measured + ". " + knobs + schedule + cmp;
    }

    private static String list(List<Double> xs) {
        List<String> out = new ArrayList<>();
        for (double x : xs) out.add(Answers.formatNumber(x));
        return String.join(", ", out);
    }

    private static String ordinal(int k) {
        return switch (k) {
            case 1 -> "first"; case 2 -> "second"; case 3 -> "third"; case 4 -> "fourth"; case 5 -> "fifth";
            case 6 -> "sixth"; case 7 -> "seventh"; case 8 -> "eighth"; case 9 -> "ninth"; case 10 -> "tenth";
            default -> k + "th";
        };
    }

}
