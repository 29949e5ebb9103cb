package tcptutor.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.tui.Screens.command;
import static tcptutor.tui.Screens.key;
import static tcptutor.tui.Screens.text;

import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;

/** The text UI on a real session and engine (no stand-ins). */
class SessionTextUiTest {
    @TempDir Path dir;

    TextUi open(DefaultVirtualTerminal vt, Session s) throws Exception {
        TextUi ui = new TextUi(vt, new SessionTutor(s, dir.resolve("journal.txt"), dir.resolve("history")), LessonFeed.NONE, false);
        ui.open();
        return ui;
    }

    @Test void syn_showsThePeersSynAckAndSynReceived() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = open(vt, new Session(SessionConfig.defaults()));
        command(ui, "syn");
        String all = text(vt);
        assertThat(all).contains("|-#1 [S] seq 0 len 0 ", "|<-#2 [S.] seq 0 ack 1 len 0 ", "<SYN-RECEIVED>", "SYN-SENT");
        assertThat(all).contains("peer SYN-ACK retransmission 1.000s");
        command(ui, "ack");
        assertThat(text(vt)).contains("{ESTABLISHED}");
    }

    @Test void spaceSteps_theRetransmissionTimerFires() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(100, 30);
        TextUi ui = open(vt, new Session(SessionConfig.defaults()));
        command(ui, "syn");
        ui.press(Screens.type(" "));
        assertThat(text(vt)).contains("t=1.000 s", "|<-#3 [S.] seq 0 ack 1");
    }

    @Test void exportPcap_fromTheConsole_writesTheFile() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(100, 30);
        TextUi ui = open(vt, new Session(SessionConfig.defaults()));
        command(ui, "syn");
        command(ui, "export pcap " + dir.resolve("s.pcap"));
        assertThat(text(vt)).contains("wrote 2 segments to");
        assertThat(tcptutor.capture.CaptureReader.read(dir.resolve("s.pcap")).packets()).hasSize(2);
    }

    @Test void tabCompletesWithTheSessionsCompleter() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = open(vt, new Session(SessionConfig.defaults()));
        ui.press(Screens.type("pe"));
        ui.press(key(KeyType.Tab));
        assertThat(ui.console().input()).isEqualTo("peer ");
    }

    @Test void quitting_savesTheJournalAndTheHistory() throws Exception {
        DefaultVirtualTerminal vt = Screens.terminal(80, 24);
        TextUi ui = open(vt, new Session(SessionConfig.defaults()));
        command(ui, "syn");
        ui.press(Screens.type(" "));
        ui.close();
        assertThat(Files.readAllLines(dir.resolve("journal.txt"))).contains("syn");
        assertThat(HistoryFile.read(dir.resolve("history"))).containsExactly("syn");
    }
}
