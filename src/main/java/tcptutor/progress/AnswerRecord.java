package tcptutor.progress;

import java.time.Instant;

/** One answer a learner gave to a lesson question (every attempt is kept, oldest first). */
public record AnswerRecord(String lesson, String question, String given, boolean correct, Instant at) {}
