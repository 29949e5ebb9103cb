package tcptutor.quiz;

/** Where an authored question comes from: a lesson and the id of its question. */
public record LessonStep(String lesson, String question) implements Scenario {
    public String key() { return lesson + "/" + question; }
}
