package tcptutor.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tcptutor.quiz.StatePlay.Event;
import tcptutor.quiz.StatePlay.Setup;
import tcptutor.tcp.Profile;
import tcptutor.tcp.State;

class StateQuestionsTest {
    private static Question ask(Setup s, Event e, StateQuestions.Ask a, long rnd) {
        return StateQuestions.question(new StateQuestions.Case(Profile.LINUX, 0, s, e, a), new Random(rnd));
    }

    /** The first seed whose question offers choices. */
    private static Question withChoices(Setup s, Event e, StateQuestions.Ask a) {
        for (long r = 0; ; r++) {
            Question q = ask(s, e, a, r);
            if (q.hasChoices()) return q;
        }
    }

    @Test void everySetupIsReached_andMostPairsApply() {
        for (Setup s : Setup.values()) assertThat(StatePlay.drive(Profile.LINUX, 0, s)).as(s.name()).isNotNull();
        assertThat(StateQuestions.pairs(Profile.LINUX)).hasSizeGreaterThan(120);
        assertThat(StateQuestions.pairs(Profile.RFC9293)).hasSizeGreaterThan(120);
    }

    @Test void finWait1_finAckThatAcksOurFin_isTimeWait_andCLOSINGIsTheDistractor() {
        Question q = withChoices(Setup.FIN_WAIT_1, Event.FIN_ACK, StateQuestions.Ask.NEXT_STATE);
        assertThat(q.correct()).isEqualTo("TIME-WAIT");
        assertThat(q.choices()).contains("CLOSING");
        assertThat(q.explanation()).contains("Not CLOSING");
        assertThat(q.prompt()).contains("FIN-WAIT-1", "a FIN+ACK: F. seq 1001 ack ");
        assertThat(q.id()).isEqualTo("states/fin-wait-1/fin-ack/next-state/linux/v0");
    }

    @Test void finWait1_finThatDoesNotAckOurFin_isClosing() {
        assertThat(State.parse(ask(Setup.FIN_WAIT_1, Event.FIN_ACK_OLD, StateQuestions.Ask.NEXT_STATE, 1).correct())).isEqualTo(State.CLOSING);
    }

    @Test void established_inWindowRst_getsAChallengeAck_andNothingIsADistractor() {
        Question q = withChoices(Setup.ESTABLISHED, Event.RST_IN_WINDOW, StateQuestions.Ask.REPLY);
        assertThat(q.correct()).startsWith("ACK seq ").endsWith(" ack 1001");
        assertThat(q.choices()).contains("nothing");
        assertThat(q.explanation()).contains("challenge ACK");
    }

    @Test void established_syn_getsAChallengeAck_andStaysEstablished() {
        assertThat(ask(Setup.ESTABLISHED, Event.SYN, StateQuestions.Ask.NEXT_STATE, 2).correct()).isEqualTo("ESTABLISHED");
        assertThat(ask(Setup.ESTABLISHED, Event.SYN, StateQuestions.Ask.REPLY, 2).correct()).startsWith("ACK seq ").endsWith(" ack 1001");
    }

    @Test void closedPort_syn_getsRstAckSeq0_ackIsnPlus1() {
        assertThat(ask(Setup.CLOSED_PORT, Event.SYN, StateQuestions.Ask.REPLY, 3).correct()).isEqualTo("RST+ACK seq 0 ack 1001");
        assertThat(ask(Setup.LISTEN, Event.ACK, StateQuestions.Ask.REPLY, 3).correct()).isEqualTo("RST seq 4242");
    }

    @Test void wrappedIsn_numbersInThePromptAreUnsigned() {
        Question q = StateQuestions.question(new StateQuestions.Case(Profile.LINUX, 7, Setup.ESTABLISHED, Event.DATA, StateQuestions.Ask.REPLY), new Random(4));
        assertThat(q.prompt()).contains("RCV.NXT 0.", "P. seq 0 ack ");
        assertThat(q.correct()).endsWith(" ack 100");
    }

    @Test void passiveSynReceived_rstReturnsToListen_otherStatesToClosed() {
        assertThat(ask(Setup.SYN_RECEIVED, Event.RST_EXACT, StateQuestions.Ask.NEXT_STATE, 5).correct()).isEqualTo("LISTEN");
        assertThat(ask(Setup.FIN_WAIT_1, Event.RST_EXACT, StateQuestions.Ask.NEXT_STATE, 5).correct()).isEqualTo("CLOSED");
    }

    @Test void profilesDiffer_rfcAnswersADuplicateSynWithAnAck_linuxResendsTheSynAck() {
        Question linux = ask(Setup.SYN_RECEIVED, Event.SYN, StateQuestions.Ask.REPLY, 6);
        Question rfc = StateQuestions.question(new StateQuestions.Case(Profile.RFC9293, 0, Setup.SYN_RECEIVED, Event.SYN, StateQuestions.Ask.REPLY), new Random(6));
        assertThat(linux.correct()).startsWith("SYN+ACK seq ");
        assertThat(rfc.correct()).startsWith("ACK seq ");
    }

    @Test void closeWithUnreadData_resets_andTheFinIsTheDistractor() {
        Question q = withChoices(Setup.UNREAD, Event.CLOSE, StateQuestions.Ask.REPLY);
        assertThat(q.correct()).startsWith("RST+ACK seq ").endsWith(" ack 1101");
        assertThat(q.choices()).anyMatch(c -> c.startsWith("FIN+ACK seq "));
        assertThat(q.explanation()).contains("Not a FIN");
        assertThat(ask(Setup.UNREAD, Event.CLOSE, StateQuestions.Ask.NEXT_STATE, 1).correct()).isEqualTo("CLOSED");
    }

    @Test void soLingerZero_abortsWithRst() {
        assertThat(ask(Setup.ESTABLISHED, Event.ABORT, StateQuestions.Ask.REPLY, 1).correct()).startsWith("RST+ACK seq ").endsWith(" ack 1001");
    }

    @Test void weights_favourTheClassicTraps() {
        assertThat(StateQuestions.weight(Setup.FIN_WAIT_1, Event.FIN_ACK)).isGreaterThan(StateQuestions.weight(Setup.FIN_WAIT_1, Event.ACK));
        assertThat(StateQuestions.weight(Setup.ESTABLISHED, Event.RST_IN_WINDOW)).isGreaterThan(1);
        assertThat(StateQuestions.weight(Setup.ESTABLISHED, Event.SYN)).isGreaterThan(1);
    }

    @Test void sameSeed_sameStateQuestions() {
        QuizMaker.Spec spec = new QuizMaker.Spec(List.of(Topic.STATES), 15, 99, Profile.RFC9293, List.of());
        assertThat(QuizMaker.make(spec)).isEqualTo(QuizMaker.make(spec));
    }
}
