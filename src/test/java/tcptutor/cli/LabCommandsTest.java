package tcptutor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.lab.PasswordFile;

/** serve, passwd and report as the command line sees them: arguments, messages, exit codes. */
class LabCommandsTest {
    @TempDir Path data;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Tcptutor.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void serve_badListen_isExitTwoWithTheFix() {
        assertThat(run("serve", "--listen", "2222", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--listen '2222': expected HOST:PORT, e.g. 127.0.0.1:2222 or 0.0.0.0:2222");
    }

    @Test
    void serve_unknownAuth_isExitTwo() {
        assertThat(run("serve", "--auth", "kerberos", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--auth 'kerberos': expected open, keys or passwords");
    }

    @Test
    void serve_badIdleTimeout_isExitTwo() {
        assertThat(run("serve", "--idle-timeout", "soon", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--idle-timeout 'soon': expected a number with s, m or h, e.g. 30m");
    }

    @Test
    void serve_zeroSessions_isExitTwo() {
        assertThat(run("serve", "--max-sessions", "0", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("max sessions must be at least 1");
    }

    @Test
    void serve_help_documentsTheKeysFormat() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("alice ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... alice@laptop",
                "--max-sessions", "--idle-timeout", "tcptutor passwd LEARNER --data DIR");
    }

    @Test
    void idleTimeout_units() {
        assertThat(ServeCommand.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(ServeCommand.parseDuration("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(ServeCommand.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ServeCommand.parseDuration("45")).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void passwd_readsOneLineFromStdin_whenNotOnATerminal() throws Exception {
        assertThat(withStdin("tcp-is-fun\nignored\n", () -> run("passwd", "alice", "--data", data.toString()))).isZero();
        assertThat(out.toString()).contains("password set for alice in " + data.resolve("passwords"));
        assertThat(PasswordFile.read(data.resolve("passwords")).verify("alice", "tcp-is-fun")).isTrue();

        assertThat(run("passwd", "alice", "--delete", "--data", data.toString())).isZero();
        assertThat(PasswordFile.read(data.resolve("passwords")).contains("alice")).isFalse();
    }

    @Test
    void passwd_badLearnerIdOrNoPassword_isExitTwo() throws Exception {
        assertThat(run("passwd", "no/slash", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("'no/slash' cannot be a learner id");
        assertThat(withStdin("", () -> run("passwd", "bob", "--data", data.toString()))).isEqualTo(2);
        assertThat(err.toString()).contains("no password on standard input");
        assertThat(withStdin("\n", () -> run("passwd", "bob", "--data", data.toString()))).isEqualTo(2);
        assertThat(err.toString()).contains("an empty password is not allowed");
    }

    @Test
    void report_badFormat_orNoStore_isExitTwo() throws Exception {
        assertThat(run("report", "--data", data.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no progress store in " + data);
        Files.createDirectories(data);
        tcptutor.progress.ProgressStore.open(data).close();
        assertThat(run("report", "--data", data.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("--format: unknown format 'xml': expected table, csv or json");
        assertThat(run("report", "--data", data.toString())).isZero();
        assertThat(out.toString()).contains("No learners yet");
    }

    private static int withStdin(String text, java.util.function.IntSupplier body) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return body.getAsInt();
        } finally {
            System.setIn(saved);
        }
    }
}
