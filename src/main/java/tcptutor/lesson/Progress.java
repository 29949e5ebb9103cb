package tcptutor.lesson;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One learner's progress in one lesson: where they are, which steps they completed, which solutions they
 * were shown, and their answers (by question id). Ids are the lesson file's stable ids; a step or question
 * that {@code replaces} an old id counts the old id's progress as its own.
 */
public record Progress(String lessonId, String current, Set<String> done, Set<String> shown,
                       Map<String, Answer> answers, boolean finished) {

    /** An answer given to a question, and whether it was accepted. */
    public record Answer(String given, boolean correct) {}

    public Progress {
        done = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(done));
        shown = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(shown));
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    public static Progress none(String lessonId) {
        return new Progress(lessonId, null, Set.of(), Set.of(), Map.of(), false);
    }

    public boolean started() { return current != null || !done.isEmpty(); }

    public Progress at(String stepId) { return new Progress(lessonId, stepId, done, shown, answers, finished); }

    public Progress completed(String stepId) {
        Set<String> d = new LinkedHashSet<>(done);
        d.add(stepId);
        return new Progress(lessonId, current, d, shown, answers, finished);
    }

    public Progress solutionShown(String stepId) {
        Set<String> s = new LinkedHashSet<>(shown);
        s.add(stepId);
        return new Progress(lessonId, current, done, s, answers, finished);
    }

    public Progress answered(String questionId, String given, boolean correct) {
        Map<String, Answer> a = new LinkedHashMap<>(answers);
        Answer before = a.get(questionId);
        if (before == null || !before.correct()) a.put(questionId, new Answer(given, correct));
        return new Progress(lessonId, current, done, shown, a, finished);
    }

    public Progress finish() { return new Progress(lessonId, current, done, shown, answers, true); }

    /** Done counting replaced ids: the step itself or the id it replaces. */
    public boolean isDone(Step s) { return done.contains(s.id()) || (s.replaces() != null && done.contains(s.replaces())); }

    /** "", "3/12", "done", "done, 2 solutions shown", for the lesson table. */
    public String status(Lesson l) {
        if (!started() && !finished) return "";
        int n = 0;
        for (Step s : l.steps()) if (isDone(s)) n++;
        if (finished) return shown.isEmpty() ? "done" : "done, " + shown.size() + (shown.size() == 1 ? " solution" : " solutions") + " shown";
        return n + "/" + l.steps().size();
    }
}
