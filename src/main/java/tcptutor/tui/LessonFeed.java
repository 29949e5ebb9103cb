package tcptutor.tui;

import java.util.List;
import java.util.Optional;
import tcptutor.view.LessonPage;

/**
 * Feeds the lesson pane. The lesson engine implements it (the CLI joins the two); the UI asks
 * again after every command, so a page reflects the step's progress, hints and status at once.
 */
public interface LessonFeed {
    /** The lesson in progress, or empty outside a lesson (the pane then shows the welcome). */
    Optional<LessonPage> page();

    /** The lessons offered on the welcome page. */
    List<LessonPage.Entry> lessons();

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
