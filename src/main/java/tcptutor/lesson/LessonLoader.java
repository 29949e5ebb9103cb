package tcptutor.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Profile;

/**
 * Reads one lesson file (YAML, see lessons/FORMAT.md) into a {@link Lesson}, collecting every problem
 * with its line and column instead of stopping at the first. The lesson is null only when the YAML
 * itself cannot be read.
 */
public final class LessonLoader extends FieldReader {
    /** The result of loading one file. */
    public record Loaded(Lesson lesson, List<Problem> problems) {
        public boolean ok() { return lesson != null && problems.stream().noneMatch(p -> !p.warning()); }
    }

    static final Set<String> LESSON_KEYS = keys("id title summary level requires setup steps");
    static final Set<String> SETUP_KEYS = keys("profile knobs seed isn ports numbers assist peer run faults");
    static final Set<String> STEP_KEYS = keys("id replaces say do expect ask hints mistakes solution explain");
    static final Set<String> ASK_KEYS = keys("id replaces choice number state text answer unit");
    static final Set<String> MISTAKE_KEYS = keys("when say");

    private final String file;
    private final ExpectReader expects;

    private LessonLoader(String file) {
        super(new ArrayList<>());
        this.file = file;
        this.expects = new ExpectReader(problems);
    }

    public static Loaded load(Path path) {
        String name = path.toString();
        try {
            return parse(name, Files.readString(path, StandardCharsets.UTF_8));
        } catch (java.nio.charset.MalformedInputException e) {
            return new Loaded(null, List.of(Problem.error(Pos.of(name), "not UTF-8 text", "save the file as UTF-8")));
        } catch (IOException e) {
            return new Loaded(null, List.of(Problem.error(Pos.of(name), "cannot read the file: " + e.getMessage(),
                    "check that it exists and is readable")));
        }
    }

    /** Parses lesson text; {@code file} names it in problems. */
    public static Loaded parse(String file, String text) {
        LessonLoader l = new LessonLoader(file);
        YNode root = YNode.parse(file, text, l.problems);
        Lesson lesson = root == null ? null : l.lesson(root);
        return new Loaded(lesson, List.copyOf(l.problems));
    }

    // ---- the lesson ---------------------------------------------------------------------------

    private Lesson lesson(YNode root) {
        if (!root.isMap()) {
            error(root.pos(), "a lesson file is a map of fields", "start with 'id: my-lesson' on the first line");
            return null;
        }
        Map<String, YNode.Entry> f = fields(root, LESSON_KEYS, "a lesson");
        String id = id(f, "id", root, "the lesson");
        Text title = requiredText(f, "title", root, "give the lesson a title: 'title: The three-way handshake'");
        Text summary = f.containsKey("summary") ? text(f.get("summary").value()) : Text.EMPTY;
        if (!f.containsKey("summary")) warn(root.pos(), "no summary", "add 'summary:' with one sentence for the lesson table");
        Level level = Level.BEGINNER;
        if (f.containsKey("level")) {
            YNode n = f.get("level").value();
            level = Level.parse(n.text());
            if (level == null || !n.isScalar()) {
                error(n.pos(), "unknown level '" + n.text() + "'", "write beginner, intermediate or advanced (or 1, 2, 3)");
                level = Level.BEGINNER;
            }
        }
        List<String> requires = new ArrayList<>();
        List<Pos> requiresPos = new ArrayList<>();
        if (f.containsKey("requires")) {
            for (YNode n : listOrOne(f.get("requires").value())) {
                if (!n.isScalar() || !n.text().matches(ID_RULE)) {
                    error(n.pos(), "'requires' lists lesson ids", "write 'requires: [handshake, header]'");
                } else {
                    requires.add(n.text());
                    requiresPos.add(n.pos());
                }
            }
        }
        Setup setup = f.containsKey("setup") ? setup(f.get("setup").value()) : Setup.empty(root.pos());
        List<Step> steps = new ArrayList<>();
        if (!f.containsKey("steps")) {
            error(root.pos(), "no steps", "add 'steps:' with at least one step (id, say, and one of do/expect/ask)");
        } else {
            YNode sn = f.get("steps").value();
            if (!sn.isList() || sn.items().isEmpty()) error(sn.pos(), "'steps' must be a non-empty list", "write each step as '- id: ...'");
            for (YNode n : sn.items()) {
                Step s = step(n);
                if (s != null) steps.add(s);
            }
        }
        uniqueIds(steps);
        if (steps.stream().noneMatch(s -> s.kind() == Step.Kind.ASK) && !steps.isEmpty()) {
            warn(root.pos(), "no question in this lesson", "end the lesson with a short quiz: steps with 'ask:'");
        }
        return new Lesson(id == null ? "" : id, title, summary, level, requires, requiresPos, setup, steps, file, root.pos());
    }

    private void uniqueIds(List<Step> steps) {
        Map<String, Pos> seen = new LinkedHashMap<>();
        for (Step s : steps) {
            check(seen, s.id(), s.pos(), "step");
            if (s.ask() != null && !s.ask().id().equals(s.id())) check(seen, s.ask().id(), s.ask().pos(), "question");
        }
        for (Step s : steps) {
            for (String old : new String[]{s.replaces(), s.ask() == null ? null : s.ask().replaces()}) {
                if (old != null && seen.containsKey(old)) {
                    error(s.pos(), "'replaces: " + old + "' names an id that still exists",
                            "'replaces' is for an id you removed: rename the new step, or drop 'replaces'");
                }
            }
        }
    }

    private void check(Map<String, Pos> seen, String id, Pos pos, String what) {
        if (id.isEmpty()) return;
        Pos first = seen.putIfAbsent(id, pos);
        if (first != null) error(pos, "duplicate " + what + " id '" + id + "'", "ids are unique within a lesson (first used at line " + first.line() + ")");
    }

    // ---- setup --------------------------------------------------------------------------------

    private Setup setup(YNode n) {
        if (!n.isMap()) {
            error(n.pos(), "'setup' must be a map", "e.g. 'setup: {profile: linux, peer: [peer listen 80]}'");
            return Setup.empty(n.pos());
        }
        Map<String, YNode.Entry> f = fields(n, SETUP_KEYS, "setup");
        Profile profile = Profile.LINUX;
        if (f.containsKey("profile")) {
            YNode p = f.get("profile").value();
            profile = Profile.parse(p.text());
            if (profile == null) {
                error(p.pos(), "unknown profile '" + p.text() + "'", "write 'linux' (what real captures show) or 'rfc9293' (the textbook)");
                profile = Profile.LINUX;
            }
        }
        Map<String, String> knobs = new LinkedHashMap<>();
        if (f.containsKey("knobs")) {
            YNode kn = f.get("knobs").value();
            if (!kn.isMap()) error(kn.pos(), "'knobs' must be a map of sysctl names to values", "e.g. 'knobs: {tcp_syn_retries: 5}'");
            for (var e : kn.entries(problems).entrySet()) {
                Knob k = Knob.named(e.getKey());
                YNode v = e.getValue().value();
                if (k == null) {
                    String s = suggest(e.getKey(), java.util.Arrays.stream(Knob.values()).map(Enum::name).toList());
                    error(e.getValue().key().pos(), "unknown knob '" + e.getKey() + "'",
                            s == null ? "use a sysctl name such as tcp_syn_retries" : "did you mean '" + s + "'?");
                } else if (!v.isScalar() || !v.text().trim().matches("\\d+(\\s+\\d+)*")
                        || v.text().trim().split("\\s+").length != k.arity()) {
                    error(v.pos(), "bad value for " + k.name(), k.arity() == 1 ? "give one whole number" : "give " + k.arity() + " whole numbers separated by spaces");
                } else {
                    knobs.put(k.name(), v.text().trim().replaceAll("\\s+", " "));
                }
            }
        }
        Long seed = f.containsKey("seed") ? number(f.get("seed").value(), "seed", 0, Long.MAX_VALUE) : null;
        Long[] isn = sides(f.get("isn"), "isn", 0xFFFFFFFFL);
        Long[] ports = sides(f.get("ports"), "ports", 65535);
        Boolean relative = null;
        if (f.containsKey("numbers")) {
            YNode y = f.get("numbers").value();
            if (y.text().equals("relative") || y.text().equals("absolute")) relative = y.text().equals("relative");
            else error(y.pos(), "'numbers' is 'relative' or 'absolute'", "relative: like tcpdump (ISN shown as 0); absolute: the real 32-bit values");
        }
        Boolean assist = null;
        if (f.containsKey("assist")) {
            YNode y = f.get("assist").value();
            if (y.text().matches("on|true|yes")) assist = true;
            else if (y.text().matches("off|false|no")) assist = false;
            else error(y.pos(), "'assist' is 'on' or 'off'", "off: the learner types every number (seq, ack, win) by hand");
        }
        boolean peerGiven = f.containsKey("peer");
        List<Line> peer = peerGiven ? commands(f.get("peer").value(), "peer") : List.of();
        List<Line> run = f.containsKey("run") ? commands(f.get("run").value(), "run") : List.of();
        List<Line> faults = f.containsKey("faults") ? commands(f.get("faults").value(), "faults") : List.of();
        return new Setup(profile, knobs, seed, isn[0], isn[1], ports[0] == null ? null : (int) (long) ports[0],
                ports[1] == null ? null : (int) (long) ports[1], relative, assist, peer, peerGiven, run, faults, n.pos());
    }

    /** {you: N, peer: M} → [you, peer], either may be missing. */
    private Long[] sides(YNode.Entry e, String what, long max) {
        Long[] out = new Long[2];
        if (e == null) return out;
        YNode n = e.value();
        if (!n.isMap()) {
            error(n.pos(), "'" + what + "' must be a map", "e.g. '" + what + ": {you: 1000, peer: 8000}'");
            return out;
        }
        for (var s : n.entries(problems).entrySet()) {
            int i = s.getKey().equals("you") ? 0 : s.getKey().equals("peer") ? 1 : -1;
            if (i < 0) error(s.getValue().key().pos(), "'" + what + "' has keys 'you' and 'peer'", "rename '" + s.getKey() + "'");
            else out[i] = number(s.getValue().value(), what, 0, max);
        }
        return out;
    }

    // ---- steps --------------------------------------------------------------------------------

    private Step step(YNode n) {
        if (!n.isMap()) {
            error(n.pos(), "a step must be a map", "write '- id: my-step' then 'say:' and one of do/expect/ask");
            return null;
        }
        Map<String, YNode.Entry> f = fields(n, STEP_KEYS, "a step");
        String id = id(f, "id", n, "the step");
        String replaces = optionalId(f, "replaces");
        Text say = requiredText(f, "say", n, "add 'say:' with what the learner reads in this step");
        boolean hasDo = f.containsKey("do"), hasExpect = f.containsKey("expect"), hasAsk = f.containsKey("ask");
        Step.Kind kind;
        if (hasAsk && (hasDo || hasExpect)) {
            error(f.get("ask").key().pos(), "a step has one of do / expect / ask", "split the question into its own step");
            kind = Step.Kind.ASK;
        } else if (hasAsk) kind = Step.Kind.ASK;
        else if (hasDo) kind = Step.Kind.DO;
        else if (hasExpect) kind = Step.Kind.EXPECT;
        else kind = Step.Kind.DO; // a reading step: only 'say'

        List<Line> run = hasDo ? commands(f.get("do").value(), "do") : List.of();
        List<Predicate> expect = hasExpect ? expects.predicates(f.get("expect").value(), false) : List.of();
        Pos expectPos = hasExpect ? f.get("expect").key().pos() : n.pos();
        Question ask = hasAsk ? question(f.get("ask").value(), id, say, f.containsKey("explain") ? text(f.get("explain").value()) : Text.EMPTY) : null;
        List<Text> hints = new ArrayList<>();
        if (f.containsKey("hints")) for (YNode h : listOrOne(f.get("hints").value())) hints.add(text(h));
        List<Step.Mistake> mistakes = new ArrayList<>();
        if (f.containsKey("mistakes")) {
            YNode mn = f.get("mistakes").value();
            if (!mn.isList()) error(mn.pos(), "'mistakes' must be a list", "write '- when: {...}' and 'say: ...' for each");
            for (YNode m : mn.items()) {
                Step.Mistake mk = mistake(m, kind == Step.Kind.ASK);
                if (mk != null) mistakes.add(mk);
            }
        }
        List<Line> solution = f.containsKey("solution") ? commands(f.get("solution").value(), "solution") : List.of();
        Pos solutionPos = f.containsKey("solution") ? f.get("solution").key().pos() : n.pos();
        if (kind == Step.Kind.EXPECT && solution.isEmpty()) {
            error(expectPos, "step '" + id + "' has 'expect' but no 'solution'", "add 'solution:' with the commands that meet the expect");
        }
        if (kind != Step.Kind.EXPECT && f.containsKey("solution")) {
            error(solutionPos, "'solution' belongs to an expect step", kind == Step.Kind.DO ? "a do step runs its own commands: remove 'solution'" : "a question's answer goes in 'ask'");
        }
        if (kind != Step.Kind.DO && hints.isEmpty()) {
            error(n.pos(), "step '" + id + "' has no hint", "add 'hints:' (a list, most general first): a learner must never be stuck");
        }
        Text explain = f.containsKey("explain") ? text(f.get("explain").value()) : Text.EMPTY;
        return new Step(id == null ? "" : id, replaces, kind, say, run, expect, ask, hints, mistakes, solution, explain,
                n.pos(), expectPos, solutionPos);
    }

    private Step.Mistake mistake(YNode n, boolean askStep) {
        if (!n.isMap()) {
            error(n.pos(), "a mistake is a map with 'when' and 'say'", "e.g. '- when: {sent: {flags: S.}}' / 'say: ...'");
            return null;
        }
        Map<String, YNode.Entry> f = fields(n, MISTAKE_KEYS, "a mistake");
        Text say = requiredText(f, "say", n, "add 'say:' with the message the learner sees");
        if (!f.containsKey("when")) {
            error(n.pos(), "a mistake needs 'when'", askStep ? "e.g. 'when: {answer: 8000}'" : "e.g. 'when: {sent: {flags: S.}}'");
            return null;
        }
        YNode w = f.get("when").value();
        List<Predicate> when;
        if (askStep) {
            Map<String, YNode.Entry> wf = fields(w, Set.of("answer"), "'when' of a question's mistake");
            if (!wf.containsKey("answer")) {
                error(w.pos(), "a question's mistake is 'when: {answer: ...}'", "give the wrong answer(s) this message is for");
                return null;
            }
            List<String> answers = new ArrayList<>();
            for (YNode a : listOrOne(wf.get("answer").value())) answers.add(a.text());
            when = List.of(new Predicate.Answered(w.pos(), answers));
        } else {
            when = expects.predicates(w, true);
        }
        return new Step.Mistake(when, say, n.pos());
    }

    // ---- questions ----------------------------------------------------------------------------

    private Question question(YNode n, String stepId, Text prompt, Text explain) {
        if (!n.isMap()) {
            error(n.pos(), "'ask' must be a map", "e.g. 'ask: {number: 8001}' or 'ask: {choice: [...], answer: b}'");
            return null;
        }
        Map<String, YNode.Entry> f = fields(n, ASK_KEYS, "'ask'");
        String id = f.containsKey("id") ? id(f, "id", n, "the question") : stepId;
        String replaces = optionalId(f, "replaces");
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("choice", "number", "state", "text")) if (f.containsKey(k)) kinds.add(k);
        if (kinds.size() != 1) {
            error(n.pos(), kinds.isEmpty() ? "'ask' needs a kind" : "'ask' has several kinds " + kinds,
                    "give exactly one of choice / number / state / text");
            if (kinds.isEmpty()) return null;
        }
        Question.Kind kind = Question.Kind.valueOf(kinds.get(0).toUpperCase(java.util.Locale.ROOT));
        List<Text> choices = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        YNode answerNode;
        if (kind == Question.Kind.CHOICE) {
            YNode cn = f.get("choice").value();
            if (!cn.isList() || cn.items().size() < 2) error(cn.pos(), "'choice' lists at least two choices", "write 'choice: [first, second, third]'");
            for (YNode c : cn.items()) choices.add(text(c));
            if (!f.containsKey("answer")) {
                error(n.pos(), "a choice question needs 'answer'", "write 'answer: b' (a letter, a number from 1, or the choice's text)");
                return null;
            }
            answerNode = f.get("answer").value();
        } else {
            if (f.containsKey("answer")) error(f.get("answer").key().pos(), "'answer' is only for choice questions", "put the accepted answers in '" + kinds.get(0) + ":'");
            answerNode = f.get(kinds.get(0)).value();
        }
        List<YNode> answerNodes = listOrOne(answerNode);
        for (YNode a : answerNodes) answers.add(a.text());
        String unit = f.containsKey("unit") ? f.get("unit").value().text() : null;
        Question q = new Question(id == null ? stepId : id, replaces, kind, prompt, choices, answers, unit, explain, n.pos());
        if (answers.isEmpty()) error(answerNode.pos(), "no accepted answer", "give at least one");
        for (int i = 0; i < answers.size(); i++) {
            if (q.normalize(answers.get(i)) == null) {
                error(answerNodes.get(i).pos(), "accepted answer '" + answers.get(i) + "' is not a valid " + kind.name().toLowerCase(java.util.Locale.ROOT) + " answer",
                        q.expectedForm());
            }
        }
        return q;
    }

}
