package tcptutor.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.io.IOException;

/**
 * A short scripted session on a virtual terminal, with no screen of its own: the launcher runs it once
 * when it creates the AppCDS archive, so the archive holds the classes the text UI needs (its screen,
 * Lanterna's terminal, the views, the engine) and a real start finds them there.
 */
public final class Rehearsal {
    private Rehearsal() {}

    public static void run(Tutor tutor) throws IOException {
        try {
            Class.forName("com.googlecode.lanterna.terminal.ansi.UnixTerminal"); // what a real start opens
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        TextUi ui = new TextUi(vt, tutor, LessonFeed.NONE, false);
        ui.open();
        type(ui, "syn");
        ui.press(new KeyStroke(KeyType.Enter), new KeyStroke(' ', false, false), new KeyStroke(KeyType.F2));
        for (KeyType k : new KeyType[]{KeyType.Tab, KeyType.Tab, KeyType.ArrowUp, KeyType.ReverseTab, KeyType.ArrowDown,
                KeyType.PageDown, KeyType.F1, KeyType.F1, KeyType.Escape}) {
            ui.press(new KeyStroke(k));
        }
        ui.press(new KeyStroke('n', false, false));
        vt.setTerminalSize(new TerminalSize(160, 50));
        ui.close();
    }

    private static void type(TextUi ui, String s) throws IOException {
        for (char c : s.toCharArray()) ui.press(new KeyStroke(c, false, false));
    }
}
