package tcptutor.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradebookTest {
    @TempDir Path dir;
    final TickClock clock = new TickClock();
    Gradebook book;

    @BeforeEach
    void twoLearners() {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            s.recordStep("alice", "handshake", "syn", StepStatus.DONE);
            s.recordAnswer("alice", "handshake", "q-ack", "3000", false);
            s.recordAnswer("alice", "handshake", "q-ack", "3001", true);
            s.recordStep("alice", "handshake", "ack", StepStatus.DONE);
            s.recordLessonCompleted("alice", "handshake");
            clock.advanceMinutes(1);
            s.recordQuiz("alice", new QuizAttempt(7, "linux", "seq", 1, 2, List.of(
                    new QuizAnswer("seq-fin-ack", "seq", "ISN 3000, 100 bytes, FIN: ack?", "3102", "3101", false),
                    new QuizAnswer("seq-syn", "seq", "ISN 3000: ack of SYN?", "3001", "3001", true))));
            clock.advanceMinutes(1);
            s.recordStep("bob", "handshake", "syn", StepStatus.SHOWN_SOLUTION);
            s.recordAnswer("bob", "handshake", "q-ack", "3000", false);
            s.recordAnswer("bob", "handshake", "q-why3", "b", false);
            s.recordStep("bob", "close", "fin", StepStatus.DONE);
            book = Gradebook.read(s);
        }
    }

    @Test
    void learners_countLessonsStepsAndQuizzes() {
        Gradebook.LearnerRow alice = book.learners().get(0);
        assertThat(alice.id()).isEqualTo("alice");
        assertThat(alice.lessonsCompleted()).containsExactly("handshake");
        assertThat(alice.stepsDone()).isEqualTo(2);
        assertThat(alice.bestQuiz().toString()).isEqualTo("1/2 seq");
        Gradebook.LearnerRow bob = book.learners().get(1);
        assertThat(bob.lessonsInProgress()).containsExactly("handshake", "close");
        assertThat(bob.solutionsShown()).isEqualTo(1);
        assertThat(bob.stepsDone()).isEqualTo(1);
    }

    @Test
    void lessons_rateAndMostMissed() {
        assertThat(book.lessons()).extracting(Gradebook.LessonRow::lesson).containsExactly("close", "handshake");
        Gradebook.LessonRow hs = book.lessons().get(1);
        assertThat(hs.started()).isEqualTo(2);
        assertThat(hs.completed()).isEqualTo(1);
        assertThat(hs.completionRate()).isEqualTo(0.5);
        assertThat(hs.mostMissed()).extracting(m -> m.question() + " " + m.wrong() + "/" + m.asked())
                .containsExactly("q-ack 2/3", "q-why3 1/1");
        assertThat(book.quizMisses()).extracting(Gradebook.Missed::question).containsExactly("seq-fin-ack");
    }

    @Test
    void table_isAligned() {
        assertThat(GradebookFormat.TABLE.render(book, ZoneOffset.UTC)).isEqualTo("""
                LEARNER  LESSONS DONE   IN PROGRESS          STEPS  SOLUTIONS SHOWN  QUIZZES  LAST QUIZ  BEST QUIZ  LAST SEEN
                alice    1 (handshake)  -                    2      0                1        1/2 seq    1/2 seq    2026-01-05 09:01
                bob      -              2 (handshake close)  1      1                0        -          -          2026-01-05 09:02

                LESSON     STARTED  COMPLETED  RATE  MOST MISSED (wrong/asked)
                close      1        0          0%    -
                handshake  2        1          50%   q-ack 2/3, q-why3 1/1

                QUIZ TOPIC  QUESTION     WRONG/ASKED  PROMPT
                seq         seq-fin-ack  1/1          ISN 3000, 100 bytes, FIN: ack?
                """);
    }

    @Test
    void csv_quotesCellsWithCommas() {
        assertThat(GradebookFormat.CSV.render(book, ZoneOffset.UTC)).isEqualTo("""
                learner,lessons_completed,lessons_in_progress,steps_done,solutions_shown,quizzes,last_quiz_score,last_quiz_total,best_quiz_score,best_quiz_total,last_seen
                alice,handshake,,2,0,1,1,2,1,2,2026-01-05T09:01:00Z
                bob,,handshake close,1,1,0,,,,,2026-01-05T09:02:00Z

                lesson,started,completed,completion_rate,most_missed
                close,1,0,0.00,
                handshake,2,1,0.50,q-ack 2/3; q-why3 1/1
                """);
    }

    @Test
    void json_hasLearnersLessonsAndQuizMisses() {
        String json = GradebookFormat.JSON.render(book, ZoneOffset.UTC);
        assertThat(json).startsWith("{\"learners\": [\n  {\"id\": \"alice\", \"lessonsCompleted\": [\"handshake\"]");
        assertThat(json).contains("\"quizzes\": [{\"topic\": \"seq\", \"profile\": \"linux\", \"seed\": 7, \"score\": 1, \"total\": 2, \"at\": \"2026-01-05T09:01:00Z\"}]");
        assertThat(json).contains("{\"id\": \"handshake\", \"started\": 2, \"completed\": 1, \"completionRate\": 0.5000, \"mostMissed\": [{\"in\": \"handshake\", \"question\": \"q-ack\", \"wrong\": 2, \"asked\": 3}");
        assertThat(json).endsWith("\"prompt\": \"ISN 3000, 100 bytes, FIN: ack?\"}]}\n");
    }

    @Test
    void emptyStore_saysSo() {
        assertThat(GradebookFormat.TABLE.render(new Gradebook(List.of(), List.of(), List.of()), ZoneOffset.UTC))
                .isEqualTo("No learners yet: the progress store is empty.\n");
    }
}
