package tcptutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.sim.Side;
import tcptutor.tcp.Profile;
import tcptutor.tcp.State;
import tcptutor.wire.Flags;

class LessonLoaderTest {
    static final String GOOD = """
            id: handshake
            title: The three-way handshake
            summary: Open a connection by hand.
            level: beginner
            requires: [header]
            setup:
              profile: rfc9293
              knobs: {tcp_syn_retries: 5}
              peer: [peer listen 80]
            steps:
              - id: send-syn
                say: Send a SYN with seq 1000.
                expect:
                  sent: {flags: S, seq: 1000}
                hints: [The first segment only has SYN set., Type 'syn seq=1000'.]
                mistakes:
                  - when: {sent: {flags: S.}}
                    say: A first SYN carries no ACK.
                solution: [syn seq=1000]
              - id: q-ack
                say: {en: What ack number does your ACK carry?, zh: 你的 ACK 的确认号是多少？}
                ask: {number: 8001}
                hints: [The SYN consumes one sequence number.]
                mistakes:
                  - when: {answer: 8000}
                    say: The SYN consumes one sequence number.
              - id: q-state
                say: Which state is the peer in now?
                ask: {state: [SYN-RECEIVED]}
                hints: [It has received a SYN.]
              - id: q-choice
                say: Why random ISNs?
                ask:
                  choice: [speed, security and old segments, nothing]
                  answer: b
                hints: [Think of an attacker.]
            """;

    @Test
    void goodLesson_loadsEveryField() {
        LessonLoader.Loaded l = LessonLoader.parse("h.yaml", GOOD);
        assertThat(l.problems()).isEmpty();
        Lesson lesson = l.lesson();
        assertThat(lesson.id()).isEqualTo("handshake");
        assertThat(lesson.level()).isEqualTo(Level.BEGINNER);
        assertThat(lesson.requires()).containsExactly("header");
        assertThat(lesson.setup().profile()).isEqualTo(Profile.RFC9293);
        assertThat(lesson.setup().settings().get(tcptutor.tcp.Knob.tcp_syn_retries)).isEqualTo(5);
        assertThat(lesson.setup().settings().profile()).isEqualTo(Profile.RFC9293);
        assertThat(lesson.setup().script()).extracting(Line::text).containsExactly("peer listen 80");
        Step s = lesson.steps().get(0);
        assertThat(s.kind()).isEqualTo(Step.Kind.EXPECT);
        Predicate.Sent p = (Predicate.Sent) s.expect().get(0);
        assertThat(p.by()).isEqualTo(Side.YOU);
        assertThat(p.flags()).isEqualTo(Flags.SYN);
        assertThat(p.fields().get(Predicate.Field.SEQ).offset()).isEqualTo(1000);
        assertThat(((Predicate.Sent) s.mistakes().get(0).when().get(0)).flags()).isEqualTo(Flags.SYN | Flags.ACK);
        assertThat(s.solution()).extracting(Line::text).containsExactly("syn seq=1000");
        assertThat(s.solution().get(0).pos().line()).isEqualTo(19);
        assertThat(lesson.steps().get(1).say().in("zh")).isEqualTo("你的 ACK 的确认号是多少？");
        assertThat(lesson.steps().get(1).say().in("fr")).startsWith("What ack");
    }

    @Test
    void questions_gradeAnswersOfTheirKind() {
        Lesson lesson = LessonLoader.parse("h.yaml", GOOD).lesson();
        Question number = lesson.steps().get(1).ask();
        assertThat(number.grade("8001").correct()).isTrue();
        assertThat(number.grade(" 8,001 ").correct()).isTrue();
        assertThat(number.grade("8000").correct()).isFalse();
        assertThat(number.grade("eight").problem()).contains("expected a number");
        Question state = lesson.steps().get(2).ask();
        for (String a : List.of("SYN_RCVD", "SYN-RECEIVED", "syn_recv", "TCP_SYN_RECV")) assertThat(state.grade(a).correct()).as(a).isTrue();
        assertThat(state.grade("ESTABLISHED").correct()).isFalse();
        Question choice = lesson.steps().get(3).ask();
        assertThat(choice.grade("b").correct()).isTrue();
        assertThat(choice.grade("2").correct()).isTrue();
        assertThat(choice.grade("Security and old segments.").correct()).isTrue();
        assertThat(choice.grade("a").correct()).isFalse();
        assertThat(choice.shownAnswers("en")).containsExactly("b) security and old segments");
    }

    @Test
    void unknownKey_isReportedWithLineColumnAndSuggestion() {
        String bad = GOOD.replace("    expect:\n      sent: {flags: S, seq: 1000}", "    expcet:\n      sent: {flags: S, seq: 1000}");
        List<Problem> p = LessonLoader.parse("h.yaml", bad).problems();
        assertThat(p).extracting(Problem::toString).anySatisfy(s ->
                assertThat(s).startsWith("h.yaml:13:5: unknown key 'expcet' in a step — did you mean 'expect'?"));
    }

    @Test
    void yamlSyntaxError_namesTheLine() {
        List<Problem> p = LessonLoader.parse("x.yaml", "id: a\ntitle: [unclosed\nsteps: []\n").problems();
        assertThat(p).hasSize(1);
        assertThat(p.get(0).pos().line()).isEqualTo(3);
        assertThat(p.get(0).rule()).startsWith("YAML syntax");
    }

    @Test
    void badValues_areEachReportedWhereTheyAre() {
        String bad = """
                id: Bad_Id
                title: t
                steps:
                  - id: s1
                    say: x
                    expect:
                      sent: {flags: SYNACK, ack: peer.isn+}
                      state: {peer: SYN_WAIT}
                    hints: [h]
                  - id: s1
                    say: y
                    ask: {state: SYNNED}
                """;
        List<String> p = LessonLoader.parse("b.yaml", bad).problems().stream().map(Problem::toString).toList();
        assertThat(p).anyMatch(s -> s.startsWith("b.yaml:1:5: bad id 'Bad_Id'"));
        assertThat(p).anyMatch(s -> s.startsWith("b.yaml:7:21: bad flags 'SYNACK'"));
        assertThat(p).anyMatch(s -> s.startsWith("b.yaml:7:34: bad number for ack"));
        assertThat(p).anyMatch(s -> s.startsWith("b.yaml:8:21: unknown state 'SYN_WAIT'"));
        assertThat(p).anyMatch(s -> s.startsWith("b.yaml:6:5: step 's1' has 'expect' but no 'solution'"));
        assertThat(p).anyMatch(s -> s.startsWith("b.yaml:10:5: duplicate step id 's1'"));
        assertThat(p).anyMatch(s -> s.startsWith("b.yaml:12:18: accepted answer 'SYNNED' is not a valid state answer"));
        assertThat(p).anyMatch(s -> s.startsWith("b.yaml:10:5: step 's1' has no hint"));
    }

    @Test
    void statePredicate_parsesLinuxAndRfcNames() {
        String y = GOOD.replace("sent: {flags: S, seq: 1000}", "state: {you: SYN_SENT, peer: syn_recv}");
        Step s = LessonLoader.parse("h.yaml", y).lesson().steps().get(0);
        assertThat(s.expect()).containsExactly(
                new Predicate.Reached(s.expect().get(0).pos(), Side.YOU, State.SYN_SENT),
                new Predicate.Reached(s.expect().get(1).pos(), Side.PEER, State.SYN_RECEIVED));
    }
}
