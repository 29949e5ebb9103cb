package tcptutor.command;

import java.util.Collection;
import java.util.Locale;

/** Reading numbers, durations and near-miss suggestions for the parser. */
final class Words {
    private Words() {}

    /** The closest candidate to {@code typed} (edit distance with transpositions, at most 2, or a unique prefix), or null. */
    static String suggest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d < bestD) { bestD = d; best = c; }
        }
        int limit = t.length() <= 3 ? 1 : t.length() <= 7 ? 2 : 3;
        if (best != null && bestD <= limit && bestD > 0) return best;
        String prefixed = null;
        for (String c : candidates) {
            if (!t.isEmpty() && c.toLowerCase(Locale.ROOT).startsWith(t)) {
                if (prefixed != null) return null;
                prefixed = c;
            }
        }
        return prefixed;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** An unsigned number up to {@code max} (decimal or 0x hex), else a CommandError saying {@code what} was expected. */
    static long number(Token t, long max, String what) {
        String s = t.text().replace("_", "");
        long v;
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) v = Long.parseLong(s.substring(2), 16);
            else if (!s.isEmpty() && Character.isDigit(s.charAt(0))) v = Long.parseLong(s);
            else throw CommandError.expected(what, t, null);
        } catch (NumberFormatException e) {
            throw CommandError.expected(what, t, null);
        }
        if (v < 0 || v > max) {
            throw new CommandError(what + " must be between 0 and " + max + ", got " + t.text(), t.column(), null);
        }
        return v;
    }

    static final String DURATION = "a duration such as 200ms, 3s or 2msl";

    /** A duration: N followed by us, ms, s, m (or min), h; or msl as a multiple of MSL (returned negated). */
    static Duration duration(Token t) {
        String s = t.text().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
        if (i == 0) throw CommandError.expected(DURATION, t, null);
        double n;
        try {
            n = Double.parseDouble(s.substring(0, i));
        } catch (NumberFormatException e) {
            throw CommandError.expected(DURATION, t, null);
        }
        String unit = s.substring(i);
        double micros = switch (unit) {
            case "us", "µs" -> n;
            case "ms" -> n * 1e3;
            case "s", "sec" -> n * 1e6;
            case "m", "min" -> n * 60e6;
            case "h" -> n * 3600e6;
            case "msl" -> -1;
            default -> Double.NaN;
        };
        if (unit.isEmpty()) {
            throw new CommandError("expected " + DURATION + ": add a unit to '" + t.text() + "'", t.column(), t.text() + "ms");
        }
        if (Double.isNaN(micros)) {
            String sug = suggest(unit, java.util.List.of("us", "ms", "s", "m", "h", "msl"));
            throw new CommandError("expected " + DURATION + ", got unit '" + unit + "'", t.column() + i,
                    sug == null ? null : s.substring(0, i) + sug);
        }
        if (micros < 0) return new Duration(0, n);
        if (micros > 365 * 24 * 3600e6) throw new CommandError("duration too long (at most a year)", t.column(), null);
        return new Duration(Math.round(micros), 0);
    }

    /** Microseconds, or a multiple of MSL when {@code msl} is not 0. */
    record Duration(long micros, double msl) {}
}
