package tcptutor.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Collects what a stream delivers, on its own thread, so a test can wait for a text to appear. */
final class Transcript {
    private final StringBuilder text = new StringBuilder();
    private boolean ended;

    Transcript(InputStream in) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (this) {
                        text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // closed
            }
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }, "transcript");
        t.setDaemon(true);
        t.start();
    }

    synchronized String text() { return text.toString(); }

    /** Waits (at most 20 s) until the text contains {@code s}; returns the whole text either way. */
    synchronized String await(String s) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (text.indexOf(s) < 0 && !ended && System.nanoTime() < end) wait(200);
        return text.toString();
    }

    /** Waits (at most 20 s) until the stream ends; returns the whole text. */
    synchronized String awaitEnd() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!ended && System.nanoTime() < end) wait(200);
        return text.toString();
    }
}
