package tcptutor.session;

import java.util.ArrayList;
import java.util.List;
import tcptutor.command.Command;
import tcptutor.command.CommandError;
import tcptutor.command.CommandInfo;
import tcptutor.command.Grammar;
import tcptutor.sim.Conn;
import tcptutor.sim.ConnInfo;
import tcptutor.sim.Side;
import tcptutor.sim.Timer;
import tcptutor.sim.TraceEvent;
import tcptutor.sim.World;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Settings;
import tcptutor.tcp.TcbSnapshot;
import tcptutor.view.EventLines;
import tcptutor.view.SegmentDetail;
import tcptutor.view.TcbTable;
import tcptutor.view.TextDiagram;
import tcptutor.view.TextLadder;

/** What {@code show}, {@code explain} and {@code help} print for a session. */
final class Views {
    private Views() {}

    /** Your current connection's TCB: the shadow's in raw mode, your stack's otherwise; null if none. */
    static TcbSnapshot yours(World w, Shadow shadow, int connFd) {
        if (w.you().raw()) {
            Conn c = shadow.last();
            return c == null ? null : shadow.find(c).snapshot();
        }
        return current(w.you().connections(), connFd);
    }

    /** The peer's connection (by fd, else the newest non-listener), or null. */
    static TcbSnapshot peers(World w, int connFd) { return current(w.peer().connections(), connFd); }

    private static TcbSnapshot current(List<ConnInfo> conns, int fd) {
        ConnInfo best = null;
        for (ConnInfo ci : conns) {
            if (ci.conn().remotePort() == 0) continue;
            if (fd >= 0 && ci.fd() == fd) return ci.tcb();
            best = ci;
        }
        return best == null ? null : best.tcb();
    }

    static List<String> state(World w, Shadow shadow, Side only) {
        List<String> out = new ArrayList<>();
        if (only != Side.PEER) {
            if (w.you().raw()) {
                if (shadow.all().isEmpty()) out.add("you   CLOSED  (raw mode: you craft every segment; no connection yet)");
                for (var e : shadow.all().entrySet()) {
                    out.add("you   " + pad(e.getValue().state.rfcName(), 13) + e.getKey() + "  (raw mode: your TCB as RFC 9293 keeps it)");
                }
            } else {
                sockets(out, "you", w.you().connections());
            }
        }
        if (only != Side.YOU) sockets(out, "peer", w.peer().connections());
        return out;
    }

    private static void sockets(List<String> out, String who, List<ConnInfo> conns) {
        if (conns.isEmpty()) out.add(pad(who, 6) + "CLOSED  (no sockets)");
        for (ConnInfo ci : conns) {
            String fd = ci.fd() >= 0 ? "fd " + ci.fd() : ci.orphaned() ? "orphaned (closed by the application)"
                    : ci.conn().remotePort() == 0 ? "" : "not accepted yet";
            out.add(pad(who, 6) + pad(ci.tcb().state().rfcName(), 13) + pad(ci.conn().toString(), 16) + fd);
        }
    }

    static List<String> timers(World w, Shadow shadow, Side only) {
        List<String> out = new ArrayList<>();
        long now = w.now();
        if (only != Side.PEER && !w.you().raw()) timerLines(out, "you", w.you().connections(), now);
        if (only != Side.PEER && w.you().raw()) {
            for (var e : shadow.all().entrySet()) {
                long d = e.getValue().timeWaitDeadline;
                if (d >= 0) out.add(line("you", e.getKey(), Timer.TIME_WAIT, d, now));
            }
        }
        if (only != Side.YOU) timerLines(out, "peer", w.peer().connections(), now);
        if (out.isEmpty()) out.add("no timers running");
        return out;
    }

    private static void timerLines(List<String> out, String who, List<ConnInfo> conns, long now) {
        for (ConnInfo ci : conns) {
            ci.timers().entrySet().stream().sorted(java.util.Map.Entry.comparingByValue())
                    .forEach(t -> out.add(line(who, ci.conn(), t.getKey(), t.getValue(), now)));
        }
    }

    private static String line(String who, Conn c, Timer t, long deadline, long now) {
        return pad(who, 6) + pad(c.toString(), 16) + pad(t.label(), 26) + "fires in " + EventLines.duration(Math.max(0, deadline - now))
                + " (t=" + EventLines.seconds(deadline) + " s)";
    }

    static List<String> tcb(TcbSnapshot you, TcbSnapshot peer, Side only, boolean relative) {
        if (only == Side.YOU) return TcbTable.render(List.of("you"), java.util.Arrays.asList(you), relative);
        if (only == Side.PEER) return TcbTable.render(List.of("peer"), java.util.Arrays.asList(peer), relative);
        return TcbTable.render(List.of("you", "peer"), java.util.Arrays.asList(you, peer), relative);
    }

    /** The segment {@code id}, or the last one sent; a CommandError if there is none. */
    static TraceEvent.Sent segment(World w, Integer id) {
        if (id == null) {
            List<TraceEvent.Sent> all = w.trace().of(TraceEvent.Sent.class);
            if (all.isEmpty()) throw CommandError.cannot("no segment has been sent yet");
            return all.get(all.size() - 1);
        }
        TraceEvent.Sent s = w.trace().segment(id);
        if (s == null) {
            int n = w.trace().of(TraceEvent.Sent.class).size();
            throw CommandError.cannot("there is no segment #" + id + (n == 0 ? " (none sent yet)" : " (segments are #1 to #" + n + ")"));
        }
        return s;
    }

    static List<String> header(World w, Integer id, EventLines lines) {
        TraceEvent.Sent s = segment(w, id);
        List<String> out = new ArrayList<>();
        out.add(lines.segmentLine(s, lines.shown(w.trace().events(), s)));
        out.addAll(SegmentDetail.fields(s.segment(), s.from() == Side.YOU ? w.you().address() : w.peer().address(),
                s.from() == Side.YOU ? w.peer().address() : w.you().address()));
        return out;
    }

    static List<String> hex(World w, Integer id, EventLines lines) {
        TraceEvent.Sent s = segment(w, id);
        List<String> out = new ArrayList<>();
        out.add(lines.segmentLine(s, lines.shown(w.trace().events(), s)));
        out.addAll(SegmentDetail.hex(s.segment(), s.from() == Side.YOU ? w.you().address() : w.peer().address(),
                s.from() == Side.YOU ? w.peer().address() : w.you().address()));
        return out;
    }

    /** Why segment #N was sent, and what its receiver did with it (the events its delivery caused). */
    static List<String> explain(World w, Integer id, EventLines lines, java.util.NavigableSet<Integer> boundaries) {
        TraceEvent.Sent s = segment(w, id);
        List<TraceEvent> all = w.trace().events();
        List<String> out = new ArrayList<>();
        out.add(lines.segmentLine(s, lines.shown(all, s)));
        String who = s.from() == Side.YOU ? "you" : "the peer";
        out.add("  sent by " + who + ": " + s.why().text() + (s.why().rule().isEmpty() ? "" : "  (" + s.why().rule() + ")"));
        boolean delivered = false;
        for (int i = 0; i < all.size(); i++) {
            TraceEvent e = all.get(i);
            if (e instanceof TraceEvent.Lost l && l.id() == s.id()) out.add("  lost on the link: " + l.why());
            if (e instanceof TraceEvent.Handled h && h.id() == s.id()) {
                out.add("  " + h.who() + " " + h.why().text() + (h.why().rule().isEmpty() ? "" : "  (" + h.why().rule() + ")"));
            }
            if (!(e instanceof TraceEvent.Delivered d) || d.id() != s.id()) continue;
            delivered = true;
            out.add("  delivered to " + d.to() + " at t=" + EventLines.seconds(d.at()) + " s; then:");
            int before = out.size();
            Integer stop = boundaries.higher(i);
            for (int j = i + 1; j < all.size() && (stop == null || j < stop); j++) {
                TraceEvent f = all.get(j);
                if (f.at() != d.at() || f instanceof TraceEvent.Delivered) break;
                if (f instanceof TraceEvent.Sent r) {
                    out.add("    " + lines.segmentLine(r, lines.shown(all, r)));
                    out.add("      because: " + r.why().text() + (r.why().rule().isEmpty() ? "" : "  (" + r.why().rule() + ")"));
                } else if (f instanceof TraceEvent.StateChanged c) {
                    out.add("    " + c.who() + " " + c.from() + " -> " + c.to() + ": " + c.why());
                } else if (f instanceof TraceEvent.Handled h) {
                    out.add("    " + h.who() + " #" + h.id() + ": " + h.why());
                } else if (f instanceof TraceEvent.Note n) {
                    out.add("    " + n.who() + ": " + n.why());
                }
            }
            if (out.size() == before) out.add("    nothing visible: no reply, no state change");
        }
        if (!delivered && out.size() == 2) out.add("  not delivered yet (in flight: wait or step)");
        return out;
    }

    static List<String> settings(Settings s, long seed, boolean relative, boolean assist, long delay) {
        List<String> out = new ArrayList<>();
        out.add("profile " + s.profile() + ", seed " + seed + ", numbers " + (relative ? "relative" : "absolute")
                + ", assist " + (assist ? "on" : "off") + ", link delay " + EventLines.duration(delay));
        var over = s.overrides();
        for (Knob k : Knob.values()) {
            long[] v = s.all(k);
            StringBuilder vals = new StringBuilder();
            for (long x : v) vals.append(vals.length() == 0 ? "" : ",").append(x);
            out.add((over.containsKey(k) ? "* " : "  ") + pad(k.name(), 26) + pad(vals.toString(), 22) + k.help());
        }
        out.add("(* = changed from the " + s.profile() + " default; change one with set KNOB=VALUE)");
        return out;
    }

    static List<String> help(String topic, List<? extends tcptutor.command.ExtraCommands> extras) {
        List<String> out = new ArrayList<>();
        if (topic == null) {
            out.add("Commands (help COMMAND for more; numbers you leave out are filled in while 'assist' is on):");
            for (CommandInfo c : Grammar.COMMANDS) out.add("  " + c.usage() + "\n      " + c.help());
            for (var e : extras) for (CommandInfo c : e.commands()) out.add("  " + c.usage() + "\n      " + c.help());
            return String.join("\n", out).lines().toList();
        }
        CommandInfo c = Grammar.info(topic);
        if (c == null) {
            for (var e : extras) for (CommandInfo x : e.commands()) if (x.name().equalsIgnoreCase(topic)) c = x;
        }
        if (c == null) throw CommandError.cannot("no help for '" + topic + "': 'help' lists the commands");
        out.add(c.usage());
        out.add("  " + c.help());
        out.addAll(HelpText.details(c.name()));
        return out;
    }

    static String pad(String s, int w) { return s.length() >= w ? s + " " : s + " ".repeat(w - s.length()); }
}
