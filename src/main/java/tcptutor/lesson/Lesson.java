package tcptutor.lesson;

import java.util.ArrayList;
import java.util.List;

/** One lesson file, loaded and checked for its own structure (references to other lessons are the library's). */
public record Lesson(String id, Text title, Text summary, Level level, List<String> requires, List<Pos> requiresPos,
                     Setup setup, List<Step> steps, String file, Pos pos) {

    public Lesson {
        requires = List.copyOf(requires);
        requiresPos = List.copyOf(requiresPos);
        steps = List.copyOf(steps);
    }

    /** Index of the step with this id, or of the step that {@code replaces} it; -1 if none. */
    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).id().equals(stepId)) return i;
        for (int i = 0; i < steps.size(); i++) if (stepId.equals(steps.get(i).replaces())) return i;
        return -1;
    }

    /** Every question of the lesson, in order. */
    public List<Question> questions() {
        List<Question> out = new ArrayList<>();
        for (Step s : steps) if (s.ask() != null) out.add(s.ask());
        return out;
    }
}
