package tcptutor.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tcptutor.sim.SockOpt;
import tcptutor.tcp.Knob;

/** The command table (words, usage, help) that the parser, the completer and {@code help} read. */
public final class Grammar {
    private Grammar() {}

    /** Every built-in command, in the order help lists them. */
    public static final List<CommandInfo> COMMANDS = List.of(
            new CommandInfo("syn", "syn [seq=N] [win=N] [mss=N] [wscale=N] [sackok] [ts=VAL[,ECR]] [dport=N]",
                    "send a SYN (open a connection)"),
            new CommandInfo("synack", "synack [seq=N] [ack=N] [win=N] [options]", "send a SYN+ACK (answer the peer's SYN)"),
            new CommandInfo("ack", "ack [seq=N] [ack=N] [win=N]", "send a bare ACK"),
            new CommandInfo("data", "data \"text\" | data N  [seq=N] [ack=N] [win=N]", "send PSH+ACK with that text or N bytes"),
            new CommandInfo("fin", "fin [seq=N] [ack=N] [win=N]", "send FIN+ACK (close your direction)"),
            new CommandInfo("rst", "rst [seq=N]", "send a RST (abort)"),
            new CommandInfo("send", "send FLAGS [seq=N] [ack=N] [win=N] [options] [\"data\"]",
                    "send any segment; FLAGS as S, S., ., F., R, R., P., FP. or SYN+ACK"),
            new CommandInfo("<", "< FLAGS START:END(LEN) [ack N] [win N] [<options>]", "a packetdrill line, injected as written"),
            new CommandInfo("you", "you connect|listen|accept|send|read|close|shutdown|abort [ARG]",
                    "run TCP on your side too (leaves raw mode)"),
            new CommandInfo("peer", "peer listen|accept|connect|send|read|close|shutdown|abort|setsockopt [ARG]",
                    "drive the peer's application"),
            new CommandInfo("wait", "wait DURATION", "let virtual time pass: 200ms, 3s, 2msl"),
            new CommandInfo("step", "step [N]", "run the next scheduled event (N of them)"),
            new CommandInfo("drop", "drop next [from peer|to peer]", "lose the next segment (default: from the peer)"),
            new CommandInfo("dup", "dup next [from peer|to peer]", "deliver the next segment twice"),
            new CommandInfo("delay", "delay next DURATION [from peer|to peer]", "hold the next segment back"),
            new CommandInfo("loss", "loss PERCENT", "random loss in both directions, e.g. loss 10%"),
            new CommandInfo("show", "show state|tcb [you|peer]|header [#N]|hex [#N]|trace|timers|diagram|ladder|settings",
                    "look at the connection"),
            new CommandInfo("explain", "explain [#N]", "why the peer did what it did with segment #N"),
            new CommandInfo("set", "set numbers relative|absolute | profile linux|rfc9293 | assist on|off | seed N | delay D | KNOB=VALUE",
                    "change a setting"),
            new CommandInfo("reset", "reset", "start again from a fresh world"),
            new CommandInfo("history", "history", "the commands that made this world"),
            new CommandInfo("save", "save FILE", "write the command journal to FILE"),
            new CommandInfo("load", "load FILE", "start again and replay the commands in FILE"),
            new CommandInfo("export", "export pcap FILE", "write the segments so far to a pcap file for Wireshark or tcpdump"),
            new CommandInfo("help", "help [COMMAND]", "list commands, or explain one"),
            new CommandInfo("quit", "quit", "leave"));

    static final List<String> SEGMENT_VERBS = List.of("syn", "synack", "ack", "data", "fin", "rst", "send");
    static final List<String> FIELDS = List.of("seq=", "ack=", "win=", "sport=", "dport=", "mss=", "wscale=", "sackok",
            "ts=", "len=", "options=none");
    static final List<String> FLAG_WORDS = List.of("S", "S.", ".", "P.", "F.", "FP.", "R", "R.", "SYN", "SYN+ACK", "ACK",
            "PSH+ACK", "FIN+ACK", "RST", "RST+ACK");
    static final List<String> YOU_ACTIONS = List.of("connect", "listen", "accept", "send", "read", "close", "shutdown", "abort");
    static final List<String> PEER_ACTIONS = List.of("listen", "accept", "connect", "send", "read", "close", "shutdown",
            "abort", "setsockopt");
    static final List<String> VIEWS = List.of("state", "tcb", "header", "hex", "trace", "timers", "diagram", "ladder", "settings");
    static final List<String> SETTINGS = List.of("numbers", "profile", "assist", "seed", "delay");
    static final List<String> DURATIONS = List.of("200ms", "1s", "3s", "2msl");

    /** Built-in command words (plus aliases the parser accepts). */
    static List<String> commandWords() {
        List<String> out = new ArrayList<>();
        for (CommandInfo c : COMMANDS) if (!c.name().equals("<")) out.add(c.name());
        out.add("exit");
        return out;
    }

    /** The help entry for a word, or null. */
    public static CommandInfo info(String word) {
        for (CommandInfo c : COMMANDS) if (c.name().equalsIgnoreCase(word)) return c;
        return null;
    }

    static List<String> knobNames() {
        List<String> out = new ArrayList<>();
        for (Knob k : Knob.values()) out.add(k.name());
        return out;
    }

    static Completer.Completion complete(String before, List<ExtraCommands> extras) {
        List<Token> toks;
        try {
            toks = Lexer.split(before);
        } catch (CommandError e) {
            return new Completer.Completion(before.length(), "", List.of());
        }
        boolean fresh = before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1)) || toks.isEmpty();
        String prefix = fresh ? "" : toks.get(toks.size() - 1).text();
        int start = fresh ? before.length() : toks.get(toks.size() - 1).start();
        List<String> words = new ArrayList<>();
        for (Token t : fresh ? toks : toks.subList(0, toks.size() - 1)) words.add(t.text().toLowerCase(Locale.ROOT));
        Set<String> cands = new LinkedHashSet<>(candidates(words, extras));
        List<String> out = new ArrayList<>();
        String p = prefix.toLowerCase(Locale.ROOT);
        for (String c : cands) if (c.toLowerCase(Locale.ROOT).startsWith(p)) out.add(c);
        return new Completer.Completion(start, prefix, out);
    }

    private static List<String> candidates(List<String> w, List<ExtraCommands> extras) {
        if (w.isEmpty()) {
            List<String> out = new ArrayList<>(commandWords());
            out.remove("exit");
            for (ExtraCommands e : extras) for (CommandInfo c : e.commands()) out.add(c.name());
            return out;
        }
        String cmd = w.get(0);
        int n = w.size();
        String last = w.get(n - 1);
        for (ExtraCommands e : extras) {
            for (CommandInfo c : e.commands()) if (c.name().equalsIgnoreCase(cmd)) return e.candidates(cmd, w.subList(1, n));
        }
        switch (cmd) {
            case "syn", "synack", "ack", "data", "fin", "rst":
                return FIELDS;
            case "send":
                return n == 1 ? FLAG_WORDS : FIELDS;
            case "you":
                return n == 1 ? YOU_ACTIONS : List.of();
            case "peer":
                if (n == 1) return PEER_ACTIONS;
                if (w.get(1).equals("setsockopt") && n == 2) {
                    List<String> out = new ArrayList<>();
                    for (SockOpt o : SockOpt.values()) out.add(o.name());
                    return out;
                }
                if (w.get(1).equals("listen")) return List.of("backlog=");
                return List.of();
            case "wait":
                return n == 1 ? DURATIONS : List.of();
            case "drop", "dup":
                return n == 1 ? List.of("next") : last.equals("from") || last.equals("to") ? List.of("peer", "you")
                        : n == 2 ? List.of("from", "to") : List.of();
            case "delay":
                return n == 1 ? List.of("next") : n == 2 ? List.of("300ms", "1s")
                        : last.equals("from") || last.equals("to") ? List.of("peer", "you") : n == 3 ? List.of("from", "to") : List.of();
            case "export":
                return n == 1 ? List.of("pcap") : n == 2 ? List.of("session.pcap") : List.of();
            case "loss":
                return n == 1 ? List.of("0%", "10%", "50%") : List.of();
            case "show":
                if (n == 1) return VIEWS;
                return w.get(1).equals("tcb") || w.get(1).equals("state") || w.get(1).equals("timers")
                        ? List.of("you", "peer") : List.of();
            case "set":
                if (n == 1) {
                    List<String> out = new ArrayList<>(SETTINGS);
                    for (String k : knobNames()) out.add(k + "=");
                    return out;
                }
                return switch (w.get(1)) {
                    case "numbers" -> n == 2 ? List.of("relative", "absolute") : List.of();
                    case "profile" -> n == 2 ? List.of("linux", "rfc9293") : List.of();
                    case "assist" -> n == 2 ? List.of("on", "off") : List.of();
                    case "delay" -> n == 2 ? List.of("0ms", "1ms", "10ms", "100ms") : List.of();
                    default -> List.of();
                };
            case "help":
                if (n > 1) return List.of();
                List<String> out = new ArrayList<>(commandWords());
                out.remove("exit");
                for (ExtraCommands e : extras) for (CommandInfo c : e.commands()) out.add(c.name());
                return out;
            default:
                return List.of();
        }
    }
}
