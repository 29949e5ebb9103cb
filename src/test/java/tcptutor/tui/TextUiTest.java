package tcptutor.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import org.junit.jupiter.api.Test;

class TextUiTest {
    @Test void peek() throws Exception {
        for (int[] size : new int[][]{{80, 24}, {160, 50}, {100, 30}}) {
            DefaultVirtualTerminal vt = Screens.terminal(size[0], size[1]);
            ScriptedTutor tutor = new ScriptedTutor();
            TextUi ui = new TextUi(vt, tutor, LessonFeed.NONE, true);
            ui.open();
            Screens.command(ui, "syn");
            Screens.command(ui, "ack");
            System.out.println(Screens.text(vt));
            System.out.println("=".repeat(size[0]));
        }
    }
}
