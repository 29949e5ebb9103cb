package tcptutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The shipped lessons/ folder loads without a single problem, and covers the curriculum. */
class CurriculumFormatTest {
    static final Path DIR = Path.of("lessons");

    @Test
    void shippedLessons_loadWithoutProblems() {
        LessonLibrary lib = LessonLibrary.load(DIR);
        assertThat(lib.problems()).extracting(Problem::toString).isEmpty();
        assertThat(lib.lessons()).hasSizeGreaterThanOrEqualTo(14);
    }

    @Test
    void everyLesson_endsWithAQuiz() {
        for (Lesson l : LessonLibrary.load(DIR).lessons()) {
            assertThat(l.steps().get(l.steps().size() - 1).kind()).as(l.id()).isEqualTo(Step.Kind.ASK);
        }
    }

    @Test
    void curriculum_coversTheSeedTopics() {
        Set<String> ids = new TreeSet<>(LessonLibrary.load(DIR).ids().get());
        assertThat(ids).contains("tcp-basics", "header", "options", "isn", "handshake", "why-three-way", "lost-handshake",
                "lost-third-ack", "syn-timeout", "four-way-close", "half-close", "fin-ack-together", "simultaneous-close",
                "simultaneous-open", "time-wait", "rst", "abortive-close", "challenge-ack", "keepalive", "accept-queue",
                "syn-flood", "delayed-ack-nagle", "state-diagram", "bulk-and-congestion");
    }
}
