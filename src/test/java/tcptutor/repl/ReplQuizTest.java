package tcptutor.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.progress.ProgressStore;
import tcptutor.progress.QuizAttempt;
import tcptutor.progress.QuizRecorder;
import tcptutor.quiz.Question;
import tcptutor.quiz.Quiz;
import tcptutor.quiz.QuizMaker;
import tcptutor.quiz.QuizRun;
import tcptutor.quiz.Topic;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;
import tcptutor.tcp.Profile;

/** The quiz as line prompts: the REPL prints each question, the next lines answer it; the attempt is recorded. */
class ReplQuizTest {
    static final Quiz QUIZ = QuizMaker.make(new QuizMaker.Spec(List.of(Topic.SEQ), 2, 3, Profile.LINUX, List.of()));

    @TempDir Path dir;
    final Session session = new Session(SessionConfig.defaults());

    @org.junit.jupiter.api.BeforeEach void quiz() {
        new QuizRun(QuizRecorder.local(dir, "ann"), () -> 1, false).install(session);
    }

    @Test void scriptMode_asksEachQuestion_gradesTheNextLine_printsTheScore_andRecords() throws Exception {
        Question q1 = QUIZ.questions().get(0), q2 = QUIZ.questions().get(1);
        StringWriter out = new StringWriter();
        int code = Repl.script(new StringReader("quiz seq 2 seed=3\n" + q1.correct() + "\n-\nsyn\n"), new PrintWriter(out), session);
        String text = out.toString();
        assertThat(code).isZero();
        assertThat(text).contains("> quiz seq 2 seed=3\nQuiz: 2 questions [seq], profile linux, seed 3 ('quiz seq 2 seed=3' asks the same again).\n"
                + "Each line is an answer: a letter or a choice's text, a number, a state name; - skips; quiz stop leaves.\n"
                + "\nQuestion 1/2 [seq]\n" + q1.render() + "\n> " + q1.correct() + "\nRight. " + q1.explanation() + "\n");
        assertThat(text).contains("\nQuestion 2/2 [seq]\n" + q2.render() + "\n> -\nWrong: the answer is " + q2.correct() + ". ");
        assertThat(text).contains("Score: 1/2 (50%)   seed 3, profile linux\n  seq      1/2\n");
        assertThat(text).contains("Recorded for ann in " + dir.resolve("progress.db"));
        assertThat(text).contains("> syn\n#1  you > peer  Flags [S]"); // a command again after the last answer
        assertThat(session.journal()).containsExactly("syn");

        try (ProgressStore store = ProgressStore.open(dir)) {
            List<QuizAttempt> attempts = store.quizzes("ann");
            assertThat(attempts).extracting(QuizAttempt::seed, QuizAttempt::topic, QuizAttempt::score, QuizAttempt::total)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "seq", 1, 2));
            assertThat(attempts.get(0).answers()).extracting(a -> a.given()).containsExactly(q1.correct(), "-");
        }
    }

    @Test void interactive_thePromptSaysWhatAnswerIsExpected() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = ReplTest.terminal("dumb", "quiz seq 2 seed=3\nquiz stop\nquit\n", out)) {
            new Repl(session, ReplOptions.plain()).run(t);
        }
        String shown = out.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("answer (" + QUIZ.questions().get(0).expects() + ")> ");
        assertThat(shown).contains("quiz stopped at Question 1/2 [seq].");
        assertThat(shown).contains("you:CLOSED peer:LISTEN> "); // the usual prompt again
    }
}
