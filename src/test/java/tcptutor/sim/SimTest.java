package tcptutor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Settings;
import tcptutor.tcp.State;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;

/** The world: clock and scheduler, link faults, raw mode, the socket API, the event budget, determinism. */
class SimTest {
    private static Segment syn(int seq) {
        return Segment.of(40000, 8080, seq, 0, Flags.SYN, 64240, List.of(), new byte[0]);
    }

    /** Two full stacks: peer listens on 8080, you connect; returns {connect fd, accepted fd}. */
    private static int[] connected(World w) {
        w.you().raw(false);
        int l = w.peer().socket();
        w.peer().bind(l, 8080);
        w.peer().listen(l, 4);
        int c = w.you().socket();
        Call con = w.you().connect(c, 8080);
        Call acc = w.peer().accept(l);
        assertThat(w.runUntil(() -> con.done() && acc.done(), 10_000_000)).isTrue();
        return new int[]{c, (int) acc.result().value()};
    }

    private static String traceText(World w) {
        StringBuilder b = new StringBuilder();
        for (TraceEvent e : w.trace().events()) b.append(e).append('\n');
        return b.toString();
    }

    @Test
    void sameSeedAndCalls_giveTheSameTrace() {
        String[] runs = new String[2];
        for (int i = 0; i < 2; i++) {
            World w = new World(Settings.linux(), 99);
            w.link().lossRate(0.2);
            int[] fds = connected(w);
            w.you().write(fds[0], new byte[20_000]);
            w.peer().read(fds[1], 100_000);
            w.runUntil(w.now() + 30_000_000);
            runs[i] = traceText(w);
        }
        assertThat(runs[0]).isEqualTo(runs[1]);
        assertThat(runs[0]).contains("Lost[");
    }

    @Test
    void addresses_andRawDefaults() {
        World w = new World(Settings.linux(), 1);
        assertThat(w.you().address().getHostAddress()).isEqualTo("192.0.2.1");
        assertThat(w.peer().address().getHostAddress()).isEqualTo("192.0.2.2");
        assertThat(w.you().raw()).isTrue();
        assertThat(w.peer().raw()).isFalse();
    }

    @Test
    void rawHost_onlyRecordsWhatArrives() {
        World w = new World(Settings.linux(), 1);
        int fd = w.peer().socket();
        w.peer().connect(fd, 5555);
        w.runUntil(0);
        assertThat(w.trace().of(TraceEvent.Delivered.class)).extracting(TraceEvent.Delivered::to).containsExactly(Side.YOU);
        assertThat(w.trace().of(TraceEvent.Sent.class)).hasSize(1);
    }

    @Test
    void link_delayDelivers_afterTheDelay() {
        World w = new World(Settings.linux(), 1);
        w.link().delay(Side.YOU, 5000);
        int id = w.send(Side.YOU, syn(1), Reason.of("t", ""));
        w.runUntil(4999);
        assertThat(w.trace().of(TraceEvent.Delivered.class)).isEmpty();
        w.runUntil(5000);
        assertThat(w.trace().of(TraceEvent.Delivered.class).stream().filter(x -> x.to() == Side.PEER)).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.at()).isEqualTo(5000);
        });
    }

    @Test
    void link_dropNext_duplicateNext_delayNext() {
        World w = new World(Settings.linux(), 1);
        w.link().dropNext(Side.YOU);
        int a = w.send(Side.YOU, syn(1), Reason.of("t", ""));
        w.link().duplicateNext(Side.YOU);
        int b = w.send(Side.YOU, syn(2), Reason.of("t", ""));
        w.link().delayNext(Side.YOU, 10_000);
        int c = w.send(Side.YOU, syn(3), Reason.of("t", ""));
        int d = w.send(Side.YOU, syn(4), Reason.of("t", ""));
        w.runUntil(20_000);
        assertThat(w.trace().of(TraceEvent.Lost.class)).extracting(TraceEvent.Lost::id).containsExactly(a);
        List<Integer> delivered = new ArrayList<>();
        for (TraceEvent.Delivered x : w.trace().of(TraceEvent.Delivered.class)) if (x.to() == Side.PEER) delivered.add(x.id());
        assertThat(delivered).containsExactly(b, b, d, c);
    }

    @Test
    void link_dropNextMatching_losesOnlyTheMatchingSegment() {
        World w = new World(Settings.linux(), 1);
        int[] fds = connected(w);
        w.link().dropNext(Side.YOU, s -> s.has(Flags.FIN));
        w.you().close(fds[0]);
        w.runUntil(w.now());
        assertThat(w.trace().of(TraceEvent.Lost.class)).singleElement()
                .satisfies(l -> assertThat(w.trace().segment(l.id()).segment().has(Flags.FIN)).isTrue());
        w.runUntil(w.now() + 1_000_000);
        assertThat(w.peer().connections()).anySatisfy(ci -> assertThat(ci.tcb().state()).isEqualTo(State.CLOSE_WAIT));
    }

    @Test
    void lostSyn_isRetransmitted_andTheConnectionStillCompletes() {
        World w = new World(Settings.linux(), 1);
        w.you().raw(false);
        int l = w.peer().socket();
        w.peer().bind(l, 8080);
        w.peer().listen(l, 4);
        w.link().dropNext(Side.YOU);
        int c = w.you().socket();
        Call con = w.you().connect(c, 8080);
        assertThat(w.runUntil(con::done, 5_000_000)).isTrue();
        assertThat(w.now()).isEqualTo(1_000_000);
        assertThat(con.result().value()).isZero();
    }

    @Test
    void eventBudget_stopsARunAndSaysSo() {
        World w = new World(Settings.linux(), 1);
        for (int i = 0; i < 10; i++) w.send(Side.YOU, syn(i), Reason.of("t", ""));
        w.eventBudget(3);
        w.runUntil(1_000_000);
        assertThat(w.budgetExhausted()).isTrue();
        assertThat(w.now()).isZero();
        assertThat(w.trace().of(TraceEvent.Delivered.class)).hasSize(3);
        assertThat(w.trace().of(TraceEvent.Note.class)).last().satisfies(n -> assertThat(n.why().text()).contains("event budget"));
        w.eventBudget(0);
        w.runUntil(1_000_000);
        assertThat(w.budgetExhausted()).isFalse();
        assertThat(w.now()).isEqualTo(1_000_000);
    }

    @Test
    void step_andNextEventAt_walkTheScheduleInOrder() {
        World w = new World(Settings.linux(), 1);
        w.link().delay(Side.YOU, 300);
        w.send(Side.YOU, syn(1), Reason.of("t", ""));
        assertThat(w.nextEventAt()).hasValue(300);
        assertThat(w.step()).isTrue();
        assertThat(w.now()).isEqualTo(300);
        assertThat(w.trace().of(TraceEvent.Sent.class)).last().satisfies(x -> assertThat(x.from()).isEqualTo(Side.PEER));
        assertThat(w.step()).isTrue();                    // the RST reaches "you"
        assertThat(w.step()).isFalse();
    }

    @Test
    void socketApi_errors() {
        World w = new World(Settings.linux(), 1);
        Host p = w.peer();
        assertThat(p.close(42).errno()).isEqualTo(Errno.EBADF);
        int a = p.socket();
        assertThat(a).isEqualTo(3);
        p.bind(a, 8080);
        p.listen(a, 1);
        int b = p.socket();
        assertThat(p.bind(b, 8080).errno()).isEqualTo(Errno.EADDRINUSE);
        assertThat(p.read(b, 10).result().errno()).isEqualTo(Errno.ENOTCONN);
        assertThat(p.write(b, new byte[1]).result().errno()).isEqualTo(Errno.EPIPE);
        assertThat(p.shutdown(b).errno()).isEqualTo(Errno.ENOTCONN);
        assertThat(p.accept(b).result().errno()).isEqualTo(Errno.EINVAL);
        assertThat(p.setsockopt(b, SockOpt.TCP_KEEPCNT, 0).errno()).isEqualTo(Errno.EINVAL);
        assertThat(p.getsockopt(b, SockOpt.TCP_KEEPIDLE).value()).isEqualTo(7200);
        assertThat(w.trace().of(TraceEvent.Call.class)).extracting(TraceEvent.Call::call).contains("socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)", "bind(3, 8080)");
    }

    @Test
    void connect_nonBlocking_reportsInProgressAlreadyThenZeroOnceThenIsconn() {
        // Linux __inet_stream_connect with SS_CONNECTING (checked with packetdrill on Linux 6.18)
        World w = new World(Settings.linux(), 1);
        Host p = w.peer();
        int fd = p.socket();
        p.nonBlocking(fd, true);
        assertThat(p.connect(fd, 8080).result().errno()).isEqualTo(Errno.EINPROGRESS);
        assertThat(p.connect(fd, 8080).result().errno()).isEqualTo(Errno.EALREADY);
        Segment syn = w.trace().of(TraceEvent.Sent.class).get(0).segment();
        w.send(Side.YOU, Segment.of(8080, syn.srcPort(), 1000, syn.seq() + 1, Flags.SYN | Flags.ACK, 64240, List.of(), new byte[0]),
                Reason.of("t", ""));
        w.runUntil(w.now());
        assertThat(p.connect(fd, 8080).result().value()).isZero();
        assertThat(p.connect(fd, 8080).result().errno()).isEqualTo(Errno.EISCONN);
    }

    @Test
    void connect_afterARefusedNonBlockingAttempt_reportsTheErrorOnce_thenTriesAgain() {
        World w = new World(Settings.linux(), 1);
        Host p = w.peer();
        int fd = p.socket();
        p.nonBlocking(fd, true);
        p.connect(fd, 8080);
        Segment syn = w.trace().of(TraceEvent.Sent.class).get(0).segment();
        w.send(Side.YOU, Segment.of(8080, syn.srcPort(), 0, syn.seq() + 1, Flags.RST | Flags.ACK, 0, List.of(), new byte[0]),
                Reason.of("t", ""));
        w.runUntil(w.now());
        assertThat(p.connect(fd, 8080).result().errno()).isEqualTo(Errno.ECONNREFUSED);
        assertThat(p.connect(fd, 8080).result().errno()).isEqualTo(Errno.EINPROGRESS);
    }

    @Test
    void shutdown_ofAnUnconnectedSocket_isEnotconn_butLaterWritesFailWithEpipe() {
        World w = new World(Settings.linux(), 1);
        Host p = w.peer();
        int fd = p.socket();
        assertThat(p.shutdown(fd).errno()).isEqualTo(Errno.ENOTCONN);
        p.connect(fd, 8080);
        Segment syn = w.trace().of(TraceEvent.Sent.class).get(0).segment();
        w.send(Side.YOU, Segment.of(8080, syn.srcPort(), 1000, syn.seq() + 1, Flags.SYN | Flags.ACK, 64240, List.of(), new byte[0]),
                Reason.of("t", ""));
        w.runUntil(w.now());
        assertThat(p.write(fd, new byte[10]).result().errno()).isEqualTo(Errno.EPIPE);
    }

    @Test
    void aSegmentArrivingWhenATimerIsDue_isHandledBeforeTheTimer() {
        World w = new World(Settings.linux(), 1);
        List<String> order = new ArrayList<>();
        w.schedule(1000, () -> order.add("timer"));
        w.runUntil(999);
        w.runBefore(1000);
        assertThat(order).isEmpty();
        assertThat(w.now()).isEqualTo(1000);
        w.scheduleArrival(1000, () -> order.add("arrival"));
        w.runUntil(1000);
        assertThat(order).containsExactly("arrival", "timer");
    }

    @Test
    void reuseaddr_allowsBindingAPortHeldByTimeWait() {
        World w = new World(Settings.linux(), 1);
        int[] fds = connected(w);
        w.peer().close(fds[1]);
        w.runUntil(w.now() + 100_000);
        w.you().close(fds[0]);
        w.runUntil(w.now() + 100_000);
        w.peer().close(3);
        assertThat(w.peer().connections()).extracting(ci -> ci.tcb().state()).containsExactly(State.TIME_WAIT);
        int s = w.peer().socket();
        assertThat(w.peer().bind(s, 8080).errno()).isEqualTo(Errno.EADDRINUSE);
        w.peer().setsockopt(s, SockOpt.SO_REUSEADDR, 1);
        assertThat(w.peer().bind(s, 8080).value()).isZero();
    }

    @Test
    void blockingRead_waitsInVirtualTime_andNonBlockingReadIsEagain() {
        World w = new World(Settings.linux(), 1);
        int[] fds = connected(w);
        w.peer().nonBlocking(fds[1], true);
        assertThat(w.peer().read(fds[1], 10).result().errno()).isEqualTo(Errno.EAGAIN);
        w.peer().nonBlocking(fds[1], false);
        Call r = w.peer().read(fds[1], 10);
        assertThat(r.done()).isFalse();
        w.link().delay(Side.YOU, 50_000);
        long t0 = w.now();
        w.you().write(fds[0], "hello".getBytes());
        w.runUntil(r::done, t0 + 1_000_000);
        assertThat(new String(r.result().data())).isEqualTo("hello");
        assertThat(w.now()).isEqualTo(t0 + 50_000);
    }

    @Test
    void connections_showTimersWithDeadlinesAndFds() {
        World w = new World(Settings.linux(), 1);
        int fd = w.peer().socket();
        w.peer().connect(fd, 9);
        ConnInfo ci = w.peer().connections().get(0);
        assertThat(ci.fd()).isEqualTo(fd);
        assertThat(ci.tcb().state()).isEqualTo(State.SYN_SENT);
        assertThat(ci.timers()).containsEntry(Timer.SYN, 1_000_000L);
        assertThat(ci.conn().remotePort()).isEqualTo(9);
    }

    @Test
    void newSettings_applyToSocketsCreatedAfterwards() {
        World w = new World(Settings.linux(), 1);
        w.settings(Settings.linux().with(Knob.tcp_syn_retries, 1).with(Knob.tcp_syn_linear_timeouts, 0));
        int fd = w.peer().socket();
        Call c = w.peer().connect(fd, 9);
        w.runUntil(10_000_000);
        assertThat(c.result().errno()).isEqualTo(Errno.ETIMEDOUT);
        assertThat(w.now()).isEqualTo(10_000_000);
        assertThat(w.trace().of(TraceEvent.Call.class)).last().satisfies(x -> assertThat(x.at()).isEqualTo(3_000_000));
    }

    @Test
    void badChecksum_isDroppedSilently_goodChecksumIsAnswered() {
        World w = new World(Settings.linux(), 1);
        Segment good = tcptutor.wire.SegmentCodec.withChecksum(syn(1000), w.you().address(), w.peer().address());
        w.send(Side.YOU, good.withChecksum(good.checksum() ^ 0x0101), Reason.of("t", ""));
        w.runUntil(0);
        assertThat(w.trace().of(TraceEvent.Sent.class)).hasSize(1);
        assertThat(w.trace().of(TraceEvent.Handled.class)).singleElement().satisfies(h -> assertThat(h.why().text()).contains("bad checksum"));
        w.send(Side.YOU, good, Reason.of("t", ""));
        w.runUntil(0);
        assertThat(w.trace().of(TraceEvent.Sent.class)).last().satisfies(x -> assertThat(x.segment().flags()).isEqualTo(Flags.RST | Flags.ACK));
    }
}
