package tcptutor.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.lesson.LessonLibrary;
import tcptutor.progress.Gradebook;
import tcptutor.progress.ProgressStore;

/** The real tutor over the lab: the text UI with a terminal (tmux + OpenSSH), the REPL in script mode without. */
class LabTutorSshTest {
    @TempDir Path data;
    LabServer lab;

    @BeforeAll
    static void needsOpenSsh() {
        OpenSsh.requireInstalled();
    }

    @AfterEach
    void stop() throws IOException {
        if (lab != null) lab.close();
    }

    private void start(LabConfig config) throws IOException {
        LessonLibrary lessons = LessonLibrary.load(Path.of("lessons"));
        lab = new LabServer(config, new TextUiApp(lessons), new ReplApp(lessons));
        lab.start();
    }

    private LabConfig config() {
        return LabConfig.defaults(data).withListen("127.0.0.1", 0);
    }

    @Test
    void withoutPty_theReplRunsTheScript_andTheNextConnectionResumesTheWorld() throws Exception {
        start(config());
        OpenSsh.Result r = OpenSsh.ssh(lab.port(), "syn\nshow state\n", "-T", "kim@127.0.0.1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("tcptutor lab: a fresh world for you", "> syn",
                "you   SYN-SENT -> ESTABLISHED", "peer  SYN-RECEIVED :80<->:40000");

        OpenSsh.Result again = OpenSsh.ssh(lab.port(), "ack\nhistory\n", "-T", "kim@127.0.0.1");
        assertThat(again.out()).contains("welcome back; your world is restored (1 command replayed).",
                "peer  SYN-RECEIVED -> ESTABLISHED", "   1  syn\n   2  ack");
        try (ProgressStore store = ProgressStore.open(data)) {
            assertThat(store.loadJournal("kim")).containsExactly("syn", "ack");
        }
    }

    @Test
    void aLesson_overSsh_resumesAtTheSameStep_andTheGradebookSeesTheMiss() throws Exception {
        start(config());
        String craft = "syn sport=38560 dport=23 seq=4242890062 win=65495 mss=65495 sackok ts=3913303147,0 nop wscale=7";
        OpenSsh.Result first = OpenSsh.ssh(lab.port(), "lessons\nlearn options\nnext\n" + craft + "\nnext\nnext\nanswer 10\n",
                "-T", "mia@127.0.0.1");
        assertThat(first.out()).contains("options", "-- TCP options - MSS, window scale, SACK and timestamps - step 1/",
                "lesson: done!", "10 is the number of 32-bit words");

        OpenSsh.Result again = OpenSsh.ssh(lab.port(), "answer 40\n", "-T", "mia@127.0.0.1"); // the connection dropped: no leave
        assertThat(again.out()).contains("lesson 'options' resumed at step 4", "> answer 40", "right.");
        assertThat(lab.status().lessons()).isEmpty(); // nobody is connected any more

        try (ProgressStore store = ProgressStore.open(data)) {
            Gradebook.LessonRow row = Gradebook.read(store).lessons().get(0);
            assertThat(row.lesson()).isEqualTo("options");
            assertThat(row.mostMissed()).extracting(m -> m.question() + " " + m.wrong() + "/" + m.asked())
                    .containsExactly("q-offset 1/2");
            assertThat(store.lessonStatus("mia").get("options").stepDone("craft")).isTrue();
        }
    }

    @Test
    void leave_returnsToTheLearnersOwnWorld() throws Exception {
        start(config());
        OpenSsh.ssh(lab.port(), "syn\n", "-T", "nia@127.0.0.1");
        OpenSsh.Result r = OpenSsh.ssh(lab.port(), "learn handshake\nleave\nhistory\n", "-T", "nia@127.0.0.1");
        assertThat(r.out()).contains("left lesson 'handshake'", "   1  syn");
        assertThat(OpenSsh.ssh(lab.port(), "history\n", "-T", "nia@127.0.0.1").out()).contains("welcome back", "   1  syn");
    }

    @Test
    void saveAndLoad_wouldTouchTheServersFiles_soTheyAreRefused() throws Exception {
        start(config());
        Path target = data.resolve("written-by-a-learner");
        OpenSsh.Result r = OpenSsh.ssh(lab.port(), "syn\nsave " + target + "\nload /etc/passwd\n", "-T", "kim@127.0.0.1");
        assertThat(r.out()).contains("> save " + target + "\ntcptutor lab: 'save' and 'load' are not available here",
                "> load /etc/passwd\ntcptutor lab:");
        assertThat(target).doesNotExist();
    }

    @Test
    void aCommandSimulatingTooMuch_isStoppedWithAMessage() throws Exception {
        start(config().withMaxEvents(3));
        OpenSsh.Result r = OpenSsh.ssh(lab.port(), "syn\n", "-T", "kim@127.0.0.1");
        assertThat(r.out()).contains("this command simulated more than 3 events (the lab's limit per command)");
        assertThat(r.exit()).isEqualTo(1); // script mode: a failed command
    }

    @Test
    void withPty_theTextUiRuns_andAfterTheConnectionDropsTheSameWorldComesBack() throws Exception {
        start(config());
        String ssh = "ssh -p " + lab.port() + " " + String.join(" ", OpenSsh.QUIET) + " -o BatchMode=yes lee@127.0.0.1";
        String socket = "lab-tui-" + ProcessHandle.current().pid();
        try (Tmux t = new Tmux(socket, 120, 35, ssh)) {
            assertThat(t.await("Welcome to tcptutor")).contains("[Console");
            t.type("syn");
            t.keys("Enter"); // '\r' from the terminal: the text UI only sees it because the lab makes it '\n'
            assertThat(t.await("#2 [S.]")).contains("#1 [S] seq 0");
        } // tmux killed: the ssh client dies with it, no quit was typed
        try (Tmux t = new Tmux(socket + "-again", 100, 30, ssh)) { // a new tmux server: the old one may still be exiting
            String screen = t.await("#2 [S.]");
            assertThat(screen).contains("#1 [S] seq 0", "#2 [S.] seq 0 ack 1");
            t.resize(90, 28);
            assertThat(t.await("Welcome  1-")).contains("Welcome  1-"); // narrower: the welcome pane now scrolls
            t.type("learn handshake");
            t.keys("Enter");
            assertThat(t.await("Lesson  step 1/9")).contains("The three-way handshake, by hand");
        }
        try (Tmux t = new Tmux(socket + "-third", 120, 35, ssh)) {
            assertThat(t.await("Lesson  step 1/9")).contains("The three-way handshake, by hand"); // back in the lesson
        }
        assertThat(Files.readString(data.resolve("lab.log"))).contains("session start lee@", "pty 120x35", "pty 100x30");
    }
}
