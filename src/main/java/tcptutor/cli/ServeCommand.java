package tcptutor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tcptutor.lab.EchoApp;
import tcptutor.lesson.LessonLibrary;
import tcptutor.lab.LabConfig;
import tcptutor.lab.LabServer;
import tcptutor.lab.LabStatus;
import tcptutor.lab.ReplApp;
import tcptutor.lab.TextUiApp;
import tcptutor.lab.TutorApp;
import tcptutor.progress.ProgressStore;

/** {@code tcptutor serve}: the lab server. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the lab: an SSH server where each learner gets their own tutor: the text UI",
                "when their ssh has a terminal, the REPL for 'ssh -T' or a piped script. Progress",
                "is saved in DIR/progress.db ('tcptutor report' reads it). The SSH user name is",
                "the learner id. Nothing else is offered: no commands, sftp/scp or forwarding.",
                "",
                "Auth modes:",
                "  open       anyone who can connect, no credentials (SSH 'none'); closed LANs",
                "  keys       DIR/authorized_keys: one key a line, the learner id first, then the",
                "             key as in their id_ed25519.pub (read again at each login):",
                "               alice ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA... alice@laptop",
                "             add one with:  echo \"alice $(cat alice.pub)\" >> DIR/authorized_keys",
                "  passwords  DIR/passwords: salted PBKDF2 hashes, set with",
                "               tcptutor passwd LEARNER --data DIR",
                "",
                "DIR holds host_key (made on first start, fingerprint printed), host_key.pub,",
                "progress.db and lab.log. Learners connect with:  ssh -p PORT LEARNER@HOST",
                "and find their work where they left it when they connect again.",
                ""})
public final class ServeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:2222",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0:2222 for the whole network).")
    String listen;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: $XDG_DATA_HOME/tcptutor or ~/.local/share/tcptutor).")
    Path data;

    @Option(names = "--lessons", paramLabel = "DIR", description = "Use the lessons in DIR instead of the built-in ones.")
    Path lessons;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "open", description = "open, keys or passwords (default ${DEFAULT-VALUE}).")
    String auth;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "" + LabConfig.DEFAULT_MAX_SESSIONS,
            description = "Most learners at once; the next one is told the lab is full (default ${DEFAULT-VALUE}).")
    int maxSessions;

    @Option(names = "--idle-timeout", paramLabel = "TIME", defaultValue = "30m",
            description = "Disconnect after this long without input, e.g. 90s, 30m, 2h (default ${DEFAULT-VALUE}).")
    String idle;

    @Option(names = "--input-rate", paramLabel = "N", defaultValue = "" + LabConfig.DEFAULT_INPUT_RATE,
            description = "Commands a second one learner may send (bursts of five seconds' worth; faster input waits) (default ${DEFAULT-VALUE}).")
    int inputRate;

    @Option(names = "--max-events", paramLabel = "N", defaultValue = "" + LabConfig.DEFAULT_MAX_EVENTS,
            description = "Most simulated events one command may run; a world holds ten times that (default ${DEFAULT-VALUE}).")
    int maxEvents;

    @Option(names = "--app", paramLabel = "APP", defaultValue = "tutor", hidden = true,
            description = "tutor, or echo: a stand-in app for testing and load-measuring the lab.")
    String app;

    @Override public Integer call() throws Exception {
        LabConfig config = config();
        TutorApp[] apps = apps();
        LabServer lab = new LabServer(config, apps[0], apps[1]);
        try {
            lab.start();
        } catch (BindException e) {
            throw UserError.environment("cannot listen on " + listen + ": " + e.getMessage()
                    + " (another lab running? pick another port with --listen HOST:PORT)");
        }
        PrintWriter out = spec.commandLine().getOut();
        printBanner(out, lab);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                lab.close();
            } catch (IOException e) {
                // stopping anyway
            }
        }, "lab-stop"));
        statusLoop(out, lab);
        return 0;
    }

    private LabConfig config() {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) throw UserError.input("--listen '" + listen + "': expected HOST:PORT, e.g. 127.0.0.1:2222 or 0.0.0.0:2222");
        String host = listen.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw UserError.input("--listen '" + listen + "': the port must be a number 0..65535, e.g. 127.0.0.1:2222");
        }
        LabConfig.Auth a;
        try {
            a = LabConfig.Auth.valueOf(auth.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw UserError.input("--auth '" + auth + "': expected open, keys or passwords");
        }
        try {
            return new LabConfig(host, port, data != null ? data : ProgressStore.defaultDataDir(), lessons, a,
                    maxSessions, parseDuration(idle), inputRate, maxEvents);
        } catch (IllegalArgumentException e) {
            throw UserError.input(e.getMessage());
        }
    }

    /** "90s", "30m", "2h" (a bare number is minutes). */
    static Duration parseDuration(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            if (t.endsWith("h")) return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            return Duration.ofMinutes(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw UserError.input("--idle-timeout '" + s + "': expected a number with s, m or h, e.g. 30m");
        }
    }

    private TutorApp[] apps() {
        if (app.equals("echo")) return new TutorApp[] {new EchoApp(), new EchoApp()};
        if (app.equals("tutor")) {
            LessonLibrary lib = LessonLibrary.load(lessons != null ? lessons : LessonLibrary.defaultDir());
            PrintWriter err = spec.commandLine().getErr();
            if (lib.hasErrors()) {
                err.println("tcptutor: some lessons in " + lib.dir() + " have problems and may not start ('tcptutor check-lessons "
                        + lib.dir() + "' lists them)");
            }
            if (lib.lessons().isEmpty()) err.println("tcptutor: no lessons in " + lib.dir() + ": learners get free play only");
            err.flush();
            return new TutorApp[] {new TextUiApp(lib), new ReplApp(lib)};
        }
        throw UserError.input("--app '" + app + "': expected tutor or echo");
    }

    private static void printBanner(PrintWriter out, LabServer lab) {
        LabConfig c = lab.config();
        String host = c.host().contains(":") ? "[" + c.host() + "]" : c.host();
        out.println("tcptutor lab listening on " + host + ":" + lab.port() + ", auth " + c.auth().name().toLowerCase(Locale.ROOT)
                + (c.auth() == LabConfig.Auth.OPEN ? " (anyone who can connect gets a tutor)" : ""));
        out.println("host key " + lab.fingerprint() + " (" + c.dataDir().resolve(LabServer.HOST_KEY + ".pub") + ")");
        out.println("data " + c.dataDir() + " (progress.db, lab.log); gradebook: tcptutor report --data " + c.dataDir());
        out.println("learners connect with: ssh -p " + lab.port() + " NAME@" + (c.host().equals("0.0.0.0") || c.host().equals("::") ? "THIS-HOST" : host));
        out.println("Ctrl-C stops the lab (everyone's work is saved).");
        out.flush();
    }

    /** A live line on a terminal (redrawn every second), a plain time-stamped line a minute otherwise. */
    private static void statusLoop(PrintWriter out, LabServer lab) throws InterruptedException {
        boolean tty = System.console() != null;
        while (true) {
            LabStatus s = lab.status();
            if (tty) {
                out.print("\r\033[K" + s.line());
                out.flush();
                Thread.sleep(1000);
            } else {
                out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + s.line());
                out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
