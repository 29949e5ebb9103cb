package tcptutor.progress;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tcptutor.lesson.Progress;

/**
 * The lesson engine's progress for one learner, kept in the SQLite store: what the lab gives {@code LessonRun}
 * instead of the per-user YAML file (and what the local tutor can use too). A saved {@link Progress} is compared
 * with the last one seen and only what changed is written: a newly completed step (done or shown-solution), a new
 * or changed answer, the lesson's end, the current step. Every piece is its own transaction, and loading rebuilds
 * from the database, so a crash between two pieces is repaired by the next save.
 */
public final class LessonProgressStore implements tcptutor.lesson.ProgressStore {
    private final ProgressStore store;
    private final String learner;
    private final Map<String, Progress> seen = new HashMap<>();

    public LessonProgressStore(ProgressStore store, String learner) {
        this.store = store;
        this.learner = learner;
    }

    private static String currentKey(String lessonId) { return "lesson." + lessonId + ".current"; }

    @Override public synchronized Progress load(String lessonId) {
        LessonProgress lp = store.lessonStatus(learner).get(lessonId);
        Set<String> done = new LinkedHashSet<>();
        Set<String> shown = new LinkedHashSet<>();
        if (lp != null) {
            for (StepRecord s : lp.steps()) {
                if (s.status() == StepStatus.DONE) done.add(s.step());
                if (s.solutionShown()) shown.add(s.step());
            }
        }
        Map<String, Progress.Answer> answers = new LinkedHashMap<>();
        for (AnswerRecord a : store.lessonAnswers(learner, lessonId)) {
            Progress.Answer before = answers.get(a.question());
            if (before == null || !before.correct()) answers.put(a.question(), new Progress.Answer(a.given(), a.correct()));
        }
        String current = store.state(learner, currentKey(lessonId)).orElse(null);
        Progress p = new Progress(lessonId, current, done, shown, answers, lp != null && lp.completed());
        seen.put(lessonId, p);
        return p;
    }

    @Override public synchronized void save(Progress p) {
        String id = p.lessonId();
        Progress before = seen.containsKey(id) ? seen.get(id) : load(id);
        if (p.current() != null || p.started()) store.recordLessonStarted(learner, id);
        for (String step : p.done()) if (!before.done().contains(step)) store.recordStep(learner, id, step, StepStatus.DONE);
        for (String step : p.shown()) {
            if (!before.shown().contains(step)) store.recordStep(learner, id, step, StepStatus.SHOWN_SOLUTION);
        }
        for (Map.Entry<String, Progress.Answer> a : p.answers().entrySet()) {
            if (!a.getValue().equals(before.answers().get(a.getKey()))) {
                store.recordAnswer(learner, id, a.getKey(), a.getValue().given(), a.getValue().correct());
            }
        }
        if (p.finished() && !before.finished()) store.recordLessonCompleted(learner, id);
        if (!Objects.equals(p.current(), before.current())) store.putState(learner, currentKey(id), p.current());
        seen.put(id, p);
    }

    @Override public synchronized Map<String, Progress> all() {
        Map<String, Progress> out = new LinkedHashMap<>();
        for (String id : store.lessonStatus(learner).keySet()) out.put(id, load(id));
        return out;
    }
}
