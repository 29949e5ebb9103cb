package tcptutor.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tcptutor.sim.Call;
import tcptutor.sim.Host;
import tcptutor.sim.Reason;
import tcptutor.sim.Side;
import tcptutor.sim.World;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpOption;

/** Random segments at every state, and sequence numbers that wrap at 2^32. */
class TcbProperties {
    private static final int STATES = 11, PER_TRY = 1000;

    /** 1100 tries, 100 per starting state, 1000 segments each: 100,000 random segments per state. */
    @Property(tries = 1100, generation = GenerationMode.EXHAUSTIVE)
    void randomSegments_neverThrow_andKeepSndUnaAtOrBelowSndNxt(@ForAll @IntRange(min = 0, max = 1099) int i) {
        Random r = new Random(i * 7919L);
        boolean linux = i % 2 == 0;
        PeerLab l = start(i % STATES, linux ? Settings.linux() : Settings.rfc9293(), r);
        for (int k = 0; k < PER_TRY; k++) {
            Tcb t = l.tcb();
            Segment s = randomSegment(r, t);
            l.w.send(Side.YOU, s, Reason.of("random", ""));
            l.w.runUntil(l.w.now() + (r.nextInt(8) == 0 ? r.nextInt(2_000_000) : 0));
            l.peer.stack().forEach(TcbProperties::checkInvariants);
            if (t != null) checkInvariants(t);
        }
        l.w.runUntil(l.w.now() + 300_000_000L);
        for (Tcb x : l.peer.stack().all()) checkInvariants(x);
    }

    private static void checkInvariants(Tcb t) {
        TcbSnapshot s = t.snapshot();
        boolean hasIss = !(t.state() == State.LISTEN || t.state() == State.CLOSED) || s.sndNxt() != 0;
        if (hasIss && !Seq.le(s.sndUna(), s.sndNxt())) {
            throw new AssertionError("SND.UNA " + Seq.str(s.sndUna()) + " > SND.NXT " + Seq.str(s.sndNxt()) + " in " + t.state());
        }
        if (s.rcvWnd() < 0 || s.unreadBytes() < 0 || s.unsentBytes() < 0) throw new AssertionError("negative window or queue: " + s);
    }

    private static PeerLab start(int which, Settings s, Random r) {
        int iss = r.nextInt();
        PeerLab l = new PeerLab(s, iss);
        switch (which) {
            case 0 -> { }                                      // CLOSED: no socket
            case 1 -> l.listening();                           // LISTEN
            case 2 -> l.synSent();                             // SYN-SENT
            case 3 -> l.synReceived(new TcpOption.Mss(1460), TcpOption.SACK_PERMITTED, new TcpOption.Timestamps(5, 0),
                    TcpOption.NOP, new TcpOption.WindowScale(7));
            default -> {
                l.established(new TcpOption.Mss(1460), TcpOption.NOP, TcpOption.NOP, TcpOption.SACK_PERMITTED);
                l.peer.write(l.fd, new byte[3000]);            // data in flight
                l.w.runUntil(l.w.now());
                switch (which) {
                    case 4 -> { }                              // ESTABLISHED
                    case 5 -> l.peer.close(l.fd);              // FIN-WAIT-1
                    case 6 -> { l.peer.shutdown(l.fd); l.in(Flags.ACK, 1001, iss + 3002, 64240, 0); }   // FIN-WAIT-2
                    case 7 -> l.in(Flags.FIN | Flags.ACK, 1001, iss + 1, 64240, 0);                   // CLOSE-WAIT
                    case 8 -> { l.peer.close(l.fd); l.in(Flags.FIN | Flags.ACK, 1001, iss + 1, 64240, 0); }  // CLOSING
                    case 9 -> { l.in(Flags.FIN | Flags.ACK, 1001, iss + 1, 64240, 0); l.peer.close(l.fd); }  // LAST-ACK
                    default -> { l.peer.close(l.fd); l.in(Flags.FIN | Flags.ACK, 1001, iss + 3002, 64240, 0); }  // TIME-WAIT
                }
                l.w.runUntil(l.w.now());
            }
        }
        return l;
    }

    private static int near(Random r, int base) {
        return switch (r.nextInt(7)) {
            case 0 -> base;
            case 5 -> base + 1;
            case 6 -> base - 1;
            case 1 -> base + r.nextInt(64) - 32;
            case 2 -> base + r.nextInt(140_000) - 70_000;
            case 3 -> r.nextInt();
            default -> base + r.nextInt(4000);
        };
    }

    static Segment randomSegment(Random r, Tcb t) {
        int rcvNxt = t == null ? 1001 : t.snapshot().rcvNxt();
        int sndUna = t == null ? 0 : t.snapshot().sndUna();
        int flags = 0;
        int[] bits = {Flags.FIN, Flags.SYN, Flags.RST, Flags.PSH, Flags.ACK, Flags.URG};
        int[] odds = {6, 6, 6, 3, 2, 12};
        for (int b = 0; b < bits.length; b++) if (r.nextInt(odds[b]) == 0) flags |= bits[b];
        if (r.nextInt(3) == 0) flags |= Flags.ACK;
        int len = switch (r.nextInt(4)) { case 0 -> r.nextInt(1500); case 1 -> r.nextInt(10); default -> 0; };
        List<TcpOption> opts = new ArrayList<>();
        if (r.nextInt(4) == 0) { opts.add(TcpOption.NOP); opts.add(TcpOption.NOP); opts.add(new TcpOption.Timestamps(r.nextInt(100), r.nextInt())); }
        if (r.nextInt(8) == 0) opts.add(new TcpOption.Mss(r.nextInt(2000)));
        if (r.nextInt(8) == 0) opts.add(new TcpOption.WindowScale(r.nextInt(20)));
        if (r.nextInt(10) == 0) opts.add(new TcpOption.Sack(List.of(new TcpOption.SackBlock(near(r, sndUna), near(r, sndUna)))));
        int src = r.nextInt(20) == 0 ? 40001 : PeerLab.T;
        int dst = r.nextInt(30) == 0 ? 9999 : PeerLab.L;
        return Segment.of(src, dst, near(r, rcvNxt), near(r, sndUna), flags, r.nextInt(65536), opts, new byte[len]);
    }

    /** Both hosts run TCP; ISNs sit just below 2^32, so the handshake, the data and the FINs cross the wrap. */
    @Property(tries = 40)
    void isnsJustBelowTheWrap_handshakeTransferAndCloseWork(@ForAll @IntRange(min = 1, max = 300_000) int youBelow,
                                                           @ForAll @IntRange(min = 1, max = 300_000) int peerBelow,
                                                           @ForAll @IntRange(min = 1, max = 200_000) int size,
                                                           @ForAll boolean linux) {
        World w = new World(linux ? Settings.linux() : Settings.rfc9293(), youBelow * 31L + peerBelow);
        Host you = w.you(), peer = w.peer();
        you.raw(false);
        you.nextIsn(-youBelow);
        peer.nextIsn(-peerBelow);
        int l = peer.socket();
        peer.bind(l, 8080);
        peer.listen(l, 4);
        int c = you.socket();
        Call con = you.connect(c, 8080);
        Call acc = peer.accept(l);
        w.runUntil(() -> con.done() && acc.done(), 10_000_000);
        assertThat(con.result().value()).isZero();
        int a = (int) acc.result().value();
        byte[] up = pattern(size, 3), down = pattern(size / 2 + 1, 7);
        Call wu = you.write(c, up);
        Call wd = peer.write(a, down);
        byte[] gotUp = readAll(w, peer, a, up.length), gotDown = readAll(w, you, c, down.length);
        assertThat(wu.result().value()).isEqualTo(up.length);
        assertThat(wd.result().value()).isEqualTo(down.length);
        assertThat(gotUp).isEqualTo(up);
        assertThat(gotDown).isEqualTo(down);
        you.close(c);
        Call eof = peer.read(a, 10);
        w.runUntil(eof::done, w.now() + 10_000_000);
        assertThat(eof.result().value()).isZero();
        peer.close(a);
        w.runUntil(w.now() + 1_000_000);
        assertThat(you.connections()).extracting(ci -> ci.tcb().state()).containsExactly(State.TIME_WAIT);
        assertThat(peer.connections()).extracting(ci -> ci.tcb().state()).containsExactly(State.LISTEN);
        Tcb tw = you.stack().all().get(0);
        assertThat(Seq.lt(tw.snapshot().iss(), tw.snapshot().sndNxt())).isTrue();
    }

    private static byte[] pattern(int n, int mul) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * mul + i / 251);
        return b;
    }

    private static byte[] readAll(World w, Host h, int fd, int n) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (got.size() < n) {
            Call rd = h.read(fd, n - got.size());
            assertThat(w.runUntil(rd::done, w.now() + 60_000_000)).as("read completes").isTrue();
            assertThat(rd.result().failed()).isFalse();
            if (rd.result().value() == 0) break;
            got.writeBytes(rd.result().data());
        }
        return got.toByteArray();
    }
}
