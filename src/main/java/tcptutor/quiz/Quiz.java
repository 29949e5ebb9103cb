package tcptutor.quiz;

import java.util.List;
import tcptutor.tcp.Profile;

/** A generated quiz: the same seed, profile, topics and count give the same questions in the same order. */
public record Quiz(long seed, Profile profile, List<Question> questions) {
    public Quiz { questions = List.copyOf(questions); }

    public int size() { return questions.size(); }
}
