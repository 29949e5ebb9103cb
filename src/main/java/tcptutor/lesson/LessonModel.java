package tcptutor.lesson;

import java.util.List;

/**
 * What a UI shows of the lesson in progress, rebuilt after every command: the lesson, step k of n, the step's
 * text (placeholders filled, in the learner's language), the choices of a question, the hints asked for so far,
 * the status and a one-line status text, and the latest feedback (a mistake's message, a diff, "done").
 * The text UI's lesson pane renders it; the REPL prints the same texts as lines.
 */
public record LessonModel(String lessonId, String title, int step, int steps, String stepId, Step.Kind kind,
                          String text, List<String> choices, List<String> hints, int hintsLeft,
                          LessonRun.Status status, String statusLine, List<String> feedback) {
    public LessonModel {
        choices = List.copyOf(choices);
        hints = List.copyOf(hints);
        feedback = List.copyOf(feedback);
    }

    /** The text with the choices appended as "a) ...", as one block for a pane. */
    public String fullText() {
        StringBuilder b = new StringBuilder(text);
        for (int i = 0; i < choices.size(); i++) b.append(i == 0 ? "\n\n" : "\n").append((char) ('a' + i)).append(") ").append(choices.get(i));
        return b.toString();
    }
}
