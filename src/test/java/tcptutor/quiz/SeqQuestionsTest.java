package tcptutor.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tcptutor.quiz.SeqQuestions.Kind;
import tcptutor.tcp.Profile;

class SeqQuestionsTest {
    private static Question q(Kind k, int variant, int size, long rnd) {
        SeqQuestions.Case c = new SeqQuestions.Case(Profile.LINUX, k, variant, size);
        return SeqQuestions.question(c, SeqQuestions.played(c), new Random(rnd));
    }

    private static Question withChoices(Kind k, int variant, int size) {
        for (long r = 0; ; r++) {
            Question x = q(k, variant, size, r);
            if (x.hasChoices()) return x;
        }
    }

    @Test void clientSends100BytesThenFin_ackOfTheFinIsIsnPlus102() {
        Question x = q(Kind.FIN_ACK, 1, 100, 1);
        assertThat(x.prompt()).startsWith("Client ISN 3000, your (the server's) ISN ");
        assertThat(x.correct()).isEqualTo("3102");
        assertThat(x.explanation()).contains("+ 1 (FIN)");
    }

    @Test void wrap_ackPast2to32_wraps_andTheUnwrappedNumberIsADistractor() {
        Question x = withChoices(Kind.FIN_ACK, 6, 100);
        assertThat(x.prompt()).contains("Client ISN 4294967200");
        assertThat(x.correct()).isEqualTo("6");
        assertThat(x.choices()).contains("4294967302");
        assertThat(Answers.isRight(x, "4294967302")).isFalse();
        assertThat(x.explanation()).contains("mod 2^32");
    }

    @Test void synAck_acksIsnPlusOne_notTheIsn() {
        Question x = withChoices(Kind.SYNACK_ACK, 0, 1);
        assertThat(x.correct()).isEqualTo("1001");
        assertThat(x.choices()).contains("1000");
    }

    @Test void synWithDataToAClosedPort_rstAcksTheDataToo() {
        assertThat(q(Kind.CLOSED_SYN_RST, 0, 100, 2).correct()).isEqualTo("1101");
        assertThat(q(Kind.CLOSED_SYN_RST, 0, 1000, 2).correct()).isEqualTo("1001");
    }

    @Test void keepaliveProbe_carriesSndNxtMinusOne() {
        Question x = q(Kind.KEEPALIVE_SEQ, 0, 1, 3);
        SeqQuestions.Played p = SeqQuestions.played(new SeqQuestions.Case(Profile.LINUX, Kind.KEEPALIVE_SEQ, 0, 1));
        assertThat(x.correct()).isEqualTo(Integer.toUnsignedString(p.serverIsn()));
    }
}
