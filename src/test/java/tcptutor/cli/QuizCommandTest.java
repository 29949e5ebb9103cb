package tcptutor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tcptutor.quiz.Question;
import tcptutor.quiz.Quiz;
import tcptutor.quiz.QuizMaker;
import tcptutor.quiz.Topic;
import tcptutor.tcp.Profile;

/** Exam mode and line prompts end to end through picocli, with captured out and err. */
class QuizCommandTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    /** Runs the command line; quiz runs record nothing unless they pass --data. */
    static Run run(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        if (a.get(0).equals("quiz") && !a.contains("--data")) a.add("--no-record");
        return exec(a.toArray(new String[0]));
    }

    static Run exec(String... args) {
        CommandLine cl = Tcptutor.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Quiz quiz(String topic, int count, long seed) {
        return QuizMaker.make(new QuizMaker.Spec(Topic.parse(topic), count, seed, Profile.LINUX, List.of()));
    }

    private Path sheet(List<String> lines) throws Exception {
        Path f = dir.resolve("answers.txt");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    private static List<String> correct(Quiz q) {
        List<String> out = new ArrayList<>();
        for (Question x : q.questions()) out.add(x.correct());
        return out;
    }

    @Test void examMode_correctAnswers_scoreFull_andTheReportSaysSo() throws Exception {
        Quiz q = quiz("header", 8, 7);
        Run r = run("quiz", "--topic", "header", "--count", "8", "--seed", "7", "--answers", sheet(correct(q)).toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Score: 8/8 (100%)   seed 7, profile linux\n").contains("  header   8/8", "All right.");
    }

    @Test void examMode_json_isExactlyOneObject_withGivenAnswersAndRightFlags() throws Exception {
        Quiz q = quiz("header", 4, 11);
        List<String> answers = correct(q);
        answers.set(1, "-");
        Run r = run("quiz", "--topic", "header", "--count", "4", "--seed", "11", "--answers", sheet(answers).toString(), "--json");
        assertThat(r.code()).isZero();
        String j = r.out().strip();
        assertThat(j.lines().count()).isEqualTo(1);
        assertThat(j).startsWith("{\"seed\": 11, \"profile\": \"linux\", \"score\": 3, \"total\": 4, \"questions\": [{\"id\": \"" + q.questions().get(0).id() + "\"");
        assertThat(j).contains("\"given\": \"-\", \"right\": false").endsWith("}");
    }

    @Test void examMode_letters_areGradedLikeTheirText() throws Exception {
        Quiz q = quiz("header", 10, 5);
        List<String> answers = new ArrayList<>();
        for (Question x : q.questions()) {
            answers.add(x.hasChoices() ? String.valueOf((char) ('a' + x.choices().indexOf(x.correct()))) : x.correct());
        }
        Run r = run("quiz", "--topic", "header", "--count", "10", "--seed", "5", "--answers", sheet(answers).toString());
        assertThat(r.out()).startsWith("Score: 10/10");
    }

    @Test void examMode_unreadableLine_exits2_namingTheLineAndWhatWasExpected() throws Exception {
        Quiz q = quiz("header", 4, 7);
        List<String> answers = correct(q);
        int bad = 2;
        answers.set(bad, "@@@");
        Path f = sheet(answers);
        Run r = run("quiz", "--topic", "header", "--count", "4", "--seed", "7", "--answers", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("tcptutor: " + f + ":" + (bad + 1) + ": expected ").contains("got '@@@'");
    }

    @Test void examMode_tooFewOrTooManyLines_exit2() throws Exception {
        Quiz q = quiz("header", 3, 7);
        List<String> answers = correct(q);
        Path f = sheet(answers.subList(0, 2));
        Run few = run("quiz", "--topic", "header", "--count", "3", "--seed", "7", "--answers", f.toString());
        assertThat(few.code()).isEqualTo(2);
        assertThat(few.err()).isEqualTo("tcptutor: " + f + ":3: expected an answer to question 3 of 3, found the end of the file (write - to skip a question)\n");
        List<String> more = new ArrayList<>(answers);
        more.add("a");
        Run many = run("quiz", "--topic", "header", "--count", "3", "--seed", "7", "--answers", sheet(more).toString());
        assertThat(many.err()).endsWith(":4: expected the end of the file: the quiz has 3 questions\n");
    }

    @Test void allTopics_examMode_scoresFull_andRecordsTheAttemptInTheProgressStore() throws Exception {
        Quiz q = quiz("all", 12, 21);
        List<String> answers = correct(q);
        answers.set(0, "-");
        Path data = dir.resolve("data");
        Run r = run("quiz", "--count", "12", "--seed", "21", "--answers", sheet(answers).toString(), "--data", data.toString(), "--learner", "alice");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Score: 11/12 (92%)   seed 21, profile linux\n").contains("Weakest topic: " + q.questions().get(0).topic().id());
        try (tcptutor.progress.ProgressStore store = tcptutor.progress.ProgressStore.open(data)) {
            List<tcptutor.progress.QuizAttempt> attempts = store.quizzes("alice");
            assertThat(attempts).hasSize(1);
            tcptutor.progress.QuizAttempt a = attempts.get(0);
            assertThat(a.seed()).isEqualTo(21);
            assertThat(a.topic()).isEqualTo("all");
            assertThat(a.score()).isEqualTo(11);
            assertThat(a.answers()).hasSize(12);
            assertThat(a.answers().get(0).questionId()).isEqualTo(q.questions().get(0).id());
            assertThat(a.answers().get(0).right()).isFalse();
            assertThat(a.answers().get(1).given()).isEqualTo(answers.get(1));
        }
    }

    @Test void allTopics_rfcProfile_jsonCorrectAnswersAreGradedRight() throws Exception {
        Quiz q = QuizMaker.make(new QuizMaker.Spec(Topic.generated(), 10, 8, Profile.RFC9293, List.of()));
        Run r = run("quiz", "--profile", "rfc9293", "--seed", "8", "--answers", sheet(correct(q)).toString(), "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("{\"seed\": 8, \"profile\": \"rfc9293\", \"score\": 10, \"total\": 10,");
        assertThat(r.out()).doesNotContain("\"right\": false");
    }

    @Test void lessonQuestions_joinWithLessons() throws Exception {
        Path lessons = Path.of("lessons");
        Quiz q = QuizMaker.make(new QuizMaker.Spec(List.of(Topic.LESSON), 5, 3, Profile.LINUX,
                tcptutor.quiz.AnswerSheet.authored(lessons).questions()));
        Run r = run("quiz", "--topic", "lesson", "--lessons", "lessons", "--count", "5", "--seed", "3", "--answers", sheet(correct(q)).toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Score: 5/5").contains("  lesson   5/5");
        Run bad = run("quiz", "--lessons", dir.resolve("none").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("tcptutor: ").contains("no lesson folder here");
    }

    @Test void sameSeed_sameQuizInSeparateJvms() throws Exception {
        String[] args = {"quiz", "--seed", "7", "--count", "20", "--lessons", "lessons", "--json", "--no-record"};
        InputStream old = System.in;
        String here;
        try {
            System.setIn(new ByteArrayInputStream(new byte[0]));
            here = exec(args).out();
        } finally {
            System.setIn(old);
        }
        for (int i = 0; i < 2; i++) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "tcptutor.cli.Main"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String there = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).isZero();
            assertThat(there).isEqualTo(here);
        }
        assertThat(here).startsWith("{\"seed\": 7, \"profile\": \"linux\", \"score\": 0, \"total\": 20,");
    }

    @Test void missingAnswersFile_exit2() {
        Run r = run("quiz", "--topic", "header", "--seed", "1", "--answers", dir.resolve("nope.txt").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("tcptutor: cannot read the answers file ");
    }

    @Test void unknownTopicOrProfile_exit2_withOneLine() {
        Run t = run("quiz", "--topic", "windows");
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).isEqualTo("tcptutor: unknown topic 'windows': expected states, seq, header, timers, lesson or all (or several, comma-separated)\n");
        Run p = run("quiz", "--profile", "bsd");
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).isEqualTo("tcptutor: unknown profile 'bsd': expected linux or rfc9293\n");
        Run l = run("quiz", "--topic", "lesson");
        assertThat(l.err()).contains("--lessons DIR");
    }

    @Test void linePrompts_fromPipedStdin_oneAnswerPerLine_anUnreadableOneIsWrong_thenReport() {
        Quiz q = quiz("header", 2, 3);
        String input = "@@@\n" + q.questions().get(1).correct() + "\n";
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            Run r = run("quiz", "--topic", "header", "--count", "2", "--seed", "3");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Question 1/2 [header]", "  expected ", "got '@@@'", "Wrong: the answer is ", "Question 2/2", "Right.",
                    "Score: 1/2 (50%)   seed 3, profile linux");
        } finally {
            System.setIn(old);
        }
    }

    @Test void linePrompts_endOfInput_stopsAndReportsTheRestAsNotAnswered() {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(new byte[0]));
            Run r = run("quiz", "--topic", "header", "--count", "2", "--seed", "3");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Score: 0/2", "1. header/", ": not answered; answer ");
        } finally {
            System.setIn(old);
        }
    }
}
