package tcptutor.drill;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tcptutor.drill.Event.Action;
import tcptutor.drill.Event.Timing;
import tcptutor.drill.Lexer.Token;
import tcptutor.drill.Lexer.Type;
import tcptutor.wire.Flags;
import tcptutor.wire.TcpOption;

/**
 * Reads packetdrill scripts (google/packetdrill parser.y): options, an init command, timed events
 * (packets, system calls, commands) and a cleanup command. Any mistake is a {@link ScriptError}
 * {@code FILE:LINE:COL: what was expected}.
 */
public final class Parser extends TokenReader {
    /** The system calls the simulated host runs, with the number of arguments packetdrill gives them. */
    static final Map<String, Integer> CALLS = Map.ofEntries(
            Map.entry("socket", 3), Map.entry("bind", 3), Map.entry("listen", 2), Map.entry("accept", 3),
            Map.entry("connect", 3), Map.entry("read", 3), Map.entry("write", 3), Map.entry("close", 1),
            Map.entry("shutdown", 2), Map.entry("setsockopt", 5), Map.entry("getsockopt", 5), Map.entry("fcntl", -1),
            Map.entry("send", 4), Map.entry("recv", 4), Map.entry("sendto", 6), Map.entry("recvfrom", 6),
            Map.entry("poll", 3));
    private static final String CALL_NAMES = "socket, bind, listen, accept, connect, read, write, close, shutdown, "
            + "setsockopt, getsockopt, fcntl, poll, and send, recv, sendto, recvfrom with flags 0";

    private final String src;
    private final Path dir;
    private final List<String> warnings = new ArrayList<>();

    private Parser(String file, String src, Path dir) {
        super(file, Lexer.tokens(file, src));
        this.src = src;
        this.dir = dir;
    }

    /** Reads and parses a script file; shell scripts it calls are looked up beside it. */
    public static Script parse(Path path) throws IOException {
        String text = Files.readString(path);
        Path parent = path.toAbsolutePath().getParent();
        return parse(path.toString(), text, parent);
    }

    /** Parses script text; {@code dir} is where {@code ./x.sh} calls are found (null: nowhere). */
    public static Script parse(String file, String text, Path dir) {
        return new Parser(file, text, dir).script();
    }

    private Script script() {
        long tolUsecs = Script.DEFAULT_TOLERANCE_USECS;
        double tolPct = Script.DEFAULT_TOLERANCE_PERCENT;
        while (peek().type() == Type.OPTION) {
            Token opt = next();
            String value = null;
            Token at = peek();
            if (peek().is('=')) {
                next();
                at = next();
                if (at.type() == Type.EOF) throw error(at, "expected a value after " + opt.text() + "=");
                value = at.text();
            }
            if (opt.text().equals("--tolerance_usecs")) {
                tolUsecs = optionNumber(opt, at, value).longValue();
                if (tolUsecs <= 0) throw error(at, "expected a positive number of microseconds for --tolerance_usecs");
            } else if (opt.text().equals("--tolerance_percent")) {
                tolPct = optionNumber(opt, at, value).doubleValue();
                if (tolPct < 0 || tolPct > 100) throw error(at, "expected a percentage from 0 to 100 for --tolerance_percent");
            } else {
                warnings.add(file + ":" + opt.line() + ": ignored option " + opt.text() + " (tcptutor knows only "
                        + "--tolerance_usecs and --tolerance_percent)");
            }
        }
        List<Sysctl> init = List.of();
        if (peek().type() == Type.BACKTICK) init = command(next());
        List<Event> events = new ArrayList<>();
        while (peek().type() != Type.EOF) {
            if (peek().type() == Type.BACKTICK && !events.isEmpty()) {
                Token t = next();
                if (peek().type() != Type.EOF) {
                    throw error(t, "expected an event time before this `command` (only the first and the last "
                            + "command of a script may go without one)");
                }
                command(t);   // the cleanup command: read for its warnings and errors, never applied
                break;
            }
            events.add(event(events.isEmpty() ? null : events.get(events.size() - 1)));
        }
        if (events.isEmpty()) throw error(peek(), "expected at least one event, such as 0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3");
        return new Script(file, init, events, tolUsecs, tolPct, warnings);
    }

    private BigDecimal optionNumber(Token opt, Token at, String value) {
        try {
            return new BigDecimal(value == null ? "" : value);
        } catch (NumberFormatException e) {
            throw error(at, "expected a number after " + opt.text() + "=");
        }
    }

    // ---- events -------------------------------------------------------------------------------------------

    private Event event(Event previous) {
        Token first = peek();
        Timing time = timing();
        Token act = peek();
        Action action;
        if (act.is('<') || act.is('>')) {
            action = packet();
        } else if (act.type() == Type.BACKTICK) {
            action = new Event.Command(command(next()));
        } else if (act.type() == Type.CODE) {
            next();
            warnings.add(file + ":" + act.line() + ": skipped the %{ }% code block (tcptutor does not run packetdrill's "
                    + "Python snippets, so what it asserts is not checked)");
            action = new Event.Code(act.text());
        } else if (act.type() == Type.WORD || act.type() == Type.ELLIPSIS) {
            action = syscall();
        } else {
            throw error(act, "expected '<' (inject a segment), '>' (expect a segment), a system call, a `command` or "
                    + "a %{ code }% block after the time, found " + act.show());
        }
        String text = src.substring(first.offset(), previous().end()).replaceAll("\\s*\n\\s*", " ");
        Event ev = new Event(first.line(), first.col(), time, action, text);
        check(ev, previous, first);
        return ev;
    }

    private void check(Event ev, Event previous, Token at) {
        Timing t = ev.time();
        boolean outbound = ev.outboundPacket();
        if (t.kind() == Timing.Kind.ANY && !outbound) {
            throw error(at, "the time * (any time) can only be used with outbound '>' packets");
        }
        if (t.range() && !outbound) throw error(at, "a time range a~b can only be used with outbound '>' packets");
        if (t.range() && t.usecsEnd() < t.usecs()) throw error(at, "the time range is backwards: its end is before its start");
        if (previous == null && t.usecs() != 0) {
            throw error(at, "expected the first event at time 0 (write 0 or +0), found " + seconds(t.usecs()));
        }
        if (previous != null && !previous.time().relative() && !t.relative() && t.usecs() < previous.time().usecs()) {
            throw error(at, "time goes backward: " + seconds(t.usecs()) + " s is before the previous event's "
                    + seconds(previous.time().usecs()) + " s (use +DELTA for a time relative to the previous event)");
        }
    }

    private static String seconds(long usecs) { return BigDecimal.valueOf(usecs, 6).stripTrailingZeros().toPlainString(); }

    private Timing timing() {
        Token t = peek();
        if (t.is('*')) {
            next();
            return new Timing(Timing.Kind.ANY, 0, 0);
        }
        if (t.is('+')) {
            next();
            long a = time("a time after '+', such as +0.1");
            if (peek().is('~')) {
                next();
                expectChar('+', "'+' after '~' (a relative range is written +a~+b)");
                long b = time("the end of the range after '~+'");
                return new Timing(Timing.Kind.RELATIVE_RANGE, a, b);
            }
            return new Timing(Timing.Kind.RELATIVE, a, 0);
        }
        if (t.type() == Type.INT || t.type() == Type.FLOAT) {
            long a = time("a time");
            if (peek().is('~')) {
                next();
                long b = time("the end of the range after '~'");
                return new Timing(Timing.Kind.ABSOLUTE_RANGE, a, b);
            }
            return new Timing(Timing.Kind.ABSOLUTE, a, 0);
        }
        throw error(t, "expected an event time (0.1 from the start, +0.1 after the previous event, * or a range "
                + "a~b), found " + t.show());
    }

    /** Seconds (integer or decimal) as microseconds. */
    private long time(String what) {
        Token t = next();
        if ((t.type() != Type.INT && t.type() != Type.FLOAT) || t.text().startsWith("0x")) {
            throw error(t, "expected " + what + ", found " + t.show());
        }
        BigDecimal secs = new BigDecimal(t.text());
        if (secs.signum() < 0) throw error(t, "expected " + what + ", found a negative time " + t.text());
        if (secs.compareTo(MAX_SECONDS) > 0) throw error(t, "expected " + what + " of at most " + MAX_SECONDS + " s, found " + t.text());
        return secs.movePointRight(6).longValue();
    }

    private List<Sysctl> command(Token t) {
        return Shell.read(t.text(), file, t.line(), t.col() + 1, dir, warnings);
    }

    // ---- packets ------------------------------------------------------------------------------------------

    private Event.Packet packet() {
        boolean inbound = next().is('<');
        Token ft = peek();
        int flags = flags();
        Token st = peek();
        long start = u32("the start of START:END(LEN), such as 0:0(0)", "TCP start sequence number");
        expectChar(':', "':' in START:END(LEN), such as 1:101(100)");
        long end = u32("the end of START:END(LEN)", "TCP end sequence number");
        expectChar('(', "'(' and the payload length in START:END(LEN)");
        Token lt = peek();
        long len = number("the payload length in START:END(LEN)");
        if (len < 0 || len > 0xFFFF) throw error(lt, "expected a payload length from 0 to 65535, found " + len);
        expectChar(')', "')' after the payload length");
        if (end != start + len) {
            throw error(st, "inconsistent sequence numbers: END must be START + LEN (" + start + " + " + len + " = "
                    + (start + len) + ", not " + end + ")");
        }
        long ack = 0;
        Integer window = null;
        int urgent = 0;
        if (peek().isWord("ack")) {
            next();
            ack = u32("a number after 'ack'", "TCP ack sequence number");
        }
        if (peek().isWord("win")) {
            next();
            Token wt = peek();
            long w = number("a number after 'win'");
            if (w < 0 || w > 0xFFFF) throw error(wt, "expected a window from 0 to 65535, found " + w);
            window = (int) w;
        }
        if (peek().isWord("urg")) {
            next();
            Token ut = peek();
            long u = number("a number after 'urg'");
            if (u < 0 || u > 0xFFFF) throw error(ut, "expected an urgent pointer from 0 to 65535, found " + u);
            urgent = (int) u;
        }
        if (inbound && window == null) {
            throw error(peek(), "expected 'win N' here: an inbound '<' packet needs a window (e.g. win 64240)");
        }
        List<TcpOption> options = List.of();
        if (peek().is('<')) options = options(inbound);
        if (inbound && options == null) throw error(ft, "<...> (any options) can only be used on outbound '>' packets");
        return new Event.Packet(inbound, flags, start, (int) len, ack, window, urgent, options);
    }

    private int flags() {
        Token t = next();
        String letters;
        if (t.is('-')) return 0;
        if (t.is('.')) {
            letters = ".";
        } else if (t.type() == Type.WORD) {
            letters = t.text();
            if (peek().is('.')) {
                next();
                letters += ".";
            }
        } else {
            throw error(t, "expected TCP flags (S, S., ., P., F., R, R. or - for none), found " + t.show());
        }
        int flags = 0;
        for (int k = 0; k < letters.length(); k++) {
            char c = letters.charAt(k);
            int bit = switch (c) {
                case 'F' -> Flags.FIN;
                case 'S' -> Flags.SYN;
                case 'R' -> Flags.RST;
                case 'P' -> Flags.PSH;
                case '.' -> Flags.ACK;
                case 'U' -> Flags.URG;
                case 'E' -> Flags.ECE;
                case 'W' -> Flags.CWR;
                default -> -1;
            };
            if (bit < 0) {
                throw new ScriptError(file, t.line(), t.col() + k, "invalid TCP flag '" + c
                        + "' (flags are F S R P . U E W, or - for none)");
            }
            flags |= bit;
        }
        return flags;
    }

    /** {@code <...>} (returns null) or {@code <opt, opt, ...>}; the options must fill whole 32-bit words. */
    private List<TcpOption> options(boolean inbound) {
        Token open = next();
        if (peek().type() == Type.ELLIPSIS) {
            next();
            expectChar('>', "'>' after '<...'");
            return null;
        }
        List<TcpOption> out = new ArrayList<>();
        while (true) {
            out.add(option());
            Token t = next();
            if (t.is('>')) break;
            if (!t.is(',')) throw error(t, "expected ',' or '>' after a TCP option, found " + t.show());
        }
        int bytes = 0;
        for (TcpOption o : out) bytes += TcpOption.length(o);
        if (bytes % 4 != 0) {
            throw error(open, "TCP options take " + bytes + " bytes, not a multiple of 4: pad them with nop (e.g. "
                    + "nop,wscale 7) or eol");
        }
        if (bytes > 40) throw error(open, "TCP options take " + bytes + " bytes, more than the 40 a header can carry");
        return out;
    }

    private TcpOption option() {
        Token t = next();
        if (t.type() != Type.WORD) throw error(t, "expected a TCP option (" + OPTION_NAMES + ") or '...', found " + t.show());
        switch (t.text()) {
            case "nop": return TcpOption.NOP;
            case "eol": return TcpOption.EOL;
            case "sackOK": return TcpOption.SACK_PERMITTED;
            case "mss": return new TcpOption.Mss((int) ranged("a number after 'mss'", 0xFFFF, "mss value"));
            case "wscale": return new TcpOption.WindowScale((int) ranged("a number after 'wscale'", 0xFF, "window scale shift count"));
            case "sack": {
                List<TcpOption.SackBlock> blocks = new ArrayList<>();
                do {
                    long left = u32("a SACK block LEFT:RIGHT after 'sack', such as sack 1001:1101", "TCP SACK left sequence number");
                    expectChar(':', "':' in the SACK block LEFT:RIGHT");
                    long right = u32("the right edge of the SACK block", "TCP SACK right sequence number");
                    blocks.add(new TcpOption.SackBlock((int) left, (int) right));
                } while (peek().type() == Type.INT);
                if (blocks.size() > 4) throw error(t, "expected at most 4 SACK blocks, found " + blocks.size());
                return new TcpOption.Sack(blocks);
            }
            case "TS": {
                expectWord("val", "'val' after 'TS' (TS val X ecr Y)");
                long val = u32("a number after 'TS val'", "ts val");
                expectWord("ecr", "'ecr' after the TS value (TS val X ecr Y)");
                long ecr = u32("a number after 'ecr'", "ecr val");
                return new TcpOption.Timestamps((int) val, (int) ecr);
            }
            default:
                throw error(t, "expected a TCP option (" + OPTION_NAMES + ") or '...', found " + t.show());
        }
    }

    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(1_000_000_000);
    private static final String OPTION_NAMES = "mss N, sackOK, sack A:B, TS val X ecr Y, nop, eol, wscale N";

    // ---- system calls -------------------------------------------------------------------------------------

    private Event.Syscall syscall() {
        Long end = null;
        if (peek().type() == Type.ELLIPSIS) {
            next();
            end = time("the end time after '...', such as ...0.1 accept(3, ..., ...) = 4");
        }
        Token name = next();
        if (name.type() != Type.WORD) throw error(name, "expected a system call name after the end time, found " + name.show());
        Integer arity = CALLS.get(name.text());
        if (arity == null) {
            throw error(name, "unknown system call '" + name.text() + "' (tcptutor runs " + CALL_NAMES + ")");
        }
        Token open = peek();
        expectChar('(', "'(' after " + name.text());
        List<Expr> args = new ArrayList<>();
        if (!peek().is(')')) {
            while (true) {
                args.add(expression());
                Token t = next();
                if (t.is(')')) break;
                if (!t.is(',')) throw error(t, "expected ',' or ')' in the arguments of " + name.text() + ", found " + t.show());
            }
        } else {
            next();
        }
        boolean fcntlOk = name.text().equals("fcntl") && (args.size() == 2 || args.size() == 3);
        if (arity >= 0 ? args.size() != arity : !fcntlOk) {
            String want = arity >= 0 ? arity + " argument" + (arity == 1 ? "" : "s") : "2 or 3 arguments";
            throw error(open, name.text() + " takes " + want + ", found " + args.size());
        }
        Token eq = peek();
        if (!eq.is('=')) throw error(eq, "expected '=' and the expected result after " + name.text() + "(...), found " + eq.show());
        next();
        Expr result = expression();
        String errno = null, note = null;
        if (peek().type() == Type.WORD) {
            Token e = next();
            if (Symbols.errno(e.text()) == null) throw error(e, "unknown errno '" + e.text() + "' (expected e.g. EINPROGRESS, ECONNRESET, ETIMEDOUT)");
            errno = e.text();
        }
        if (peek().is('(')) note = note();
        if (errno != null && !(result instanceof Expr.Num n && n.value() == -1)) {
            throw error(eq, "an errno (" + errno + ") goes with the result -1, as in = -1 " + errno);
        }
        return new Event.Syscall(name.text(), args, result, errno, note, end);
    }

    private String note() {
        Token open = next();
        StringBuilder b = new StringBuilder();
        while (!peek().is(')')) {
            Token t = next();
            if (t.type() == Type.EOF) throw error(open, "expected ')' to close this note");
            b.append(b.length() == 0 ? "" : " ").append(t.text());
        }
        next();
        return b.toString();
    }

    private Expr expression() {
        Expr e = primary();
        while (peek().is('|')) {
            next();
            e = new Expr.Or(e, primary());
        }
        return e;
    }

    private Expr primary() {
        Token t = next();
        if (t.type() == Type.ELLIPSIS) return Expr.ANY;
        if (t.type() == Type.INT) return new Expr.Num(integer(t));
        if (t.type() == Type.STRING) {
            StringBuilder b = new StringBuilder(t.text());
            while (peek().type() == Type.STRING) b.append(next().text());
            return new Expr.Str(b.toString());
        }
        if (t.type() == Type.WORD) {
            if (!Symbols.known(t.text())) throw error(t, "unknown constant '" + t.text() + "' (expected e.g. SOL_SOCKET, SO_REUSEADDR, O_NONBLOCK)");
            return new Expr.Word(t.text());
        }
        if (t.is('[')) {
            List<Expr> items = new ArrayList<>();
            if (peek().is(']')) {
                next();
                return new Expr.Ptr(items);
            }
            while (true) {
                items.add(expression());
                Token s = next();
                if (s.is(']')) return new Expr.Ptr(items);
                if (!s.is(',')) throw error(s, "expected ',' or ']' in [...], found " + s.show());
            }
        }
        if (t.is('{')) {
            Token f = peek();
            boolean linger = f.type() == Type.WORD && (f.text().equals("onoff") || f.text().equals("l_onoff"));
            return linger ? linger(t) : struct(t);
        }
        throw error(t, "expected a value (a number, a constant, ..., [x], {onoff=1, linger=0} or {fd=4, events=POLLIN}), found "
                + t.show());
    }

    /** {@code {name=value, ...}}, e.g. struct pollfd {fd=4, events=POLLIN, revents=POLLIN}. */
    private Expr struct(Token open) {
        java.util.Map<String, Expr> fields = new java.util.LinkedHashMap<>();
        Token first = peek();
        while (true) {
            Token f = next();
            if (f.type() != Type.WORD) throw error(f, "expected a field name in {name=value, ...}, found " + f.show());
            expectChar('=', "'=' after " + f.text());
            fields.put(f.text(), expression());
            Token s = next();
            if (s.is('}')) {
                if (fields.containsKey("linger") || fields.containsKey("l_linger")) {
                    throw error(first, "expected struct linger as {onoff=1, linger=0}, found " + first.show());
                }
                return new Expr.Struct(fields);
            }
            if (!s.is(',')) throw error(s, "expected ',' or '}' in {name=value, ...}, found " + s.show());
        }
    }

    private Expr linger(Token open) {
        String hint = "struct linger as {onoff=1, linger=0}";
        long[] v = new long[2];
        String[][] names = {{"onoff", "l_onoff"}, {"linger", "l_linger"}};
        for (int k = 0; k < 2; k++) {
            Token f = next();
            if (f.type() != Type.WORD || !(f.text().equals(names[k][0]) || f.text().equals(names[k][1]))) {
                throw error(f, "expected " + hint + ", found " + f.show());
            }
            expectChar('=', "'=' after " + f.text());
            v[k] = number("a number after " + f.text() + "=");
            expectChar(k == 0 ? ',' : '}', (k == 0 ? "','" : "'}'") + " in " + hint);
        }
        return new Expr.Linger(v[0], v[1]);
    }
}
