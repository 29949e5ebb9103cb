package tcptutor.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/tcptutor} in a real terminal (tmux, 100x30): with no arguments on a tty it opens the
 * text UI; typing {@code syn} shows the peer's SYN-ACK in the ladder and SYN-RECEIVED marked in the state
 * diagram. bin/test installs tmux, so a missing tmux fails this test rather than skipping it.
 * The test runs the launcher once with --version first, which builds the jar when it is missing or stale.
 */
class TmuxEndToEndTest {
    static final Path ROOT = Path.of(System.getProperty("user.dir"));
    final String socket = "tcptutor-e2e-" + ProcessHandle.current().pid();
    @TempDir Path data;

    @AfterEach void killServer() throws Exception {
        if (tcptutor.Tools.onPath("tmux")) exec(30, "tmux", "-L", socket, "kill-server");
    }

    @Test void synInTheTextUi_showsTheSynAckInTheLadder_andSynReceivedMarked() throws Exception {
        tcptutor.Tools.require("tmux", "tmux");
        Result built = exec(600, ROOT.resolve("bin/tcptutor").toString(), "--version");
        assertThat(built.code).as("bin/tcptutor --version (builds the jar):\n" + built.out).isZero();

        String launch = "cd '" + ROOT + "' && env XDG_DATA_HOME='" + data + "' NO_COLOR= bin/tcptutor";
        assertThat(exec(30, "tmux", "-L", socket, "new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", launch).code).isZero();
        String first = waitFor(s -> s.contains("[Console") && s.contains("> "), "the first frame");
        assertThat(first).contains("─ Ladder", "─ States  [you]  <peer>  {both}", "<LISTEN>");

        exec(30, "tmux", "-L", socket, "send-keys", "-t", "e2e", "syn", "Enter");
        String after = waitFor(s -> s.contains("|<-#2 [S.]"), "the SYN-ACK in the ladder");
        assertThat(after).contains("|-#1 [S] seq 0 ", "|<-#2 [S.] seq 0 ack 1 ", "<SYN-RECEIVED>", "#2 [S.] peer -> you");

        exec(30, "tmux", "-L", socket, "send-keys", "-t", "e2e", "C-c");
        waitFor(s -> s.contains("Quit tcptutor?"), "the quit question");
        exec(30, "tmux", "-L", socket, "send-keys", "-t", "e2e", "y");
        for (int i = 0; i < 300 && exec(10, "tmux", "-L", socket, "has-session", "-t", "e2e").code == 0; i++) Thread.sleep(100);
        assertThat(exec(10, "tmux", "-L", socket, "has-session", "-t", "e2e").code).as("the UI ended").isNotZero();
        Path journal = data.resolve("tcptutor").resolve("last-session.txt");
        assertThat(journal).exists();
        assertThat(Files.readAllLines(journal)).contains("syn");
    }

    /** Captures the pane until {@code ok} holds (up to a minute: the first run may build the jar's CDS archive). */
    private String waitFor(Predicate<String> ok, String what) throws Exception {
        String screen = "";
        for (int i = 0; i < 600; i++) {
            Result r = exec(10, "tmux", "-L", socket, "capture-pane", "-p", "-t", "e2e");
            screen = r.out;
            if (r.code == 0 && ok.test(screen)) return screen;
            Thread.sleep(100);
        }
        return fail("waited for " + what + "; the screen was:\n" + screen);
    }

    record Result(int code, String out) {}

    private static Result exec(int seconds, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cmd)).directory(ROOT.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                lines.addAll(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                lines.add(e.toString());
            }
        });
        reader.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish in " + seconds + " s");
        }
        reader.join();
        return new Result(p.exitValue(), String.join("\n", lines));
    }

}
