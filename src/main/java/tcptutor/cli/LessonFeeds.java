package tcptutor.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tcptutor.lesson.LessonLibrary;
import tcptutor.lesson.LessonPages;
import tcptutor.lesson.LessonRun;
import tcptutor.lesson.ProgressStore;
import tcptutor.tui.LessonFeed;
import tcptutor.view.LessonPage;

/** Joins the lesson engine to the text UI's lesson pane (the UI cannot see the lesson package, the CLI sees both). */
final class LessonFeeds {
    private LessonFeeds() {}

    /** The lesson pane of a lesson in progress: {@code run}'s model after every command. */
    static LessonFeed of(LessonRun run, List<LessonPage.Entry> lessons) {
        return new LessonFeed() {
            @Override public Optional<LessonPage> page() { return Optional.of(LessonPages.page(run.model())); }
            @Override public List<LessonPage.Entry> lessons() { return lessons; }
        };
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
                        lessons = LessonPages.entries(LessonLibrary.load(dir), store);
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
