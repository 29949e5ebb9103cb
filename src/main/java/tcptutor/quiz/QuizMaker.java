package tcptutor.quiz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tcptutor.tcp.Profile;

/**
 * Makes a quiz. Everything random comes from one {@code Random(seed)}, so the same seed, profile, topics,
 * count and lesson folder give the same questions in the same order on every machine.
 */
public final class QuizMaker {
    /** What to ask: topics (LESSON for authored questions), how many, the seed and the profile. */
    public record Spec(List<Topic> topics, int count, long seed, Profile profile, List<Question> authored) {
        public Spec {
            topics = List.copyOf(topics);
            authored = List.copyOf(authored);
            if (count < 1) throw new IllegalArgumentException("count must be at least 1");
        }
    }

    private QuizMaker() {}

    public static Quiz make(Spec spec) {
        Random rnd = new Random(spec.seed());
        Map<Topic, QuestionSource> sources = new EnumMap<>(Topic.class);
        for (Topic t : spec.topics()) sources.put(t, source(t, spec));
        List<Topic> slots = new ArrayList<>();
        for (int i = 0; i < spec.count(); i++) slots.add(spec.topics().get(i % spec.topics().size()));
        for (int i = slots.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            Topic tmp = slots.get(i);
            slots.set(i, slots.get(j));
            slots.set(j, tmp);
        }
        List<Question> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Topic slot : slots) {
            Question q = draw(sources.get(slot), ids, rnd);
            for (int k = 0; q == null && k < spec.topics().size(); k++) q = draw(sources.get(spec.topics().get(k)), ids, rnd);
            if (q == null) break;
            ids.add(q.id());
            out.add(q);
        }
        return new Quiz(spec.seed(), spec.profile(), out);
    }

    /** A question not asked yet in this quiz, or null when the source seems used up. */
    private static Question draw(QuestionSource src, Set<String> asked, Random rnd) {
        for (int tries = 0; tries < 40; tries++) {
            Question q = src.next(rnd);
            if (q == null) return null;
            if (!asked.contains(q.id())) return q;
        }
        return null;
    }

    static QuestionSource source(Topic t, Spec spec) {
        return switch (t) {
            case STATES -> new StateQuestions(spec.profile());
            case SEQ -> new SeqQuestions(spec.profile());
            case HEADER -> new HeaderQuestions(spec.profile());
            case TIMERS -> new TimerQuestions(spec.profile());
            case LESSON -> new LessonQuestions(spec.authored());
        };
    }
}
