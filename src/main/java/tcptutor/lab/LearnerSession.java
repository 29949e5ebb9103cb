package tcptutor.lab;

import java.util.ArrayList;
import java.util.List;
import tcptutor.command.Command;
import tcptutor.command.CommandError;
import tcptutor.lesson.Lesson;
import tcptutor.lesson.LessonLibrary;
import tcptutor.lesson.LessonPages;
import tcptutor.lesson.LessonRun;
import tcptutor.progress.LessonProgressStore;
import tcptutor.progress.QuizRecorder;
import tcptutor.quiz.QuizRun;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;
import tcptutor.view.LessonPage;

/**
 * A learner's tutor as the lab runs it: free play, or a lesson ({@code learn ID}, {@code leave}). Each world is capped
 * per command, has its journal stored after every command and replayed on the next connection (free play: the
 * whole world; a lesson: the engine resumes at the step's start, then the learner's own commands in that step are
 * replayed), and never runs the commands that touch the server's files. The session in use changes when the
 * learner enters or leaves a lesson: UIs ask {@link #session()} again after every command.
 */
final class LearnerSession {
    static final String NO_FILES = "tcptutor lab: 'save' and 'load' are not available here; your work is saved after"
            + " every command and comes back when you reconnect";
    static final String FREE = "session";
    static final String MODE = "lab.lesson";

    private final AppContext ctx;
    private final LessonLibrary library;
    private final LessonProgressStore progress;
    private final QuizRun quiz;
    private Session session;
    private LessonRun run;
    private int replayed;

    private LearnerSession(AppContext ctx, LessonLibrary library, boolean paned) {
        this.ctx = ctx;
        this.library = library;
        this.progress = new LessonProgressStore(ctx.store(), ctx.learner());
        this.quiz = new QuizRun(new QuizRecorder(ctx.store(), ctx.learner()), QuizRun.NEW_SEEDS, paned);
    }

    /**
     * Resumes where the learner was: the lesson they were in, else their free-play world. {@code paned}: the text UI
     * shows quizzes in its quiz pane (line UIs print them).
     */
    static LearnerSession open(AppContext ctx, LessonLibrary library, boolean paned) {
        LearnerSession ls = new LearnerSession(ctx, library, paned);
        String lesson = ctx.store().state(ctx.learner(), MODE).orElse(null);
        if (lesson == null || library.get(lesson) == null || ls.enter(library.get(lesson)).isEmpty()) ls.free();
        return ls;
    }

    /** The session the learner's commands go to now. */
    Session session() { return session; }

    /** The learner's quiz ('quiz' in every world), recorded in the lab's progress store. */
    QuizRun quiz() { return quiz; }

    /** The lesson in progress, or null in free play. */
    LessonRun lesson() { return run; }

    /** What the learner reads first: where they are, and what was restored. */
    List<String> opening() {
        List<String> out = new ArrayList<>();
        if (run != null) {
            out.add("tcptutor lab: lesson '" + run.lesson().id() + "' resumed at step " + (run.index() + 1)
                    + ("; " + replayed + (replayed == 1 ? " command" : " commands") + " of yours replayed") + ". 'leave' ends the lesson.");
            out.addAll(run.opening());
        } else {
            out.add(replayed == 0 ? "tcptutor lab: a fresh world for you; it is saved after every command."
                    : "tcptutor lab: welcome back; your world is restored (" + replayed + (replayed == 1 ? " command" : " commands") + " replayed).");
            out.add("'lessons' lists the lessons, 'learn ID' starts one.");
        }
        return out;
    }

    /** The lab's refusal for a line that would read or write the server's files, or null for any other line. */
    String refusal(String line) {
        try {
            Command c = session.parser().parse(line);
            return c != null && touchesFiles(c) ? NO_FILES : null;
        } catch (CommandError e) {
            return null; // the session reports it
        }
    }

    /** save and load, and any command added later that names a file or path (e.g. an export), by its record's fields. */
    static boolean touchesFiles(Command c) {
        return c instanceof Command.Save || c instanceof Command.Load || namesFile(c.getClass());
    }

    static boolean namesFile(Class<?> type) {
        if (!type.isRecord()) return false;
        for (java.lang.reflect.RecordComponent rc : type.getRecordComponents()) {
            String n = rc.getName(); // "file", "path", "outFile", "pcapPath" - not "profile"
            if (n.equals("file") || n.equals("path") || n.endsWith("File") || n.endsWith("Path")
                    || rc.getType() == java.nio.file.Path.class) return true;
        }
        return false;
    }

    /** The lesson pane's page (empty in free play). */
    LessonPage page() {
        if (run == null) return null;
        return LessonPages.page(run.model());
    }

    /** The lesson list with this learner's status, in the library's order. */
    List<LessonPage.Entry> entries() {
        return LessonPages.entries(library, progress);
    }

    // ---- switching worlds (called from the lab's own commands, inside the old session's execute) ----

    List<String> learn(String id) {
        Lesson l = library.get(id);
        if (l == null) {
            String s = library.suggest(id);
            throw CommandError.cannot("no lesson '" + id + "'" + (s == null ? "" : "; did you mean '" + s + "'?") + " ('lessons' lists them)");
        }
        List<String> out = enter(l);
        if (out.isEmpty()) throw CommandError.cannot("lesson '" + id + "' could not start here; it is logged");
        return out;
    }

    List<String> leave() {
        if (run == null) return List.of("you are not in a lesson ('lessons' lists them)");
        String id = run.lesson().id();
        free();
        List<String> out = new ArrayList<>(List.of("left lesson '" + id + "' (your progress is kept: 'learn " + id + "' resumes it)"));
        out.addAll(opening());
        return out;
    }

    /** Starts (resuming) a lesson; empty when it cannot start. */
    private List<String> enter(Lesson l) {
        LessonRun r;
        try {
            r = LessonRun.start(l, progress, "en");
        } catch (RuntimeException e) {
            return List.of();
        }
        run = r;
        String journal = "lesson:" + l.id();
        List<String> stored = ctx.store().loadJournal(ctx.learner(), journal);
        List<String> atStepStart = r.session().journal();
        wire(r.session(), journal, stored.size() >= atStepStart.size() && stored.subList(0, atStepStart.size()).equals(atStepStart)
                ? stored.subList(atStepStart.size(), stored.size()) : List.of());
        ctx.store().putState(ctx.learner(), MODE, l.id());
        ctx.lesson(l.id());
        return opening();
    }

    private void free() {
        run = null;
        ctx.store().putState(ctx.learner(), MODE, null);
        ctx.lesson(null);
        wire(new Session(SessionConfig.defaults()), FREE, ctx.store().loadJournal(ctx.learner(), FREE));
    }

    /** Caps {@code s}, replays {@code replay} into it, then stores its journal under {@code journal} after every command. */
    private void wire(Session s, String journal, List<String> replay) {
        EventCap.attach(s, ctx.maxEventsPerCommand());
        s.addExtension(new LabCommands(this));
        quiz.install(s);
        for (String line : replay) s.execute(line);
        replayed = replay.size();
        s.onExecuted((line, outcome) -> {
            if (session == s) ctx.saveJournal(journal, s.journal());
        });
        session = s;
    }
}
