package tcptutor.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/** Replaying a capture: each endpoint takes what its host sent from the capture, and judges arrivals by the normal rules. */
class ReplayTest {
    /** One host for replay: records what the engine would have sent and the state changes; time is set by the test. */
    static final class Bench implements Env {
        final List<Segment> wouldSend = new ArrayList<>();
        final List<String> why = new ArrayList<>();
        final Stack stack = new Stack(this, Settings::linux);
        long now;
        int isn;

        @Override public long now() { return now; }
        @Override public void transmit(Segment s, Why w) { wouldSend.add(s); why.add(w.text()); }
        @Override public void handled(Why w) { why.add(w.text()); }
        @Override public void note(Why w) { }
        @Override public void stateChanged(Tcb t, State from, State to, Why w) { why.add(from + " -> " + to); }
        @Override public void timerChanged(Tcb t, TcpTimer timer, TimerAction action, long deadline) { }
        @Override public Object schedule(long at, Runnable r) { return new Object(); }
        @Override public void cancel(Object handle) { }
        @Override public int isn() { return isn; }
        @Override public int ephemeralPort() { return 40000; }
    }

    static final int C = 40000, S = 8080;
    final Bench client = new Bench(), server = new Bench();
    final Tcb active = client.stack.socket();
    Tcb passive;

    static Segment seg(int from, int to, int flags, int seq, int ack, int win, int len, TcpOption... opts) {
        return Segment.of(from, to, seq, ack, flags, win, List.of(opts), new byte[len]);
    }

    /** What the client sent, as a capture saw it: the client takes it, the server receives it. */
    void clientSends(Segment s) {
        active.replaySent(s);
        server.stack.arrive(s);
        if (passive == null) passive = server.stack.connection(S, C);
    }

    void serverSends(Segment s) {
        passive.replaySent(s);
        client.stack.arrive(s);
    }

    ReplayTest handshake() {
        Tcb l = server.stack.socket();
        l.bind(S);
        l.listen(128);
        server.isn = 123; // the engine's own pick: the SYN-ACK in the capture overrides it
        clientSends(seg(C, S, Flags.SYN, 1000, 0, 65495, 0, new TcpOption.Mss(65495), TcpOption.SACK_PERMITTED,
                new TcpOption.Timestamps(1, 0), TcpOption.NOP, new TcpOption.WindowScale(10)));
        serverSends(seg(S, C, Flags.SYN | Flags.ACK, 7000, 1001, 65483, 0, new TcpOption.Mss(65495), TcpOption.SACK_PERMITTED,
                new TcpOption.Timestamps(2, 1), TcpOption.NOP, new TcpOption.WindowScale(10)));
        clientSends(ts(seg(C, S, Flags.ACK, 1001, 7001, 64, 0), 3, 2));
        return this;
    }

    static Segment ts(Segment s, int val, int ecr) {
        return Segment.of(s.srcPort(), s.dstPort(), s.seq(), s.ack(), s.flags(), s.window(),
                List.of(TcpOption.NOP, TcpOption.NOP, new TcpOption.Timestamps(val, ecr)), s.payload());
    }

    @Test void synFromClosed_isAnActiveOpenWithTheCapturedIsnAndOptions() {
        active.replaySent(seg(C, S, Flags.SYN, 1000, 0, 65495, 0, new TcpOption.Mss(65495), TcpOption.NOP, new TcpOption.WindowScale(10)));
        assertThat(active.state()).isEqualTo(State.SYN_SENT);
        assertThat(active.snapshot().iss()).isEqualTo(1000);
        assertThat(active.snapshot().sndNxt()).isEqualTo(1001);
        assertThat(client.wouldSend).isEmpty();
        active.replaySent(seg(C, S, Flags.SYN, 1000, 0, 65495, 0)); // retransmitted SYN: nothing changes
        assertThat(client.why).containsExactly("CLOSED -> SYN-SENT");
    }

    @Test void handshake_bothSidesEstablished_serverTakesTheCapturedIsnAndTheRealWindowScale() {
        handshake();
        assertThat(active.state()).isEqualTo(State.ESTABLISHED);
        assertThat(passive.state()).isEqualTo(State.ESTABLISHED);
        assertThat(passive.snapshot().iss()).isEqualTo(7000);
        assertThat(active.snapshot().irs()).isEqualTo(7000);
        assertThat(active.snapshot().rcvWscale()).isEqualTo(10); // the knobs would give 7; the capture says 10
        assertThat(passive.snapshot().rcvWscale()).isEqualTo(10);
        assertThat(active.snapshot().timestamps()).isTrue();
        assertThat(server.why).containsSubsequence("CLOSED -> SYN-RECEIVED", "SYN-RECEIVED -> ESTABLISHED");
        assertThat(server.wouldSend).extracting(Segment::flags).containsExactly(Flags.SYN | Flags.ACK); // no RST for the final ACK
    }

    @Test void dataAndAFourWayClose_clientEndsInTimeWait_serverClosed() {
        handshake();
        clientSends(ts(seg(C, S, Flags.PSH | Flags.ACK, 1001, 7001, 64, 5), 4, 2));
        assertThat(passive.snapshot().rcvNxt()).isEqualTo(1006);
        serverSends(ts(seg(S, C, Flags.ACK, 7001, 1006, 64, 0), 5, 4));
        assertThat(active.snapshot().sndUna()).isEqualTo(1006);
        clientSends(ts(seg(C, S, Flags.FIN | Flags.ACK, 1006, 7001, 64, 0), 6, 5));
        assertThat(active.state()).isEqualTo(State.FIN_WAIT_1);
        assertThat(passive.state()).isEqualTo(State.CLOSE_WAIT);
        serverSends(ts(seg(S, C, Flags.FIN | Flags.ACK, 7001, 1007, 64, 0), 7, 6));
        assertThat(passive.state()).isEqualTo(State.LAST_ACK);
        assertThat(active.state()).isEqualTo(State.TIME_WAIT);
        clientSends(ts(seg(C, S, Flags.ACK, 1007, 7002, 64, 0), 8, 7));
        assertThat(passive.state()).isEqualTo(State.CLOSED);
        assertThat(active.state()).isEqualTo(State.TIME_WAIT);
    }

    @Test void rstWithTheConnectionsNumbers_abortsIt_aStrayRstDoesNot() {
        handshake();
        active.replaySent(seg(C, S, Flags.RST, 99, 0, 0, 0)); // answers some stray segment: not this connection's numbers
        assertThat(active.state()).isEqualTo(State.ESTABLISHED);
        clientSends(seg(C, S, Flags.RST | Flags.ACK, 1001, 7001, 64, 0));
        assertThat(active.state()).isEqualTo(State.CLOSED);
        assertThat(passive.state()).isEqualTo(State.CLOSED);
        assertThat(client.why).contains("ESTABLISHED -> CLOSED");
    }

    @Test void ackBeyondWhatArrived_movesRcvNxtUp() {
        handshake();
        passive.replaySent(ts(seg(S, C, Flags.ACK, 7001, 2449, 64, 0), 5, 4)); // 1448 bytes the capture never showed
        assertThat(passive.snapshot().rcvNxt()).isEqualTo(2449);
    }

    @Test void dataFarBeyondSndNxt_jumpsInsteadOfFillingTheGap() {
        handshake();
        active.replaySent(ts(seg(C, S, Flags.PSH | Flags.ACK, 1001 + 5_000_000, 7001, 64, 10), 4, 2));
        assertThat(active.snapshot().sndNxt()).isEqualTo(1001 + 5_000_010);
        assertThat(active.snapshot().sndUna()).isEqualTo(1001 + 5_000_000);
        active.replaySent(ts(seg(C, S, Flags.PSH | Flags.ACK, 1001 + 5_000_020, 7001, 64, 10), 5, 2)); // a small gap is filled
        assertThat(active.snapshot().sndNxt()).isEqualTo(1001 + 5_000_030);
        assertThat(active.snapshot().sndUna()).isEqualTo(1001 + 5_000_000);
    }

    @Test void arrivalsAreJudgedAgainstTheWindowReallyAdvertised() {
        handshake();
        serverSends(ts(seg(S, C, Flags.ACK, 7001, 1001, 1, 0), 5, 3)); // 1 << 10 = 1024 bytes
        server.wouldSend.clear();
        server.why.clear();
        server.now = 1_000_000;
        Segment beyond = ts(seg(C, S, Flags.PSH | Flags.ACK, 1001 + 4096, 7001, 64, 100), 6, 5);
        clientSends(beyond);
        assertThat(server.why).anyMatch(w -> w.contains("outside the receive window"));
        assertThat(server.wouldSend).extracting(Segment::ack).containsExactly(1001);
    }

    @Test void join_midConnection_isEstablishedWithTheseNumbers() {
        active.replayJoin(C, S, 5000, 9000);
        assertThat(active.state()).isEqualTo(State.ESTABLISHED);
        assertThat(active.snapshot().sndNxt()).isEqualTo(5000);
        assertThat(active.snapshot().rcvNxt()).isEqualTo(9000);
        active.replaySent(seg(C, S, Flags.PSH | Flags.ACK, 5000, 9000, 500, 100));
        assertThat(active.snapshot().sndNxt()).isEqualTo(5100);
    }
}
