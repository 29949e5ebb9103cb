package tcptutor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tcptutor.lesson.Lesson;
import tcptutor.lesson.LessonLibrary;
import tcptutor.lesson.LessonModel;
import tcptutor.lesson.LessonRun;
import tcptutor.lesson.Progress;
import tcptutor.lesson.ProgressStore;
import tcptutor.tui.LessonFeed;
import tcptutor.view.LessonPage;

/** Joins the lesson engine to the text UI's lesson pane (the UI cannot see the lesson package, the CLI sees both). */
final class LessonFeeds {
    private LessonFeeds() {}

    /** The lesson pane of a lesson in progress: {@code run}'s model after every command. */
    static LessonFeed of(LessonRun run, List<LessonPage.Entry> lessons) {
        return new LessonFeed() {
            @Override public Optional<LessonPage> page() { return Optional.of(toPage(run.model())); }
            @Override public List<LessonPage.Entry> lessons() { return lessons; }
        };
    }

    static LessonPage toPage(LessonModel m) {
        String status = m.statusLine() + (m.hintsLeft() > 0 ? "   (" + m.hintsLeft() + " hint" + (m.hintsLeft() == 1 ? "" : "s") + " left)" : "");
        return new LessonPage(m.lessonId(), m.title(), m.step(), m.steps(), m.fullText(), m.hints(), m.feedback(), status);
    }

    /** The lessons with the learner's progress, in the library's order. */
    static List<LessonPage.Entry> entries(LessonLibrary library, ProgressStore store) {
        Map<String, Progress> all = store.all();
        List<LessonPage.Entry> out = new ArrayList<>();
        for (Lesson l : library.lessons()) {
            Progress p = all.get(l.id());
            out.add(new LessonPage.Entry(l.id(), l.title().in("en"), l.level() == null ? "" : l.level().word(),
                    p == null ? "" : p.status(l)));
        }
        return out;
    }

    /**
     * Outside a lesson: the welcome page, its lesson list read from {@code dir} in the background once the first
     * frame is up (reading two dozen lesson files takes longer than the whole start-up otherwise).
     */
    static LessonFeed welcome(Path dir, ProgressStore store) {
        return new LessonFeed() {
            private volatile List<LessonPage.Entry> lessons = List.of();

            @Override public Optional<LessonPage> page() { return Optional.empty(); }

            @Override public List<LessonPage.Entry> lessons() { return lessons; }

            @Override public void attach(Runnable changed) {
                Thread t = new Thread(() -> {
                    try {
                        lessons = entries(LessonLibrary.load(dir), store);
                        changed.run();
                    } catch (RuntimeException e) {
                        // no list, no harm: the welcome text still says how to start
                    }
                }, "tcptutor-lessons");
                t.setDaemon(true);
                t.start();
            }
        };
    }
}
