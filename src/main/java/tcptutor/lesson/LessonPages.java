package tcptutor.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tcptutor.view.LessonPage;

/** What the lesson pane shows, for the local text UI and the lab alike: the current step, and the lesson list. */
public final class LessonPages {
    private LessonPages() {}

    /** The pane's page for a lesson in progress. */
    public static LessonPage page(LessonModel m) {
        String status = m.statusLine() + (m.hintsLeft() > 0 ? "   (" + m.hintsLeft() + " hint" + (m.hintsLeft() == 1 ? "" : "s") + " left)" : "");
        return new LessonPage(m.lessonId(), m.title(), m.step(), m.steps(), m.fullText(), m.hints(), m.feedback(), status);
    }

    /** The lessons with the learner's progress, in the library's order. */
    public static List<LessonPage.Entry> entries(LessonLibrary library, ProgressStore store) {
        Map<String, Progress> all = store.all();
        List<LessonPage.Entry> out = new ArrayList<>();
        for (Lesson l : library.lessons()) {
            Progress p = all.get(l.id());
            out.add(new LessonPage.Entry(l.id(), l.title().in("en"), l.level() == null ? "" : l.level().word(),
                    p == null ? "" : p.status(l)));
        }
        return out;
    }
}
