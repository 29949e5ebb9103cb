package tcptutor.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import tcptutor.lesson.LessonLibrary;
import tcptutor.repl.Repl;
import tcptutor.session.Outcome;

/**
 * Without a PTY ({@code ssh -T}, or a script piped in): the REPL's script mode, line by line. Each line is echoed as
 * {@code > line} with its output, a failed one with a caret under its column, lesson feedback as {@code lesson: ...};
 * no prompt, no escape codes. The exit status is 1 if any command failed. (Repl.script's format, on a session that
 * changes when the learner enters or leaves a lesson.)
 */
public final class ReplApp implements TutorApp {
    private final LessonLibrary library;

    public ReplApp(LessonLibrary library) {
        this.library = library;
    }

    @Override public int run(AppContext ctx) throws IOException {
        LearnerSession ls = LearnerSession.open(ctx, library, false);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8));
        ls.opening().forEach(out::println);
        if (ls.lesson() == null) Repl.banner(ls.session()).forEach(out::println);
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
        boolean failed = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#") && !t.matches("#\\d.*")) {
                out.println(line);
                continue;
            }
            out.println("> " + line);
            String no = ls.refusal(line);
            if (no != null) {
                out.println(no);
                out.flush();
                continue;
            }
            Outcome o = ls.session().execute(line);
            if (!o.ok()) {
                failed = true;
                if (o.error() != null) out.println(" ".repeat(2 + o.error().column() - 1) + "^");
            }
            o.lines().forEach(out::println);
            out.flush();
            if (o.quit()) break;
        }
        out.flush();
        return failed ? 1 : 0;
    }
}
