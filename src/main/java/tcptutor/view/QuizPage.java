package tcptutor.view;

import java.util.List;

/**
 * What the quiz pane shows: the heading ("Question 2/5 [seq]  score 1/1", "Done: 4/5"), the question's prompt and
 * choices (empty when the quiz is over), how to answer, the last answer's verdict with its rule and small ladder,
 * and at the end the report (score per topic, lessons to revisit, where the attempt was recorded).
 */
public record QuizPage(String heading, String prompt, List<String> choices, String status, Answer last,
                       List<String> report) {
    public QuizPage {
        choices = List.copyOf(choices);
        report = List.copyOf(report);
    }

    /** The last graded answer: "Your answer to 1/5: b", "Right." or "Wrong: the answer is 1001.", the rule, the ladder. */
    public record Answer(String label, boolean right, String verdict, String rule, List<String> ladder) {
        public Answer { ladder = List.copyOf(ladder); }
    }

    /** True once every question is answered: the report shows. */
    public boolean finished() { return !report.isEmpty(); }
}
