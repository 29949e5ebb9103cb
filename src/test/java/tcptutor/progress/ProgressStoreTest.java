package tcptutor.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
    @TempDir Path dir;
    final TickClock clock = new TickClock();

    @Test
    void open_createsTheFileInWalMode() throws Exception {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            s.touch("alice");
        }
        assertThat(dir.resolve("progress.db")).exists();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("progress.db"));
             ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void recordStep_isReadBackInLessonStatus_withTimes() {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            s.recordStep("alice", "handshake", "send-syn", StepStatus.DONE);
            clock.advanceMinutes(2);
            s.recordStep("alice", "handshake", "send-ack", StepStatus.SHOWN_SOLUTION);

            LessonProgress p = s.lessonStatus("alice").get("handshake");
            assertThat(p.steps()).extracting(StepRecord::step).containsExactly("send-syn", "send-ack");
            assertThat(p.steps()).extracting(StepRecord::status).containsExactly(StepStatus.DONE, StepStatus.SHOWN_SOLUTION);
            assertThat(p.startedAt()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
            assertThat(p.lastAt()).isEqualTo(Instant.parse("2026-01-05T09:02:00Z"));
            assertThat(p.completed()).isFalse();
            assertThat(p.stepDone("send-ack")).isTrue();
        }
    }

    @Test
    void recordStep_doneStaysDone_butTheShownSolutionIsRemembered() {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            s.recordStep("bob", "close", "fin", StepStatus.DONE);
            s.recordStep("bob", "close", "fin", StepStatus.SHOWN_SOLUTION);
            StepRecord r = s.lessonStatus("bob").get("close").steps().get(0);
            assertThat(r.status()).isEqualTo(StepStatus.DONE);
            assertThat(r.solutionShown()).isTrue();

            s.recordStep("bob", "close", "ack", StepStatus.SHOWN_SOLUTION);
            s.recordStep("bob", "close", "ack", StepStatus.DONE);
            StepRecord a = s.lessonStatus("bob").get("close").steps().get(1);
            assertThat(a.status()).isEqualTo(StepStatus.DONE);
            assertThat(a.solutionShown()).isTrue();
        }
    }

    @Test
    void recordLessonCompleted_marksOnlyThatLearnersLesson() {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            s.recordStep("alice", "close", "fin", StepStatus.DONE);
            s.recordStep("bob", "close", "fin", StepStatus.DONE);
            clock.advanceMinutes(5);
            s.recordLessonCompleted("alice", "close");
            assertThat(s.lessonStatus("alice").get("close").completedAt()).isEqualTo(Instant.parse("2026-01-05T09:05:00Z"));
            assertThat(s.lessonStatus("bob").get("close").completed()).isFalse();
        }
    }

    @Test
    void journal_appendSaveAndLoad_perLearnerAndName() {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            s.appendJournal("alice", "connect");
            s.appendJournal("alice", "send S");
            s.appendJournal("bob", "listen 80");
            s.saveJournal("alice", "lesson:close", List.of("a", "b", "c"));
            assertThat(s.loadJournal("alice")).containsExactly("connect", "send S");
            assertThat(s.loadJournal("bob")).containsExactly("listen 80");
            assertThat(s.loadJournal("alice", "lesson:close")).containsExactly("a", "b", "c");
            s.saveJournal("alice", List.of("reset"));
            assertThat(s.loadJournal("alice")).containsExactly("reset");
            assertThat(s.loadJournal("carol")).isEmpty();
        }
    }

    @Test
    void quiz_isStoredWithEveryAnswer() {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            QuizAttempt q = new QuizAttempt(7, "linux", "states", 1, 2, List.of(
                    new QuizAnswer("st-1", "states", "Next state?", "TIME-WAIT", "CLOSING", false),
                    new QuizAnswer("st-2", "states", "What is sent?", "ACK", "ACK", true)));
            long id = s.recordQuiz("alice", q);
            assertThat(id).isPositive();
            List<QuizAttempt> back = s.quizzes("alice");
            assertThat(back).hasSize(1);
            assertThat(back.get(0).answers()).isEqualTo(q.answers());
            assertThat(back.get(0).seed()).isEqualTo(7);
            assertThat(back.get(0).at()).isEqualTo(Instant.parse("2026-01-05T09:00:00Z"));
        }
    }

    @Test
    void lessonAnswers_everyAttemptInOrder() {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            s.recordAnswer("alice", "seq", "q-ack", "8000", false);
            clock.advanceMinutes(1);
            s.recordAnswer("alice", "seq", "q-ack", "8001", true);
            s.recordAnswer("bob", "seq", "q-ack", "1", false);
            assertThat(s.lessonAnswers("alice", "seq")).containsExactly(
                    new AnswerRecord("seq", "q-ack", "8000", false, Instant.parse("2026-01-05T09:00:00Z")),
                    new AnswerRecord("seq", "q-ack", "8001", true, Instant.parse("2026-01-05T09:01:00Z")));
        }
    }

    @Test
    void state_putReadAndRemove() {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            s.putState("alice", "lesson", "handshake");
            s.putState("alice", "lesson", "close");
            assertThat(s.state("alice", "lesson")).contains("close");
            s.putState("alice", "lesson", null);
            assertThat(s.state("alice", "lesson")).isEmpty();
        }
    }

    @Test
    void everyWrite_updatesLastSeen() {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            assertThat(s.lastSeen("alice")).isEmpty();
            s.touch("alice");
            clock.advanceMinutes(10);
            s.appendJournal("alice", "x");
            assertThat(s.lastSeen("alice")).contains(Instant.parse("2026-01-05T09:10:00Z"));
        }
    }

    @Test
    void reopen_keepsEverything() {
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            s.recordAnswer("alice", "seq", "q-ack", "8000", false);
            s.appendJournal("alice", "send S");
        }
        try (ProgressStore s = ProgressStore.open(dir, clock)) {
            assertThat(s.loadJournal("alice")).containsExactly("send S");
            assertThat(s.lessonStatus("alice")).containsKey("seq");
        }
    }

    @Test
    void open_onAFileWhereTheDirectoryShouldBe_saysWhichFile() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> ProgressStore.open(notADir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("progress store " + notADir.resolve("progress.db") + ": cannot open");
    }
}
