package tcptutor.quiz;

import java.util.List;

/**
 * One question. {@code choices} is empty for a typed answer (a number, a state name, short text).
 * {@code explanation} is the rule shown after answering; {@code ladder} a few lines drawing the scenario
 * (may be empty). {@code id} is derived from the topic and the scenario, never from the position in a quiz.
 */
public record Question(String id, Topic topic, String prompt, List<String> choices, Key key,
                       String explanation, List<String> ladder, Scenario scenario) {
    public Question {
        choices = List.copyOf(choices);
        ladder = List.copyOf(ladder);
        if (key instanceof Key.Choice c && (c.index() < 0 || c.index() >= choices.size())) {
            throw new IllegalArgumentException(id + ": choice " + c.index() + " of " + choices.size());
        }
    }

    /** An answer that, typed by the learner or written in an answers file, is graded right. */
    public String correct() { return key.canonical(choices); }

    public boolean hasChoices() { return !choices.isEmpty(); }

    /** The prompt with its choices lettered, as the line UI shows it. */
    public String render() {
        StringBuilder b = new StringBuilder(prompt);
        for (int i = 0; i < choices.size(); i++) b.append("\n  ").append(Answers.letterOf(i)).append(") ").append(choices.get(i));
        return b.toString();
    }

    /** What kind of answer is expected, for a prompt line: "a-d", "a number", "seconds", "a state name". */
    public String expects() {
        if (hasChoices()) return "a-" + Answers.letterOf(choices.size() - 1);
        if (key instanceof Key.Number n) return n.unit().equals("s") ? "seconds" : "a number";
        if (key instanceof Key.StateName) return "a state name";
        return "a word or two";
    }
}
