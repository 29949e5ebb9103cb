package tcptutor.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import tcptutor.sim.Side;
import tcptutor.sim.SockOpt;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Profile;

/**
 * The one parser of the command language (REPL, text UI console, lesson files). {@link #parse} returns a
 * {@link Command} or throws {@link CommandError} with the column where the problem starts and, where one is close,
 * a suggestion. Parsing never touches a session.
 */
public final class Parser {
    private final Supplier<? extends List<? extends ExtraCommands>> extras;

    public Parser(Supplier<? extends List<? extends ExtraCommands>> extras) { this.extras = extras; }

    /** A parser for the built-in language only. */
    public Parser() { this(List::of); }

    /** The command on this line, or null for a blank line or a {@code # comment}. */
    public Command parse(String line) throws CommandError {
        List<Token> t = Lexer.split(line);
        if (t.isEmpty()) return null;
        Token first = t.get(0);
        if (first.is("<") || first.is(">") || first.text().matches("\\+?[0-9.]+") && t.size() > 1 && (t.get(1).is("<") || t.get(1).is(">"))) {
            return SegmentParser.packetdrill(line, t);
        }
        String word = first.quoted() ? "\"" : first.text().toLowerCase(Locale.ROOT);
        for (ExtraCommands e : extras.get()) {
            for (CommandInfo c : e.commands()) {
                if (c.name().equalsIgnoreCase(word)) return new Command.Extension(line, c.name(), t.subList(1, t.size()));
            }
        }
        return switch (word) {
            case "syn", "synack", "ack", "data", "fin", "rst", "send" -> SegmentParser.verb(line, t);
            case "you" -> socketCall(line, t, Side.YOU);
            case "peer" -> socketCall(line, t, Side.PEER);
            case "wait" -> waitCmd(line, t);
            case "step" -> {
                int n = t.size() > 1 ? (int) positive(t.get(1), 100000, "a number of events") : 1;
                end(t, 2);
                yield new Command.Step(line, n);
            }
            case "drop", "dup", "delay" -> fault(line, t, word);
            case "loss" -> loss(line, t);
            case "show" -> show(line, t);
            case "explain" -> {
                Integer id = t.size() > 1 ? segmentId(t.get(1)) : null;
                end(t, 2);
                yield new Command.Explain(line, id);
            }
            case "set" -> SetParser.parse(line, t);
            case "reset" -> { end(t, 1); yield new Command.Reset(line); }
            case "history" -> { end(t, 1); yield new Command.History(line); }
            case "save", "load" -> {
                if (t.size() < 2) throw CommandError.missing("a file name", line.length() + 1);
                end(t, 2);
                yield word.equals("save") ? new Command.Save(line, t.get(1).text()) : new Command.Load(line, t.get(1).text());
            }
            case "export" -> export(line, t);
            case "help", "?" -> {
                end(t, 2);
                yield new Command.Help(line, t.size() > 1 ? t.get(1).text().toLowerCase(Locale.ROOT) : null);
            }
            case "quit", "exit" -> { end(t, 1); yield new Command.Quit(line); }
            default -> throw unknown(first);
        };
    }

    /** {@code export pcap FILE}. */
    private static Command export(String line, List<Token> t) {
        if (t.size() < 2) throw CommandError.missing("a format: pcap", line.length() + 1);
        Token f = t.get(1);
        if (!f.text().equalsIgnoreCase("pcap")) {
            throw CommandError.expected("a format: pcap (export pcap FILE)", f, "export pcap " + (t.size() > 2 ? t.get(2).text() : f.text()));
        }
        if (t.size() < 3) throw CommandError.missing("a file name, e.g. export pcap session.pcap", line.length() + 1);
        end(t, 3);
        return new Command.Export(line, "pcap", t.get(2).text());
    }

    /** Every command word this parser accepts, extensions included. */
    public List<String> commandWords() {
        List<String> words = new ArrayList<>(Grammar.commandWords());
        for (ExtraCommands e : extras.get()) for (CommandInfo c : e.commands()) words.add(c.name());
        return words;
    }

    private CommandError unknown(Token first) {
        String w = first.text().toLowerCase(Locale.ROOT);
        if (Grammar.PEER_ACTIONS.contains(w)) {
            return new CommandError("unknown command '" + first.text() + "': socket calls name their side: 'peer " + w
                    + "' or 'you " + w + "'", first.column(), "peer " + w);
        }
        return new CommandError("unknown command '" + first.text() + "': expected a command such as syn, ack, fin, data,"
                + " peer, wait, show (type 'help' for all)", first.column(), Words.suggest(first.text(), commandWords()));
    }

    /** Throws if there are tokens from index {@code from} on. */
    static void end(List<Token> t, int from) {
        if (t.size() > from) {
            Token x = t.get(from);
            throw new CommandError("unexpected '" + x.text() + "': '" + t.get(0).text() + "' takes "
                    + (from == 1 ? "no arguments" : "at most " + (from - 1) + " argument" + (from == 2 ? "" : "s"))
                    + " (see 'help " + t.get(0).text().toLowerCase(Locale.ROOT) + "')", x.column(), null);
        }
    }

    static long positive(Token tok, long max, String what) {
        long v = Words.number(tok, max, what);
        if (v == 0) throw CommandError.expected(what + " (at least 1)", tok, null);
        return v;
    }

    /** {@code #3} or {@code 3}. */
    static int segmentId(Token tok) {
        String s = tok.text().startsWith("#") ? tok.text().substring(1) : tok.text();
        if (s.isEmpty() || !Character.isDigit(s.charAt(0))) throw CommandError.expected("a segment number such as #3", tok, null);
        return (int) positive(new Token(s, tok.start() + (tok.text().length() - s.length()), tok.end(), false),
                Integer.MAX_VALUE, "a segment number such as #3");
    }

    private static Command socketCall(String line, List<Token> t, Side side) {
        List<String> actions = side == Side.YOU ? Grammar.YOU_ACTIONS : Grammar.PEER_ACTIONS;
        if (t.size() < 2) throw CommandError.missing("what " + side + " should do: " + String.join(", ", actions), line.length() + 1);
        Token a = t.get(1);
        String w = a.text().toLowerCase(Locale.ROOT);
        if (!actions.contains(w)) {
            throw CommandError.expected("one of " + String.join(", ", actions), a, Words.suggest(w, actions));
        }
        Command.Action action = Command.Action.valueOf(w.toUpperCase(Locale.ROOT));
        Integer port = null, backlog = null;
        byte[] data = null;
        String opt = null;
        Long value = null;
        switch (action) {
            case LISTEN -> {
                for (int i = 2; i < t.size(); i++) {
                    Token x = t.get(i);
                    if (x.isAssignment() && x.key().equals("backlog")) {
                        backlog = (int) Words.number(x.value(), 65535, "a backlog");
                    } else if (x.isAssignment() && x.key().equals("port") || !x.isAssignment() && port == null) {
                        port = (int) positive(x.isAssignment() ? x.value() : x, 65535, "a port");
                    } else {
                        throw CommandError.expected("a port or backlog=N", x, x.isAssignment() ? "backlog=" + x.value().text() : null);
                    }
                }
            }
            case CONNECT -> {
                if (t.size() > 2) port = (int) positive(t.get(2), 65535, "a port");
                end(t, 3);
            }
            case SEND -> {
                if (t.size() < 3) throw CommandError.missing("the data: \"text\" in quotes or a byte count", line.length() + 1);
                Token d = t.get(2);
                if (d.quoted()) data = d.text().getBytes(StandardCharsets.UTF_8);
                else if (Character.isDigit(d.text().charAt(0))) data = SegmentParser.filler((int) positive(d, 1 << 20, "a byte count"));
                else throw CommandError.expected("\"text\" in double quotes or a byte count", d, "\"" + d.text() + "\"");
                end(t, 3);
            }
            case READ -> {
                if (t.size() > 2) value = positive(t.get(2), 1 << 20, "a byte count");
                end(t, 3);
            }
            case SETSOCKOPT -> {
                List<Token> rest = new ArrayList<>(t.subList(2, t.size()));
                if (rest.size() == 1 && rest.get(0).isAssignment()) {
                    Token x = rest.get(0);
                    rest = List.of(new Token(x.text().substring(0, x.text().indexOf('=')), x.start(), x.start() + x.key().length(), false), x.value());
                }
                if (rest.isEmpty()) throw CommandError.missing("an option name such as SO_LINGER or TCP_KEEPIDLE", line.length() + 1);
                Token n = rest.get(0);
                SockOpt o = SockOpt.named(n.text());
                if (o == null) {
                    List<String> names = new ArrayList<>();
                    for (SockOpt so : SockOpt.values()) names.add(so.name());
                    throw CommandError.expected("a socket option: " + String.join(", ", names), n, Words.suggest(n.text().toUpperCase(Locale.ROOT), names));
                }
                if (rest.size() < 2) throw CommandError.missing("a value for " + o.name(), line.length() + 1);
                Token v = rest.get(1);
                value = v.is("on") ? 1L : v.is("off") ? 0L : Words.number(v, Integer.MAX_VALUE, "a number (or on/off)");
                if (rest.size() > 2) throw CommandError.at(rest.get(2), "unexpected '" + rest.get(2).text() + "': setsockopt takes NAME VALUE");
                opt = o.name();
            }
            default -> end(t, 2);
        }
        return new Command.SocketCall(line, side, action, port, backlog, data, opt, value);
    }

    private static Command waitCmd(String line, List<Token> t) {
        if (t.size() < 2) throw CommandError.missing(Words.DURATION, line.length() + 1);
        Words.Duration d = Words.duration(t.get(1));
        end(t, 2);
        return new Command.Wait(line, d.micros(), d.msl());
    }

    private static Command fault(String line, List<Token> t, String word) {
        if (t.size() < 2) throw CommandError.missing("'next'", line.length() + 1);
        if (!t.get(1).is("next")) throw CommandError.expected("'next'", t.get(1), "next");
        int i = 2;
        long micros = 0;
        if (word.equals("delay")) {
            if (t.size() < 3) throw CommandError.missing(Words.DURATION, line.length() + 1);
            Words.Duration d = Words.duration(t.get(2));
            if (d.msl() != 0) throw CommandError.expected("a duration such as 300ms or 1s", t.get(2), null);
            micros = d.micros();
            i = 3;
        }
        Side from = Side.PEER;
        if (i < t.size()) {
            Token dir = t.get(i);
            if (!dir.is("from") && !dir.is("to")) throw CommandError.expected("'from peer' or 'to peer'", dir, Words.suggest(dir.text(), List.of("from", "to")));
            if (i + 1 >= t.size()) throw CommandError.missing("'peer' or 'you'", line.length() + 1);
            Token who = t.get(i + 1);
            Side s = who.is("peer") ? Side.PEER : who.is("you") ? Side.YOU : null;
            if (s == null) throw CommandError.expected("'peer' or 'you'", who, Words.suggest(who.text(), List.of("peer", "you")));
            from = dir.is("from") ? s : s.other();
            end(t, i + 2);
        }
        Command.FaultKind kind = switch (word) {
            case "drop" -> Command.FaultKind.DROP;
            case "dup" -> Command.FaultKind.DUPLICATE;
            default -> Command.FaultKind.DELAY;
        };
        return new Command.Fault(line, kind, from, micros);
    }

    private static Command loss(String line, List<Token> t) {
        if (t.size() < 2) throw CommandError.missing("a loss rate such as 10% (or 0 to turn loss off)", line.length() + 1);
        Token v = t.get(1);
        end(t, 2);
        if (v.is("off")) return new Command.Loss(line, 0);
        String s = v.text();
        boolean pct = s.endsWith("%");
        double r;
        try {
            r = Double.parseDouble(pct ? s.substring(0, s.length() - 1) : s);
        } catch (NumberFormatException e) {
            throw CommandError.expected("a loss rate such as 10% or 0.1", v, null);
        }
        if (pct || r > 1) r /= 100;
        if (r < 0 || r > 1 || Double.isNaN(r)) throw CommandError.expected("a loss rate between 0% and 100%", v, null);
        return new Command.Loss(line, r);
    }

    private static Command show(String line, List<Token> t) {
        if (t.size() < 2) throw CommandError.missing("what to show: " + String.join(", ", Grammar.VIEWS), line.length() + 1);
        Token w = t.get(1);
        String v = w.text().toLowerCase(Locale.ROOT);
        if (v.equals("knobs")) v = "settings";
        if (!Grammar.VIEWS.contains(v)) throw CommandError.expected("one of " + String.join(", ", Grammar.VIEWS), w, Words.suggest(v, Grammar.VIEWS));
        Command.View view = Command.View.valueOf(v.toUpperCase(Locale.ROOT));
        Side side = null;
        Integer id = null;
        for (int i = 2; i < t.size(); i++) {
            Token x = t.get(i);
            boolean sideOk = view == Command.View.TCB || view == Command.View.STATE || view == Command.View.TIMERS;
            boolean idOk = view == Command.View.HEADER || view == Command.View.HEX;
            if (sideOk && side == null && (x.is("you") || x.is("peer"))) {
                side = x.is("you") ? Side.YOU : Side.PEER;
            } else if (idOk && id == null) {
                id = segmentId(x);
            } else {
                String what = sideOk ? "'you' or 'peer'" : idOk ? "a segment number such as #3" : "nothing more";
                throw CommandError.at(x, "unexpected '" + x.text() + "': 'show " + v + "' takes " + what);
            }
        }
        return new Command.Show(line, view, side, id);
    }

    /** The {@code set} sub-language. */
    private static final class SetParser {
        static Command parse(String line, List<Token> t) {
            if (t.size() < 2) throw CommandError.missing("a setting: numbers, profile, assist, seed, delay or a knob such as tcp_syn_retries=3", line.length() + 1);
            Token k = t.get(1);
            List<Token> vals = new ArrayList<>(t.subList(2, t.size()));
            String key = k.key();
            if (k.isAssignment()) vals.add(0, k.value());
            if (vals.isEmpty()) throw CommandError.missing("a value for '" + key + "'", line.length() + 1);
            Token v = vals.get(0);
            switch (key) {
                case "numbers" -> {
                    one(vals);
                    if (v.is("relative") || v.is("rel")) return new Command.SetNumbers(line, true);
                    if (v.is("absolute") || v.is("abs")) return new Command.SetNumbers(line, false);
                    throw CommandError.expected("relative or absolute", v, Words.suggest(v.text(), List.of("relative", "absolute")));
                }
                case "assist" -> {
                    one(vals);
                    if (v.is("on")) return new Command.SetAssist(line, true);
                    if (v.is("off")) return new Command.SetAssist(line, false);
                    throw CommandError.expected("on or off", v, Words.suggest(v.text(), List.of("on", "off")));
                }
                case "profile" -> {
                    one(vals);
                    Profile p = Profile.parse(v.text());
                    if (p == null) throw CommandError.expected("linux or rfc9293", v, Words.suggest(v.text(), List.of("linux", "rfc9293")));
                    return new Command.SetProfile(line, p);
                }
                case "seed" -> {
                    one(vals);
                    return new Command.SetSeed(line, Words.number(v, Long.MAX_VALUE, "a seed (a whole number)"));
                }
                case "delay" -> {
                    one(vals);
                    Words.Duration d = Words.duration(v);
                    if (d.msl() != 0) throw CommandError.expected("a link delay such as 10ms", v, null);
                    return new Command.SetDelay(line, d.micros());
                }
                default -> {
                    Knob knob = Knob.named(key);
                    if (knob == null) {
                        List<String> names = new ArrayList<>(Grammar.SETTINGS);
                        names.addAll(Grammar.knobNames());
                        throw new CommandError("unknown setting '" + key + "': expected numbers, profile, assist, seed, delay or a knob"
                                + " name (tab completes them; 'show settings' lists them)", k.column(), Words.suggest(key, names));
                    }
                    List<Token> nums = new ArrayList<>();
                    for (Token x : vals) {
                        int off = 0;
                        for (String part : x.text().split(",", -1)) {
                            nums.add(new Token(part, x.start() + off, x.start() + off + part.length(), false));
                            off += part.length() + 1;
                        }
                    }
                    if (nums.size() != knob.arity()) {
                        throw CommandError.at(v, knob.name() + " takes " + (knob.arity() == 1 ? "one number"
                                : knob.arity() + " numbers (min,default,max)") + ", got " + nums.size());
                    }
                    long[] values = new long[nums.size()];
                    for (int i = 0; i < values.length; i++) values[i] = Words.number(nums.get(i), Integer.MAX_VALUE, "a number for " + knob.name());
                    return new Command.SetKnob(line, knob, values);
                }
            }
        }

        private static void one(List<Token> vals) {
            if (vals.size() > 1) throw CommandError.at(vals.get(1), "unexpected '" + vals.get(1).text() + "': give one value");
        }
    }
}
