package tcptutor.quiz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tcptutor.lesson.LessonLibrary;

/** Exam mode's answers file (one answer per line) checked against a quiz, and the authored questions of a lesson folder. */
public final class AnswerSheet {
    private AnswerSheet() {}

    /** The answers, one per question; or the error "LINE: expected ..." for the first bad line. */
    public record Checked(List<String> answers, String error) {}

    /**
     * Checks a sheet: exactly one line per question (trailing blank lines and a trailing CR are ignored), each
     * readable as an answer to its question (a letter or a choice's text, a number, a state name, or '-').
     */
    public static Checked check(List<String> lines, Quiz quiz) {
        List<String> a = new ArrayList<>();
        for (String l : lines) a.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        while (!a.isEmpty() && a.get(a.size() - 1).isBlank()) a.remove(a.size() - 1);
        int n = quiz.size();
        for (int i = 0; i < Math.min(n, a.size()); i++) {
            Question q = quiz.questions().get(i);
            String problem = Answers.problem(q, a.get(i));
            if (problem != null) return new Checked(null, (i + 1) + ": expected " + problem + " (question " + q.id() + ")");
        }
        if (a.size() < n) {
            return new Checked(null, (a.size() + 1) + ": expected an answer to question " + (a.size() + 1) + " of " + n
                    + ", found the end of the file (write - to skip a question)");
        }
        if (a.size() > n) return new Checked(null, (n + 1) + ": expected the end of the file: the quiz has " + n + " questions");
        return new Checked(List.copyOf(a), null);
    }

    /** The authored questions of a lesson folder, or the first problem that stops it loading. */
    public record Authored(List<Question> questions, String error) {}

    public static Authored authored(Path dir) {
        LessonLibrary lib = LessonLibrary.load(dir);
        String err = LessonQuestions.firstError(lib);
        if (err != null) return new Authored(List.of(), err);
        return new Authored(LessonQuestions.load(lib), null);
    }
}
