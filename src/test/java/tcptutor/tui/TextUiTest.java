package tcptutor.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.tui.Screens.command;
import static tcptutor.tui.Screens.key;
import static tcptutor.tui.Screens.rows;
import static tcptutor.tui.Screens.text;
import static tcptutor.tui.Screens.type;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextUiTest {
    final ScriptedTutor tutor = new ScriptedTutor();

    TextUi open(DefaultVirtualTerminal vt, boolean noColor) throws Exception {
        TextUi ui = new TextUi(vt, tutor, LessonFeed.NONE, noColor);
        ui.open();
        return ui;
    }

    /** Where {@code s} starts on screen: {col, row}; fails if it is not there. */
    static int[] find(DefaultVirtualTerminal vt, String s) {
        List<String> rs = rows(vt);
        for (int y = 0; y < rs.size(); y++) {
            int x = rs.get(y).indexOf(s);
            if (x >= 0) return new int[]{x, y};
        }
        throw new AssertionError("'" + s + "' is not on the screen:\n" + text(vt));
    }

    @Test void startsWithTheConsoleFocused_andAWelcome() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = open(vt, false);
        assertThat(ui.focus).isEqualTo(Pane.CONSOLE);
        assertThat(rows(vt).get(18)).startsWith("[Console  t=0.000 s  relative");
        assertThat(rows(vt).get(23)).startsWith("> ");
        assertThat(vt.getCursorBufferPosition().getColumn()).isEqualTo(2);
        assertThat(text(vt)).contains("Welcome to tcptutor.");
    }

    @Test void handshakeAt80x24_showsArrowsLabelsHeaderFieldsAndBothStates() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = open(vt, false);
        command(ui, "syn");
        List<String> r = rows(vt);
        // the ladder, left column (44 wide)
        assertThat(r.get(4)).startsWith("─ Ladder  #2 (newest)  relative ─");
        assertThat(r.get(7)).startsWith("   0.000 |-#1 [S] seq 0 len 0 ----------->| │");
        assertThat(r.get(8)).startsWith("         |                     SYN-RECEIVED │");
        assertThat(r.get(9)).startsWith("   0.050 |<-#2 [S.] seq 0 ack 1 len 0 ----| │");
        // the states, right column: yours in brackets, the peer's in angle brackets
        assertThat(r.get(1)).endsWith(" CLOSED  LISTEN [SYN-SENT]         ");
        assertThat(r.get(2)).endsWith("<SYN-RECEIVED> ESTABLISHED         ");
        assertThat(r.get(5)).contains("│you SYN-SENT  peer SYN-RECEIVED");
        // the header of the newest segment, the SYN-ACK
        assertThat(text(vt)).contains("│#2 [S.] peer -> you at 0.050 s", "│Src port: 80", "│Dst port: 40000",
                "│Seq: 0 (relative; abs 5000)", "│Ack: 1 (relative; abs 1001)");
        // marks are also coloured: yours green, the peer's magenta
        int[] you = find(vt, "[SYN-SENT]");
        assertThat(vt.getCharacter(you[0] + 1, you[1]).getBackgroundColor()).isEqualTo(TextColor.ANSI.GREEN);
        int[] peer = find(vt, "<SYN-RECEIVED>");
        assertThat(vt.getCharacter(peer[0] + 1, peer[1]).getBackgroundColor()).isEqualTo(TextColor.ANSI.MAGENTA);
        // the console echoed the command and its output
        assertThat(text(vt)).contains("> syn", "#2 peer > you  Flags [S.], seq 0, ack 1, win 65535, length 0");
    }

    @Test void handshakeAt160x50_drawsTheFullDiagramAndTheWholeHeader() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(160, 50);
        TextUi ui = open(vt, false);
        command(ui, "syn");
        command(ui, "ack");
        String all = text(vt);
        assertThat(all).contains("|-#1 [S] seq 0 win 64240 len 0 <mss 1460> ---", "|<-#2 [S.] seq 0 ack 1 win 65535 len 0 <mss 1460> ---",
                "|-#3 [.] seq 1 ack 1 win 64240 len 0 ---");
        assertThat(all).contains("+----------->{ESTABLISHED}<---+", "LISTEN --- send / snd SYN --> SYN-SENT");
        assertThat(all).contains("you  SYN-SENT -> ESTABLISHED at 0.100: SYN-ACK acknowledges our SYN;");
        assertThat(all).contains("#3 [.] you -> peer at 0.100 s", "Source Port: 40000", "Destination Port: 80 (http)",
                "Sequence Number: 1 (relative; abs 1001)", "Acknowledgment Number: 1 (relative; abs 5001)");
        assertThat(all).contains("TCP header, 20 bytes", "0000  9c 40 00 50 00 00 03 e9  00 00 13 89 50 10 fa f0");
        for (String row : rows(vt)) assertThat(row).hasSize(160);
    }

    @Test void ladderSelection_feedsTheHeader_andF2SwitchesToAbsolute() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(100, 30);
        TextUi ui = open(vt, false);
        command(ui, "syn");
        ui.press(key(KeyType.ReverseTab), key(KeyType.ReverseTab), key(KeyType.ReverseTab)); // console -> header -> states -> ladder
        assertThat(ui.focus).isEqualTo(Pane.LADDER);
        ui.press(key(KeyType.ArrowUp));
        assertThat(ui.selected).isEqualTo(1);
        assertThat(text(vt)).contains("[Ladder  #1 selected  relative]", "#1 [S] you -> peer at 0.000 s");
        int[] row = find(vt, "|-#1 [S]");
        assertThat(vt.getCharacter(row[0], row[1]).isReversed()).isTrue();
        ui.press(key(KeyType.F2));
        assertThat(text(vt)).contains("|-#1 [S] seq 1000 ", "Seq: 1000 (absolute; rel 0)");
        ui.press(key(KeyType.ArrowDown));
        assertThat(ui.selected).isZero(); // back on the newest: follows new segments again
    }

    @Test void headerFieldSelection_highlightsItsBytesInTheHexDump() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(160, 50);
        TextUi ui = open(vt, false);
        command(ui, "syn");
        ui.press(key(KeyType.ReverseTab)); // console -> header
        assertThat(ui.focus).isEqualTo(Pane.HEADER);
        for (int i = 0; i < 17; i++) ui.press(key(KeyType.ArrowDown)); // ports, seq, next seq, ack, length, flags and 10 bits: Window
        assertThat(text(vt)).contains("Window: 65535");
        int[] w = find(vt, "Window: 65535");
        assertThat(vt.getCharacter(w[0], w[1]).isReversed()).isTrue();
        int[] hex = find(vt, "60 12 ff ff");
        assertThat(vt.getCharacter(hex[0] + 6, hex[1]).getBackgroundColor()).isEqualTo(TextColor.ANSI.YELLOW);
        assertThat(vt.getCharacter(hex[0] + 3, hex[1]).getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
    }

    @Test void resizeTo80x24AndBack_keepsSelectionAndContent() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(160, 50);
        TextUi ui = open(vt, false);
        command(ui, "syn");
        command(ui, "ack");
        ui.press(key(KeyType.Tab), key(KeyType.Tab)); // console -> lesson -> ladder
        ui.press(key(KeyType.ArrowUp), key(KeyType.ArrowUp));
        assertThat(ui.selected).isEqualTo(1);
        String before = text(vt);

        vt.setTerminalSize(new TerminalSize(80, 24));
        assertThat(rows(vt)).hasSize(24);
        assertThat(text(vt)).contains("[Ladder  #1 selected  relative]", "|-#1 [S] seq 0 len 0", "#1 [S] you -> peer",
                "{ESTABLISHED}", "> ack");
        assertThat(ui.selected).isEqualTo(1);

        vt.setTerminalSize(new TerminalSize(160, 50));
        assertThat(text(vt)).isEqualTo(before);
    }

    @Test void belowMinimum_saysHowBigItMustBe_andComesBack() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = open(vt, false);
        command(ui, "syn");
        vt.setTerminalSize(new TerminalSize(60, 20));
        assertThat(text(vt).replaceAll("\\s+", " ")).contains("tcptutor needs a terminal of at least 80x24; this one is 60x20.");
        ui.press(type("ack")); // typing still works while the window is too small
        vt.setTerminalSize(new TerminalSize(80, 24));
        assertThat(rows(vt).get(23)).startsWith("> ack");
        assertThat(text(vt)).contains("<SYN-RECEIVED>");
    }

    @Test void endOfInput_endsTheLoop_andClosesTheTutor() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = new TextUi(vt, tutor, LessonFeed.NONE, false);
        vt.addInput(new KeyStroke('s', false, false));
        vt.addInput(new KeyStroke('y', false, false));
        vt.addInput(new KeyStroke('n', false, false));
        vt.addInput(new KeyStroke(KeyType.Enter));
        vt.addInput(new KeyStroke(KeyType.EOF));
        Thread t = new Thread(() -> {
            try {
                assertThat(ui.run()).isEqualTo("journal saved");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        t.start();
        t.join(20_000);
        assertThat(t.isAlive()).as("the loop ended").isFalse();
        assertThat(tutor.ran).containsExactly("syn");
        assertThat(tutor.closed).isTrue();
    }

    @Test void quit_asksFirst() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = open(vt, false);
        ui.press(key(KeyType.Escape));
        assertThat(text(vt)).contains("Quit tcptutor?", "Nothing is lost: the session journal is saved.");
        ui.press(type("n"));
        assertThat(ui.done).isFalse();
        assertThat(text(vt)).doesNotContain("Quit tcptutor?");
        ui.press(Screens.ctrl('c'));
        assertThat(text(vt)).contains("Quit tcptutor?");
        ui.press(type("y"));
        assertThat(ui.done).isTrue();
    }

    @Test void f1_listsEveryKey() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = open(vt, false);
        ui.press(key(KeyType.F1));
        String all = text(vt);
        for (Keys.Key k : Keys.ALL) assertThat(all).contains(k.keys());
        assertThat(all).contains("| Esc or Ctrl-C    quit (asks first; the session journal is saved)",
                "Type help in the console for the commands. Any key closes this.");
        ui.press(key(KeyType.F1));
        assertThat(text(vt)).doesNotContain("Keys");
    }

    @Test void console_tabCompletes_historyRecalls_spaceSteps() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = open(vt, false);
        ui.press(type("sy"));
        ui.press(key(KeyType.Tab)); // syn, synack: their common prefix
        assertThat(ui.console().input()).isEqualTo("syn");
        ui.press(key(KeyType.Tab)); // nothing more in common: the candidates are listed
        assertThat(text(vt)).contains("  syn  synack");
        ui.press(key(KeyType.Enter));
        ui.press(key(KeyType.ArrowUp));
        assertThat(ui.console().input()).isEqualTo("syn");
        ui.press(Screens.ctrl('u'));
        ui.press(type(" ")); // empty line: Space advances time
        assertThat(tutor.ran).containsExactly("syn", "step");
        ui.press(key(KeyType.F5));
        assertThat(tutor.ran).containsExactly("syn", "step", "step");
        ui.press(key(KeyType.Tab)); // empty line: Tab moves on
        assertThat(ui.focus).isEqualTo(Pane.LESSON);
        ui.press(type("x")); // a letter in another pane goes to the console
        assertThat(ui.focus).isEqualTo(Pane.CONSOLE);
        assertThat(ui.console().input()).isEqualTo("x");
    }

    @Test void anError_isShownInTheConsole_andTheSessionGoesOn() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = open(vt, false);
        command(ui, "sin");
        int[] at = find(vt, "unknown command 'sin'");
        assertThat(vt.getCharacter(at[0], at[1]).getForegroundColor()).isEqualTo(TextColor.ANSI.RED);
        command(ui, "syn");
        assertThat(text(vt)).contains("<SYN-RECEIVED>");
    }

    @Test void noColor_usesOnlyAttributes_andMarksStillDiffer() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = open(vt, true);
        command(ui, "syn");
        TerminalSize s = vt.getTerminalSize();
        for (int y = 0; y < s.getRows(); y++) {
            for (int x = 0; x < s.getColumns(); x++) {
                TextCharacter c = vt.getCharacter(x, y);
                assertThat(c.getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
                assertThat(c.getBackgroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
            }
        }
        int[] you = find(vt, "[SYN-SENT]"), peer = find(vt, "<SYN-RECEIVED>");
        assertThat(vt.getCharacter(you[0] + 1, you[1]).getModifiers()).contains(SGR.REVERSE);
        assertThat(vt.getCharacter(peer[0] + 1, peer[1]).getModifiers()).contains(SGR.UNDERLINE).doesNotContain(SGR.REVERSE);
    }

    @Test void colour_usesOnlyThe16AnsiColours() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(160, 50);
        TextUi ui = open(vt, false);
        command(ui, "syn");
        ui.press(key(KeyType.ReverseTab), key(KeyType.ArrowDown));
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 160; x++) {
                TextCharacter c = vt.getCharacter(x, y);
                assertThat(c.getForegroundColor()).isInstanceOf(TextColor.ANSI.class);
                assertThat(c.getBackgroundColor()).isInstanceOf(TextColor.ANSI.class);
            }
        }
    }

    @Test void quitCommand_endsWithoutAsking() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = open(vt, false);
        command(ui, "quit");
        assertThat(ui.done).isTrue();
    }
}
