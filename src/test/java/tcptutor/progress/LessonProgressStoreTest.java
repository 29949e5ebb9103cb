package tcptutor.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.lesson.Progress;

class LessonProgressStoreTest {
    @TempDir Path dir;
    final TickClock clock = new TickClock();

    @Test
    void saveThenLoad_givesTheSameProgress_andTheGradebookSeesEachPiece() {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            LessonProgressStore lessons = new LessonProgressStore(s, "alice");
            Progress p = Progress.none("handshake").at("syn");
            lessons.save(p);
            p = p.completed("syn").at("synack").answered("q-ack", "1000", false);
            lessons.save(p);
            p = p.answered("q-ack", "1001", true).solutionShown("synack").completed("synack").at("ack").finish();
            lessons.save(p);

            Progress back = new LessonProgressStore(s, "alice").load("handshake");
            assertThat(back).isEqualTo(p);
            assertThat(back.done()).containsExactly("syn", "synack");
            assertThat(back.shown()).containsExactly("synack");
            assertThat(back.answers()).isEqualTo(Map.of("q-ack", new Progress.Answer("1001", true)));

            assertThat(s.lessonAnswers("alice", "handshake")).extracting(AnswerRecord::given).containsExactly("1000", "1001");
            assertThat(s.lessonStatus("alice").get("handshake").completed()).isTrue();
            assertThat(lessons.all()).containsOnlyKeys("handshake");
        }
    }

    @Test
    void enteringALesson_startsIt_andAnUnknownLessonLoadsAsNone() {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            LessonProgressStore lessons = new LessonProgressStore(s, "bob");
            assertThat(lessons.load("close")).isEqualTo(Progress.none("close"));
            lessons.save(Progress.none("close").at("fin"));
            assertThat(s.lessonStatus("bob")).containsKey("close");
            assertThat(new LessonProgressStore(s, "bob").load("close").current()).isEqualTo("fin");
            assertThat(new LessonProgressStore(s, "carol").all()).isEmpty();
            assertThat(lessons.load("close").done()).isEqualTo(Set.of());
        }
    }
}
