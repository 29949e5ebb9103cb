package tcptutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.tcp.State;

class LessonRunTest {
    static final Lesson HANDSHAKE = LessonLibrary.load(Path.of("lessons")).get("handshake");

    /** A short lesson whose ACK step has no mistakes, so wrong moves get the generic diff. */
    static final String PLAIN = """
            id: plain
            title: Plain handshake
            summary: s
            setup:
              isn: {you: 1000, peer: 8000}
              numbers: absolute
              peer: [peer listen 80]
            steps:
              - id: syn
                say: Send a SYN.
                expect: {sent: {flags: S}}
                hints: [first, second]
                solution: [syn]
              - id: ack
                say: Now the ACK of {peer.isn}.
                expect:
                  - sent: {flags: ".", ack: peer.isn+1}
                  - state: {peer: ESTABLISHED}
                hints: [ack it]
                solution: [ack]
              - id: q
                say: Which state?
                ask: {state: ESTABLISHED}
                hints: [h]
            """;

    static final class MemoryStore implements ProgressStore {
        final Map<String, Progress> map = new HashMap<>();
        @Override public Progress load(String id) { return map.getOrDefault(id, Progress.none(id)); }
        @Override public void save(Progress p) { map.put(p.lessonId(), p); }
        @Override public Map<String, Progress> all() { return Map.copyOf(map); }
    }

    static Lesson plain() { return LessonLoader.parse("plain.yaml", PLAIN).lesson(); }

    /** Starts a lesson and collects the feedback it gives after the learner's commands. */
    static LessonRun start(Lesson l, ProgressStore store, List<String> feedback) {
        LessonRun run = LessonRun.start(l, store, "en");
        run.onFeedback(feedback::addAll);
        return run;
    }

    /** Plays steps (solutions, first answers) until {@code stepId} is the current one. */
    static void goTo(LessonRun run, String stepId) {
        while (!run.step().id().equals(stepId)) {
            Step s = run.step();
            if (s.kind() == Step.Kind.EXPECT) run.solution();
            if (s.kind() == Step.Kind.ASK) run.answer(s.ask().answers().get(0));
            run.next();
        }
    }

    @Test
    void stepDone_isPrintedUnderTheCommandsOwnOutput() {
        LessonRun run = start(plain(), new MemoryStore(), new ArrayList<>());
        tcptutor.session.Outcome o = run.session().execute("syn");
        assertThat(o.lines()).last().isEqualTo("lesson: done! type next");
        assertThat(o.lines().get(0)).contains("Flags [S]");
    }

    @Test
    void firstSynWithAck_getsTheLessonsMistakeMessage() {
        List<String> fb = new ArrayList<>();
        LessonRun run = start(HANDSHAKE, new MemoryStore(), fb);
        goTo(run, "syn");
        run.session().execute("send S. seq=1000 ack=1 win=64240");
        assertThat(fb).containsExactly("A first SYN carries no ACK flag - there is nothing to acknowledge yet. Type `retry`.");
        assertThat(run.status()).isEqualTo(LessonRun.Status.WORKING);
    }

    @Test
    void ackOfTheIsnItself_getsTheSynConsumesOneMessage() {
        List<String> fb = new ArrayList<>();
        LessonRun run = start(HANDSHAKE, new MemoryStore(), fb);
        goTo(run, "ack");
        run.session().execute("ack seq=1001 ack=8000 win=64240");
        assertThat(String.join(" ", fb)).startsWith("ack=8000 acknowledges everything before 8000, not the SYN itself: the SYN")
                .contains("acknowledge 8001");
    }

    @Test
    void wrongAckWithoutAMistake_getsAPreciseDiff() {
        List<String> fb = new ArrayList<>();
        LessonRun run = start(plain(), new MemoryStore(), fb);
        run.session().execute("syn");
        run.next();
        fb.clear();
        run.session().execute("ack ack=8000");
        assertThat(fb).containsExactly(
                "expected ACK with ack=8001, you sent ack=8000: the SYN consumes one sequence number   ('retry' starts the step again)");
    }

    @Test
    void rightMove_completesTheStep_andNextMovesOn() {
        List<String> fb = new ArrayList<>();
        LessonRun run = start(plain(), new MemoryStore(), fb);
        assertThat(run.next()).containsExactly("this step is not done yet: 'hint' helps, 'solution' shows it done");
        run.session().execute("syn");
        assertThat(fb).containsExactly("done! type next");
        assertThat(run.status()).isEqualTo(LessonRun.Status.DONE);
        assertThat(run.next().get(0)).isEqualTo("-- Plain handshake - step 2/3 --");
        assertThat(run.model().text()).isEqualTo("Now the ACK of 8000.");
    }

    @Test
    void retry_rollsTheWorldBackToTheStepsStart() {
        LessonRun run = start(plain(), new MemoryStore(), new ArrayList<>());
        run.session().execute("syn");
        run.next();
        int atStart = run.session().world().trace().size();
        run.session().execute("ack ack=8000"); // draws a RST from the peer
        assertThat(run.session().world().trace().of(TraceEvent.Sent.class)).hasSize(4);
        run.retry();
        assertThat(run.session().world().trace().size()).isEqualTo(atStart);
        assertThat(run.session().state(Side.PEER)).isEqualTo(State.SYN_RECEIVED);
        run.session().execute("ack");
        assertThat(run.status()).isEqualTo(LessonRun.Status.DONE);
    }

    @Test
    void back_returnsToThePreviousStepAndItsWorld() {
        LessonRun run = start(plain(), new MemoryStore(), new ArrayList<>());
        run.session().execute("syn");
        run.next();
        run.session().execute("ack");
        run.back();
        assertThat(run.step().id()).isEqualTo("syn");
        assertThat(run.session().world().trace().of(TraceEvent.Sent.class)).isEmpty();
        assertThat(run.back()).containsExactly("this is the first step; 'retry' starts it again");
    }

    @Test
    void solution_playsTheCommandsAndMarksTheStepShown() {
        MemoryStore store = new MemoryStore();
        LessonRun run = start(plain(), store, new ArrayList<>());
        run.session().execute("rst seq=5"); // something unrelated first: the solution starts from the step's start
        List<String> out = run.solution();
        assertThat(out).contains("(back at the start of the step)", "> syn");
        assertThat(run.status()).isEqualTo(LessonRun.Status.SHOWN);
        assertThat(store.load("plain").shown()).containsExactly("syn");
        assertThat(store.load("plain").done()).contains("syn");
    }

    @Test
    void hints_comeInOrder_thenRunOut() {
        LessonRun run = start(plain(), new MemoryStore(), new ArrayList<>());
        assertThat(run.hint()).containsExactly("hint 1/2: first");
        assertThat(run.hint()).containsExactly("hint 2/2: second");
        assertThat(run.hint()).containsExactly("no more hints (2 given); 'solution' shows the step done");
        assertThat(run.model().hints()).containsExactly("first", "second");
        assertThat(run.model().hintsLeft()).isZero();
    }

    @Test
    void answers_areGradedWithTheQuestionsMistakes() {
        MemoryStore store = new MemoryStore();
        LessonRun run = start(HANDSHAKE, store, new ArrayList<>());
        goTo(run, "q-synack-ack");
        assertThat(run.answer("1000")).containsExactly("The SYN consumes one sequence number, so the next one expected is 1001.");
        assertThat(run.answer("ten")).containsExactly("expected a number");
        assertThat(run.answer("1001")).startsWith("right.");
        assertThat(run.status()).isEqualTo(LessonRun.Status.ANSWERED);
        assertThat(store.load("handshake").answers().get("q-synack-ack")).isEqualTo(new Progress.Answer("1001", true));
    }

    @Test
    void model_carriesWhatThePaneShows() {
        LessonRun run = start(HANDSHAKE, new MemoryStore(), new ArrayList<>());
        goTo(run, "q-consumes");
        LessonModel m = run.model();
        assertThat(m.title()).isEqualTo("The three-way handshake, by hand");
        assertThat(m.step()).isEqualTo(8);
        assertThat(m.steps()).isEqualTo(9);
        assertThat(m.kind()).isEqualTo(Step.Kind.ASK);
        assertThat(m.choices()).hasSize(3);
        assertThat(m.fullText()).contains("\n\na) every segment").contains("\nb) SYN and FIN (one each)");
        assertThat(m.statusLine()).isEqualTo("answer with: answer YOUR-ANSWER   (hint, solution)");
    }

    @Test
    void progress_resumesAtTheSavedStep_withTheWorldReplayed() {
        MemoryStore store = new MemoryStore();
        LessonRun run = start(HANDSHAKE, store, new ArrayList<>());
        goTo(run, "ack");
        LessonRun again = LessonRun.start(HANDSHAKE, store, "en");
        assertThat(again.step().id()).isEqualTo("ack");
        assertThat(again.session().state(Side.PEER)).isEqualTo(State.SYN_RECEIVED);
        assertThat(again.opening().get(0)).startsWith("(resuming at step 5 of 9");
    }

    @Test
    void savedProgressOnAReplacedStep_resumesAtItsReplacement() {
        MemoryStore store = new MemoryStore();
        store.save(Progress.none("plain").at("old-ack").completed("syn"));
        Lesson l = LessonLoader.parse("plain.yaml", PLAIN.replace("  - id: ack\n", "  - id: ack-v2\n    replaces: old-ack\n")).lesson();
        LessonRun run = LessonRun.start(l, store, "en");
        assertThat(run.step().id()).isEqualTo("ack-v2");
        assertThat(run.session().state(Side.PEER)).isEqualTo(State.SYN_RECEIVED);
    }
}
