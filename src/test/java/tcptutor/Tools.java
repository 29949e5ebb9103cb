package tcptutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The outside programs the end-to-end tests drive (tshark, tcpdump, tmux, ssh). bin/test installs them, so a
 * missing one fails the test that needs it rather than skipping it.
 */
public final class Tools {
    private Tools() {}

    public static boolean onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    /** Fails unless {@code tool} is on the PATH, naming the Debian package that brings it. */
    public static void require(String tool, String debianPackage) {
        if (!onPath(tool)) fail(tool + " is not installed; bin/test installs it (apt-get install -y " + debianPackage + ")");
    }

    /** Runs {@code cmd} (its tool must be installed), returns its standard output; fails on a non-zero exit or after 2 min. */
    public static String run(String... cmd) {
        require(cmd[0], cmd[0]);
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) { p.destroyForcibly(); fail(cmd[0] + " did not finish"); }
            assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
