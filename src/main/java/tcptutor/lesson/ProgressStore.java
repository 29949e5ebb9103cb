package tcptutor.lesson;

import java.util.Map;

/**
 * Where a learner's lesson progress lives: the SQLite store (progress.LessonProgressStore) for the local tutor
 * and for each learner of the lab. Implementations must never lose saved progress to a crash halfway through a save.
 */
public interface ProgressStore {
    /** The learner's progress in this lesson ({@link Progress#none} if they never started it). */
    Progress load(String lessonId);

    void save(Progress p);

    /** Every lesson the learner has progress in, by lesson id. */
    Map<String, Progress> all();

    /** A store that remembers nothing (walk-throughs, checks, tests). */
    ProgressStore NONE = new ProgressStore() {
        @Override public Progress load(String lessonId) { return Progress.none(lessonId); }
        @Override public void save(Progress p) { }
        @Override public Map<String, Progress> all() { return Map.of(); }
    };
}
