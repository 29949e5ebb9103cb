package tcptutor.drill;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import tcptutor.drill.Event.Timing;
import tcptutor.sim.Call;
import tcptutor.sim.Reason;
import tcptutor.sim.Side;
import tcptutor.sim.SysResult;
import tcptutor.sim.TraceEvent;
import tcptutor.sim.World;
import tcptutor.tcp.Settings;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/**
 * Runs a script against the simulated peer with packetdrill's meaning (run.c, run_packet.c,
 * run_system_call.c). The script is the raw host "you"; the kernel under test is the peer, whose application
 * makes the script's system calls. Time is virtual: waiting costs nothing. Like packetdrill, the run stops at
 * the first event that does not happen as written; segments the peer sends after the last event are not
 * examined (packetdrill ends the script there).
 */
public final class Runner {
    /** The first event that did not happen as written. {@code expected}/{@code actual} may be empty. */
    public record Failure(String file, int line, String event, String message, String expected, String actual) {
        @Override public String toString() {
            StringBuilder b = new StringBuilder(file + ":" + line + ": " + event + "\n  " + message);
            if (!expected.isEmpty()) b.append("\n  expected: ").append(expected);
            if (!actual.isEmpty()) b.append("\n  actual:   ").append(actual);
            return b.toString();
        }
    }

    /** A script's outcome: passed when {@code failure} is null; {@code world} holds the trace of the run. */
    public record Outcome(Script script, Failure failure, World world) {
        public boolean passed() { return failure == null; }
    }

    private static final long BLOCK_LIMIT_USECS = 24L * 3600 * 1_000_000;   // a call that blocks longer never returns
    private static final long SNIFF_GRACE_USECS = 2_000_000;                // packetdrill waits 2 s past the expected time
    private static final long IDLE_WAIT_USECS = 1_000_000;                  // ... and 1 s for a blocking call to finish

    private final Script script;
    private final World world;
    private final long t0;
    private final Sockets sockets = new Sockets();
    private final AppCalls calls;
    private final Deque<TraceEvent.Sent> sniffed = new ArrayDeque<>();
    private final Verbose verbose;

    private Event last;          // the previous event
    private long lastStart;      // its time (script µs), after relative times were resolved
    private Pending pending;     // a blocking call ("...END") still running

    /** A call written with an end time, which runs while later events go on (packetdrill's syscall thread). */
    private static final class Pending {
        final Event event;
        final Event.Syscall call;
        final Call running;
        final long start, end;
        boolean checked;

        Pending(Event event, Event.Syscall call, Call running, long start, long end) {
            this.event = event;
            this.call = call;
            this.running = running;
            this.start = start;
            this.end = end;
        }
    }

    /** A failure found while running; carries what the report shows. */
    private static final class Fail extends RuntimeException {
        final Event at;
        final String expected, actual;

        Fail(Event at, String message, String expected, String actual) {
            super(message, null, false, false);
            this.at = at;
            this.expected = expected;
            this.actual = actual;
        }
    }

    private Runner(Script script, Settings base, long seed, Consumer<String> out) {
        this.script = script;
        Settings s = base;
        for (Sysctl c : script.init()) s = s.with(c.knob(), c.values());
        this.world = new World(s, seed);
        world.you().raw(true);
        world.link().delay(Side.YOU, 0);
        world.link().delay(Side.PEER, 0);
        this.t0 = world.now();
        this.calls = new AppCalls(world.peer(), sockets);
        this.verbose = out == null ? null : new Verbose(world, sockets, t0, out);
        world.trace().listen(this::traced);
    }

    /** Runs a script from a fresh world; {@code verbose} (may be null) receives every event as a line. */
    public static Outcome run(Script script, Settings base, long seed, Consumer<String> verbose) {
        return new Runner(script, base, seed, verbose).run();
    }

    private Outcome run() {
        try {
            for (Event ev : script.events()) {
                if (verbose != null) verbose.line(script.file(), ev);
                step(ev);
                last = ev;
            }
            if (pending != null && !pending.checked) {
                throw new Fail(pending.event, "the script ended while this blocking call was still running", "", "");
            }
            return new Outcome(script, null, world);
        } catch (Fail f) {
            Event e = f.at;
            return new Outcome(script, new Failure(script.file(), e.line(), e.text(), f.getMessage(), f.expected, f.actual), world);
        }
    }

    private long now() { return world.now() - t0; }

    private void traced(TraceEvent e) {
        if (e instanceof TraceEvent.Sent s && s.from() == Side.PEER) sniffed.add(s);
        if (verbose != null) verbose.event(e);
    }

    // ---- one event ----------------------------------------------------------------------------------------

    private void step(Event ev) {
        Timing t = ev.time();
        long offset = 0;
        if (t.relative()) {
            offset = last != null && last.inboundPacket() && ev.inboundPacket() ? lastStart : now();
        }
        long start = t.usecs() + offset;
        long end = t.range() ? t.usecsEnd() + offset : start;
        if (ev.action() instanceof Event.Packet p && !p.inbound()) {
            outbound(ev, p, start, end);
        } else {
            waitUntil(start);
            verifyTime(ev, "event", start, start, now(), "", "");
            if (ev.action() instanceof Event.Packet p) inbound(ev, p);
            else if (ev.action() instanceof Event.Syscall sc) syscall(ev, sc, start, offset);
            else if (ev.action() instanceof Event.Command c) command(c);
            // a %{ code }% block: skipped (the parser warned)
        }
        lastStart = start;
    }

    private void inbound(Event ev, Event.Packet p) {
        Sockets.Sock s = sockets.forInbound(p);
        Sockets.Wire w = sockets.toWire(s, p);
        if (w.problem() != null) throw new Fail(ev, w.problem(), "", "");
        world.send(Side.YOU, w.segment(), Reason.of("injected by the script, line " + ev.line(), "packetdrill"));
        advance(world.now(), null);
    }

    private void outbound(Event ev, Event.Packet p, long start, long end) {
        Sockets.Sock s = sockets.forOutbound(p);
        if (s == null) throw new Fail(ev, "no socket for this outbound packet: no connection or socket exists yet", "", "");
        long deadline = ev.time().kind() == Timing.Kind.ANY ? now() + BLOCK_LIMIT_USECS : Math.max(start, end) + SNIFF_GRACE_USECS;
        TraceEvent.Sent got = sniff(deadline);
        String want = Notation.packet(p) + when(ev, start, end);
        if (got == null) {
            throw new Fail(ev, "the peer sent nothing (waited until " + Notation.secs(Math.min(deadline, now())) + " s)", want, "nothing");
        }
        sockets.sniffed(s, p, got.segment());
        Segment live = aggregate(ev, p, got, deadline, want);
        Segment mapped = sockets.toScript(s, live);
        rememberTsVal(s, p, live);
        long at = lastFragmentAt - t0;
        String actual = Notation.segment(mapped) + " at " + Notation.secs(at);
        List<String> diffs = Compare.differences(p, mapped);
        if (!diffs.isEmpty()) throw new Fail(ev, "wrong outbound packet: " + String.join("; ", diffs), want, actual);
        verifyTime(ev, "outbound packet", start, end, at, want, actual);
    }

    private long lastFragmentAt;

    /**
     * packetdrill's aggregation (run_packet.c do_outbound_script_packet, without --strict_segments): while the
     * segments sniffed carry less payload than the script line expects, the next ones are added if they continue
     * the previous (same flags but FIN/PSH/CWR, SEQ = previous SEQ + its payload, same ACK, window and option
     * length; every fragment but the last as long as the previous). The result has the last fragment's header
     * with the first one's SEQ; its time is the last fragment's. So a pure ACK just before expected data is
     * absorbed, and one line may stand for several segments.
     */
    private Segment aggregate(Event ev, Event.Packet p, TraceEvent.Sent first, long deadline, String want) {
        Segment prev = first.segment();
        lastFragmentAt = first.at();
        int total = prev.payloadLength();
        if (total >= p.length()) return prev;
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
        payload.writeBytes(prev.payload());
        int mask = tcptutor.wire.Flags.FIN | tcptutor.wire.Flags.PSH | tcptutor.wire.Flags.CWR;
        while (total < p.length()) {
            TraceEvent.Sent next = sniff(deadline);
            if (next == null) break;
            Segment cur = next.segment();
            String bad = null;
            if (cur.dataOffset() != prev.dataOffset()) bad = "option length";
            else if ((cur.flags() & ~mask) != (prev.flags() & ~mask)) bad = "flags";
            else if (cur.seq() != prev.seq() + prev.payloadLength()) bad = "tcp_seq";
            else if (cur.ack() != prev.ack()) bad = "tcp_ack_seq";
            else if (cur.window() != prev.window()) bad = "tcp_window";
            else if (cur.payloadLength() < p.length() - total && cur.payloadLength() != prev.payloadLength()) bad = "fragment payload";
            if (bad != null) {
                throw new Fail(ev, "the segments sent do not add up to this line: after " + total + " of " + p.length()
                        + " payload bytes the next segment differs in " + bad, want, Notation.segment(cur));
            }
            payload.writeBytes(cur.payload());
            total += cur.payloadLength();
            prev = cur;
            lastFragmentAt = next.at();
        }
        if (prev == first.segment()) return prev;
        Segment last = prev;
        return new Segment(last.srcPort(), last.dstPort(), first.segment().seq(), last.ack(), last.dataOffset(), last.flags(),
                last.window(), last.checksum(), last.urgentPointer(), last.options(), payload.toByteArray());
    }

    private void rememberTsVal(Sockets.Sock s, Event.Packet p, Segment live) {
        if (p.options() == null) return;
        TcpOption.Timestamps want = null, got = null;
        for (TcpOption o : p.options()) if (o instanceof TcpOption.Timestamps ts) want = ts;
        for (TcpOption o : live.options()) if (o instanceof TcpOption.Timestamps ts) got = ts;
        if (want != null && got != null) sockets.tsValSeen(s, want, got);
    }

    /** The next segment the peer sent on the connection under test, waiting in virtual time until {@code deadline}. */
    private TraceEvent.Sent sniff(long deadline) {
        while (true) {
            while (!sniffed.isEmpty()) {
                TraceEvent.Sent s = sniffed.poll();
                Sockets.Sock owner = sockets.owner(s.segment());
                if (owner == null) {
                    if (verbose != null) verbose.note("not on the connection under test, not examined: " + Notation.segment(s.segment()));
                    continue;
                }
                return s;
            }
            if (!advance(deadline + t0, () -> !sniffed.isEmpty())) return null;
        }
    }

    private void syscall(Event ev, Event.Syscall sc, long start, long offset) {
        if (pending != null && !pending.checked) {
            advance(world.now() + IDLE_WAIT_USECS, () -> pending.checked);
            if (!pending.checked) {
                throw new Fail(ev, "blocking system call while another blocking system call is already in progress", "", "");
            }
        }
        Call c;
        try {
            c = calls.start(sc, ev.text());
        } catch (AppCalls.Unsupported u) {
            throw new Fail(ev, u.getMessage(), "", "");
        }
        if (sc.blocking()) {
            long end = ev.time().relative() ? sc.endUsecs() + offset : sc.endUsecs();
            pending = new Pending(ev, sc, c, start, end);
            checkPending();
            return;
        }
        if (!c.done()) advance(world.now() + BLOCK_LIMIT_USECS, c::done);
        if (!c.done()) throw new Fail(ev, "the call never returned (blocked for 24 h of virtual time)", "", "");
        checkResult(ev, sc, c.result());
    }

    private void checkResult(Event ev, Event.Syscall sc, SysResult r) {
        String bad;
        try {
            bad = calls.check(sc, r);
        } catch (AppCalls.Unsupported u) {
            throw new Fail(ev, u.getMessage(), "", "");
        }
        if (bad != null) throw new Fail(ev, bad, "= " + sc.result() + (sc.errno() == null ? "" : " " + sc.errno()), "= " + r);
    }

    private void checkPending() {
        Pending p = pending;
        if (p == null || p.checked || !p.running.done()) return;
        p.checked = true;
        checkResult(p.event, p.call, p.running.result());
        long tol = tolerance(p.end - p.start);
        long at = now();
        if (at < p.end - tol || at > p.end + tol) {
            throw new Fail(p.event, "timing error: expected the system call to return at " + Notation.secs(p.end)
                    + " sec but it returned at " + Notation.secs(at) + " sec; tolerance " + Notation.secs(tol) + " sec", "", "");
        }
    }

    private void command(Event.Command c) {
        Settings s = world.settings();
        for (Sysctl x : c.settings()) s = s.with(x.knob(), x.values());
        world.settings(s);
    }

    // ---- time ---------------------------------------------------------------------------------------------

    /**
     * Runs the world to {@code start} (script µs). Timers due exactly then run after the script's event, as a
     * real kernel's timers fire on the tick after their expiry (a delayed ACK due as the next segment arrives
     * covers that segment too).
     */
    private void waitUntil(long start) {
        if (start > now()) {
            advance(start + t0 - 1, null);
            world.runBefore(start + t0);
            checkPending();
        }
    }

    /**
     * Runs scheduled events up to {@code deadline} (world µs), stopping as soon as {@code stop} holds; a blocking
     * call that completes meanwhile is checked at the moment it completes. Returns whether {@code stop} holds.
     */
    private boolean advance(long deadline, BooleanSupplier stop) {
        while (true) {
            checkPending();
            if (stop != null && stop.getAsBoolean()) return true;
            OptionalLong next = world.nextEventAt();
            if (next.isEmpty() || next.getAsLong() > deadline) {
                if (world.now() < deadline) world.runUntil(deadline);
                checkPending();
                return stop != null && stop.getAsBoolean();
            }
            world.step();
        }
    }

    /** packetdrill's tolerance: 4 ms, or 12.5 % of the time since the previous event if that is more. */
    private long tolerance(long sincePrevious) {
        long dynamic = (long) (script.tolerancePercent() / 100.0 * sincePrevious);
        return Math.max(script.toleranceUsecs(), dynamic);
    }

    private void verifyTime(Event ev, String what, long start, long end, long actual, String want, String got) {
        Timing t = ev.time();
        if (t.kind() == Timing.Kind.ANY) return;
        long tol = last == null ? script.toleranceUsecs() : tolerance(start - lastStart);
        if (actual >= start - tol && actual <= end + tol) return;
        String expected = t.range() ? "in time range " + Notation.secs(start) + "~" + Notation.secs(end) : "at " + Notation.secs(start);
        String msg = "timing error: expected " + what + " " + expected + " sec but it happened at " + Notation.secs(actual)
                + " sec; tolerance " + Notation.secs(tol) + " sec";
        throw new Fail(ev, msg, want, got);
    }

    private static String when(Event ev, long start, long end) {
        if (ev.time().kind() == Timing.Kind.ANY) return " at any time";
        return ev.time().range() ? " at " + Notation.secs(start) + "~" + Notation.secs(end) : " at " + Notation.secs(start);
    }
}
