package tcptutor.progress;

import java.time.Instant;
import java.util.List;

/**
 * A finished quiz: how it was generated (seed, profile, topic) and every answer. {@code at} is filled in by the
 * store when read back; pass null when recording.
 */
public record QuizAttempt(long seed, String profile, String topic, int score, int total,
                          List<QuizAnswer> answers, Instant at) {
    public QuizAttempt {
        answers = List.copyOf(answers);
    }

    public QuizAttempt(long seed, String profile, String topic, int score, int total, List<QuizAnswer> answers) {
        this(seed, profile, topic, score, total, answers, null);
    }
}
