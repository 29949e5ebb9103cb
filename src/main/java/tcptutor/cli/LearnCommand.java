package tcptutor.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcptutor.lesson.Lesson;
import tcptutor.lesson.LessonLibrary;
import tcptutor.lesson.LessonRun;
import tcptutor.lesson.Problem;
import tcptutor.lesson.Progress;
import tcptutor.lesson.ProgressStore;
import tcptutor.lesson.Walkthrough;
import tcptutor.repl.Repl;
import tcptutor.repl.ReplOptions;

/**
 * {@code tcptutor learn ID}: work through a lesson - the text UI on a terminal, the line REPL otherwise - resuming
 * where you left off; {@code --auto} plays it as a walk-through transcript instead.
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = {"Work through a lesson: the text UI on a terminal, the line REPL otherwise (or with --repl).",
                "You resume where you left off. In the lesson: hint, retry, back, next, solution, answer TEXT, lesson.",
                "--auto plays every step (narration, segments, states, answers) as a transcript; exit status 0 when every expect was met."})
public final class LearnCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", completionCandidates = LessonIds.class, description = "The lesson ('tcptutor lessons' lists them).")
    String id;

    @Option(names = "--auto", description = "Play the lesson as a walk-through transcript (for class, or to read later).")
    boolean auto;

    @Option(names = "--pace", paramLabel = "DURATION", defaultValue = "0",
            description = "With --auto: real time between steps, e.g. 1s or 500ms (default ${DEFAULT-VALUE}).")
    String pace;

    @Option(names = "--pcap", paramLabel = "FILE",
            description = "With --auto: write the walk-through's segments to a pcap file (for Wireshark or tcpdump).")
    java.nio.file.Path pcap;

    @Option(names = "--repl", description = "Use the line REPL even on a terminal that could show the text UI.")
    boolean repl;

    @Option(names = "--restart", description = "Start again at step 1 (your answers so far are kept).")
    boolean restart;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "Language of the lesson texts (default ${DEFAULT-VALUE}; others fall back to en).")
    String lang;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set).")
    boolean noColor;

    @Mixin ProgressOptions where;

    @Mixin LessonsOption folder;

    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        long paceMillis = millis(pace);
        LessonLibrary lib = folder.load();
        Lesson lesson = lib.get(id);
        if (lesson == null) {
            String s = lib.suggest(id);
            throw UserError.input("no lesson '" + id + "' in " + folder.dir() + (s == null ? "" : "; did you mean '" + s + "'?")
                    + " ('tcptutor lessons' lists them)");
        }
        List<Problem> broken = lib.problems().stream().filter(p -> !p.warning() && p.pos().file().equals(lesson.file())).toList();
        if (!broken.isEmpty()) {
            throw UserError.failed("lesson '" + id + "' has problems, first: " + broken.get(0) + " ('tcptutor check-lessons' lists all)");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (pcap != null && !auto) throw UserError.input("--pcap needs --auto (it writes the walk-through's segments)");
        if (auto) {
            java.util.List<String> wrote = new java.util.ArrayList<>();
            Walkthrough.Result r = Walkthrough.run(lesson, lang, line -> { out.println(line); out.flush(); }, () -> sleep(paceMillis),
                    session -> { if (pcap != null) wrote.add(exportPcap(session)); });
            for (Problem p : r.problems()) out.println(p);
            wrote.forEach(out::println);
            out.flush();
            return r.ok() ? 0 : 1;
        }
        try (tcptutor.progress.ProgressStore db = where.open()) {
            return learn(lib, lesson, where.lessons(db), out);
        }
    }

    /** Runs the lesson with the learner's progress in {@code store}: text UI, script mode or line REPL. */
    private int learn(LessonLibrary lib, Lesson lesson, ProgressStore store, PrintWriter out) throws IOException {
        if (restart) {
            Progress p = store.load(id);
            store.save(new Progress(id, null, p.done(), p.shown(), p.answers(), false));
        }
        LessonRun run = LessonRun.start(lesson, store, lang);
        boolean terminal = System.console() != null;
        if (terminal && !repl && !"dumb".equals(System.getenv("TERM"))) {
            int code = TuiCommand.open(noColor, out, run.session(), LessonFeeds.of(run, tcptutor.lesson.LessonPages.entries(lib, store)), where);
            out.println("lesson '" + id + "': " + run.progress().status(lesson) + " (saved; 'tcptutor learn " + id + "' resumes)");
            out.flush();
            return code;
        }
        if (!terminal) {
            where.quiz(run.session(), false);
            run.opening().forEach(out::println);
            int code = Repl.script(new InputStreamReader(System.in, StandardCharsets.UTF_8), out, run.session());
            out.println("lesson '" + id + "': " + run.progress().status(lesson) + " (saved; 'tcptutor learn " + id + "' resumes)");
            out.flush();
            return code;
        }
        where.quiz(run.session(), false);
        try (Terminal t = TerminalBuilder.builder().system(true).name("tcptutor").build()) {
            for (String l : run.opening()) t.writer().println(l);
            int code = new Repl(run.session(), ReplOptions.forEnvironment(noColor)).run(t);
            t.writer().println("lesson '" + id + "': " + run.progress().status(lesson) + " (saved; 'tcptutor learn " + id + "' resumes)");
            t.flush();
            return code;
        }
    }

    /** The session's segments as a pcap file; the line to print. */
    private String exportPcap(tcptutor.session.Session session) {
        try {
            return tcptutor.capture.TraceExport.summary(tcptutor.capture.TraceExport.write(session.world(), pcap), pcap, session.world());
        } catch (IOException e) {
            throw UserError.environment("cannot write " + pcap + ": " + e.getMessage());
        }
    }

    /** "1s", "500ms", "0", "2" (seconds) as milliseconds. */
    static long millis(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?").matcher(text.trim());
        if (!m.matches()) throw UserError.input("--pace: expected a duration such as 1s or 500ms, got '" + text + "'");
        double v = Double.parseDouble(m.group(1));
        return Math.round("ms".equals(m.group(2)) ? v : v * 1000);
    }

    private static void sleep(long millis) {
        if (millis <= 0) return;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lesson ids of the installation's folder, for shell completion of {@code learn ID}. */
    static final class LessonIds implements Iterable<String> {
        @Override public Iterator<String> iterator() {
            try {
                return LessonLibrary.load(LessonLibrary.defaultDir()).ids().get().iterator();
            } catch (RuntimeException e) {
                return List.<String>of().iterator();
            }
        }
    }
}
