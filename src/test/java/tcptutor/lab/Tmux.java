package tcptutor.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A detached tmux session on a private socket: a real terminal of a given size for a real ssh client. */
final class Tmux implements AutoCloseable {
    private final String socket;
    private final String socketPath;

    Tmux(String socket, int columns, int rows, String command) throws IOException, InterruptedException {
        this.socket = socket;
        tmux("new-session", "-d", "-x", Integer.toString(columns), "-y", Integer.toString(rows), command);
        this.socketPath = tmux("display-message", "-p", "-t", "0", "#{socket_path}").strip();
    }

    /** tmux send-keys: words like "Enter" are keys; use {@link #type} for literal text. */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("send-keys", "-t", "0"));
        a.addAll(List.of(keys));
        tmux(a.toArray(new String[0]));
    }

    void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", "0", "-l", text);
    }

    void resize(int columns, int rows) throws IOException, InterruptedException {
        tmux("resize-window", "-t", "0", "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", "0");
    }

    /** Waits (at most 20 s) for {@code text} on the screen; returns the screen either way. */
    String await(String text) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String s = screen();
        while (!s.contains(text) && System.nanoTime() < end) {
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly();
        return out;
    }

    @Override public void close() throws IOException, InterruptedException {
        tmux("kill-server");
        if (socketPath.startsWith("/")) java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(socketPath)); // tmux may leave it
    }
}
