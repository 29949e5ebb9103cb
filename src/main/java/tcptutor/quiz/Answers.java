package tcptutor.quiz;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import tcptutor.tcp.State;

/**
 * Reading what a learner typed: choice letters, numbers with units, state names, loose text.
 * {@link #problem} says why an answer cannot be read at all (exam mode reports it with its line);
 * {@link #isRight} grades one that can.
 */
public final class Answers {
    /** Typed to skip a question: graded wrong, never malformed. */
    public static final String SKIP = "-";

    private Answers() {}

    /** Lower case, punctuation and spacing folded, so "FIN+ACK, seq 5" equals "fin ack seq 5". */
    public static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && b.length() > 0) b.append(' ');
                gap = false;
                b.appendCodePoint(Character.toLowerCase(cp));
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    private static final java.util.Map<String, java.util.Optional<State>> STATES = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@link State#parse}, remembered for the short texts that can be state names; null if none. */
    static State state(String text) {
        if (text.length() > 24) return null;
        if (STATES.size() > 10_000) STATES.clear();
        return STATES.computeIfAbsent(text, t -> java.util.Optional.ofNullable(State.parse(t))).orElse(null);
    }

    /** "a", "B", "c)", "(d)", "a." as a choice index below {@code n}; -1 if it is not a letter. */
    public static int letter(String given, int n) {
        String g = given.trim();
        if (g.length() > 3) return -1;
        if (g.startsWith("(")) g = g.substring(1);
        if (!g.isEmpty() && ").:".indexOf(g.charAt(g.length() - 1)) >= 0) g = g.substring(0, g.length() - 1);
        if (g.length() != 1) return -1;
        int i = Character.toLowerCase(g.charAt(0)) - 'a';
        return i >= 0 && i < n ? i : -1;
    }

    public static char letterOf(int index) { return (char) ('a' + index); }

    /** The choice the learner meant: by letter, by text, or by value (a state or number one choice names). -1 if none. */
    public static int choice(String given, List<String> choices) {
        int byLetter = letter(given, choices.size());
        if (byLetter >= 0) return byLetter;
        String g = fold(given);
        for (int i = 0; i < choices.size(); i++) if (fold(choices.get(i)).equals(g)) return i;
        State st = state(given);
        if (st != null) {
            int hit = -1;
            for (int i = 0; i < choices.size(); i++) {
                if (state(choices.get(i)) == st) { if (hit >= 0) return -1; hit = i; }
            }
            if (hit >= 0) return hit;
        }
        int flags = flagSet(given);
        if (flags >= 0) {
            int hit = -1;
            for (int i = 0; i < choices.size(); i++) {
                if (flagSet(choices.get(i)) == flags) { if (hit >= 0) return -1; hit = i; }
            }
            if (hit >= 0) return hit;
        }
        OptionalDouble num = number(given);
        if (num.isPresent()) {
            int hit = -1;
            for (int i = 0; i < choices.size(); i++) {
                OptionalDouble c = number(choices.get(i));
                if (c.isPresent() && Math.abs(c.getAsDouble() - num.getAsDouble()) < 1e-9) { if (hit >= 0) return -1; hit = i; }
            }
            return hit;
        }
        return -1;
    }

    private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR"};

    /**
     * A set of TCP flags in any order and spelling: "SYN+ACK", "ack syn", "SYN, ACK", or tcpdump's letters
     * "S." / "FP." / "R"; -1 if it is not one.
     */
    public static int flagSet(String given) {
        String g = given.trim();
        if (g.matches("[FSRPUEW.]+")) {
            int f = 0;
            for (char ch : g.toCharArray()) f |= 1 << "FSRP.UEW".indexOf(ch);
            return f;
        }
        String[] words = g.toUpperCase(Locale.ROOT).split("(\\s*[+,/|&]\\s*|\\s+AND\\s+|\\s+)");
        int f = 0;
        for (String w : words) {
            int bit = java.util.Arrays.asList(FLAG_NAMES).indexOf(w);
            if (bit < 0) return -1;
            f |= 1 << bit;
        }
        return f;
    }

    /**
     * A number as people type it: "4294967295", "4,294,967,295", "1_000", "60", "60s", "60 sec", "1 min",
     * "500 ms", "2 h", "0x1F". Durations come back in seconds. Empty if it is not a number.
     */
    public static OptionalDouble number(String given) {
        String g = given.trim().toLowerCase(Locale.ROOT);
        if (g.isEmpty() || "+-0123456789".indexOf(g.charAt(0)) < 0) return OptionalDouble.empty();
        g = THOUSANDS.matcher(g.replace("_", "")).replaceAll("");
        if (HEX.matcher(g).matches()) return OptionalDouble.of(Long.parseLong(g.substring(2), 16));
        java.util.regex.Matcher m = NUMBER.matcher(g);
        if (!m.matches()) return OptionalDouble.empty();
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        if (unit.startsWith("ms") || unit.startsWith("milli")) v /= 1000;
        else if (unit.equals("m") || unit.startsWith("min")) v *= 60;
        else if (unit.startsWith("h")) v *= 3600;
        return OptionalDouble.of(v);
    }

    private static final java.util.regex.Pattern THOUSANDS = java.util.regex.Pattern.compile("(?<=\\d),(?=\\d{3})");
    private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("0x[0-9a-f]{1,8}");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern
            .compile("([+-]?\\d+(?:\\.\\d+)?)\\s*(ms|msec|milliseconds?|s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?)?");

    /** A number without a useless ".0": 60, 19.6, 4294967295. */
    public static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** Why {@code given} is no answer to {@code q} at all (what was expected), or null if it can be graded. */
    public static String problem(Question q, String given) {
        String g = given.trim();
        if (g.isEmpty()) return "an answer, got an empty line (write " + SKIP + " to skip a question)";
        if (g.equals(SKIP)) return null;
        if (q.key() instanceof Key.Authored a) {
            tcptutor.lesson.Question.Grade gr = a.question().grade(g);
            return gr.problem().isEmpty() ? null : gr.problem().replaceFirst("^expected ", "") + ", got '" + g + "'";
        }
        if (!q.choices().isEmpty()) {
            if (choice(g, q.choices()) >= 0) return null;
            return "a letter a-" + letterOf(q.choices().size() - 1) + " or the text of a choice, got '" + g + "'";
        }
        Key k = q.key();
        if (k instanceof Key.Number n && number(g).isEmpty()) {
            return (n.unit().equals("s") ? "a number of seconds such as 60 or 1.5 s" : "a number") + ", got '" + g + "'";
        }
        if (k instanceof Key.StateName && state(g) == null) {
            return "a TCP state name such as TIME-WAIT or SYN_RECV, got '" + g + "'";
        }
        return null;
    }

    /** True when {@code given} is a right answer to {@code q}. A malformed or skipped answer is wrong. */
    public static boolean isRight(Question q, String given) {
        String g = given.trim();
        if (g.isEmpty() || g.equals(SKIP)) return false;
        Key k = q.key();
        if (k instanceof Key.Authored a) return a.question().grade(g).correct();
        if (!q.choices().isEmpty()) {
            int i = choice(g, q.choices());
            if (k instanceof Key.Choice c) return i == c.index();
            return i >= 0 && isRightFree(k, q.choices().get(i));
        }
        return isRightFree(k, g);
    }

    private static boolean isRightFree(Key k, String g) {
        if (k instanceof Key.Number n) {
            OptionalDouble v = number(g);
            return v.isPresent() && n.matches(v.getAsDouble());
        }
        if (k instanceof Key.StateName s) return state(g) == s.state();
        if (k instanceof Key.Text t) {
            String f = fold(g);
            for (String a : t.accepted()) if (fold(a).equals(f)) return true;
            return false;
        }
        return false;
    }
}
