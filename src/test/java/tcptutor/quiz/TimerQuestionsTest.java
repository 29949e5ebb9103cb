package tcptutor.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import tcptutor.quiz.TimerQuestions.Kind;
import tcptutor.tcp.Profile;

class TimerQuestionsTest {
    private static String answer(Profile p, Kind k, int n) {
        return TimerQuestions.question(new TimerQuestions.Case(p, k, n), new Random(1)).correct();
    }

    @Test void timeWait_isSixtySecondsOnLinux_240InTheTextbook() {
        assertThat(answer(Profile.LINUX, Kind.TIME_WAIT, 0)).isEqualTo("60 s");
        assertThat(answer(Profile.RFC9293, Kind.TIME_WAIT, 0)).isEqualTo("240 s");
    }

    @Test void synRetransmissions_linearThenDoublingOnLinux_doublingInTheTextbook() {
        assertThat(answer(Profile.LINUX, Kind.SYN_RETX, 3)).isEqualTo("3 s");
        assertThat(answer(Profile.RFC9293, Kind.SYN_RETX, 3)).isEqualTo("7 s");
        assertThat(answer(Profile.LINUX, Kind.CONNECT_TIMEOUT, 0)).isEqualTo("131 s");
        assertThat(answer(Profile.RFC9293, Kind.CONNECT_TIMEOUT, 0)).isEqualTo("63 s");
    }

    @Test void keepalive_givesUpAfterItsProbes() {
        assertThat(answer(Profile.LINUX, Kind.KEEPALIVE_FIRST, 0)).isEqualTo("7200 s");
        assertThat(answer(Profile.LINUX, Kind.KEEPALIVE_GIVEUP, 0)).isEqualTo("7875 s");
        assertThat(answer(Profile.LINUX, Kind.KEEPALIVE_PROBES, 0)).isEqualTo("9");
        assertThat(answer(Profile.RFC9293, Kind.KEEPALIVE_GIVEUP, 0)).isEqualTo("7950 s");
    }

    @Test void synAck_resentAt1_3_7_15_31_droppedAt63() {
        assertThat(answer(Profile.LINUX, Kind.SYNACK_RETX, 5)).isEqualTo("31 s");
        assertThat(answer(Profile.LINUX, Kind.SYNACK_GIVEUP, 0)).isEqualTo("63 s");
    }

    @Test void orphanedFinWait2_timesOutOnLinux_neverInTheTextbook_soItIsNotAsked() {
        assertThat(answer(Profile.LINUX, Kind.FIN_WAIT_2, 0)).isEqualTo("60 s");
        assertThat(TimerQuestions.answer(new TimerQuestions.Case(Profile.RFC9293, Kind.FIN_WAIT_2, 0))).isNull();
    }

    @Test void explanation_comparesWithTheOtherProfile() {
        Question q = TimerQuestions.question(new TimerQuestions.Case(Profile.LINUX, Kind.TIME_WAIT, 0), new Random(2));
        assertThat(q.explanation()).contains("Under the rfc9293 profile it is 240 s.");
    }
}
