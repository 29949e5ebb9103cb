package tcptutor.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a question is about. {@link #LESSON} holds questions authored in lesson files ({@code --lessons DIR}).
 * The {@code revisit} column is THE table from topics to the lessons a learner should go back to when the
 * topic is their weakest (lesson ids as named in {@code lessons/}).
 */
public enum Topic {
    STATES("states", "state transitions", List.of("four-way-close", "fin-ack-together", "simultaneous-close", "rst", "challenge-ack", "state-diagram")),
    SEQ("seq", "sequence arithmetic", List.of("isn", "handshake", "four-way-close")),
    HEADER("header", "header fields", List.of("header", "options")),
    TIMERS("timers", "timers", List.of("syn-timeout", "time-wait", "keepalive")),
    LESSON("lesson", "lesson questions", List.of());

    private final String id;
    private final String title;
    private final List<String> revisit;

    Topic(String id, String title, List<String> revisit) {
        this.id = id;
        this.title = title;
        this.revisit = revisit;
    }

    public String id() { return id; }

    public String title() { return title; }

    /** Lesson ids to revisit when this topic is the weakest. */
    public List<String> revisit() { return revisit; }

    @Override public String toString() { return id; }

    /** The generated topics (every topic but {@link #LESSON}). */
    public static List<Topic> generated() { return List.of(STATES, SEQ, HEADER, TIMERS); }

    /** "states", "seq", ..., or "all" (the generated topics); null for anything else. */
    public static List<Topic> parse(String text) {
        String k = text.trim().toLowerCase(Locale.ROOT);
        if (k.equals("all")) return generated();
        List<Topic> out = new ArrayList<>();
        for (String part : k.split("\\s*,\\s*")) {
            Topic found = null;
            for (Topic t : values()) if (t.id.equals(part)) found = t;
            if (found == null) return null;
            if (!out.contains(found)) out.add(found);
        }
        return out;
    }
}
