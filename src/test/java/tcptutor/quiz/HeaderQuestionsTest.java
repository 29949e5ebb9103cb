package tcptutor.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tcptutor.tcp.Profile;

class HeaderQuestionsTest {
    @Test void everyAsk_andShape_statedAnswerIsWhatTheBytesSay() {
        Random rnd = new Random(1);
        for (HeaderQuestions.Ask ask : HeaderQuestions.Ask.values()) {
            for (HeaderQuestions.Shape shape : HeaderQuestions.Shape.values()) {
                for (int v = 0; v < HeaderQuestions.VARIANTS; v += 7) {
                    for (boolean bad : new boolean[]{false, true}) {
                        if (bad && ask != HeaderQuestions.Ask.CHECKSUM) continue;
                        Question q = HeaderQuestions.question(new HeaderQuestions.Case(shape, v, bad, ask), rnd);
                        String mine = HeaderReplay.answer(q);
                        assertThat(Answers.isRight(q, mine)).as(q.id() + " answer " + mine + " vs " + q.correct()).isTrue();
                    }
                }
            }
        }
    }

    @Test void linuxSyn_optionsReadInWireOrder() {
        Question q = HeaderQuestions.question(new HeaderQuestions.Case(HeaderQuestions.Shape.LINUX_SYN, 3, false, HeaderQuestions.Ask.OPTIONS), new Random(2));
        assertThat(q.correct()).isEqualTo("mss 1460, sackOK, TS, nop, wscale 7");
        assertThat(q.prompt()).contains("0204 05b4 0402 080a");
    }

    @Test void synWindow_isNeverScaled() {
        for (int v = 0; v < 5; v++) {
            Question q = HeaderQuestions.question(new HeaderQuestions.Case(HeaderQuestions.Shape.LINUX_SYN, v, false, HeaderQuestions.Ask.WINDOW), new Random(v));
            assertThat(q.correct()).isEqualTo("64240");
        }
    }

    @Test void damagedChecksum_doesNotVerify() {
        Question q = HeaderQuestions.question(new HeaderQuestions.Case(HeaderQuestions.Shape.DATA, 9, true, HeaderQuestions.Ask.CHECKSUM), new Random(3));
        assertThat(q.correct()).isEqualTo("no");
        assertThat(q.choices()).containsExactlyInAnyOrder("yes", "no");
        assertThat(q.explanation()).contains("incorrect, should be");
    }

    @Test void sameSeed_sameHeaderQuiz_andIdsNameTheScenario() {
        QuizMaker.Spec spec = new QuizMaker.Spec(List.of(Topic.HEADER), 5, 7, Profile.LINUX, List.of());
        Quiz a = QuizMaker.make(spec), b = QuizMaker.make(spec);
        assertThat(a).isEqualTo(b);
        assertThat(a.questions()).extracting(Question::id).containsExactly(
                "header/header-length/data/v57", "header/flags/pure-ack/v22", "header/window/syn-ack/v43",
                "header/checksum/fin-ack/v50", "header/options/syn-ack/v16");
    }
}
