package tcptutor.progress;

import java.time.Instant;

/**
 * One completed lesson step. {@code status} is DONE once the learner ever did it themselves, even if they
 * also looked at the solution; {@code solutionShown} says whether they ever did.
 */
public record StepRecord(String lesson, String step, StepStatus status, boolean solutionShown,
                         Instant firstAt, Instant lastAt) {}
