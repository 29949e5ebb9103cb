package tcptutor.quiz;

import java.util.List;
import tcptutor.tcp.State;

/**
 * What a question accepts as right. Four kinds, matching what lesson files can ask: one of the choices,
 * a number (with an optional unit), a state name in any spelling, or a short text from a list.
 */
public sealed interface Key {

    /** An answer that, typed by the learner, is graded right. */
    String canonical(List<String> choices);

    /** The index into the question's choices. */
    record Choice(int index) implements Key {
        public String canonical(List<String> choices) { return choices.get(index); }
    }

    /**
     * A number. {@code unit} is "" (a plain count, a sequence number) or "s" (a duration: "1 min", "500 ms"
     * and "7875s" are read as seconds). Right within {@code tolerance}.
     */
    record Number(double value, String unit, double tolerance) implements Key {
        public static Number exact(long v) { return new Number(v, "", 0); }

        /** A duration in seconds, right within a millisecond. */
        public static Number seconds(double s) { return new Number(s, "s", 0.001); }

        public String canonical(List<String> choices) { return Answers.formatNumber(value) + (unit.isEmpty() ? "" : " " + unit); }

        public boolean matches(double given) { return Math.abs(given - value) <= tolerance + 1e-9; }
    }

    /** A state, written any way {@link State#parse} understands (SYN_RCVD, SYN-RECEIVED, syn_recv...). */
    record StateName(State state) implements Key {
        public String canonical(List<String> choices) { return state.rfcName(); }
    }

    /**
     * A question authored in a lesson file ({@code ask:}): graded exactly as the lesson grades it, by the
     * lessons' own {@link tcptutor.lesson.Question} (choice, number, state or text, with its accepted answers).
     */
    record Authored(tcptutor.lesson.Question question) implements Key {
        public String canonical(List<String> choices) {
            String a = question.answers().get(0);
            if (question.kind() == tcptutor.lesson.Question.Kind.CHOICE) {
                int i = question.choiceIndex(a);
                return i < 0 ? a : choices.get(i);
            }
            return a;
        }
    }

    /** Short text; compared ignoring case, spacing and punctuation. The first entry is the canonical one. */
    record Text(List<String> accepted) implements Key {
        public Text { accepted = List.copyOf(accepted); if (accepted.isEmpty()) throw new IllegalArgumentException("no accepted answer"); }
        public String canonical(List<String> choices) { return accepted.get(0); }
    }
}
