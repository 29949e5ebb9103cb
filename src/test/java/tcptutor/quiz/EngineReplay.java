package tcptutor.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tcptutor.sim.Call;
import tcptutor.sim.Conn;
import tcptutor.sim.ConnInfo;
import tcptutor.sim.Host;
import tcptutor.sim.Reason;
import tcptutor.sim.Side;
import tcptutor.sim.SockOpt;
import tcptutor.sim.Timer;
import tcptutor.sim.TraceEvent;
import tcptutor.sim.World;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Profile;
import tcptutor.tcp.Settings;
import tcptutor.tcp.State;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/**
 * Plays a question's scenario on the engine again, written apart from the generator: its own driving code,
 * sequence numbers worked out by hand from the ISNs (not read from TCB snapshots), its own reading of the
 * trace. Only the scenario's parameters are shared (profile, world seed, the other side's ISN, sizes).
 * Results are cached by scenario key so 10,000 quizzes replay quickly.
 */
final class EngineReplay {
    private EngineReplay() {}

    static final int ME = 80, OTHER = 40000;
    private static final Reason TEST = Reason.of("replayed by the test", "");

    /** A world as the scenarios define it: the stack on PEER at port 80, a raw other side, 1 ms each way. */
    static final class Rig {
        final World w;
        final Settings st;
        int lfd = -1, fd = -1;

        Rig(Profile p, long seed) {
            st = Settings.of(p);
            w = new World(st, seed);
            w.you().raw(true);
            w.link().delay(Side.YOU, 1000);
            w.link().delay(Side.PEER, 1000);
        }

        Host me() { return w.peer(); }

        /** Runs past a delayed ACK, short of any retransmission. */
        void quiet() { w.runUntil(w.now() + 2000 + st.get(Knob.tcp_delack_min) * 1000 + 5000); }

        int send(int flags, int seq, int ack, int len, boolean mss) {
            int mark = w.trace().size();
            byte[] data = new byte[len];
            for (int i = 0; i < len; i++) data[i] = (byte) ('a' + i % 26);
            w.send(Side.YOU, Segment.of(OTHER, ME, seq, ack, flags, 64240, mss ? List.of(new TcpOption.Mss(1460)) : List.of(), data), TEST);
            quiet();
            return mark;
        }

        List<Segment> mine(int mark) {
            List<Segment> out = new ArrayList<>();
            for (TraceEvent e : w.trace().since(mark)) if (e instanceof TraceEvent.Sent s && s.from() == Side.PEER) out.add(s.segment());
            return out;
        }

        ConnInfo conn() {
            for (ConnInfo c : me().connections()) if (c.conn().equals(new Conn(ME, OTHER))) return c;
            return null;
        }

        State listener() {
            for (ConnInfo c : me().connections()) if (c.conn().equals(new Conn(ME, 0))) return c.tcb().state();
            return State.CLOSED;
        }

        void listen() {
            lfd = me().socket();
            me().bind(lfd, ME);
            me().listen(lfd, 16);
        }

        void accept() {
            Call c = me().accept(lfd);
            quiet();
            fd = (int) c.result().value();
        }
    }

    // ---------------------------------------------------------------- states

    /** What the stack did: the state after, its replies, and the segment the other side sent (null for calls and timers). */
    record StateSeen(State after, List<Segment> replies, Segment sent) {}

    private static final Map<String, StateSeen> STATES = new ConcurrentHashMap<>();

    static StateSeen state(StateQuestions.Case c) {
        return STATES.computeIfAbsent(c.profile() + "|" + c.variant() + "|" + c.setup() + "|" + c.event(), k -> playState(c));
    }

    private static StateSeen playState(StateQuestions.Case c) {
        Rig r = new Rig(c.profile(), c.worldSeed());
        r.me().nextIsn(c.yourIsn());
        int isn = c.otherIsn();
        StatePlay.Setup setup = c.setup();
        int iss = 0;
        boolean myFin = false, theirFin = false, finAcked = false;
        int unread = 0;
        switch (setup) {
            case CLOSED_PORT -> { }
            case LISTEN -> r.listen();
            case SYN_SENT -> {
                r.fd = r.me().socket();
                r.me().bind(r.fd, ME);
                int mark = r.w.trace().size();
                r.me().connect(r.fd, OTHER);
                r.quiet();
                iss = r.mine(mark).get(0).seq();
            }
            default -> {
                r.listen();
                iss = r.mine(r.send(Flags.SYN, isn, 0, 0, true)).get(0).seq();
                if (setup == StatePlay.Setup.SYN_RECEIVED) break;
                r.send(Flags.ACK, isn + 1, iss + 1, 0, false);
                r.accept();
                switch (setup) {
                    case FIN_WAIT_1, FIN_WAIT_2, CLOSING, TIME_WAIT -> {
                        r.me().close(r.fd);
                        r.fd = -1;
                        r.quiet();
                        myFin = true;
                        if (setup == StatePlay.Setup.CLOSING) { r.send(Flags.FIN | Flags.ACK, isn + 1, iss + 1, 0, false); theirFin = true; }
                        if (setup == StatePlay.Setup.FIN_WAIT_2 || setup == StatePlay.Setup.TIME_WAIT) { r.send(Flags.ACK, isn + 1, iss + 2, 0, false); finAcked = true; }
                        if (setup == StatePlay.Setup.TIME_WAIT) { r.send(Flags.FIN | Flags.ACK, isn + 1, iss + 2, 0, false); theirFin = true; }
                    }
                    case HALF_CLOSED -> {
                        r.me().shutdown(r.fd);
                        r.quiet();
                        r.send(Flags.ACK, isn + 1, iss + 2, 0, false);
                        myFin = true;
                        finAcked = true;
                    }
                    case UNREAD -> { r.send(Flags.PSH | Flags.ACK, isn + 1, iss + 1, 100, false); unread = 100; }
                    case CLOSE_WAIT, LAST_ACK -> {
                        r.send(Flags.FIN | Flags.ACK, isn + 1, iss + 1, 0, false);
                        theirFin = true;
                        if (setup == StatePlay.Setup.LAST_ACK) { r.me().close(r.fd); r.fd = -1; r.quiet(); myFin = true; }
                    }
                    default -> { }
                }
            }
        }
        boolean sync = setup.state.synchronized_();
        int rcvNxt = isn + 1 + unread + (theirFin ? 1 : 0);
        int sndNxt = iss + 1 + (myFin ? 1 : 0);
        int sndUna = setup == StatePlay.Setup.SYN_RECEIVED ? iss : myFin && !finAcked ? sndNxt - 1 : sndNxt;
        int seq = sync ? rcvNxt : isn;
        int ack = setup == StatePlay.Setup.SYN_SENT || sync ? sndNxt : StatePlay.STRAY_ACK;
        Segment sent = null;
        int mark;
        int F = Flags.FIN, S = Flags.SYN, R = Flags.RST, A = Flags.ACK;
        switch (c.event()) {
            case CLOSE, SHUTDOWN, ABORT -> {
                int fd = r.fd >= 0 ? r.fd : r.lfd;
                mark = r.w.trace().size();
                if (c.event() == StatePlay.Event.ABORT) r.me().setsockopt(fd, SockOpt.SO_LINGER, 0);
                if (c.event() == StatePlay.Event.SHUTDOWN) r.me().shutdown(fd); else r.me().close(fd);
                r.quiet();
            }
            case TIMEOUT -> {
                long at = Long.MAX_VALUE;
                for (Map.Entry<Timer, Long> e : r.conn().timers().entrySet()) if (e.getKey() != Timer.DELAYED_ACK) at = Math.min(at, e.getValue());
                mark = r.w.trace().size();
                r.w.runUntil(at);
                r.quiet();
            }
            default -> {
                int[] f = switch (c.event()) {
                    case SYN -> new int[]{S, setup == StatePlay.Setup.SYN_RECEIVED ? isn : seq, 0, 0};
                    case SYN_ACK -> new int[]{S | A, sync ? isn : isn, ack, 0};
                    case SYN_ACK_BAD -> new int[]{S | A, isn, iss + 1000, 0};
                    case ACK -> new int[]{A, seq, ack, 0};
                    case ACK_UNSENT -> new int[]{A, seq, sndNxt + 1000, 0};
                    case FIN -> new int[]{F, theirFin ? seq - 1 : seq, 0, 0};
                    case FIN_ACK -> new int[]{F | A, theirFin ? seq - 1 : seq, ack, 0};
                    case FIN_ACK_OLD -> new int[]{F | A, theirFin ? seq - 1 : seq, sndUna, 0};
                    case RST_EXACT -> setup == StatePlay.Setup.SYN_SENT ? new int[]{R | A, 0, iss + 1, 0} : new int[]{R, seq, 0, 0};
                    case RST_IN_WINDOW -> new int[]{R, rcvNxt + 100, 0, 0};
                    case RST_OUT_OF_WINDOW -> new int[]{R, rcvNxt + 1_000_000, 0, 0};
                    case DATA -> new int[]{Flags.PSH | A, seq, ack, 100};
                    default -> throw new AssertionError(c.event());
                };
                sent = Segment.of(OTHER, ME, f[1], f[2], f[0], 64240, List.of(), new byte[f[3]]);
                mark = r.send(f[0], f[1], f[2], f[3], false);
            }
        }
        State after;
        if (r.conn() != null) after = r.conn().tcb().state();
        else if (setup == StatePlay.Setup.LISTEN || setup == StatePlay.Setup.SYN_RECEIVED) after = r.listener();
        else after = State.CLOSED;
        return new StateSeen(after, r.mine(mark), sent);
    }

    /** "nothing", or "SYN+ACK seq 1 ack 2 then ACK seq 3 ack 4", flags in RFC order. */
    static String describe(List<Segment> segs) {
        if (segs.isEmpty()) return "nothing";
        List<String> parts = new ArrayList<>();
        for (Segment s : segs) {
            List<String> names = new ArrayList<>();
            String[] n = {"CWR", "ECE", "URG", "SYN", "RST", "FIN", "PSH", "ACK"};
            int[] bit = {0x80, 0x40, 0x20, 0x02, 0x04, 0x01, 0x08, 0x10};
            for (int i = 0; i < n.length; i++) if ((s.flags() & bit[i]) != 0) names.add(n[i]);
            String p = String.join("+", names) + " seq " + Integer.toUnsignedString(s.seq());
            if ((s.flags() & 0x10) != 0) p += " ack " + Integer.toUnsignedString(s.ack());
            if (s.payloadLength() > 0) p += " with " + s.payloadLength() + " bytes";
            parts.add(p);
        }
        return String.join(" then ", parts);
    }

    /** The crafted segment as the prompt prints it: "F. seq 1001 ack 5002", "P. seq 1 ack 2 len 100". */
    static String shown(Segment s) {
        String t = Flags.tcpdump(s.flags()) + " seq " + Integer.toUnsignedString(s.seq());
        if (s.has(Flags.ACK)) t += " ack " + Integer.toUnsignedString(s.ack());
        if (s.payloadLength() > 0) t += " len " + s.payloadLength();
        return t;
    }

    // ---------------------------------------------------------------- seq

    /** The ISNs and the number asked for, unsigned. */
    record SeqSeen(long clientIsn, long serverIsn, long value) {}

    private static final Map<SeqQuestions.Case, SeqSeen> SEQS = new ConcurrentHashMap<>();

    static SeqSeen seq(SeqQuestions.Case c) { return SEQS.computeIfAbsent(c, EngineReplay::playSeq); }

    private static SeqSeen playSeq(SeqQuestions.Case c) {
        Rig r = new Rig(c.profile(), c.worldSeed());
        r.me().nextIsn(c.serverIsn());
        int isn = c.clientIsn(), n = c.size();
        long ci = Integer.toUnsignedLong(isn);
        if (c.kind() == SeqQuestions.Kind.CLOSED_SYN_RST) {
            List<Segment> rs = r.mine(r.send(Flags.SYN, isn, 0, n < 500 ? n : 0, true));
            return new SeqSeen(ci, 0, Integer.toUnsignedLong(rs.get(0).ack()));
        }
        if (c.kind() == SeqQuestions.Kind.CLOSED_ACK_RST) {
            List<Segment> rs = r.mine(r.send(Flags.ACK, isn, c.strayAck(), 0, false));
            return new SeqSeen(ci, 0, Integer.toUnsignedLong(rs.get(0).seq()));
        }
        r.listen();
        Segment synAck = r.mine(r.send(Flags.SYN, isn, 0, 0, true)).get(0);
        int s = synAck.seq();
        long si = Integer.toUnsignedLong(s);
        if (c.kind() == SeqQuestions.Kind.SYNACK_ACK) return new SeqSeen(ci, si, Integer.toUnsignedLong(synAck.ack()));
        r.send(Flags.ACK, isn + 1, s + 1, 0, false);
        r.accept();
        switch (c.kind()) {
            case DATA_ACK, FIN_ACK -> {
                int mark = r.send(Flags.PSH | Flags.ACK, isn + 1, s + 1, n, false);
                if (c.kind() == SeqQuestions.Kind.FIN_ACK) mark = r.send(Flags.FIN | Flags.ACK, isn + 1 + n, s + 1, 0, false);
                List<Segment> acks = r.mine(mark);
                return new SeqSeen(ci, si, Integer.toUnsignedLong(acks.get(acks.size() - 1).ack()));
            }
            case DATA_END, FIN_END -> {
                int mark = r.w.trace().size();
                r.me().write(r.fd, new byte[n]);
                r.quiet();
                if (c.kind() == SeqQuestions.Kind.FIN_END) { r.me().close(r.fd); r.quiet(); }
                long end = -1;
                for (Segment x : r.mine(mark)) {
                    boolean counts = c.kind() == SeqQuestions.Kind.DATA_END ? x.payloadLength() > 0 : x.has(Flags.FIN);
                    if (counts) end = Integer.toUnsignedLong(x.seq() + x.payloadLength() + (x.has(Flags.FIN) ? 1 : 0));
                }
                return new SeqSeen(ci, si, end);
            }
            default -> {
                r.me().setsockopt(r.fd, SockOpt.SO_KEEPALIVE, 1);
                int mark = r.w.trace().size();
                r.w.runUntil(() -> !r.mine(mark).isEmpty(), r.w.now() + 8000L * 1_000_000);
                return new SeqSeen(ci, si, Integer.toUnsignedLong(r.mine(mark).get(0).seq()));
            }
        }
    }

    // ---------------------------------------------------------------- timers

    private static final Map<TimerQuestions.Case, Double> TIMERS = new ConcurrentHashMap<>();

    /** The measured seconds (or count) a timer question asks for. */
    static double timer(TimerQuestions.Case c) { return TIMERS.computeIfAbsent(c, EngineReplay::playTimer); }

    private static double playTimer(TimerQuestions.Case c) {
        Rig r = new Rig(c.profile(), 5);
        long limit = 4L * 3600 * 1_000_000;
        switch (c.kind()) {
            case SYN_RETX, CONNECT_TIMEOUT, SYN_RETRIES -> {
                r.fd = r.me().socket();
                Call call = r.me().connect(r.fd, OTHER);
                long start = r.w.now();
                r.w.runUntil(call::done, limit);
                List<Long> syns = new ArrayList<>();
                for (TraceEvent e : r.w.trace().events()) if (e instanceof TraceEvent.Sent s && s.from() == Side.PEER && s.segment().has(Flags.SYN)) syns.add(s.at());
                if (c.kind() == TimerQuestions.Kind.SYN_RETRIES) return syns.size() - 1;
                if (c.kind() == TimerQuestions.Kind.SYN_RETX) return (syns.get(c.k()) - syns.get(0)) / 1e6;
                return (r.w.now() - start) / 1e6;
            }
            case SYNACK_RETX, SYNACK_GIVEUP -> {
                r.listen();
                r.send(Flags.SYN, StatePlay.OTHER_ISN[0], 0, 0, true);
                r.w.runUntil(() -> r.conn() == null, limit);
                List<Long> sa = new ArrayList<>();
                for (TraceEvent e : r.w.trace().events()) if (e instanceof TraceEvent.Sent s && s.from() == Side.PEER && s.segment().has(Flags.SYN)) sa.add(s.at());
                if (c.kind() == TimerQuestions.Kind.SYNACK_RETX) return (sa.get(c.k()) - sa.get(0)) / 1e6;
                long gone = -1;
                for (TraceEvent e : r.w.trace().events()) if (e instanceof TraceEvent.StateChanged s && s.who() == Side.PEER && s.from() == State.SYN_RECEIVED) gone = s.at();
                return ((gone < 0 ? r.w.now() : gone) - sa.get(0)) / 1e6;
            }
            case TIME_WAIT, FIN_WAIT_2 -> {
                State target = c.kind() == TimerQuestions.Kind.TIME_WAIT ? State.TIME_WAIT : State.FIN_WAIT_2;
                r.listen();
                int s = r.mine(r.send(Flags.SYN, 1000, 0, 0, true)).get(0).seq();
                r.send(Flags.ACK, 1001, s + 1, 0, false);
                r.accept();
                r.me().close(r.fd);
                r.quiet();
                r.send(Flags.ACK, 1001, s + 2, 0, false);
                if (target == State.TIME_WAIT) r.send(Flags.FIN | Flags.ACK, 1001, s + 2, 0, false);
                r.w.runUntil(() -> r.conn() == null, limit);
                long in = -1, out = -1;
                for (TraceEvent e : r.w.trace().events()) {
                    if (e instanceof TraceEvent.StateChanged x && x.who() == Side.PEER && x.to() == target) in = x.at();
                    if (e instanceof TraceEvent.StateChanged x && x.who() == Side.PEER && x.from() == target) out = x.at();
                }
                return (out - in) / 1e6;
            }
            default -> {
                r.listen();
                int s = r.mine(r.send(Flags.SYN, 1000, 0, 0, true)).get(0).seq();
                r.send(Flags.ACK, 1001, s + 1, 0, false);
                r.accept();
                long start = r.w.now();
                r.me().setsockopt(r.fd, SockOpt.SO_KEEPALIVE, 1);
                r.w.runUntil(() -> r.conn() == null, limit);
                List<Long> probes = new ArrayList<>();
                long rst = -1;
                for (TraceEvent e : r.w.trace().events()) {
                    if (e instanceof TraceEvent.Sent x && x.from() == Side.PEER && x.at() > start) {
                        if (x.segment().has(Flags.RST)) rst = x.at();
                        else probes.add(x.at());
                    }
                }
                if (c.kind() == TimerQuestions.Kind.KEEPALIVE_PROBES) return probes.size();
                if (c.kind() == TimerQuestions.Kind.KEEPALIVE_FIRST) return (probes.get(0) - start) / 1e6;
                return (rst - start) / 1e6;
            }
        }
    }
}
