package tcptutor.view;

import java.util.List;

/**
 * What the lesson pane shows of the lesson in progress: its title, step k of n, the step's text (with a
 * question's choices), the hints asked for so far (in order), the latest feedback (a mistake's message, a
 * diff, "done") and a short status line ("your turn (hint, retry, solution)", "done - type next").
 * The lesson engine builds one after each command; texts arrive already in the learner's language.
 */
public record LessonPage(String lessonId, String title, int step, int steps, String text, List<String> hints,
                         List<String> feedback, String status) {
    public LessonPage {
        hints = List.copyOf(hints);
        feedback = List.copyOf(feedback);
        status = status == null ? "" : status;
    }

    /** One line of the lesson list on the welcome page: id, title, level, and the learner's status ("", "done", "3/7"). */
    public record Entry(String id, String title, String level, String status) {}
}
