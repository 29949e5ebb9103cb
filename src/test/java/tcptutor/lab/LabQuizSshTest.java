package tcptutor.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.lesson.LessonLibrary;
import tcptutor.progress.ProgressStore;
import tcptutor.progress.QuizAttempt;

/** Quizzes over the lab: line prompts without a PTY, the quiz pane with one; attempts in the lab's own store. */
class LabQuizSshTest {
    @TempDir Path data;
    LabServer lab;

    @BeforeAll
    static void needsOpenSsh() {
        OpenSsh.requireInstalled();
    }

    @AfterEach
    void stop() throws IOException {
        if (lab != null) lab.close();
    }

    private void start() throws IOException {
        LessonLibrary lessons = LessonLibrary.load(Path.of("lessons"));
        lab = new LabServer(LabConfig.defaults(data).withListen("127.0.0.1", 0), new TextUiApp(lessons), new ReplApp(lessons));
        lab.start();
    }

    private List<QuizAttempt> attempts(String learner) {
        try (ProgressStore store = ProgressStore.open(data)) {
            return store.quizzes(learner);
        }
    }

    @Test
    void withoutPty_theQuizAsksByLines_andTheAttemptIsTheLearners() throws Exception {
        start();
        OpenSsh.Result r = OpenSsh.ssh(lab.port(), "quiz seq 2 seed=3\n-\n-\nsyn\n", "-T", "kim@127.0.0.1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("> quiz seq 2 seed=3", "Question 1/2 [seq]", "Question 2/2 [seq]",
                "Score: 0/2 (0%)   seed 3, profile linux", "Recorded in your progress.", "> syn\n#1  you > peer");
        assertThat(attempts("kim")).extracting(QuizAttempt::seed, QuizAttempt::total).containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 2));
        assertThat(attempts("lee")).isEmpty();
    }

    @Test
    void withPty_theQuizPaneShowsTheQuestions_andTheScore() throws Exception {
        start();
        String ssh = "ssh -p " + lab.port() + " " + String.join(" ", OpenSsh.QUIET) + " -o BatchMode=yes lee@127.0.0.1";
        try (Tmux t = new Tmux("lab-quiz-" + ProcessHandle.current().pid(), 100, 30, ssh)) {
            t.await("Welcome to tcptutor");
            t.type("quiz states 2 seed=7");
            t.keys("Enter");
            assertThat(t.await("Quiz  Question 1/2 [states]")).contains(" a) ", " d) ", "Answer in the console (a-d)");
            t.type("-");
            t.keys("Enter");
            assertThat(t.await("Question 2/2 [states]  score 0/1")).contains("1/2 Wrong: the answer is");
            t.type("-");
            t.keys("Enter");
            assertThat(t.await("Quiz  Done: 0/2")).contains("Score: 0/2 (0%)   seed 7, profile linux", "Recorded in your progress.");
        }
        assertThat(attempts("lee")).extracting(QuizAttempt::topic, QuizAttempt::score).containsExactly(org.assertj.core.groups.Tuple.tuple("states", 0));
    }
}
