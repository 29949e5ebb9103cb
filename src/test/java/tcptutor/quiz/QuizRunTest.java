package tcptutor.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.session.Outcome;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;
import tcptutor.tcp.Profile;
import tcptutor.view.QuizPage;

/** The quiz inside a session: the command, answers as plain lines, the pane's model, recording. */
class QuizRunTest {
    /** The quiz 'quiz states 3 seed=7' asks, made directly. */
    static final Quiz STATES_3_SEED_7 = QuizMaker.make(new QuizMaker.Spec(List.of(Topic.STATES), 3, 7, Profile.LINUX, List.of()));

    final Session session = new Session(SessionConfig.defaults());
    final List<String> recorded = new ArrayList<>();
    final QuizRun quiz = new QuizRun((report, topic) -> {
        recorded.add(topic + " " + report.score() + "/" + report.total());
        return "recorded";
    }, () -> 7, false).install(session);

    static String correct(int i) { return STATES_3_SEED_7.questions().get(i).correct(); }

    static String wrong(int i) {
        Question q = STATES_3_SEED_7.questions().get(i);
        return q.correct().equals(q.choices().get(0)) ? "b" : "a";
    }

    @Test void quiz_printsTheFirstQuestion_theSameSeedGivesTheSameQuestions() {
        Outcome o = session.execute("quiz states 3 seed=7");
        assertThat(o.ok()).isTrue();
        Question first = STATES_3_SEED_7.questions().get(0);
        assertThat(o.lines()).contains("Question 1/3 [states]", "  a) " + first.choices().get(0));
        assertThat(String.join("\n", o.lines())).contains(first.prompt());
        assertThat(session.inputPrompt()).isEqualTo("answer (a-d)> ");
    }

    @Test void withoutASeed_theSuppliedOneIsUsed_andPrinted() {
        Outcome o = session.execute("quiz states 3");
        assertThat(o.lines().get(0)).contains("seed 7", "'quiz states 3 seed=7' asks the same again");
        assertThat(String.join("\n", o.lines())).contains(STATES_3_SEED_7.questions().get(0).prompt());
    }

    @Test void answers_areLines_gradedWithTheRuleAndLadder_andNotJournaled() {
        session.execute("quiz states 3 seed=7");
        Outcome right = session.execute(correct(0));
        assertThat(right.ok()).isTrue();
        assertThat(right.lines().get(0)).startsWith("Right. ").contains(STATES_3_SEED_7.questions().get(0).explanation());
        assertThat(right.lines()).contains("Question 2/3 [states]");
        Outcome wrong = session.execute(wrong(1));
        assertThat(wrong.lines().get(0)).startsWith("Wrong: the answer is " + correct(1) + ".");
        assertThat(wrong.lines()).contains("    " + STATES_3_SEED_7.questions().get(1).ladder().get(0));
        assertThat(session.journal()).isEmpty();
    }

    @Test void anUnreadableAnswer_failsAndTheQuestionStays() {
        session.execute("quiz states 3 seed=7");
        Outcome o = session.execute("syn");
        assertThat(o.ok()).isFalse();
        assertThat(o.lines()).containsExactly("column 1: expected a letter a-d or the text of a choice, got 'syn'");
        assertThat(quiz.page().orElseThrow().heading()).isEqualTo("Question 1/3 [states]");
        assertThat(session.world().trace().of(tcptutor.sim.TraceEvent.Sent.class)).isEmpty(); // no SYN went out
    }

    @Test void theLastAnswer_printsTheReport_andRecordsTheAttemptOnce() {
        session.execute("quiz states 3 seed=7");
        session.execute(correct(0));
        session.execute("-");
        Outcome end = session.execute(correct(2));
        assertThat(end.lines()).contains("Score: 2/3 (67%)   seed 7, profile linux", "  states   2/3", "recorded");
        assertThat(recorded).containsExactly("states 2/3");
        assertThat(session.inputPrompt()).isNull();
        Outcome after = session.execute("syn");
        assertThat(after.ok()).isTrue(); // a command again
        assertThat(recorded).hasSize(1);
    }

    @Test void helpAndQuit_stayCommandsDuringAQuiz() {
        session.execute("quiz states 3 seed=7");
        assertThat(session.execute("help quiz").lines()).contains("quiz [TOPIC] [COUNT] [seed=N] | quiz stop");
        assertThat(session.execute("quit").quit()).isTrue();
    }

    @Test void quizStop_midway_recordsWhatWasAnswered_beforeAnyAnswer_nothing() {
        session.execute("quiz states 3 seed=7");
        assertThat(session.execute("quiz stop").lines()).contains("Nothing answered, nothing recorded.");
        assertThat(recorded).isEmpty();
        assertThat(quiz.page()).isEmpty();

        session.execute("quiz states 3 seed=7");
        session.execute(correct(0));
        Outcome stop = session.execute("quiz stop");
        assertThat(stop.lines()).contains("quiz stopped at Question 2/3 [states].", "Score: 1/3 (33%)   seed 7, profile linux");
        assertThat(recorded).containsExactly("states 1/3");
        assertThat(quiz.running()).isFalse();
        assertThat(session.execute("syn").ok()).isTrue();
    }

    @Test void aSecondQuiz_whileOneRuns_isRefused_quizAloneShowsTheQuestionAgain() {
        session.execute("quiz states 3 seed=7");
        Outcome o = session.execute("quiz seq");
        assertThat(o.ok()).isFalse();
        assertThat(o.lines().get(0)).isEqualTo("column 6: a quiz is running (Question 1/3 [states]): answer it, or 'quiz stop' first");
        assertThat(session.execute("quiz").lines()).contains("Question 1/3 [states]");
    }

    @Test void badArguments_sayWhatWasExpectedAndWhere() {
        assertThat(session.execute("quiz bogus").lines()).containsExactly(
                "column 6: expected a topic: states, seq, header, timers or all (several with commas), got 'bogus'");
        assertThat(session.execute("quiz lesson").ok()).isFalse();
        assertThat(session.execute("quiz states 0").lines()).containsExactly("column 13: expected a number of questions from 1 to 100, got '0'");
        assertThat(session.execute("quiz seed=x").lines()).containsExactly("column 11: expected a whole number, got 'x'");
        assertThat(quiz.running()).isFalse();
    }

    @Test void completion_offersTopicsAndStop() {
        assertThat(session.completer().complete("qu", 2).candidates()).contains("quiz");
        assertThat(session.completer().complete("quiz s", 6).candidates()).containsExactly("states", "seq", "stop");
        assertThat(session.completer().complete("quiz seq ", 9).candidates()).containsExactly("5", "10", "seed=");
    }

    @Test void thePage_followsTheQuiz_andCloses_atTheNextCommandAfterTheEnd() {
        QuizRun paned = new QuizRun(QuizRun.Recorder.NONE, () -> 7, true);
        Session s = new Session(SessionConfig.defaults());
        paned.install(s);
        assertThat(paned.page()).isEmpty();
        assertThat(s.execute("quiz states 3 seed=7").lines()).hasSize(1); // the pane shows the question
        QuizPage p = paned.page().orElseThrow();
        assertThat(p.heading()).isEqualTo("Question 1/3 [states]");
        assertThat(p.choices()).isEqualTo(STATES_3_SEED_7.questions().get(0).choices());
        assertThat(p.last()).isNull();

        assertThat(s.execute(wrong(0)).lines()).containsExactly("1/3 Wrong: the answer is " + correct(0) + ".");
        p = paned.page().orElseThrow();
        assertThat(p.heading()).isEqualTo("Question 2/3 [states]  score 0/1");
        assertThat(p.last().right()).isFalse();
        assertThat(p.last().label()).isEqualTo("your answer to 1/3: " + wrong(0));
        assertThat(p.last().ladder()).isEqualTo(STATES_3_SEED_7.questions().get(0).ladder());

        s.execute(correct(1));
        s.execute(correct(2));
        p = paned.page().orElseThrow();
        assertThat(p.finished()).isTrue();
        assertThat(p.heading()).isEqualTo("Done: 2/3");
        assertThat(p.report().get(0)).isEqualTo("Score: 2/3 (67%)   seed 7, profile linux");
        s.execute("show state");
        assertThat(paned.page()).isEmpty();
    }
}
