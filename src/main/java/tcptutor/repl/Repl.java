package tcptutor.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import tcptutor.session.Outcome;
import tcptutor.session.Session;
import tcptutor.sim.Side;

/**
 * The line REPL over a session. Interactive on any JLine {@link Terminal} (a tty, an SSH channel, a test's
 * streams): completion, history, a highlighted input line, and under a failed line a caret at the column where the
 * problem starts. Script mode ({@link #script}) reads lines from a reader, echoes each as {@code > line}, prints the
 * same output with no prompt and no escape codes, and returns 1 if any command failed.
 */
public final class Repl {
    private final Session session;
    private final ReplOptions options;

    public Repl(Session session, ReplOptions options) {
        this.session = session;
        this.options = options;
    }

    /** Runs interactively on {@code terminal} with plain options (no colour, no history file) until quit or end of input. */
    public static int run(Terminal terminal, Session session) { return new Repl(session, ReplOptions.plain()).run(terminal); }

    /** Runs interactively until {@code quit} or end of input; returns 0. */
    public int run(Terminal terminal) {
        if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) terminal.setSize(new Size(80, 24)); // e.g. ssh -T
        DefaultParser words = new DefaultParser();
        words.setEofOnUnclosedQuote(false);
        words.setEofOnEscapedNewLine(false);
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("tcptutor").parser(words)
                .completer(new ReplCompleter(session.completer()))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .variable(LineReader.HISTORY_SIZE, 2000);
        if (options.color()) b.highlighter(new InputHighlighter(session.parser(), () -> session.inputPrompt() != null));
        if (options.historyFile() != null) {
            try {
                Files.createDirectories(options.historyFile().getParent());
                b.variable(LineReader.HISTORY_FILE, options.historyFile());
            } catch (IOException | RuntimeException e) {
                print(terminal, "(history is not kept: cannot create " + options.historyFile().getParent() + ")", false);
            }
        }
        LineReader reader = b.build();
        boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        boolean color = options.color() && !Terminal.TYPE_DUMB.equals(terminal.getType());
        if (dumb) {
            print(terminal, "(this terminal is dumb: no line editing, completion or colours; tcptutor works line by line)", false);
        }
        if (options.banner()) for (String l : banner(session)) print(terminal, l, false);
        boolean last = false;
        try {
            while (true) {
                String prompt = prompt();
                String line;
                try {
                    line = reader.readLine(color ? promptStyled(prompt) : prompt);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C drops the line being typed
                } catch (EndOfFileException e) {
                    String partial = e.getPartialLine(); // input ended without a newline: run what was typed
                    if (partial == null || partial.isBlank()) break;
                    line = partial;
                    last = true;
                }
                Outcome o = session.execute(line);
                if (!o.ok() && o.error() != null) {
                    print(terminal, " ".repeat(prompt.length() + o.error().column() - 1) + "^", false);
                    if (color) terminal.writer().println(Paint.error(o.lines().get(0)).toAnsi(terminal));
                    else terminal.writer().println(o.lines().get(0));
                    for (String l : o.lines().subList(1, o.lines().size())) print(terminal, l, color);
                } else {
                    for (String l : o.lines()) print(terminal, l, color);
                }
                terminal.flush();
                if (o.quit() || last) break;
            }
        } finally {
            try {
                reader.getHistory().save();
            } catch (IOException | RuntimeException e) {
                // history is a convenience: losing it must not lose the session
            }
            terminal.flush();
        }
        return 0;
    }

    private String prompt() {
        String taking = session.inputPrompt(); // a quiz asking its questions
        if (taking != null) return taking;
        return "you:" + session.state(Side.YOU).rfcName() + " peer:" + session.state(Side.PEER).rfcName() + "> ";
    }

    private static String promptStyled(String prompt) {
        return new AttributedStringBuilder().styled(AttributedStyle.DEFAULT.faint(), prompt).toAnsi();
    }

    private static void print(Terminal t, String line, boolean color) {
        t.writer().println(color ? Paint.line(line).toAnsi(t) : line);
    }

    /** What the REPL says first: who is where, and how to start. */
    public static List<String> banner(Session s) {
        return List.of("tcptutor: " + s.describe() + ".",
                "Type 'help' for the commands, Tab to complete; start with 'syn'. 'quit' leaves.");
    }

    /**
     * Script mode: every line is echoed ({@code > syn}; comments and blank lines as they are), its output printed,
     * a failure marked with a caret under its column. Stops at {@code quit}. Returns 1 if any command failed, else 0.
     */
    public static int script(Reader in, PrintWriter out, Session session) throws IOException {
        BufferedReader r = in instanceof BufferedReader br ? br : new BufferedReader(in);
        boolean failed = false;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") && !t.matches("#\\d.*")) {
                out.println(line);
                continue;
            }
            out.println("> " + line);
            Outcome o = session.execute(line);
            if (!o.ok()) {
                failed = true;
                if (o.error() != null) out.println(" ".repeat(2 + o.error().column() - 1) + "^");
            }
            for (String l : o.lines()) out.println(l);
            out.flush();
            if (o.quit()) break;
        }
        out.flush();
        return failed ? 1 : 0;
    }

}
