package tcptutor.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tcptutor.capture.TraceExport;
import tcptutor.command.Command;
import tcptutor.command.CommandError;
import tcptutor.command.Completer;
import tcptutor.command.Parser;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.sim.World;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Settings;
import tcptutor.tcp.State;
import tcptutor.tcp.TcbSnapshot;
import tcptutor.view.EventLines;
import tcptutor.view.TextDiagram;
import tcptutor.view.TextLadder;

/**
 * A learner's world, the journal of the commands that shaped it, and the extensions (lessons) hooked into it.
 * Every UI drives one: the REPL, the text UI's console, lesson walk-throughs. Same config + same journal:
 * the same trace, event for event.
 *
 * <p>After each command the world runs until it is quiet for the moment: segments in flight arrive, replies go out,
 * delayed ACKs fire; timers further away (retransmissions, keepalive, TIME-WAIT) wait for {@code wait} or
 * {@code step}. {@link #world()} is a new object after {@code reset}, {@code load}, {@code set seed}, and after
 * {@code set profile}/{@code set KNOB} while no segment has been sent yet (the world is rebuilt with the new settings).
 */
public final class Session {
    private final SessionConfig initial;
    private final List<CommandExtension> extensions = new ArrayList<>();
    private final List<ExecutionListener> listeners = new ArrayList<>();
    private List<String> notes;
    private final Parser parser = new Parser(() -> extensions);
    private final Completer completer = new Completer(() -> extensions);
    private final List<String> journal = new ArrayList<>();
    /** Trace indexes where commands began (for explain: what a delivery caused stops at the next command). */
    private final java.util.TreeSet<Integer> boundaries = new java.util.TreeSet<>();
    private Settings settings;
    private long seed, delay;
    private boolean relative, assist;
    private int peerPort;
    private World world;
    private Shadow shadow;
    private Sockets sockets;
    private Runner runner;
    /** True while apply() replays the journal into a rebuilt world: settings lines are already in effect. */
    private boolean replaying;

    public Session(SessionConfig config) {
        this.initial = config;
        prefs(config);
        build();
    }

    private void prefs(SessionConfig c) {
        settings = c.settings();
        seed = c.seed();
        delay = c.linkDelayMicros();
        relative = c.relativeNumbers();
        assist = c.assist();
    }

    /** A fresh world with the current preferences; the peer listens as the config says. */
    private void build() {
        boundaries.clear();
        peerPort = initial.peerPort() > 0 ? initial.peerPort() : SessionConfig.PEER_PORT;
        world = new World(settings, seed);
        if (delay > 0) {
            world.link().delay(Side.YOU, delay);
            world.link().delay(Side.PEER, delay);
        }
        shadow = new Shadow(world.trace(), seed, settings.get(Knob.tcp_timewait_len) * 1_000_000L, initial.yourIsn());
        sockets = new Sockets(world);
        runner = new Runner(world, shadow, sockets);
        runner.linkDelay(delay);
        if (initial.peerPort() > 0) sockets.listen(Side.PEER, initial.peerPort(), initial.peerBacklog());
    }

    /** The world as it is now (see the class comment for when it is replaced). */
    public World world() { return world; }

    /** The config the session started from. */
    public SessionConfig config() { return initial; }

    /** The current settings (profile and knobs), as {@code set} left them. */
    public Settings settings() { return settings; }

    public long seed() { return seed; }

    /**
     * Parses and runs one line and tells the listeners; never throws for bad input. Blank lines and
     * {@code # comments} do nothing (and are not reported to listeners).
     */
    public Outcome execute(String line) {
        Outcome o = run(line);
        if (o.command() == null && o.ok()) return o;
        notes = new ArrayList<>();
        try {
            for (ExecutionListener l : List.copyOf(listeners)) l.executed(line, o);
            return notes.isEmpty() ? o : o.followedBy(notes);
        } finally {
            notes = null;
        }
    }

    /**
     * Called by a listener while it is told about a command: adds a line under that command's output
     * (a lesson's "done! type next"), so every UI prints it where it belongs. Ignored outside a command.
     */
    public void note(String line) {
        if (notes != null) notes.add(line);
    }

    private Outcome run(String line) {
        if (!line.isBlank() && !replaying) {
            for (CommandExtension e : List.copyOf(extensions)) if (e.takes(line)) return taken(e, line);
        }
        Command cmd;
        try {
            cmd = parser.parse(line);
        } catch (CommandError e) {
            return Outcome.failed(null, e, List.of());
        }
        if (cmd == null) return Outcome.empty();
        World before = world;
        int mark = world.trace().size();
        boundaries.add(mark);
        sockets.touched = false;
        try {
            List<String> lines = dispatch(cmd, mark);
            if (journaled(cmd)) journal.add(line.strip());
            return Outcome.ok(cmd, lines, world == before ? world.trace().since(mark) : List.of());
        } catch (CommandError e) {
            if (sockets.touched && world == before) journal.add(line.strip()); // it changed the world: replay must too
            return Outcome.failed(cmd, e, world == before ? world.trace().since(mark) : List.of());
        }
    }

    /** A line an extension takes as its input (a quiz answer): not parsed, not journaled. */
    private Outcome taken(CommandExtension e, String line) {
        Command.Extension cmd = new Command.Extension(line, e.commands().isEmpty() ? "" : e.commands().get(0).name(), List.of());
        try {
            return Outcome.ok(cmd, e.take(this, line), List.of());
        } catch (CommandError err) {
            return Outcome.failed(cmd, err, List.of());
        }
    }

    private static boolean journaled(Command c) {
        return c instanceof Command.Send || c instanceof Command.SocketCall || c instanceof Command.Wait
                || c instanceof Command.Step || c instanceof Command.Fault || c instanceof Command.Loss
                || c instanceof Command.SetNumbers || c instanceof Command.SetAssist || c instanceof Command.SetProfile
                || c instanceof Command.SetKnob || c instanceof Command.SetDelay;
    }

    private EventLines eventLines() { return new EventLines(relative, initial.youPort(), peerPort); }

    private List<String> dispatch(Command cmd, int mark) {
        long since = world.now();
        List<String> pre = new ArrayList<>();
        if (cmd instanceof Command.Send c) {
            Craft.Result r = Craft.build(c, world, shadow, relative, assist, initial.youPort(), peerPort, world.now());
            runner.send(c, r);
        } else if (cmd instanceof Command.SocketCall c) {
            if (c.side() == Side.YOU && world.you().raw()) {
                sockets.touched = true;
                pre.add(runner.leaveRawMode());
            }
            pre.addAll(sockets.run(c, initial.youPort(), peerPort));
            if (c.side() == Side.PEER && c.action() == Command.Action.LISTEN && c.port() != null) peerPort = c.port();
            runner.settle();
        } else if (cmd instanceof Command.Wait w) {
            long micros = w.msl() != 0 ? Math.round(w.msl() * settings.get(Knob.tcp_msl) * 1_000_000L) : w.micros();
            runner.advance(world.now() + micros);
            runner.settle();
        } else if (cmd instanceof Command.Step s) {
            if (!runner.step(s.count())) pre.add("nothing is scheduled: the world is quiet");
        } else if (cmd instanceof Command.Fault f) {
            pre.add(runner.fault(f));
        } else if (cmd instanceof Command.Loss l) {
            world.link().lossRate(l.rate());
            pre.add("random loss " + Math.round(l.rate() * 1000) / 10.0 + "% in both directions (seeded: the same every run)");
        } else {
            return settingsOrViews(cmd);
        }
        List<String> out = new ArrayList<>(pre);
        List<TraceEvent> all = world.trace().events();
        out.addAll(eventLines().render(all, mark, since));
        long last = all.size() > mark ? all.get(all.size() - 1).at() : since;
        if ((cmd instanceof Command.Wait || cmd instanceof Command.Step) && world.now() > last) {
            out.add("  [+" + EventLines.duration(world.now() - last) + ", t=" + EventLines.seconds(world.now()) + " s]"
                    + (all.size() == mark ? " nothing happened" : ""));
        }
        out.addAll(sockets.poll(true));
        String flying = runner.inFlight();
        if (flying != null) out.add(flying);
        return out;
    }

    private List<String> settingsOrViews(Command cmd) {
        if (cmd instanceof Command.Show s) return show(s);
        if (cmd instanceof Command.Explain e) return Views.explain(world, e.id(), eventLines(), boundaries);
        if (cmd instanceof Command.SetNumbers n) {
            relative = n.relative();
            return List.of(relative ? "numbers: relative (each side counts from its ISN; a SYN's seq is its ISN)"
                    : "numbers: absolute (as on the wire)");
        }
        if (cmd instanceof Command.SetAssist a) {
            assist = a.on();
            return List.of(assist ? "assist on: numbers you leave out are filled in as a correct TCP would"
                    : "assist off (manual mode): give every number: seq=, ack= (with ACK), win=");
        }
        if (cmd instanceof Command.SetProfile p) {
            Settings next = Settings.of(p.profile());
            for (var e : settings.overrides().entrySet()) next = next.with(e.getKey(), e.getValue());
            return apply(next, "profile " + p.profile().id());
        }
        if (cmd instanceof Command.SetKnob k) {
            StringBuilder v = new StringBuilder();
            for (long x : k.values()) v.append(v.length() == 0 ? "" : ",").append(x);
            return apply(settings.with(k.knob(), k.values()), k.knob().name() + " = " + v);
        }
        if (cmd instanceof Command.SetSeed s) {
            if (replaying) return List.of();
            seed = s.seed();
            build();
            journal.clear();
            journal.addAll(prelude());
            return List.of("seed " + seed + ": started again from a fresh world (the journal starts over)");
        }
        if (cmd instanceof Command.SetDelay d) {
            delay = d.micros();
            world.link().delay(Side.YOU, delay);
            world.link().delay(Side.PEER, delay);
            runner.linkDelay(delay);
            return List.of("link delay " + EventLines.duration(delay) + " each way");
        }
        if (cmd instanceof Command.Reset) {
            reset();
            return List.of("a fresh world: " + describe());
        }
        if (cmd instanceof Command.History) return history();
        if (cmd instanceof Command.Save s) {
            try {
                save(Path.of(s.file()));
            } catch (IOException | RuntimeException e) {
                throw CommandError.cannot("cannot write " + s.file() + ": " + e.getMessage());
            }
            return List.of("saved " + journal.size() + " commands to " + s.file());
        }
        if (cmd instanceof Command.Load l) {
            try {
                return load(Path.of(l.file())).lines();
            } catch (IOException | RuntimeException e) {
                throw CommandError.cannot("cannot read " + l.file() + ": " + e.getMessage());
            }
        }
        if (cmd instanceof Command.Export x) {
            Path file = Path.of(x.file());
            try {
                return List.of(TraceExport.summary(TraceExport.write(world, file), file, world));
            } catch (java.nio.file.NoSuchFileException e) {
                throw CommandError.cannot("cannot write " + x.file() + ": its directory does not exist");
            } catch (java.nio.file.AccessDeniedException e) {
                throw CommandError.cannot("cannot write " + x.file() + ": permission denied; choose another place");
            } catch (IOException | RuntimeException e) {
                throw CommandError.cannot("cannot write " + x.file() + ": " + e.getMessage());
            }
        }
        if (cmd instanceof Command.Help h) return Views.help(h.topic(), extensions);
        if (cmd instanceof Command.Quit) return List.of();
        if (cmd instanceof Command.Extension x) {
            for (CommandExtension e : List.copyOf(extensions)) {
                for (var c : e.commands()) if (c.name().equalsIgnoreCase(x.name())) return e.run(this, x);
            }
            throw CommandError.cannot("'" + x.name() + "' is no longer available");
        }
        throw new IllegalStateException("unhandled command " + cmd);
    }

    /**
     * New settings. Before the first segment the world is rebuilt with them and the journal so far replayed
     * (its set lines are already in effect then, so they do nothing during the replay); later they apply to
     * what is created from now on.
     */
    private List<String> apply(Settings next, String what) {
        settings = next;
        if (replaying) return List.of();
        if (world.trace().of(TraceEvent.Sent.class).isEmpty()) {
            List<String> replay = List.copyOf(journal);
            build();
            replaying = true;
            try {
                for (String l : replay) run(l);
            } finally {
                replaying = false;
            }
            journal.clear();
            journal.addAll(replay);
            return List.of(what + " (the world was rebuilt with it)");
        }
        world.settings(settings);
        return List.of(what + " (applies to sockets created and timers armed from now on; 'reset' to start over with it)");
    }

    private List<String> show(Command.Show s) {
        return switch (s.what()) {
            case STATE -> Views.state(world, shadow, s.side());
            case TCB -> Views.tcb(tcb(Side.YOU), tcb(Side.PEER), s.side(), relative);
            case HEADER -> Views.header(world, s.id(), eventLines());
            case HEX -> Views.hex(world, s.id(), eventLines());
            case TRACE -> {
                List<String> l = eventLines().render(world.trace().events(), 0, 0);
                yield l.isEmpty() ? List.of("(nothing has happened yet)") : l;
            }
            case TIMERS -> Views.timers(world, shadow, s.side());
            case DIAGRAM -> TextDiagram.render(state(Side.YOU), state(Side.PEER), 100);
            case LADDER -> TextLadder.render(world.trace().events(), relative, 100);
            case SETTINGS -> Views.settings(settings, seed, relative, assist, delay);
        };
    }

    private List<String> history() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < journal.size(); i++) out.add(String.format("%4d  %s", i + 1, journal.get(i)));
        if (out.isEmpty()) out.add("(no commands yet)");
        return out;
    }

    /** "peer listening on port 80, you at 192.0.2.1:40000 (raw), profile linux, seed 1". */
    public String describe() {
        return (initial.peerPort() > 0 ? "peer (" + world.peer().address().getHostAddress() + ") listening on port " + initial.peerPort()
                : "peer (" + world.peer().address().getHostAddress() + ") with no listener") + "; you at "
                + world.you().address().getHostAddress() + ":" + initial.youPort() + (world.you().raw() ? " (raw: you craft the segments)" : "")
                + "; profile " + settings.profile() + ", seed " + seed + ", assist " + (assist ? "on" : "off");
    }

    /** The commands that set this session's preferences apart from its config (what a journal starts with). */
    private List<String> prelude() {
        List<String> out = new ArrayList<>();
        if (seed != initial.seed()) out.add("set seed " + seed);
        if (settings.profile() != initial.settings().profile()) out.add("set profile " + settings.profile().id());
        Settings base = settings.profile() == initial.settings().profile() ? initial.settings() : Settings.of(settings.profile());
        for (Knob k : Knob.values()) {
            if (!java.util.Arrays.equals(base.all(k), settings.all(k))) {
                StringBuilder v = new StringBuilder();
                for (long x : settings.all(k)) v.append(v.length() == 0 ? "" : ",").append(x);
                out.add("set " + k.name() + "=" + v);
            }
        }
        if (relative != initial.relativeNumbers()) out.add("set numbers " + (relative ? "relative" : "absolute"));
        if (assist != initial.assist()) out.add("set assist " + (assist ? "on" : "off"));
        if (delay != initial.linkDelayMicros()) out.add("set delay " + delay + "us");
        return out;
    }

    /** Every line that shaped the world since the start or the last reset, in order (what {@code save} writes). */
    public List<String> journal() { return List.copyOf(journal); }

    /**
     * Starts again from a fresh world, keeping the preferences the learner set (profile, knobs, seed, numbers,
     * assist, delay); the journal restarts with the {@code set} lines that reproduce them.
     */
    public void reset() {
        build();
        journal.clear();
        journal.addAll(prelude());
    }

    /** Writes the journal, one command a line, after a comment header. */
    public void save(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# tcptutor journal: 'tcptutor repl --script FILE' or 'load FILE' replays it");
        lines.addAll(journal);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * Starts again from the session's config (preferences too) and replays the file's commands, going on past
     * failures (a journal replays the ones that failed when it was recorded, identically). The outcome sums it up.
     */
    public Outcome load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        prefs(initial);
        build();
        journal.clear();
        List<String> out = new ArrayList<>();
        int n = 0, failed = 0;
        for (int i = 0; i < lines.size(); i++) {
            Outcome o = run(lines.get(i));
            if (o.command() == null && o.ok()) continue;
            n++;
            if (!o.ok()) {
                failed++;
                out.add(file.getFileName() + ":" + (i + 1) + ": " + o.lines().get(0));
            }
        }
        out.add(0, "loaded " + n + " commands from " + file + (failed == 0 ? "" : ", " + failed + " failed")
                + "; 'show trace' or 'show ladder' shows what happened");
        Command.Load cmd = new Command.Load("load " + file, file.toString());
        return failed == 0 ? Outcome.ok(cmd, out, world.trace().events())
                : new Outcome(false, cmd, out, world.trace().events(), CommandError.cannot(failed + " commands failed"), false);
    }

    /** Whether typed and shown numbers are relative to each side's ISN. */
    public boolean relativeNumbers() { return relative; }

    public void relativeNumbers(boolean on) { relative = on; }

    /** Whether numbers left out are filled in (assist) or must be given (manual mode). */
    public boolean assist() { return assist; }

    public void assist(boolean on) { assist = on; }

    /** Your current connection's TCB (the shadow's in raw mode), or the peer's; null when there is none. */
    public TcbSnapshot tcb(Side side) {
        return side == Side.YOU ? Views.yours(world, shadow, sockets.connFd(Side.YOU)) : Views.peers(world, sockets.connFd(Side.PEER));
    }

    /** The state of that side's current connection (CLOSED when there is none; LISTEN for a listening peer). */
    public State state(Side side) {
        TcbSnapshot t = tcb(side);
        if (t != null) return t.state();
        return side == Side.PEER && sockets.listenFd(Side.PEER) >= 0 ? State.LISTEN : State.CLOSED;
    }

    /** Adds commands (a lesson's hint/next/...) to this session's language, help and completion. */
    public void addExtension(CommandExtension e) { extensions.add(e); }

    public void removeExtension(CommandExtension e) { extensions.remove(e); }

    /** Called after every executed line (not blank lines or comments), with its outcome. */
    public void onExecuted(ExecutionListener l) { listeners.add(l); }

    public void removeListener(ExecutionListener l) { listeners.remove(l); }

    /** The prompt of an extension taking the learner's lines (a quiz: "answer (a-d)> "), or null for the usual one. */
    public String inputPrompt() {
        for (CommandExtension e : List.copyOf(extensions)) {
            String p = e.prompt();
            if (p != null) return p;
        }
        return null;
    }

    /** Completion for this session's language, extensions included. */
    public Completer completer() { return completer; }

    /** The parser of this session's language, extensions included (for highlighting and checking lesson files). */
    public Parser parser() { return parser; }
}
