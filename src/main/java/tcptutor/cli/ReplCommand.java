package tcptutor.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcptutor.repl.Repl;
import tcptutor.repl.ReplOptions;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;
import tcptutor.tcp.Profile;
import tcptutor.tcp.Settings;

/** {@code tcptutor repl}: the line REPL on the terminal, or script mode on a file or a pipe. */
@Command(name = "repl", mixinStandardHelpOptions = true,
        description = {"The line REPL: send segments to the simulated peer and see what happens.",
                "Without a terminal (a pipe, or --script FILE) each line is echoed and run; the exit status is 1 if any failed."})
public final class ReplCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--script", paramLabel = "FILE", description = "Run the commands in FILE (script mode) instead of reading the terminal.")
    Path script;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set).")
    boolean noColor;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for ISNs and random loss (default ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(names = "--profile", paramLabel = "linux|rfc9293", description = "Engine defaults (default ${DEFAULT-VALUE}).", defaultValue = "linux")
    String profile;

    @Option(names = "--manual", description = "Start with assist off: every number must be given.")
    boolean manual;

    @Mixin ProgressOptions where;

    @Option(names = "--absolute", description = "Show and read absolute sequence numbers.")
    boolean absolute;

    @Override public Integer call() throws IOException {
        Profile p = Profile.parse(profile);
        if (p == null) throw UserError.input("--profile: expected linux or rfc9293, got '" + profile + "'");
        SessionConfig config = SessionConfig.defaults().withSettings(Settings.of(p)).withSeed(seed)
                .withAssist(!manual).withRelativeNumbers(!absolute);
        Session session = new Session(config);
        where.quiz(session, false);
        PrintWriter out = spec.commandLine().getOut();
        if (script != null) {
            if (!Files.isReadable(script)) throw UserError.input("--script: cannot read " + script + " (check the path)");
            try (Reader in = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
                return Repl.script(in, out, session);
            }
        }
        if (System.console() == null) {
            return Repl.script(new InputStreamReader(System.in, StandardCharsets.UTF_8), out, session);
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("tcptutor").build()) {
            return new Repl(session, ReplOptions.forEnvironment(noColor)).run(terminal);
        }
    }
}
