package tcptutor.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;

/** The UI on a {@link StreamTerminal} writing into a byte buffer, as the lab's SSH channel carries it. */
class AnsiBytesTest {
    @Test void oneKeystrokeInTheConsole_sendsADiffNotTheScreen() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamTerminal t = new StreamTerminal(new ByteArrayInputStream(new byte[0]), out, 80, 24);
        TextUi ui = new TextUi(t, new ScriptedTutor(), LessonFeed.NONE, false);
        ui.open();
        int first = out.size();
        Screens.command(ui, "syn");
        out.reset();
        ui.press(new KeyStroke('a', false, false));
        int oneKey = out.size();
        out.reset();
        ui.press(new KeyStroke(KeyType.Backspace));
        int backspace = out.size();
        System.out.printf("bytes: first frame %d, one keystroke %d, backspace %d%n", first, oneKey, backspace);
        assertThat(first).isGreaterThan(1000);
        assertThat(oneKey).isLessThanOrEqualTo(35);
        assertThat(backspace).isLessThanOrEqualTo(35);
    }

    /** At the lab's 120x35 with a long trace: a letter repaints the console's input line and nothing else. */
    @Test void aLetterInTheConsole_touchesOnlyTheInputLine_andSendsOneCell() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamTerminal t = new StreamTerminal(new ByteArrayInputStream(new byte[0]), out, 120, 35);
        Session s = new Session(SessionConfig.defaults());
        TextUi ui = new TextUi(t, new SessionTutor(s, null, null), LessonFeed.NONE, false);
        ui.open();
        Screens.command(ui, "syn");
        Screens.command(ui, "ack");
        for (int i = 0; i < 30; i++) Screens.command(ui, "data 10");
        ui.press(Screens.type("wai"));
        out.reset();
        ui.press(new KeyStroke('t', false, false));
        assertThat(ui.screen().lastRows.stream().toArray()).containsExactly(34); // the input line, the last row
        assertThat(ui.screen().lastSets).isEqualTo(120);
        // the cursor already stands on the cell: reset the attributes, the letter; the cursor is then where it must be
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\u001b[0mt");
        out.reset();
        ui.press(new KeyStroke(KeyType.Backspace));
        assertThat(ui.screen().lastRows.stream().toArray()).containsExactly(34);
        assertThat(out.size()).isLessThanOrEqualTo(35);
    }

    @Test void inputEnding_endsTheLoopOnAStreamTerminal() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] typed = "syn\r".getBytes(StandardCharsets.UTF_8); // Enter as an SSH client sends it; then EOF
        StreamTerminal t = new StreamTerminal(new ByteArrayInputStream(typed), out, 80, 24);
        ScriptedTutor tutor = new ScriptedTutor();
        String bye = new TextUi(t, tutor, LessonFeed.NONE, false).run();
        assertThat(bye).isEqualTo("journal saved");
        assertThat(tutor.ran).contains("syn");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("SYN-RECEIVED");
    }
}
