package tcptutor.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.ArrayList;
import java.util.List;

/** Reading a virtual terminal back as text, and typing into a UI. */
final class Screens {
    private Screens() {}

    static DefaultVirtualTerminal terminal(int cols, int rows) {
        return new DefaultVirtualTerminal(new TerminalSize(cols, rows));
    }

    /** Every row of the terminal as a string (a wide character once, its second cell skipped). */
    static List<String> rows(DefaultVirtualTerminal t) {
        List<String> out = new ArrayList<>();
        TerminalSize s = t.getTerminalSize();
        for (int y = 0; y < s.getRows(); y++) {
            StringBuilder b = new StringBuilder();
            for (int x = 0; x < s.getColumns(); x++) {
                TextCharacter c = t.getCharacter(x, y);
                b.append(c == null ? ' ' : c.getCharacterString());
                if (c != null && c.isDoubleWidth()) x++;
            }
            out.add(b.toString());
        }
        return out;
    }

    static String text(DefaultVirtualTerminal t) { return String.join("\n", rows(t)); }

    static KeyStroke[] type(String s) {
        KeyStroke[] out = new KeyStroke[s.length()];
        for (int i = 0; i < s.length(); i++) out[i] = new KeyStroke(s.charAt(i), false, false);
        return out;
    }

    static KeyStroke key(KeyType t) { return new KeyStroke(t); }

    static KeyStroke ctrl(char c) { return new KeyStroke(c, true, false); }

    /** Types a command and Enter. */
    static void command(TextUi ui, String line) throws Exception {
        ui.press(type(line));
        ui.press(key(KeyType.Enter));
    }
}
