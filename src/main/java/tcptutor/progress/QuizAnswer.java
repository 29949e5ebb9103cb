package tcptutor.progress;

/**
 * One question of a quiz attempt as graded: {@code correct} is an answer graded right, {@code given} what the
 * learner wrote (empty when skipped). Mirrors one element of {@code tcptutor quiz --json}'s "questions".
 */
public record QuizAnswer(String questionId, String topic, String prompt, String correct, String given, boolean right) {
    public QuizAnswer {
        given = given == null ? "" : given;
    }
}
