package tcptutor.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tcptutor.tcp.State;

/**
 * A question with its accepted answers: pick one of several choices, a number, a state name (any
 * spelling {@link State#parse} understands) or a short text. Stable {@code id}; a changed question
 * gets a new id and {@code replaces} the old one. Shared with the quiz package.
 */
public record Question(String id, String replaces, Kind kind, Text prompt, List<Text> choices, List<String> answers,
                       String unit, Text explain, Pos pos) {

    public enum Kind { CHOICE, NUMBER, STATE, TEXT }

    public Question {
        choices = List.copyOf(choices);
        answers = List.copyOf(answers);
    }

    /** The outcome of one answer: right or wrong, and the input as understood (e.g. "SYN-RECEIVED"). */
    public record Grade(boolean correct, String understood, String problem) {}

    public Grade grade(String input) {
        String in = input == null ? "" : input.trim();
        if (in.isEmpty()) return new Grade(false, "", "type an answer after 'answer'");
        String norm = normalize(in);
        if (norm == null) return new Grade(false, in, expectedForm());
        for (String a : answers) if (normalize(a) != null && normalize(a).equals(norm)) return new Grade(true, norm, "");
        return new Grade(false, norm, "");
    }

    /** The answer in its canonical form for comparison, or null when it is not of this question's kind. */
    public String normalize(String raw) {
        String s = raw.trim();
        switch (kind) {
            case NUMBER: {
                String t = s.replace(",", "").replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
                if (unit != null && t.endsWith(unit.toLowerCase(Locale.ROOT))) t = t.substring(0, t.length() - unit.length());
                try {
                    return new java.math.BigDecimal(t).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            case STATE: {
                State st = State.parse(s);
                return st == null ? null : st.name();
            }
            case CHOICE: {
                int i = choiceIndex(s);
                return i < 0 ? null : String.valueOf(i + 1);
            }
            default:
                return text(s);
        }
    }

    /** 0-based choice for "b", "2" or the choice's text; -1 if none. */
    public int choiceIndex(String s) {
        String t = s.trim();
        if (t.matches("[a-zA-Z]") ) {
            int i = Character.toLowerCase(t.charAt(0)) - 'a';
            return i < choices.size() ? i : -1;
        }
        if (t.matches("\\d{1,2}")) {
            int i = Integer.parseInt(t) - 1;
            return i >= 0 && i < choices.size() ? i : -1;
        }
        for (int i = 0; i < choices.size(); i++) {
            for (String v : choices.get(i).byLang().values()) if (text(v).equals(text(t))) return i;
        }
        return -1;
    }

    /** Lower case, punctuation and dashes as spaces, single spaces. */
    static String text(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+", " ").trim();
    }

    public String expectedForm() {
        return switch (kind) {
            case NUMBER -> "expected a number" + (unit == null ? "" : " (in " + unit + ")");
            case STATE -> "expected a state name such as SYN-RECEIVED or TIME_WAIT";
            case CHOICE -> "expected a letter a-" + (char) ('a' + Math.max(0, choices.size() - 1)) + " or the choice's text";
            case TEXT -> "expected a short text";
        };
    }

    /** The accepted answers as a learner would read them ("b) ..." for a choice). */
    public List<String> shownAnswers(String lang) {
        List<String> out = new ArrayList<>();
        for (String a : answers) {
            if (kind == Kind.CHOICE) {
                int i = choiceIndex(a);
                out.add(i < 0 ? a : (char) ('a' + i) + ") " + choices.get(i).in(lang));
            } else {
                out.add(kind == Kind.STATE && State.parse(a) != null ? State.parse(a).rfcName() : a + (unit == null ? "" : " " + unit));
            }
        }
        return out;
    }
}
