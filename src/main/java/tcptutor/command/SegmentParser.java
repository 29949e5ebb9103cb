package tcptutor.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tcptutor.wire.Flags;
import tcptutor.wire.TcpOption;

/** The segment-crafting commands: syn, synack, ack, data, fin, rst, send FLAGS, and packetdrill lines. */
final class SegmentParser {
    private SegmentParser() {}

    private static final long U32 = 0xFFFFFFFFL;

    /** Collects fields while reading, then builds the command. */
    private static final class Fields {
        Long seq, ack, win, tsVal, tsEcr;
        Integer sport, dport;
        List<TcpOption> options;
        byte[] payload;
        long delay;

        void option(TcpOption o) {
            if (options == null) options = new ArrayList<>();
            options.add(o);
        }

        Command.Send build(String line, String verb, int flags, Command.Numbering n) {
            return new Command.Send(line, verb, flags, seq, ack, win, sport, dport, options, tsVal, tsEcr,
                    payload == null ? new byte[0] : payload, n, delay);
        }
    }

    static Command.Send verb(String line, List<Token> t) {
        String verb = t.get(0).text().toLowerCase(Locale.ROOT);
        Fields f = new Fields();
        int i = 1, flags;
        switch (verb) {
            case "syn" -> flags = Flags.SYN;
            case "synack" -> flags = Flags.SYN | Flags.ACK;
            case "ack" -> flags = Flags.ACK;
            case "fin" -> flags = Flags.FIN | Flags.ACK;
            case "rst" -> flags = Flags.RST;
            case "data" -> {
                flags = Flags.PSH | Flags.ACK;
                if (t.size() < 2) throw CommandError.missing("the data: \"text\" in quotes or a byte count such as 100", line.length() + 1);
                f.payload = payload(t.get(1));
                i = 2;
            }
            case "send" -> {
                if (t.size() < 2) throw CommandError.missing("FLAGS such as S, S., ., F., R, P. or SYN+ACK", line.length() + 1);
                flags = flags(t.get(1));
                i = 2;
            }
            default -> throw new IllegalArgumentException(verb);
        }
        for (; i < t.size(); i++) field(t.get(i), f, verb);
        return f.build(line, verb, flags, Command.Numbering.SESSION);
    }

    /** "text" or a byte count (filled with a repeating a..z pattern so a hex dump shows it). */
    private static byte[] payload(Token tok) {
        if (tok.quoted()) return tok.text().getBytes(StandardCharsets.UTF_8);
        if (!tok.text().isEmpty() && Character.isDigit(tok.text().charAt(0))) {
            return filler((int) Words.number(tok, 65495, "a byte count"));
        }
        throw CommandError.expected("\"text\" in double quotes or a byte count such as 100", tok, "\"" + tok.text() + "\"");
    }

    static byte[] filler(int n) {
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) b[k] = (byte) ('a' + k % 26);
        return b;
    }

    /** Flag letters (S . F R P U E W, tcpdump order not required), '-' or 'none', or words joined by + , |. */
    static int flags(Token tok) {
        String s = tok.text();
        String up = s.toUpperCase(Locale.ROOT);
        if (s.equals("-") || up.equals("NONE")) return 0;
        boolean separated = up.contains("+") || up.contains(",") || up.contains("|");
        if (up.matches("[A-Z]+([+,|][A-Z]+)*") && (separated || !up.matches("[FSRPAUEW]+"))) {
            int f = 0;
            for (String w : up.split("[+,|]")) {
                int bit = switch (w) {
                    case "FIN" -> Flags.FIN; case "SYN" -> Flags.SYN; case "RST" -> Flags.RST; case "PSH" -> Flags.PSH;
                    case "ACK" -> Flags.ACK; case "URG" -> Flags.URG; case "ECE" -> Flags.ECE; case "CWR" -> Flags.CWR;
                    default -> -1;
                };
                if (bit < 0 && !separated) {
                    throw new CommandError("expected flags such as S, S., ., F., R, R., P. or SYN+ACK, got '" + s + "'",
                            tok.column(), Words.suggest(w, List.of("FIN", "SYN", "RST", "PSH", "ACK")));
                }
                if (bit < 0) {
                    throw new CommandError("unknown flag '" + w + "': expected FIN, SYN, RST, PSH, ACK, URG, ECE or CWR",
                            tok.column() + up.indexOf(w), Words.suggest(w, List.of("FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR")));
                }
                f |= bit;
            }
            return f;
        }
        int f = 0;
        for (int k = 0; k < s.length(); k++) {
            int bit = switch (s.charAt(k)) {
                case 'F', 'f' -> Flags.FIN; case 'S', 's' -> Flags.SYN; case 'R', 'r' -> Flags.RST; case 'P', 'p' -> Flags.PSH;
                case '.', 'A', 'a' -> Flags.ACK; case 'U', 'u' -> Flags.URG; case 'E', 'e' -> Flags.ECE; case 'W', 'w' -> Flags.CWR;
                default -> -1;
            };
            if (bit < 0) {
                throw new CommandError("expected flags such as S, S., ., F., R, R., P. or SYN+ACK, got '" + s + "'",
                        tok.column() + k, null);
            }
            f |= bit;
        }
        return f;
    }

    private static void field(Token tok, Fields f, String verb) {
        if (tok.quoted()) {
            if (f.payload != null) throw CommandError.at(tok, "the data was already given; give it once");
            f.payload = tok.text().getBytes(StandardCharsets.UTF_8);
            return;
        }
        String key = tok.key();
        Token v = tok.value();
        if (!tok.isAssignment()) {
            switch (key) {
                case "sackok", "sack_perm", "sackperm" -> f.option(TcpOption.SACK_PERMITTED);
                case "nop" -> f.option(TcpOption.NOP);
                case "eol" -> f.option(TcpOption.EOL);
                case "noopts", "nooptions" -> f.options = f.options == null ? new ArrayList<>() : f.options;
                default -> throw CommandError.expected("a field such as seq=N, ack=N, win=N or an option such as mss=1460, sackok",
                        tok, suggestField(key, tok));
            }
            return;
        }
        if (v.text().isEmpty()) throw CommandError.missing("a value after '" + key + "='", v.column());
        switch (key) {
            case "seq" -> f.seq = Words.number(v, U32, "a sequence number");
            case "ack" -> f.ack = Words.number(v, U32, "an acknowledgment number");
            case "win", "window" -> f.win = Words.number(v, 65535, "a window");
            case "sport" -> f.sport = (int) Words.number(v, 65535, "a port");
            case "dport", "port" -> f.dport = (int) Words.number(v, 65535, "a port");
            case "mss" -> f.option(new TcpOption.Mss((int) Words.number(v, 65535, "an MSS")));
            case "wscale", "ws" -> f.option(new TcpOption.WindowScale((int) Words.number(v, 255, "a window-scale shift")));
            case "ts" -> timestamps(v, f);
            case "len", "length" -> {
                if (f.payload != null) throw CommandError.at(tok, "the data was already given; give it once");
                f.payload = filler((int) Words.number(v, 65495, "a byte count"));
            }
            case "data" -> {
                if (f.payload != null) throw CommandError.at(tok, "the data was already given; give it once");
                f.payload = payload(v.text().isEmpty() ? v : new Token(v.text(), v.start(), v.end(),
                        tok.text().indexOf('"') > 0));
            }
            case "options", "opts" -> {
                if (!v.is("none")) throw CommandError.expected("options=none", v, "none");
                f.options = new ArrayList<>();
            }
            default -> throw CommandError.expected("a field such as seq=N, ack=N, win=N or an option such as mss=1460",
                    tok, suggestField(key + "=", tok));
        }
    }

    private static String suggestField(String key, Token tok) {
        String s = Words.suggest(key, Grammar.FIELDS);
        if (s == null) return null;
        Token v = tok.value();
        return s.endsWith("=") && v != null ? s + v.text() : s;
    }

    private static void timestamps(Token v, Fields f) {
        String[] parts = v.text().split(",", -1);
        if (parts.length > 2) throw CommandError.expected("ts=VAL or ts=VAL,ECR", v, null);
        f.tsVal = Words.number(new Token(parts[0], v.start(), v.start() + parts[0].length(), false), U32, "a TS value");
        if (parts.length == 2) {
            int at = v.start() + parts[0].length() + 1;
            f.tsEcr = Words.number(new Token(parts[1], at, at + parts[1].length(), false), U32, "a TS echo reply");
        }
        f.option(new TcpOption.Timestamps((int) (long) f.tsVal, f.tsEcr == null ? 0 : (int) (long) f.tsEcr));
    }

    /** {@code [+T] < FLAGS START:END(LEN) [ack N] [win N] [<options>]}. */
    static Command.Send packetdrill(String line, List<Token> t) {
        Fields f = new Fields();
        int i = 0;
        Token first = t.get(0);
        if (!first.is("<") && !first.is(">")) {
            String s = first.text();
            if (!s.matches("\\+?[0-9]+(\\.[0-9]+)?")) throw CommandError.expected("a packetdrill time such as +0 or +0.1", first, null);
            double sec = Double.parseDouble(s.replace("+", ""));
            if (!s.startsWith("+") && sec != 0) {
                throw CommandError.expected("a relative time such as +" + s + " (absolute times are not supported here)", first, "+" + s);
            }
            f.delay = Math.round(sec * 1e6);
            i = 1;
        }
        if (i >= t.size()) throw CommandError.missing("'<' (a segment you inject)", line.length() + 1);
        Token dir = t.get(i++);
        if (dir.is(">")) {
            throw CommandError.at(dir, "'>' lines are what the peer is expected to send; here you can only inject '<' lines"
                    + " (use 'tcptutor drill' to check expectations)");
        }
        if (!dir.is("<")) throw CommandError.expected("'<' (a segment you inject)", dir, "<");
        if (i >= t.size()) throw CommandError.missing("FLAGS such as S, S., ., F., R or P.", line.length() + 1);
        int flags = flags(t.get(i++));
        if (i >= t.size()) throw CommandError.missing("START:END(LEN) such as 0:0(0)", line.length() + 1);
        Token range = t.get(i++);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+):([0-9]+)\\(([0-9]+)\\)").matcher(range.text());
        if (!m.matches()) throw CommandError.expected("START:END(LEN) such as 0:0(0) or 1:101(100)", range, null);
        long start = Words.number(new Token(m.group(1), range.start(), range.end(), false), U32, "a sequence number");
        long end = Words.number(new Token(m.group(2), range.start(), range.end(), false), U32, "a sequence number");
        long len = Words.number(new Token(m.group(3), range.start(), range.end(), false), 65495, "a length");
        if (((end - start) & U32) != len) {
            throw CommandError.at(range, "END - START must equal LEN: " + start + ":" + (start + len) + "(" + len + ")");
        }
        f.seq = start;
        if (len > 0) f.payload = filler((int) len);
        while (i < t.size()) {
            Token k = t.get(i++);
            if (k.is("ack") || k.is("win")) {
                if (i >= t.size()) throw CommandError.missing("a number after '" + k.text() + "'", line.length() + 1);
                Token v = t.get(i++);
                if (k.is("ack")) f.ack = Words.number(v, U32, "an acknowledgment number");
                else f.win = Words.number(v, 65535, "a window");
            } else if (k.text().startsWith("<") && k.text().endsWith(">")) {
                pdOptions(k, f);
            } else {
                throw CommandError.expected("'ack N', 'win N' or <options>", k, Words.suggest(k.text(), List.of("ack", "win")));
            }
        }
        return f.build(line, "<", flags, Command.Numbering.PACKETDRILL);
    }

    /** {@code <mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 7>}. */
    private static void pdOptions(Token tok, Fields f) {
        String body = tok.text().substring(1, tok.text().length() - 1);
        f.options = new ArrayList<>();
        if (body.trim().equals("...")) throw CommandError.at(tok, "'<...>' (any options) only fits '>' lines; list the options you send");
        int col = tok.start() + 1;
        for (String item : body.split(",")) {
            String[] w = item.trim().split("\\s+");
            Token at = new Token(item.trim(), col, col + item.length(), false);
            col += item.length() + 1;
            String name = w[0].toLowerCase(Locale.ROOT);
            switch (name) {
                case "nop" -> f.option(TcpOption.NOP);
                case "eol" -> f.option(TcpOption.EOL);
                case "sackok" -> f.option(TcpOption.SACK_PERMITTED);
                case "mss" -> f.option(new TcpOption.Mss((int) Words.number(arg(w, 1, at), 65535, "an MSS")));
                case "wscale" -> f.option(new TcpOption.WindowScale((int) Words.number(arg(w, 1, at), 255, "a window-scale shift")));
                case "ts" -> {
                    if (w.length != 5 || !w[1].equalsIgnoreCase("val") || !w[3].equalsIgnoreCase("ecr")) {
                        throw CommandError.expected("TS val N ecr N", at, null);
                    }
                    f.tsVal = Words.number(arg(w, 2, at), U32, "a TS value");
                    f.tsEcr = Words.number(arg(w, 4, at), U32, "a TS echo reply");
                    f.option(new TcpOption.Timestamps((int) (long) f.tsVal, (int) (long) f.tsEcr));
                }
                case "sack" -> {
                    List<TcpOption.SackBlock> blocks = new ArrayList<>();
                    for (String b : Arrays.copyOfRange(w, 1, w.length)) {
                        String[] lr = b.split(":");
                        if (lr.length != 2) throw CommandError.expected("sack L:R [L:R ...]", at, null);
                        blocks.add(new TcpOption.SackBlock((int) Words.number(new Token(lr[0], at.start(), at.end(), false), U32, "a SACK edge"),
                                (int) Words.number(new Token(lr[1], at.start(), at.end(), false), U32, "a SACK edge")));
                    }
                    f.option(new TcpOption.Sack(blocks));
                }
                default -> throw CommandError.expected("an option: mss N, sackOK, TS val N ecr N, nop, wscale N, sack L:R, eol",
                        at, Words.suggest(name, List.of("mss", "sackOK", "TS", "nop", "wscale", "sack", "eol")));
            }
        }
    }

    private static Token arg(String[] w, int k, Token at) {
        if (k >= w.length) throw CommandError.missing("a number after '" + w[0] + "'", at.end() + 1);
        return new Token(w[k], at.start(), at.end(), false);
    }
}
