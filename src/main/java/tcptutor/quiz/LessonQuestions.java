package tcptutor.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import tcptutor.lesson.Lesson;
import tcptutor.lesson.LessonLibrary;
import tcptutor.lesson.Problem;
import tcptutor.lesson.Text;

/** Questions authored in lesson files ({@code ask:} steps), joining a quiz with {@code --lessons DIR}. */
final class LessonQuestions implements QuestionSource {
    private final List<Question> all;

    LessonQuestions(List<Question> all) { this.all = List.copyOf(all); }

    /** Every authored question of the folder, in lesson-file order. */
    static List<Question> load(LessonLibrary lib) {
        List<Question> out = new ArrayList<>();
        for (Lesson l : lib.lessons()) {
            for (tcptutor.lesson.Question q : l.questions()) out.add(of(l.id(), q));
        }
        return out;
    }

    /** The first error of a lesson folder (FILE:LINE:COL: rule — fix), or null if it loads cleanly. */
    static String firstError(LessonLibrary lib) {
        for (Problem p : lib.problems()) if (!p.warning()) return p.toString();
        return null;
    }


    static Question of(String lesson, tcptutor.lesson.Question q) {
        List<String> choices = new ArrayList<>();
        for (Text t : q.choices()) choices.add(t.en());
        Key key = new Key.Authored(q);
        String answer = key.canonical(choices);
        String explain = q.explain() == null || q.explain().isEmpty() ? "" : " " + q.explain().en();
        return new Question("lesson/" + lesson + "/" + q.id(), Topic.LESSON, q.prompt().en(), choices, key,
                "The answer is " + answer + (q.unit() == null ? "" : " " + q.unit()) + " (lesson " + lesson + ")." + explain,
                List.of(), new LessonStep(lesson, q.id()));
    }

    @Override public Topic topic() { return Topic.LESSON; }

    @Override public Question next(Random rnd) {
        if (all.isEmpty()) return null;
        return all.get(rnd.nextInt(all.size()));
    }

    int size() { return all.size(); }
}
