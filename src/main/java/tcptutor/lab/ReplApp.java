package tcptutor.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import tcptutor.repl.Repl;

/**
 * Without a PTY ({@code ssh -T}, or a script piped in): the REPL in script mode. Each line is echoed as
 * {@code > line} with its output, no prompt and no escape codes; the exit status is 1 if any command failed.
 */
public final class ReplApp implements TutorApp {
    @Override public int run(AppContext ctx) throws IOException {
        LearnerSession ls = LearnerSession.open(ctx);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(ctx.out(), StandardCharsets.UTF_8));
        out.println(ls.welcomeBack());
        for (String l : Repl.banner(ls.session())) out.println(l);
        out.flush();
        BufferedReader lines = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)) {
            @Override public String readLine() throws IOException {
                String line = super.readLine();
                String no = line == null ? null : ls.refusal(line);
                return no == null ? line : "# " + line.strip() + "  <- " + no;
            }
        };
        return Repl.script(lines, out, ls.session());
    }
}
