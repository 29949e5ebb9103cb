package tcptutor.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.progress.QuizRecorder;
import tcptutor.quiz.QuizRun;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;
import tcptutor.view.LessonPage;

/**
 * The UI paints only the parts whose inputs changed: after any sequence of keys, commands and resizes, the screen
 * must be exactly what painting everything from scratch gives (what Ctrl-L does). Seeded random key sequences, on a
 * lesson page with Chinese text (wide characters) that changes with each command.
 */
class IncrementalFrameTest {
    private static final KeyStroke[] KEYS = {
        key(KeyType.Enter), key(KeyType.Tab), key(KeyType.ReverseTab), key(KeyType.ArrowUp), key(KeyType.ArrowDown),
        key(KeyType.ArrowLeft), key(KeyType.ArrowRight), key(KeyType.PageUp), key(KeyType.PageDown), key(KeyType.Home),
        key(KeyType.End), key(KeyType.Backspace), key(KeyType.Delete), key(KeyType.F1), key(KeyType.F2), key(KeyType.F5),
        key(KeyType.Escape), new KeyStroke(' ', false, false), new KeyStroke('n', false, false), Screens.ctrl('u'),
        Screens.ctrl('w'), Screens.ctrl('k'),
    };
    private static final String[] COMMANDS = {"syn", "ack", "step", "sin", "synack"};

    private static KeyStroke key(KeyType t) { return new KeyStroke(t); }

    /** Every cell with its colours and attributes. */
    private static List<String> cells(DefaultVirtualTerminal vt) {
        List<String> out = new ArrayList<>();
        TerminalSize s = vt.getTerminalSize();
        for (int y = 0; y < s.getRows(); y++) {
            StringBuilder b = new StringBuilder();
            for (int x = 0; x < s.getColumns(); x++) {
                TextCharacter c = vt.getCharacter(x, y);
                b.append(c.getCharacterString()).append(c.getForegroundColor()).append(c.getBackgroundColor()).append(c.getModifiers()).append('|');
            }
            out.add(b.toString());
        }
        return out;
    }

    @Test void afterAnyKeys_theScreenIsWhatAFullRepaintDraws() throws Exception {
        for (long seed = 1; seed <= 4; seed++) {
            Random r = new Random(seed);
            DefaultVirtualTerminal vt = Screens.terminal(100, 30);
            ScriptedTutor tutor = new ScriptedTutor();
            LessonFeed feed = new LessonFeed() {
                @Override public Optional<LessonPage> page() {
                    int k = tutor.ran.size();
                    return Optional.of(new LessonPage("cjk", "三次握手 handshake", 1 + k % 3, 3,
                            "发送 SYN。对端回答 SYN+ACK，然后你发送 ACK。".repeat(1 + k % 4), List.of(), List.of(), "轮到你了 " + k));
                }

                @Override public List<LessonPage.Entry> lessons() { return List.of(); }
            };
            TextUi ui = new TextUi(vt, tutor, feed, seed % 2 == 0);
            ui.open();
            for (int step = 0; step < 150 && !ui.done; step++) {
                int what = r.nextInt(10);
                if (what < 3) ui.press(new KeyStroke((char) ('a' + r.nextInt(26)), false, false));
                else if (what < 5) Screens.command(ui, COMMANDS[r.nextInt(COMMANDS.length)]);
                else if (what == 5 && r.nextInt(4) == 0) vt.setTerminalSize(new TerminalSize(80 + r.nextInt(60), 24 + r.nextInt(20)));
                else ui.press(KEYS[r.nextInt(KEYS.length)]);
                if (ui.done) break;
                List<String> drawn = cells(vt);
                ui.repaintAll();
                assertThat(cells(vt)).as("seed %d step %d", seed, step).isEqualTo(drawn);
            }
        }
    }

    @TempDir Path dir;

    /** A real session with quizzes: the quiz pane comes and goes over the panes, answers and other commands mixed in. */
    @Test void withQuizzesComingAndGoing_theScreenIsWhatAFullRepaintDraws() throws Exception {
        String[] lines = {"quiz states 3 seed=7", "a", "b", "-", "quiz stop", "syn", "ack", "step", "data 10", "c"};
        for (long seed = 1; seed <= 3; seed++) {
            Random r = new Random(seed);
            DefaultVirtualTerminal vt = Screens.terminal(100, 30);
            Session s = new Session(SessionConfig.defaults());
            QuizRun quiz = new QuizRun(QuizRecorder.local(dir, "ann"), () -> 1, true).install(s);
            TextUi ui = new TextUi(vt, new SessionTutor(s, null, null), LessonFeed.withQuiz(LessonFeed.NONE, quiz::page), false);
            ui.open();
            for (int step = 0; step < 120 && !ui.done; step++) {
                int what = r.nextInt(10);
                if (what < 5) Screens.command(ui, lines[r.nextInt(lines.length)]);
                else if (what < 7) ui.press(new KeyStroke((char) ('a' + r.nextInt(26)), false, false));
                else ui.press(KEYS[r.nextInt(KEYS.length)]);
                if (ui.done) break;
                List<String> drawn = cells(vt);
                ui.repaintAll();
                assertThat(cells(vt)).as("seed %d step %d", seed, step).isEqualTo(drawn);
            }
        }
    }
}
