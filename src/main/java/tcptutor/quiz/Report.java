package tcptutor.quiz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tcptutor.tcp.Profile;

/** The end of a quiz: the score, per topic, the weakest topic and the lessons to revisit; as text or JSON. */
public record Report(long seed, Profile profile, List<Question> questions, List<Result> results) {
    public Report {
        questions = List.copyOf(questions);
        results = List.copyOf(results);
    }

    public record TopicScore(Topic topic, int right, int total) {}

    public int score() {
        int n = 0;
        for (Result r : results) if (r.right()) n++;
        return n;
    }

    public int total() { return questions.size(); }

    /** Right / asked per topic, in topic order; unanswered questions count as asked. */
    public List<TopicScore> byTopic() {
        Map<Topic, int[]> m = new EnumMap<>(Topic.class);
        for (Question q : questions) m.computeIfAbsent(q.topic(), t -> new int[2])[1]++;
        for (Result r : results) if (r.right()) m.get(r.question().topic())[0]++;
        List<TopicScore> out = new ArrayList<>();
        m.forEach((t, v) -> out.add(new TopicScore(t, v[0], v[1])));
        return out;
    }

    /** The topic with the lowest share right (first in topic order on a tie); null when nothing was missed. */
    public Topic weakest() {
        TopicScore worst = null;
        for (TopicScore s : byTopic()) {
            if (s.right() == s.total()) continue;
            if (worst == null || (long) s.right() * worst.total() < (long) worst.right() * s.total()) worst = s;
        }
        return worst == null ? null : worst.topic();
    }

    /** Lesson ids to revisit: the weakest topic's (for authored questions, the lessons of the missed ones). */
    public List<String> revisit() {
        Topic w = weakest();
        if (w == null) return List.of();
        if (w != Topic.LESSON) return w.revisit();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            boolean missed = i >= results.size() || !results.get(i).right();
            if (missed && questions.get(i).scenario() instanceof LessonStep s && !out.contains(s.lesson())) out.add(s.lesson());
        }
        return out;
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("Score: ").append(score()).append('/').append(total());
        if (total() > 0) b.append(" (").append(Math.round(100.0 * score() / total())).append("%)");
        b.append("   seed ").append(seed).append(", profile ").append(profile).append('\n');
        for (TopicScore s : byTopic()) {
            b.append(String.format("  %-8s %d/%d%n", s.topic().id(), s.right(), s.total()));
        }
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            if (i >= results.size()) missed.add((i + 1) + ". " + q.id() + ": not answered; answer " + q.correct());
            else if (!results.get(i).right()) {
                missed.add((i + 1) + ". " + q.id() + ": you answered " + shown(results.get(i).given()) + "; answer " + q.correct());
            }
        }
        if (!missed.isEmpty()) {
            b.append("Missed:\n");
            for (String m : missed) b.append("  ").append(m).append('\n');
        }
        Topic w = weakest();
        if (w != null) {
            b.append("Weakest topic: ").append(w.id()).append(" (").append(w.title()).append(").");
            List<String> rv = revisit();
            if (!rv.isEmpty()) b.append(" Revisit: ").append(String.join(", ", rv)).append(" (tcptutor learn ID).");
            b.append('\n');
        } else if (total() > 0) {
            b.append("All right.\n");
        }
        return b.toString();
    }

    private static String shown(String given) { return given.isBlank() ? "nothing" : "'" + given.trim() + "'"; }

    /** Exactly one JSON object: seed, profile, score, total, questions[], by_topic, weakest, revisit. */
    public String json() {
        StringBuilder b = new StringBuilder();
        b.append("{\"seed\": ").append(seed).append(", \"profile\": ").append(Json.str(profile.id()))
                .append(", \"score\": ").append(score()).append(", \"total\": ").append(total()).append(", \"questions\": [");
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            Result r = i < results.size() ? results.get(i) : null;
            b.append(i == 0 ? "" : ", ").append("{\"id\": ").append(Json.str(q.id()))
                    .append(", \"topic\": ").append(Json.str(q.topic().id()))
                    .append(", \"prompt\": ").append(Json.str(q.prompt()))
                    .append(", \"choices\": ").append(Json.strs(q.choices()))
                    .append(", \"correct\": ").append(Json.str(q.correct()))
                    .append(", \"given\": ").append(r == null ? "null" : Json.str(r.given()))
                    .append(", \"right\": ").append(r != null && r.right())
                    .append(", \"explanation\": ").append(Json.str(q.explanation())).append('}');
        }
        b.append("], \"by_topic\": {");
        List<TopicScore> ts = byTopic();
        for (int i = 0; i < ts.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(Json.str(ts.get(i).topic().id()))
                    .append(": {\"right\": ").append(ts.get(i).right()).append(", \"total\": ").append(ts.get(i).total()).append('}');
        }
        Topic w = weakest();
        b.append("}, \"weakest\": ").append(w == null ? "null" : Json.str(w.id()))
                .append(", \"revisit\": ").append(Json.strs(revisit())).append('}');
        return b.toString();
    }
}
