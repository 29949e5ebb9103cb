package tcptutor.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tcptutor.command.Command;
import tcptutor.session.Outcome;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.sim.World;
import tcptutor.tcp.State;

/**
 * One learner working through one lesson on a {@link Session}. After every command of the learner the current
 * step's {@code expect} is checked; a wrong move gets the matching {@code mistakes} message or a precise diff.
 * The lesson commands ({@code hint}, {@code retry}, {@code back}, {@code next}, {@code solution}, {@code answer},
 * {@code lesson}) come from {@link LessonCommands}, registered as the session's extension, so the REPL and the text
 * UI offer them alike. Rolling back replays the session's journal as it was when the step began.
 */
public final class LessonRun {
    /** Where the learner is in the current step. */
    public enum Status { READ, WORKING, DONE, SHOWN, ANSWERED, FINISHED }

    private final Lesson lesson;
    private final String lang;
    private final Session session;
    private final ProgressStore store;
    private final List<Problem> problems = new ArrayList<>();
    private final List<List<String>> journals = new ArrayList<>();
    private final List<String> feedback = new ArrayList<>();
    private final List<Consumer<List<String>>> sinks = new ArrayList<>();
    private Progress progress;
    private int index;
    private Status status = Status.READ;
    private int hints;
    private int traceMark;
    private long timeMark;
    private World world, pinned;
    private boolean internal, detached;
    private List<String> opening = List.of();

    private LessonRun(Lesson lesson, Session session, ProgressStore store, String lang) {
        this.lesson = lesson;
        this.session = session;
        this.store = store;
        this.lang = lang;
        this.progress = store.load(lesson.id());
    }

    /**
     * Builds the lesson's world, hooks the lesson commands into its session, and resumes where the learner left
     * off (or starts at step 1). Set-up commands that fail are in {@link #problems()}.
     */
    public static LessonRun start(Lesson lesson, ProgressStore store, String lang) {
        LessonRun run = new LessonRun(lesson, new Session(config(lesson.setup())), store, lang);
        run.session.addExtension(new LessonCommands(run));
        run.session.onExecuted(run::executed);
        run.pin();
        List<String> setup = new ArrayList<>();
        for (Line l : lesson.setup().script()) setup.addAll(run.runInternal(l));
        int resume = run.progress.finished() || run.progress.current() == null ? 0 : Math.max(0, lesson.indexOf(run.progress.current()));
        for (int i = 0; i < resume; i++) {
            run.journals.add(run.session.journal());
            run.index = i;
            for (Line l : lesson.steps().get(i).commands()) run.runInternal(l);
        }
        List<String> opening = new ArrayList<>(resume == 0 ? setup : List.of("(resuming at step " + (resume + 1) + " of "
                + lesson.steps().size() + ": the world was replayed up to here; 'show ladder' shows it, 'back' goes back)"));
        opening.addAll(run.enter(resume));
        run.opening = opening;
        return run;
    }

    /** The session's starting config from a lesson's setup: profile and knobs, seed, ports, numbering, assist. */
    public static SessionConfig config(Setup s) {
        SessionConfig d = SessionConfig.defaults().withSettings(s.settings());
        if (s.seed() != null) d = d.withSeed(s.seed());
        if (s.relativeNumbers() != null) d = d.withRelativeNumbers(s.relativeNumbers());
        if (s.assist() != null) d = d.withAssist(s.assist());
        if (s.portYou() != null) d = d.withYouPort(s.portYou());
        if (s.isnYou() != null) d = d.withYourIsn(s.isnYou());
        int peer = s.peerGiven() ? 0 : s.portPeer() != null ? s.portPeer() : d.peerPort();
        return d.withPeerListening(peer, d.peerBacklog());
    }

    public Session session() { return session; }

    /** What entering the first step printed (its text, a demonstration's output); for the UI's first screen. */
    public List<String> opening() { return opening; }

    public Lesson lesson() { return lesson; }

    public Progress progress() { return progress; }

    public Status status() { return status; }

    public int index() { return index; }

    public Step step() { return lesson.steps().get(index); }

    /** Problems met while running the lesson's own commands (set-up, demonstrations, solutions). */
    public List<Problem> problems() { return List.copyOf(problems); }

    /** Receives feedback lines produced after the learner's world commands (they are also in that command's Outcome). */
    public void onFeedback(Consumer<List<String>> sink) { sinks.add(sink); }

    // ---- the model ----------------------------------------------------------------------------

    public LessonModel model() {
        Step s = step();
        List<String> choices = new ArrayList<>();
        if (s.ask() != null) for (Text c : s.ask().choices()) choices.add(fill(c.in(lang)));
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < hints && i < s.hints().size(); i++) shown.add(fill(s.hints().get(i).in(lang)));
        return new LessonModel(lesson.id(), lesson.title().in(lang), index + 1, lesson.steps().size(), s.id(), s.kind(),
                fill(s.say().in(lang)), choices, shown, s.hints().size() - Math.min(hints, s.hints().size()), status, statusLine(), feedback);
    }

    private String statusLine() {
        Step s = step();
        boolean last = index == lesson.steps().size() - 1;
        String next = last ? "type next to finish the lesson" : "type next";
        return switch (status) {
            case READ -> next;
            case WORKING -> s.kind() == Step.Kind.ASK ? "answer with: answer YOUR-ANSWER   (hint, solution)"
                    : "your turn   (hint, retry, solution)";
            case DONE -> "done - " + next;
            case SHOWN -> "solution shown - " + next;
            case ANSWERED -> "right - " + next;
            case FINISHED -> "lesson complete";
        };
    }

    /** The current step as lines: a heading, the text, the choices, what to do. */
    public List<String> stepLines() {
        LessonModel m = model();
        List<String> out = new ArrayList<>();
        out.add("-- " + m.title() + " - step " + m.step() + "/" + m.steps() + " --");
        out.addAll(List.of(m.fullText().split("\n", -1)));
        out.add("(" + m.statusLine() + ")");
        return out;
    }

    // ---- moving between steps -----------------------------------------------------------------

    /** Enters step {@code i}: remembers where it starts, runs a demonstration, saves the position. */
    private List<String> enter(int i) {
        index = i;
        while (journals.size() > i) journals.remove(journals.size() - 1);
        journals.add(session.journal());
        hints = 0;
        feedback.clear();
        detached = false;
        mark();
        Step s = step();
        status = s.kind() == Step.Kind.DO ? Status.READ : Status.WORKING; // WORKING even when done before: the world is back at the step's start
        List<String> out = new ArrayList<>(stepLines());
        if (s.kind() == Step.Kind.DO) {
            if (!s.run().isEmpty()) out.remove(out.size() - 1);
            for (Line l : s.run()) out.addAll(runInternal(l));
            if (!s.run().isEmpty()) out.add("(" + statusLine() + ")");
            progress = progress.completed(s.id());
        }
        progress = progress.at(s.id());
        save();
        return out;
    }

    private void mark() {
        world = session.world();
        traceMark = world.trace().size();
        timeMark = world.now();
    }

    List<String> next() {
        if (status == Status.WORKING) {
            return List.of(step().kind() == Step.Kind.ASK ? "answer the question first (answer ...), or type 'solution' to see the answer"
                    : "this step is not done yet: 'hint' helps, 'solution' shows it done");
        }
        if (status == Status.FINISHED) return List.of("this lesson is complete; 'back' revisits the last step");
        if (index == lesson.steps().size() - 1) {
            status = Status.FINISHED;
            progress = progress.finish();
            save();
            return summary();
        }
        return enter(index + 1);
    }

    /** Goes on even when the step is not done (walk-throughs that found a broken step keep going). */
    List<String> advance() {
        if (status == Status.WORKING) status = Status.SHOWN;
        return next();
    }

    List<String> back() {
        if (index == 0 && status != Status.FINISHED) return List.of("this is the first step; 'retry' starts it again");
        int target = status == Status.FINISHED ? index : index - 1;
        replay(journals.get(target));
        return enter(target);
    }

    List<String> retry() {
        replay(journals.get(index));
        List<String> out = new ArrayList<>();
        out.add("back at the start of step " + (index + 1) + "; the world is as it was then");
        out.addAll(enter(index));
        return out;
    }

    /**
     * Makes the session's world what the journal {@code lines} produce: back to the session's config (loading an
     * empty journal), the peer's ISN pinned again, then every line run as it was.
     */
    private void replay(List<String> lines) {
        boolean was = internal;
        internal = true;
        try {
            Path tmp = Files.createTempFile("tcptutor-lesson", ".journal");
            try {
                session.load(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
            pin();
            for (String l : lines) session.execute(l);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot roll the world back: " + e.getMessage(), e);
        } finally {
            internal = was;
        }
    }

    /** Queues the lesson's fixed ISN for the peer's next connection in a new world (once per world). */
    private void pin() {
        if (lesson.setup().isnPeer() != null && session.world() != pinned) {
            session.world().peer().nextIsn((int) (long) lesson.setup().isnPeer());
        }
        pinned = session.world();
    }

    List<String> hint() {
        Step s = step();
        if (s.hints().isEmpty()) return List.of(s.kind() == Step.Kind.DO ? "nothing to do here but read: type next" : "no hints for this step");
        if (hints >= s.hints().size()) {
            return List.of("no more hints (" + s.hints().size() + " given); 'solution' shows the step done");
        }
        hints++;
        return List.of("hint " + hints + "/" + s.hints().size() + ": " + fill(s.hints().get(hints - 1).in(lang)));
    }

    List<String> solution() {
        Step s = step();
        List<String> out = new ArrayList<>();
        if (s.kind() == Step.Kind.DO) return List.of("nothing to solve here: type next");
        if (s.kind() == Step.Kind.ASK) {
            out.add("accepted: " + String.join(" | ", s.ask().shownAnswers(lang)));
            if (!s.ask().explain().isEmpty()) out.add(fill(s.ask().explain().in(lang)));
            status = Status.SHOWN;
        } else {
            if (session.world().trace().size() > traceMark || !session.journal().equals(journals.get(index))) {
                replay(journals.get(index));
                mark();
                out.add("(back at the start of the step)");
            }
            for (Line l : s.solution()) out.addAll(runInternal(l));
            if (check().all(s.expect(), traceMark)) {
                status = Status.SHOWN;
                progress = progress.completed(s.id());
            } else {
                out.add("the solution did not meet this step's expect - please report this lesson (" + lesson.file() + ")");
                problems.add(Problem.error(s.solutionPos(), "the solution does not meet the expect: still expected " + unmet(s),
                        "fix 'solution' or 'expect' of step '" + s.id() + "'"));
            }
        }
        progress = progress.solutionShown(s.id());
        save();
        out.add("(" + statusLine() + ")");
        return out;
    }

    List<String> answer(String text) {
        Step s = step();
        if (s.kind() != Step.Kind.ASK) return List.of("there is no question in this step");
        Question q = s.ask();
        Question.Grade g = q.grade(text);
        progress = progress.answered(q.id(), text.trim(), g.correct());
        List<String> out = new ArrayList<>();
        if (g.correct()) {
            if (status == Status.WORKING) status = Status.ANSWERED;
            progress = progress.completed(s.id());
            out.add("right.");
            if (!q.explain().isEmpty()) out.add(fill(q.explain().in(lang)));
            out.add("(" + statusLine() + ")");
        } else {
            String msg = null;
            for (Step.Mistake m : s.mistakes()) {
                for (Predicate p : m.when()) {
                    if (p instanceof Predicate.Answered a && a.answers().stream().anyMatch(x -> same(q, x, text))) msg = fill(m.say().in(lang));
                }
                if (msg != null) break;
            }
            if (msg == null) msg = !g.problem().isEmpty() ? g.problem() : "not quite. Try again, or type 'hint'.";
            out.add(msg);
        }
        save();
        return out;
    }

    private static boolean same(Question q, String a, String b) {
        String x = q.normalize(a), y = q.normalize(b);
        return x != null && x.equals(y);
    }

    private List<String> summary() {
        int questions = 0, right = 0;
        for (Question q : lesson.questions()) {
            questions++;
            Progress.Answer a = progress.answers().get(q.id());
            if (a == null && q.replaces() != null) a = progress.answers().get(q.replaces());
            if (a != null && a.correct()) right++;
        }
        List<String> out = new ArrayList<>();
        out.add("lesson '" + lesson.title().in(lang) + "' complete: " + right + " of " + questions + " questions answered"
                + (progress.shown().isEmpty() ? "" : ", " + progress.shown().size() + (progress.shown().size() == 1 ? " solution" : " solutions") + " shown"));
        out.add("'tcptutor lessons' lists the others; 'back' revisits the last step");
        return out;
    }

    // ---- checking the learner's commands ------------------------------------------------------

    private void executed(String line, Outcome o) {
        if (internal || o.command() instanceof Command.Extension) return;
        Step s = step();
        if (!session.journal().subList(0, Math.min(session.journal().size(), journals.get(index).size())).equals(journals.get(index))
                || (session.world() != world && session.journal().size() < journals.get(index).size())) {
            if (!detached) emit(List.of("the world no longer continues this step (reset or load): type 'retry' to return to the step's start"));
            detached = true;
            return;
        }
        if (session.world() != world) { // rebuilt with new settings before any segment: same journal
            world = session.world();
            pin();
        }
        if (s.kind() != Step.Kind.EXPECT || status != Status.WORKING || detached) return;
        Check c = check();
        if (c.all(s.expect(), traceMark)) {
            status = Status.DONE;
            progress = progress.completed(s.id());
            save();
            emit(List.of("done! " + (index == lesson.steps().size() - 1 ? "type next to finish the lesson" : "type next")));
            return;
        }
        int from = Math.max(traceMark, world.trace().size() - o.events().size());
        for (Step.Mistake m : s.mistakes()) {
            if (c.all(m.when(), from)) {
                emit(List.of(fill(m.say().in(lang))));
                return;
            }
        }
        List<String> diff = diff(c, s, from);
        if (!diff.isEmpty()) emit(diff);
    }

    /** A diff for the learner's latest segment against each expected segment of theirs not seen yet. */
    private List<String> diff(Check c, Step s, int from) {
        List<TraceEvent> ev = world.trace().events();
        int at = -1;
        for (int i = ev.size() - 1; i >= from; i--) {
            if (ev.get(i) instanceof TraceEvent.Sent e && e.from() == Side.YOU) { at = i; break; }
        }
        if (at < 0) return List.of();
        TraceEvent.Sent mine = (TraceEvent.Sent) ev.get(at);
        for (Predicate p : s.expect()) {
            if (p instanceof Predicate.Sent want && want.by() == Side.YOU && want.count() > 0 && !c.holds(p, traceMark)) {
                String why = c.explain(want, mine.segment(), at);
                if (!why.isEmpty()) return List.of(why + "   ('retry' starts the step again)");
            }
        }
        return List.of("not yet: still expected " + unmet(s));
    }

    /** The predicates of the step's expect that do not hold yet, in words. */
    String unmet(Step s) {
        Check c = check();
        List<String> out = new ArrayList<>();
        for (Predicate p : s.expect()) if (!c.holds(p, traceMark)) out.add(describe(p));
        return String.join("; ", out);
    }

    static String describe(Predicate p) {
        if (p instanceof Predicate.Sent s) {
            StringBuilder b = new StringBuilder(s.by().label()).append(s.count() == 0 ? " sending no " : " to send ")
                    .append(s.flags() == null ? "segment" : tcptutor.wire.Flags.words(s.flags()));
            s.fields().forEach((f, v) -> b.append(' ').append(f.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(v));
            if (s.data() != null) b.append(" data \"").append(s.data()).append('"');
            if (s.count() > 1 || s.max() < Integer.MAX_VALUE) {
                b.append(" (").append(s.max() == s.count() ? "exactly " + s.count() : s.max() < Integer.MAX_VALUE ? s.count() + " to " + s.max() : s.count()).append(" times)");
            }
            return b.toString();
        }
        if (p instanceof Predicate.Reached r) return r.side().label() + " in " + r.state().rfcName();
        if (p instanceof Predicate.Elapsed e) return e.source() + " to pass";
        if (p instanceof Predicate.Called c) return c.by().label() + " " + c.call() + "()" + (c.result().isEmpty() ? "" : " returning " + c.result());
        if (p instanceof Predicate.Lost l) return "a segment from " + l.by().label() + " lost";
        return p.toString();
    }

    private void emit(List<String> lines) {
        feedback.clear();
        feedback.addAll(lines);
        for (String l : lines) session.note("lesson: " + l);
        for (Consumer<List<String>> s : sinks) s.accept(lines);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Runs one of the lesson's own commands (placeholders filled); a failure is recorded as a problem at its line. */
    private List<String> runInternal(Line l) {
        String cmd = check().fill(l.text());
        boolean was = internal;
        internal = true;
        Outcome o;
        try {
            o = session.execute(cmd);
        } finally {
            internal = was;
        }
        List<String> out = new ArrayList<>();
        out.add("> " + cmd);
        out.addAll(o.lines());
        if (!o.ok()) {
            problems.add(Problem.error(l.pos(), "command '" + cmd + "' fails: " + (o.lines().isEmpty() ? "error" : o.lines().get(0)),
                    "write it as the REPL accepts it ('help' lists the commands)"));
        }
        return out;
    }

    Check check() {
        World w = session.world();
        return new Check(new Check.World() {
            @Override public List<TraceEvent> events() { return session.world().trace().events(); }
            @Override public State state(Side side) { return session.state(side); }
            @Override public long now() { return session.world().now(); }
            @Override public long mslMicros() { return Check.msl(session.settings()); }
            @Override public boolean relativeNumbers() { return session.relativeNumbers(); }
        }, w == world ? timeMark : w.now());
    }

    int traceMark() { return traceMark; }

    /** Fills {peer.isn}-style placeholders from the current trace. */
    String fill(String text) { return Check.hasPlaceholder(text) ? check().fill(text) : text; }

    private void save() {
        try {
            store.save(progress);
        } catch (RuntimeException e) {
            emit(List.of("(progress not saved: " + e.getMessage() + ")"));
        }
    }

    String lang() { return lang; }
}
