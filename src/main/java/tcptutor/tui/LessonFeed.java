package tcptutor.tui;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tcptutor.view.LessonPage;
import tcptutor.view.QuizPage;

/**
 * Feeds the lesson pane. The lesson engine implements it (the CLI joins the two); the UI asks
 * again after every command, so a page reflects the step's progress, hints and status at once.
 */
public interface LessonFeed {
    /** The lesson in progress, or empty outside a lesson (the pane then shows the welcome). */
    Optional<LessonPage> page();

    /** The lessons offered on the welcome page. */
    List<LessonPage.Entry> lessons();

    /** A quiz on screen: while present, the lesson pane is a quiz pane over the whole top of the screen. */
    default Optional<QuizPage> quiz() { return Optional.empty(); }

    /** {@code base}, with the quiz pane of {@code quiz} (e.g. {@code QuizRun::page}) whenever it has one. */
    static LessonFeed withQuiz(LessonFeed base, Supplier<Optional<QuizPage>> quiz) {
        return new LessonFeed() {
            @Override public Optional<LessonPage> page() { return base.page(); }
            @Override public List<LessonPage.Entry> lessons() { return base.lessons(); }
            @Override public Optional<QuizPage> quiz() { return quiz.get(); }
            @Override public void attach(Runnable changed) { base.attach(changed); }
        };
    }

    /**
     * Called once, after the first frame is on the screen: a feed that learns something new outside a
     * command (the lesson list finished loading in the background) calls {@code changed}, from any thread,
     * and the UI draws again.
     */
    default void attach(Runnable changed) {}

    /** No lessons: the welcome text alone. */
    LessonFeed NONE = new LessonFeed() {
        @Override public Optional<LessonPage> page() { return Optional.empty(); }
        @Override public List<LessonPage.Entry> lessons() { return List.of(); }
    };
}
