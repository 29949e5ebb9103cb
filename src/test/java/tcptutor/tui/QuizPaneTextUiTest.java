package tcptutor.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.tui.Screens.command;
import static tcptutor.tui.Screens.key;
import static tcptutor.tui.Screens.rows;
import static tcptutor.tui.Screens.text;

import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Path;
import java.util.List;
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

/** A quiz in the text UI at 80x24: the quiz pane over the top, answers typed in the console, the attempt recorded. */
class QuizPaneTextUiTest {
    static final Quiz QUIZ = QuizMaker.make(new QuizMaker.Spec(List.of(Topic.STATES), 3, 7, Profile.LINUX, List.of()));

    @TempDir Path dir;
    final DefaultVirtualTerminal vt = Screens.terminal(80, 24);

    TextUi open() throws Exception {
        Session s = new Session(SessionConfig.defaults());
        QuizRun quiz = new QuizRun(QuizRecorder.local(dir, "ann"), () -> 1, true).install(s);
        TextUi ui = new TextUi(vt, new SessionTutor(s, null, null), LessonFeed.withQuiz(LessonFeed.NONE, quiz::page), false);
        ui.open();
        return ui;
    }

    static String wrongLetter(Question q) { return q.correct().equals(q.choices().get(0)) ? "b" : "a"; }

    @Test void aQuiz_fromStartToScore_inThePane_recordedInTheStore() throws Exception {
        TextUi ui = open();
        command(ui, "quiz states 3 seed=7");
        List<String> screen = rows(vt);
        Question q1 = QUIZ.questions().get(0);
        assertThat(screen.get(0)).startsWith("─ Quiz  Question 1/3 [states] ───");
        assertThat(screen.get(1)).startsWith("You are a TCP endpoint (linux).");
        assertThat(screen).contains(padded(" a) " + q1.choices().get(0)), padded(" b) " + q1.choices().get(1)),
                padded(" c) " + q1.choices().get(2)), padded(" d) " + q1.choices().get(3)),
                padded("Answer in the console (a-d); - skips; quiz stop leaves."));
        assertThat(text(vt)).doesNotContain("Ladder", "States", "Header"); // the quiz covers the top

        command(ui, wrongLetter(q1));
        screen = rows(vt);
        assertThat(screen.get(0)).startsWith("─ Quiz  Question 2/3 [states]  score 0/1");
        assertThat(screen).contains(padded("Wrong: the answer is " + q1.correct() + "."), padded("1/3 Wrong: the answer is " + q1.correct() + "."));
        assertThat(text(vt)).contains("── your answer to 1/3: " + wrongLetter(q1) + " ──");

        command(ui, QUIZ.questions().get(1).correct());
        assertThat(rows(vt)).contains(padded("Right."), padded("2/3 Right."));
        command(ui, QUIZ.questions().get(2).correct());
        screen = rows(vt);
        assertThat(screen.get(0)).startsWith("─ Quiz  Done: 2/3  1-17/26 ──"); // it scrolls: the report, then the last answer
        assertThat(screen.get(1)).isEqualTo(padded("Score: 2/3 (67%)   seed 7, profile linux"));
        assertThat(screen.get(2)).isEqualTo(padded("  states   2/3"));
        assertThat(text(vt)).contains("Recorded for ann in " + dir.resolve("progress.db"));

        try (ProgressStore store = ProgressStore.open(dir)) {
            List<QuizAttempt> attempts = store.quizzes("ann");
            assertThat(attempts).hasSize(1);
            assertThat(attempts.get(0).seed()).isEqualTo(7);
            assertThat(attempts.get(0).topic()).isEqualTo("states");
            assertThat(attempts.get(0).score()).isEqualTo(2);
            assertThat(attempts.get(0).total()).isEqualTo(3);
            assertThat(attempts.get(0).answers().get(0).given()).isEqualTo(wrongLetter(q1));
        }

        command(ui, "syn"); // any other command: the panes come back, and it runs
        assertThat(rows(vt).get(0)).startsWith("─ Welcome");
        assertThat(text(vt)).contains("|-#1 [S] seq 0 len 0 ");
    }

    @Test void duringAQuiz_spaceTypesASpace_tabSwitchesBetweenPaneAndConsole_quizStopLeaves() throws Exception {
        TextUi ui = open();
        command(ui, "quiz states 3 seed=7");
        ui.press(Screens.type(" "));
        assertThat(ui.console().input()).isEqualTo(" "); // not 'step'
        ui.press(key(KeyType.Backspace), key(KeyType.Tab));
        assertThat(ui.focus).isEqualTo(Pane.LESSON);
        assertThat(rows(vt).get(0)).startsWith("[Quiz  Question 1/3 [states]]");
        ui.press(key(KeyType.Tab));
        assertThat(ui.focus).isEqualTo(Pane.CONSOLE);
        command(ui, "quiz stop");
        assertThat(rows(vt).get(0)).startsWith("─ Welcome");
        assertThat(text(vt)).contains("quiz stopped at Question 1/3 [states].", "Nothing answered, nothing recorded.");
    }

    /** A row of the 80-column screen holding exactly {@code s}. */
    static String padded(String s) { return s + " ".repeat(80 - s.length()); }
}
