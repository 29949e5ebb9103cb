package tcptutor.lesson;

import java.util.List;
import java.util.Map;
import tcptutor.sim.Side;
import tcptutor.tcp.State;

/**
 * One condition on what happened in the world, used by a step's {@code expect} (all must hold) and by
 * {@code mistakes} (the message is shown when it holds for the learner's last command).
 */
public sealed interface Predicate {
    Pos pos();

    /** The header fields an expect may pin; unspecified fields are free. */
    enum Field { SEQ, ACK, WIN, LEN, URG }

    /**
     * A segment sent by {@code by}. {@code flags} (exact set) is null when free; {@code has} must all be set,
     * {@code lacks} must all be clear. {@code options}: name → value ("" for flag-like options such as sackok),
     * {@code noOptions} demands none at all. At least {@code count} and at most {@code max} such segments;
     * count 0 means none at all.
     */
    record Sent(Pos pos, Side by, Integer flags, int has, int lacks, Map<Field, NumExpr> fields,
                Map<String, String> options, boolean noOptions, String data, int count, int max) implements Predicate {
        public Sent { fields = Map.copyOf(fields); options = Map.copyOf(options); }
    }

    /** {@code side} reached {@code state} during the step (or is in it now). CLOSED also holds when the side has no connection. */
    record Reached(Pos pos, Side side, State state) implements Predicate {}

    /** At least this much virtual time passed since the step began; {@code msl} is a multiple of the MSL knob. */
    record Elapsed(Pos pos, long micros, double msl, String source) implements Predicate {}

    /** A socket call on {@code by} whose text starts with {@code call} and whose result contains {@code result} (free if empty). */
    record Called(Pos pos, Side by, String call, String result) implements Predicate {}

    /** A segment from {@code by} was lost on the link during the step. */
    record Lost(Pos pos, Side by) implements Predicate {}

    /** For mistakes of an ask step: the learner's answer equals one of these (normalised like the question's answers). */
    record Answered(Pos pos, List<String> answers) implements Predicate {
        public Answered { answers = List.copyOf(answers); }
    }
}
