package tcptutor.lab;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The lab's log file ({@code DATA/lab.log}), appended to: one line per event, starting with the UTC time and a
 * level; a stack trace follows an error, indented. Every line is flushed as written.
 */
final class LabLog implements Closeable {
    static final String FILE = "lab.log";

    private final Writer out;
    private final Clock clock;

    LabLog(Path file, Clock clock) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.clock = clock;
    }

    void info(String message) { line("INFO ", message, null); }

    void warn(String message) { line("WARN ", message, null); }

    void error(String message, Throwable t) { line("ERROR", message, t); }

    /** A value in a log line: quoted, with control characters escaped, cut at 200 characters. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length() && i < 200; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c == 0x7f) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        if (s.length() > 200) b.append("...");
        return b.append('"').toString();
    }

    private synchronized void line(String level, String message, Throwable t) {
        try {
            out.write(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + message + "\n");
            if (t != null) {
                StringWriter sw = new StringWriter();
                t.printStackTrace(new PrintWriter(sw));
                for (String l : sw.toString().split("\n")) out.write("    " + l.stripTrailing() + "\n");
            }
            out.flush();
        } catch (IOException e) {
            // the log is best effort: a full disk must not stop the lab
        }
    }

    @Override public synchronized void close() throws IOException { out.close(); }
}
