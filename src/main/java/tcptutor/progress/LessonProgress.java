package tcptutor.progress;

import java.time.Instant;
import java.util.List;

/** A learner's progress in one lesson: the steps completed (in the order first completed) and when. */
public record LessonProgress(String lesson, List<StepRecord> steps, Instant startedAt, Instant completedAt,
                             Instant lastAt) {
    public LessonProgress {
        steps = List.copyOf(steps);
    }

    /** True once the lesson engine recorded the lesson's end. */
    public boolean completed() { return completedAt != null; }

    public boolean stepDone(String step) {
        for (StepRecord s : steps) if (s.step().equals(step)) return true;
        return false;
    }
}
