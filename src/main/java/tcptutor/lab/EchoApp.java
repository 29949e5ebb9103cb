package tcptutor.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in tutor for testing and load-measuring the lab without the real UIs ({@code serve --app echo}): echoes
 * every keystroke with a PTY, answers every line with {@code echo: LINE}, and journals the lines like the real tutor.
 * Words: {@code size}, {@code journal}, {@code lesson ID}, {@code reset}, {@code crash} (throws), {@code quit}.
 */
public final class EchoApp implements TutorApp {
    @Override public int run(AppContext ctx) throws IOException {
        String nl = ctx.pty() ? "\r\n" : "\n";
        OutputStream out = ctx.out();
        List<String> journal = new ArrayList<>(ctx.storedJournal());
        Object lock = new Object();
        ctx.onResize(s -> {
            synchronized (lock) {
                write(out, nl + "[resized to " + s + "]" + nl + "> ");
            }
        });
        synchronized (lock) {
            for (String n : ctx.notices()) write(out, n + nl);
            write(out, "tcptutor echo app: learner " + ctx.learner() + ", " + (ctx.pty() ? "pty " + ctx.size() + " " + ctx.term() : "no pty")
                    + ", resumed " + journal.size() + " commands" + nl + "> ");
        }
        LineSource lines = ctx.pty() ? new KeyLines(ctx, out, lock) : new PlainLines(ctx);
        for (String line; (line = lines.next()) != null; ) {
            String reply;
            line = line.strip();
            if (line.equals("quit") || line.equals("exit")) return 0;
            if (line.equals("crash")) throw new IllegalStateException("crash asked for by the learner");
            if (line.equals("size")) reply = "size " + ctx.size();
            else if (line.equals("journal")) reply = "journal: " + String.join(" | ", journal);
            else if (line.equals("reset")) {
                journal.clear();
                reply = "reset";
            } else if (line.startsWith("lesson ")) {
                ctx.lesson(line.substring(7).strip());
                reply = "lesson " + ctx.lesson();
            } else if (line.isEmpty()) {
                reply = null;
            } else {
                journal.add(line);
                reply = "echo: " + line;
            }
            ctx.saveJournal(journal);
            synchronized (lock) {
                write(out, (reply == null ? "" : reply + nl) + "> ");
            }
        }
        return 0;
    }

    private interface LineSource {
        String next() throws IOException;
    }

    private static final class PlainLines implements LineSource {
        private final BufferedReader r;

        PlainLines(AppContext ctx) { r = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)); }

        @Override public String next() throws IOException { return r.readLine(); }
    }

    /** A minimal line discipline: echo, backspace, Ctrl-C clears, Ctrl-D on an empty line ends. */
    private static final class KeyLines implements LineSource {
        private final AppContext ctx;
        private final OutputStream out;
        private final Object lock;

        KeyLines(AppContext ctx, OutputStream out, Object lock) {
            this.ctx = ctx;
            this.out = out;
            this.lock = lock;
        }

        @Override public String next() throws IOException {
            StringBuilder b = new StringBuilder();
            while (true) {
                int c = ctx.in().read();
                if (c < 0) return b.length() > 0 ? b.toString() : null;
                synchronized (lock) {
                    if (c == '\n') {
                        write(out, "\r\n");
                        return b.toString();
                    } else if (c == 4 && b.length() == 0) {
                        return null;
                    } else if (c == 3) {
                        b.setLength(0);
                        write(out, "^C\r\n> ");
                    } else if (c == 0x7f || c == 8) {
                        if (b.length() > 0) {
                            b.setLength(b.length() - 1);
                            write(out, "\b \b");
                        }
                    } else if (c >= 0x20) {
                        b.append((char) c);
                        out.write(c);
                        out.flush();
                    }
                }
            }
        }
    }

    private static void write(OutputStream out, String s) {
        try {
            out.write(s.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
