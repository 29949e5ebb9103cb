package tcptutor.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.ansi.ANSITerminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The UI on a real ANSI terminal writing into a byte buffer, as the lab's SSH channel would carry it. */
class AnsiBytesTest {
    /** An ANSI terminal of a fixed size (what the lab does with the PTY request's size). */
    static final class FixedAnsi extends ANSITerminal {
        private final TerminalSize size;

        FixedAnsi(InputStream in, OutputStream out, TerminalSize size) {
            super(in, out, StandardCharsets.UTF_8);
            this.size = size;
        }

        @Override protected TerminalSize findTerminalSize() { return size; }
    }

    @Test void oneKeystrokeInTheConsole_sendsADiffNotTheScreen() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FixedAnsi t = new FixedAnsi(new ByteArrayInputStream(new byte[0]), out, new TerminalSize(80, 24));
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
        assertThat(oneKey).isLessThanOrEqualTo(300);
        assertThat(backspace).isLessThanOrEqualTo(300);
    }

    @Test void inputEnding_endsTheLoopOnAStreamTerminal() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] typed = "syn\n".getBytes(StandardCharsets.UTF_8); // Enter as LF (the lab turns CR into LF); then EOF
        FixedAnsi t = new FixedAnsi(new ByteArrayInputStream(typed), out, new TerminalSize(80, 24));
        ScriptedTutor tutor = new ScriptedTutor();
        String bye = new TextUi(t, tutor, LessonFeed.NONE, false).run();
        assertThat(bye).isEqualTo("journal saved");
        assertThat(tutor.ran).contains("syn");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("SYN-RECEIVED");
    }
}
