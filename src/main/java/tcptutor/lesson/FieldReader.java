package tcptutor.lesson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tcptutor.sim.Side;

/**
 * The reading of plain values in a lesson file - ids, texts (per language), numbers, flags, sides, command
 * lists, maps with known keys - each problem recorded with its line and column. {@link LessonLoader} reads the
 * lesson's structure with it, {@link ExpectReader} the predicates.
 */
abstract class FieldReader {
    static final String ID_RULE = "[a-z0-9][a-z0-9-]*";

    final List<Problem> problems;

    FieldReader(List<Problem> problems) { this.problems = problems; }

    /** tcpdump letters ("S.", "FP.", ".") or words ("SYN+ACK"); null after reporting a problem. */
    Integer flags(YNode n) {
        Integer f = Flagspec.parse(n.text());
        if (f == null || !n.isScalar()) {
            error(n.pos(), "bad flags '" + n.text() + "'", "write tcpdump letters (S, S., ., F., R, R., P.) or words (SYN+ACK)");
        }
        return f;
    }

    Side side(YNode n) { return sideName(n.text(), n.pos()); }

    Side sideName(String s, Pos pos) {
        if (s.equals("you")) return Side.YOU;
        if (s.equals("peer")) return Side.PEER;
        error(pos, "unknown side '" + s + "'", "write 'you' or 'peer'");
        return null;
    }

    Long number(YNode n, String what, long min, long max) {
        String t = n.text().trim();
        if (!n.isScalar() || !t.matches("\\d{1,19}")) {
            error(n.pos(), "'" + what + "' takes a whole number", "write digits only, e.g. 1000");
            return null;
        }
        try {
            long v = Long.parseLong(t);
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException e) {
            // too big, reported below
        }
        error(n.pos(), "'" + what + "' is out of range", "use " + min + ".." + max);
        return null;
    }

    /** Commands as a list of strings, or one string with one command per line. */
    List<Line> commands(YNode n, String what) {
        List<Line> out = new ArrayList<>();
        if (n.isScalar()) {
            String[] lines = n.text().split("\n");
            boolean block = lines.length > 1;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) continue;
                Pos p = n.pos();
                placeholders(n, lines[i]);
                out.add(new Line(lines[i].trim(), block ? new Pos(p.file(), p.line() + 1 + i, p.col() + 2) : p));
            }
        } else if (n.isList()) {
            for (YNode c : n.items()) {
                if (!c.isScalar() || c.text().isBlank()) error(c.pos(), "a command is one line of text", "e.g. '- syn seq=1000'");
                else {
                    placeholders(c, c.text());
                    out.add(new Line(c.text().trim(), c.pos()));
                }
            }
        } else {
            error(n.pos(), "'" + what + "' lists commands", "write '" + what + ": [syn, ack]' or one command per line after '" + what + ": |'");
        }
        return out;
    }

    Text text(YNode n) {
        if (n.isScalar()) {
            placeholders(n, n.text());
            return Text.en(n.text().strip());
        }
        if (n.isMap() && n.entries(new ArrayList<>()).keySet().stream().anyMatch(k -> !k.matches("[a-z]{2}(-[A-Za-z]{2,4})?"))) {
            error(n.pos(), "this text contains ': ' so YAML read it as 'key: value'",
                    "put the whole text in double quotes, or write it on the next lines after '|'");
            return Text.EMPTY;
        }
        if (n.isMap()) {
            Map<String, String> m = new LinkedHashMap<>();
            for (var e : n.entries(problems).entrySet()) {
                if (!e.getKey().matches("[a-z]{2}(-[A-Za-z]{2,4})?")) {
                    error(e.getValue().key().pos(), "'" + e.getKey() + "' is not a language code", "use codes such as en, zh");
                } else if (!e.getValue().value().isScalar()) {
                    error(e.getValue().value().pos(), "text must be a string", "quote it or use '|' for several lines");
                } else {
                    placeholders(e.getValue().value(), e.getValue().value().text());
                    m.put(e.getKey(), e.getValue().value().text().strip());
                }
            }
            if (!m.containsKey(Text.DEFAULT_LANG)) error(n.pos(), "no English text", "add 'en:' (other languages fall back to it)");
            return new Text(m);
        }
        error(n.pos(), "expected text, found " + n.kind(), "write a string, or a map such as {en: ..., zh: ...}");
        return Text.EMPTY;
    }

    static final java.util.regex.Pattern BRACED = java.util.regex.Pattern.compile("\\{(you|peer)\\.[^}]*}");

    /** A {you.x} / {peer.x} that is not a placeholder the engine fills is a typo. */
    void placeholders(YNode n, String text) {
        var m = BRACED.matcher(text);
        while (m.find()) {
            if (!Check.hasPlaceholder(m.group())) {
                error(n.pos(), "unknown placeholder '" + m.group() + "'", "use {you.isn}, {peer.isn+1}, {peer.ack}, {peer.port} (a side, isn/ack/port, an optional +N/-N)");
            }
        }
    }

    Text requiredText(Map<String, YNode.Entry> f, String key, YNode parent, String fix) {
        if (!f.containsKey(key)) {
            error(parent.pos(), "missing '" + key + "'", fix);
            return Text.EMPTY;
        }
        Text t = text(f.get(key).value());
        if (t.isEmpty() && f.get(key).value().isScalar()) error(f.get(key).value().pos(), "empty '" + key + "'", fix);
        return t;
    }

    String id(Map<String, YNode.Entry> f, String key, YNode parent, String what) {
        if (!f.containsKey(key)) {
            error(parent.pos(), what + " has no '" + key + "'", "add '" + key + ": some-name' (lower case, digits, dashes; never change it later)");
            return null;
        }
        YNode v = f.get(key).value();
        if (!v.isScalar() || !v.text().matches(ID_RULE)) {
            error(v.pos(), "bad id '" + v.text() + "'", "use lower case letters, digits and dashes, e.g. 'three-way-handshake'");
            return null;
        }
        return v.text();
    }

    String optionalId(Map<String, YNode.Entry> f, String key) {
        return f.containsKey(key) ? id(f, key, f.get(key).value(), "'" + key + "'") : null;
    }

    List<YNode> listOrOne(YNode n) { return n.isList() ? n.items() : n.isNull() ? List.of() : List.of(n); }

    /** The entries of a map, reporting keys that are not allowed (with a suggestion). */
    Map<String, YNode.Entry> fields(YNode n, Set<String> allowed, String where) {
        if (!n.isMap()) {
            error(n.pos(), where + " must be a map, found " + n.kind(), "write 'key: value' lines indented under it");
            return Map.of();
        }
        Map<String, YNode.Entry> out = new LinkedHashMap<>();
        for (var e : n.entries(problems).entrySet()) {
            if (allowed.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            } else {
                String s = suggest(e.getKey(), allowed);
                error(e.getValue().key().pos(), "unknown key '" + e.getKey() + "' in " + where,
                        (s == null ? "" : "did you mean '" + s + "'? ") + "allowed: " + String.join(", ", allowed));
            }
        }
        return out;
    }

    void error(Pos pos, String rule, String fix) { problems.add(Problem.error(pos, rule, fix)); }

    void warn(Pos pos, String rule, String fix) { problems.add(Problem.warning(pos, rule, fix)); }

    static int orZero(Integer i) { return i == null ? 0 : i; }

    static Long orDefault(Long v, Long d) { return v == null ? d : v; }

    static Set<String> keys(String s) { return new java.util.LinkedHashSet<>(List.of(s.split(" "))); }

    /** The closest name within edit distance 2, or null. */
    static String suggest(String word, java.util.Collection<String> names) {
        String best = null;
        int bestD = 3;
        for (String n : names) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT));
            if (d < bestD) { bestD = d; best = n; }
        }
        return best;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
