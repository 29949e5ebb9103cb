package tcptutor.quiz;

/** One graded answer: what was given, whether it was right, and the feedback to show. */
public record Result(Question question, String given, boolean right) {
    /** Right or wrong, the answer when wrong, and the rule. */
    public String feedback() {
        String head = right ? "Right." : "Wrong: the answer is " + question.correct() + ".";
        return head + " " + question.explanation();
    }
}
