package tcptutor.progress;

/** How a lesson step was completed: by the learner's own action, or by asking for the solution. */
public enum StepStatus {
    DONE("done"),
    SHOWN_SOLUTION("shown-solution");

    private final String text;

    StepStatus(String text) { this.text = text; }

    /** The name stored in the database and printed in reports. */
    public String text() { return text; }

    public static StepStatus parse(String s) {
        for (StepStatus v : values()) if (v.text.equals(s)) return v;
        throw new IllegalArgumentException("unknown step status '" + s + "': expected done or shown-solution");
    }
}
