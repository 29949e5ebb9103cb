package tcptutor.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tcptutor.sim.Side;
import tcptutor.tcp.State;

/** Reads {@code expect:} and mistakes' {@code when:}: sent / state / time / call / lost, each with its position. */
final class ExpectReader extends FieldReader {
    static final Set<String> PREDICATE_KEYS = keys("sent state time call lost");
    static final Set<String> SENT_KEYS = keys("by flags has lacks seq ack win len urg options data count max");
    static final Set<String> OPTION_NAMES = keys("mss wscale sackok ts sack");

    ExpectReader(List<Problem> problems) { super(problems); }

    /** A map of predicates, or a list of such maps (all must hold). */
    List<Predicate> predicates(YNode n, boolean forMistake) {
        List<Predicate> out = new ArrayList<>();
        List<YNode> maps = n.isList() ? n.items() : List.of(n);
        for (YNode m : maps) {
            if (!m.isMap()) {
                error(m.pos(), "an expect is a map", "e.g. 'expect: {sent: {flags: S, seq: 1000}}' or 'expect: {state: {peer: ESTABLISHED}}'");
                continue;
            }
            for (var e : fields(m, PREDICATE_KEYS, forMistake ? "'when'" : "'expect'").entrySet()) {
                YNode v = e.getValue().value();
                Pos at = e.getValue().key().pos();
                switch (e.getKey()) {
                    case "sent" -> { Predicate p = sent(v, at); if (p != null) out.add(p); }
                    case "state" -> out.addAll(states(v));
                    case "time" -> { Predicate p = elapsed(v); if (p != null) out.add(p); }
                    case "call" -> { Predicate p = call(v, at); if (p != null) out.add(p); }
                    case "lost" -> { Side s = side(v); if (s != null) out.add(new Predicate.Lost(at, s)); }
                    default -> { }
                }
            }
        }
        if (out.isEmpty() && !problemsAt(n.pos())) error(n.pos(), "empty expect", "say what must happen: sent / state / time / call / lost");
        return out;
    }

    private boolean problemsAt(Pos p) { return problems.stream().anyMatch(x -> x.pos().line() >= p.line()); }

    private Predicate sent(YNode n, Pos at) {
        if (!n.isMap()) {
            error(n.pos(), "'sent' describes a segment", "e.g. 'sent: {by: you, flags: S., ack: peer.isn+1}'");
            return null;
        }
        Map<String, YNode.Entry> f = fields(n, SENT_KEYS, "'sent'");
        Side by = f.containsKey("by") ? side(f.get("by").value()) : Side.YOU;
        Integer flags = f.containsKey("flags") ? flags(f.get("flags").value()) : null;
        int has = f.containsKey("has") ? orZero(flags(f.get("has").value())) : 0;
        int lacks = f.containsKey("lacks") ? orZero(flags(f.get("lacks").value())) : 0;
        Map<Predicate.Field, NumExpr> fields = new LinkedHashMap<>();
        for (Predicate.Field fl : Predicate.Field.values()) {
            String key = fl.name().toLowerCase(java.util.Locale.ROOT);
            if (!f.containsKey(key)) continue;
            YNode v = f.get(key).value();
            NumExpr x = v.isScalar() ? NumExpr.parse(v.text()) : null;
            if (x == null) error(v.pos(), "bad number for " + key + ": '" + v.text() + "'", "write a number (8001) or relative to an ISN (peer.isn+1, you.isn)");
            else fields.put(fl, x);
        }
        Map<String, String> options = new LinkedHashMap<>();
        boolean none = false;
        if (f.containsKey("options")) {
            YNode o = f.get("options").value();
            if (o.isScalar() && o.text().equals("none")) none = true;
            else if (!o.isMap()) error(o.pos(), "'options' is 'none' or a map", "e.g. 'options: {mss: 1460, sackok: true}'");
            else for (var e : o.entries(problems).entrySet()) {
                if (!OPTION_NAMES.contains(e.getKey())) {
                    error(e.getValue().key().pos(), "unknown option '" + e.getKey() + "'", "use " + String.join(", ", OPTION_NAMES));
                } else {
                    String v = e.getValue().value().text();
                    boolean numeric = e.getKey().equals("mss") || e.getKey().equals("wscale");
                    if (numeric && !v.matches("\\d{1,5}")) error(e.getValue().value().pos(), e.getKey() + " takes a number", "e.g. '" + e.getKey() + ": " + (e.getKey().equals("mss") ? "1460" : "7") + "'");
                    else if (!numeric && !v.matches("true|yes")) error(e.getValue().value().pos(), e.getKey() + " is written '" + e.getKey() + ": true'", "it only says the option is present");
                    else options.put(e.getKey(), numeric ? v : "");
                }
            }
        }
        String data = f.containsKey("data") ? f.get("data").value().text() : null;
        int count = f.containsKey("count") ? (int) (long) orDefault(number(f.get("count").value(), "count", 0, 1000), 1L) : 1;
        int max = f.containsKey("max") ? (int) (long) orDefault(number(f.get("max").value(), "max", 0, 1000), (long) Integer.MAX_VALUE) : Integer.MAX_VALUE;
        if (max < count) error(f.get("max").value().pos(), "'max' is below 'count'", "max is the largest number of such segments allowed");
        return new Predicate.Sent(at, by == null ? Side.YOU : by, flags, has, lacks, fields, options, none, data, count, max);
    }

    private List<Predicate> states(YNode n) {
        List<Predicate> out = new ArrayList<>();
        if (!n.isMap()) {
            error(n.pos(), "'state' maps a side to a state", "e.g. 'state: {peer: SYN-RECEIVED}' or '{you: TIME-WAIT, peer: CLOSED}'");
            return out;
        }
        for (var e : n.entries(problems).entrySet()) {
            Side s = sideName(e.getKey(), e.getValue().key().pos());
            YNode v = e.getValue().value();
            State st = State.parse(v.text());
            if (st == null) error(v.pos(), "unknown state '" + v.text() + "'", "write a state such as ESTABLISHED, SYN-RECEIVED, TIME-WAIT");
            if (s != null && st != null) out.add(new Predicate.Reached(e.getValue().key().pos(), s, st));
        }
        return out;
    }

    private Predicate elapsed(YNode n) {
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|min|m|h|msl)").matcher(n.text().trim());
        if (!n.isScalar() || !m.matches()) {
            error(n.pos(), "bad duration '" + n.text() + "'", "write e.g. 200ms, 63s, 2min, 2h or 2msl");
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit.equals("msl")) return new Predicate.Elapsed(n.pos(), 0, v, n.text().trim());
        double mul = switch (unit) { case "us" -> 1; case "ms" -> 1e3; case "s" -> 1e6; case "h" -> 3600e6; default -> 60e6; };
        return new Predicate.Elapsed(n.pos(), Math.round(v * mul), 0, n.text().trim());
    }

    private Predicate call(YNode n, Pos at) {
        if (!n.isMap()) {
            error(n.pos(), "'call' describes a socket call", "e.g. 'call: {by: peer, name: connect, result: ETIMEDOUT}'");
            return null;
        }
        Map<String, YNode.Entry> f = fields(n, keys("by name result"), "'call'");
        Side by = f.containsKey("by") ? side(f.get("by").value()) : Side.PEER;
        if (!f.containsKey("name")) {
            error(n.pos(), "'call' needs 'name'", "the call's name: connect, accept, read, write, close, ...");
            return null;
        }
        String result = f.containsKey("result") ? f.get("result").value().text() : "";
        return new Predicate.Called(at, by == null ? Side.PEER : by, f.get("name").value().text(), result);
    }

}
