package tcptutor.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real OpenSSH client against a lab on 127.0.0.1 (bin/test installs it when missing). */
final class OpenSsh {
    record Result(int exit, String out, String err) {}

    static final List<String> QUIET = List.of("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
            "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10");

    private OpenSsh() {}

    static void requireInstalled() {
        assertThat(Files.isExecutable(Path.of("/usr/bin/ssh")) || tcptutor.Tools.onPath("ssh"))
                .as("the OpenSSH client 'ssh' is needed (bin/test installs it: apt-get install openssh-client)").isTrue();
    }

    /** ssh -p PORT [QUIET] [BatchMode] ARGS..., with {@code stdin} fed and closed. */
    static Result ssh(int port, String stdin, String... args) throws IOException, InterruptedException {
        return ssh("ERROR", port, stdin, args);
    }

    /** As a learner sees it: OpenSSH's default log level (INFO) prints the server's disconnect messages. */
    static Result sshAsLearner(int port, String stdin, String... args) throws IOException, InterruptedException {
        return ssh("INFO", port, stdin, args);
    }

    private static Result ssh(String logLevel, int port, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-p", Integer.toString(port), "-o", "BatchMode=yes", "-o", "LogLevel=" + logLevel));
        cmd.addAll(QUIET);
        cmd.addAll(List.of(args));
        return run(cmd, stdin, Map.of());
    }

    static Result run(List<String> cmd, String stdin, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("SSH_AUTH_SOCK");
        pb.environment().remove("DISPLAY");
        pb.environment().putAll(env);
        Process p = pb.start();
        Transcript out = new Transcript(p.getInputStream());
        Transcript err = new Transcript(p.getErrorStream());
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in 30 s; out: " + out.text() + " err: " + err.text());
        }
        return new Result(p.exitValue(), out.awaitEnd(), err.awaitEnd());
    }
}
