package tcptutor.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.capture.Capture;
import tcptutor.capture.CaptureReader;
import tcptutor.tcp.Settings;
import tcptutor.tcp.State;

/**
 * A real connection over 127.0.0.1, captured with tcpdump while a Java client and server talk (connect, data both ways,
 * the client closes first, then the server), explained: the handshake states, then the client ends in TIME-WAIT and
 * the server CLOSED. tcpdump needs root (we are root here and in CI); bin/test installs it, so without it this fails.
 */
class LiveCaptureTest {
    @TempDir Path dir;

    /** Starts tcpdump on lo for one port and waits until it listens. */
    static Process tcpdump(Path file, int port) throws Exception {
        tcptutor.Tools.require("tcpdump", "tcpdump");
        Process p = new ProcessBuilder("tcpdump", "-i", "lo", "-U", "--immediate-mode", "-w", file.toString(), "tcp port " + port)
                .redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            List<String> seen = new ArrayList<>();
            try {
                for (String l; (l = r.readLine()) != null; ) {
                    if (l.contains("listening on")) return null;
                    seen.add(l);
                }
            } catch (java.io.IOException e) {
                seen.add(e.toString());
            }
            return String.join("; ", seen);
        });
        String problem = ready.get(20, TimeUnit.SECONDS);
        if (problem != null) fail("tcpdump did not start (it needs root): " + problem);
        return p;
    }

    static void stop(Process tcpdump) throws Exception {
        Thread.sleep(300);
        tcpdump.destroy();
        if (!tcpdump.waitFor(10, TimeUnit.SECONDS)) tcpdump.destroyForcibly();
    }

    @Test void realLoopbackConnection_clientClosesFirst_endsInTimeWait_serverClosed() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        Path file = dir.resolve("live.pcap");
        try (ServerSocket server = new ServerSocket(0, 50, lo)) {
            int port = server.getLocalPort();
            Process dump = tcpdump(file, port);
            try (Socket client = new Socket()) {
                client.connect(new InetSocketAddress(lo, port));
                try (Socket conn = server.accept()) {
                    client.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                    assertThat(new String(conn.getInputStream().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("hello");
                    conn.getOutputStream().write("world!".getBytes(StandardCharsets.US_ASCII));
                    assertThat(new String(client.getInputStream().readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("world!");
                    client.close();
                    assertThat(conn.getInputStream().read()).isEqualTo(-1);
                }
            } finally {
                stop(dump);
            }
        }
        Capture cap = CaptureReader.read(file);
        assertThat(cap.error()).isNull();
        List<Conversation> conns = Conversation.split(cap.packets());
        assertThat(conns).hasSize(1);
        Explained e = new Explainer(Settings.linux(), false).explain(conns.get(0), cap.packets().get(0).timeMicros());
        List<Explained.Row> rows = e.rows();
        assertThat(rows.size()).isBetween(9, 11);
        assertThat(rows.subList(0, 3)).extracting(r -> r.client() + "/" + r.server())
                .containsExactly("SYN-SENT/SYN-RECEIVED", "ESTABLISHED/SYN-RECEIVED", "ESTABLISHED/ESTABLISHED");
        assertThat(rows.get(0).fromClient()).isTrue();
        assertThat(rows.get(0).segment()).startsWith("Flags [S], seq ");
        assertThat(collapse(rows, true)).containsSubsequence(State.SYN_SENT, State.ESTABLISHED, State.FIN_WAIT_1, State.TIME_WAIT)
                .endsWith(State.TIME_WAIT);
        assertThat(collapse(rows, false)).containsSubsequence(State.SYN_RECEIVED, State.ESTABLISHED, State.CLOSE_WAIT, State.LAST_ACK,
                State.CLOSED).endsWith(State.CLOSED);
        assertThat(e.summary().get(0)).matches("at the end of the capture: client TIME-WAIT \\(until 60\\.\\d{3} s, then CLOSED\\), server CLOSED");
        String notes = String.join("\n", rows.stream().flatMap(r -> r.notes().stream()).toList());
        assertThat(notes).contains("checksum offload", "the client holds the connection in TIME-WAIT for 60 s")
                .doesNotContain("retransmission", "missed", "RST", "duplicate ACK");
    }

    /** One side's states after each segment, repeats collapsed. */
    static List<State> collapse(List<Explained.Row> rows, boolean client) {
        List<State> out = new ArrayList<>();
        for (Explained.Row r : rows) {
            State s = client ? r.client() : r.server();
            if (out.isEmpty() || out.get(out.size() - 1) != s) out.add(s);
        }
        return out;
    }
}
