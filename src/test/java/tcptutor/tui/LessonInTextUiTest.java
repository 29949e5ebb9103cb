package tcptutor.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.tui.Screens.command;
import static tcptutor.tui.Screens.text;

import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tcptutor.lesson.LessonLibrary;
import tcptutor.lesson.LessonModel;
import tcptutor.lesson.LessonRun;
import tcptutor.lesson.ProgressStore;
import tcptutor.view.LessonPage;

/** A lesson driven from the text UI's console: the lesson pane follows the engine's model after every command. */
class LessonInTextUiTest {
    @Test
    void lessonCommandsAndChecks_workFromTheConsole_andThePaneFollows() throws Exception {
        LessonRun run = LessonRun.start(LessonLibrary.load(Path.of("lessons")).get("handshake"), ProgressStore.NONE, "en");
        LessonFeed feed = new LessonFeed() {
            @Override public Optional<LessonPage> page() {
                LessonModel m = run.model();
                return Optional.of(new LessonPage(m.lessonId(), m.title(), m.step(), m.steps(), m.fullText(), m.hints(), m.feedback(), m.statusLine()));
            }
            @Override public List<LessonPage.Entry> lessons() { return List.of(); }
        };
        DefaultVirtualTerminal vt = Screens.terminal(160, 50);
        TextUi ui = new TextUi(vt, new SessionTutor(run.session(), null, null), feed, true);
        ui.open();
        assertThat(text(vt)).contains("1/9").contains("Assist is off: you type every number yourself.");
        command(ui, "next");
        assertThat(text(vt)).contains("2/9").contains("Send the SYN with ISN x = 1000");
        command(ui, "send S. seq=1000 ack=1 win=64240");
        assertThat(text(vt)).contains("A first SYN carries no ACK flag");
        command(ui, "retry");
        command(ui, "hint");
        assertThat(text(vt)).contains("A SYN has only the SYN flag; choose seq 1000.");
        command(ui, "syn seq=1000 win=64240");
        assertThat(text(vt)).contains("done! type next");
        command(ui, "next");
        assertThat(text(vt)).contains("3/9").contains("The peer answered with SYN+ACK, seq 8000.");
    }
}
