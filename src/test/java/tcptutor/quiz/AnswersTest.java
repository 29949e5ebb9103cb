package tcptutor.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.tcp.State;

class AnswersTest {
    private static Question choice(List<String> choices, int right) {
        return new Question("t/1", Topic.STATES, "?", choices, new Key.Choice(right), "because", List.of(), () -> "x");
    }

    private static Question typed(Key key) {
        return new Question("t/2", Topic.SEQ, "?", List.of(), key, "because", List.of(), () -> "y");
    }

    @Test void choice_acceptsLetterInAnyCase_orTheChoiceText() {
        Question q = choice(List.of("CLOSING", "TIME-WAIT", "FIN-WAIT-2", "CLOSED"), 1);
        assertThat(Answers.isRight(q, "b")).isTrue();
        assertThat(Answers.isRight(q, " B) ")).isTrue();
        assertThat(Answers.isRight(q, "time-wait")).isTrue();
        assertThat(Answers.isRight(q, "a")).isFalse();
    }

    @Test void choiceOfStates_acceptsAnySpellingOfTheState() {
        Question q = choice(List.of("ESTABLISHED", "SYN-RECEIVED", "LISTEN"), 1);
        for (String s : List.of("SYN_RCVD", "SYN-RECEIVED", "SYN_RECV", "syn recv", "TCP_SYN_RECV")) {
            assertThat(Answers.isRight(q, s)).as(s).isTrue();
        }
        assertThat(Answers.isRight(q, "ESTAB")).isFalse();
    }

    @Test void choiceOfNumbers_acceptsTheNumberWithOrWithoutUnit() {
        Question q = choice(List.of("240 s", "60 s", "120 s"), 1);
        assertThat(Answers.isRight(q, "60")).isTrue();
        assertThat(Answers.isRight(q, "1 min")).isTrue();
        assertThat(Answers.isRight(q, "60000 ms")).isTrue();
        assertThat(Answers.isRight(q, "240")).isFalse();
    }

    @Test void choice_outOfRangeLetterOrUnknownText_isAProblemNamingTheRange() {
        Question q = choice(List.of("x", "y", "z"), 0);
        assertThat(Answers.problem(q, "d")).isEqualTo("a letter a-c or the text of a choice, got 'd'");
        assertThat(Answers.problem(q, "maybe")).startsWith("a letter a-c");
        assertThat(Answers.problem(q, "c")).isNull();
    }

    @Test void choiceOfFlags_acceptsAnyOrderAndTcpdumpLetters() {
        Question q = choice(List.of("ACK", "SYN+ACK", "FIN+PSH+ACK", "RST"), 1);
        for (String s : List.of("SYN+ACK", "ack+syn", "SYN, ACK", "syn ack", "S.")) assertThat(Answers.isRight(q, s)).as(s).isTrue();
        assertThat(Answers.isRight(q, "S")).isFalse();
        Question f = choice(List.of("ACK", "SYN+ACK", "FIN+PSH+ACK", "RST"), 2);
        assertThat(Answers.isRight(f, "FP.")).isTrue();
        assertThat(Answers.isRight(f, "PSH FIN ACK")).isTrue();
        assertThat(Answers.choice("R", f.choices())).isEqualTo(3);
    }

    @Test void numbers_readSeparatorsHexAndUnits() {
        assertThat(Answers.number("4,294,967,295").getAsDouble()).isEqualTo(4294967295.0);
        assertThat(Answers.number("1_000").getAsDouble()).isEqualTo(1000);
        assertThat(Answers.number("0x10").getAsDouble()).isEqualTo(16);
        assertThat(Answers.number("7875s").getAsDouble()).isEqualTo(7875);
        assertThat(Answers.number("2 h").getAsDouble()).isEqualTo(7200);
        assertThat(Answers.number("500 ms").getAsDouble()).isEqualTo(0.5);
        assertThat(Answers.number("soon")).isEmpty();
    }

    @Test void exactNumber_doesNotAcceptTheUnwrappedValue() {
        Question q = typed(Key.Number.exact(6));
        assertThat(Answers.isRight(q, "6")).isTrue();
        assertThat(Answers.isRight(q, "4294967302")).isFalse();
        assertThat(Answers.problem(q, "six")).isEqualTo("a number, got 'six'");
    }

    @Test void seconds_rightWithinAMillisecond() {
        Question q = typed(Key.Number.seconds(19.6));
        assertThat(Answers.isRight(q, "19.6")).isTrue();
        assertThat(Answers.isRight(q, "19600 ms")).isTrue();
        assertThat(Answers.isRight(q, "20")).isFalse();
        assertThat(q.correct()).isEqualTo("19.6 s");
    }

    @Test void stateName_acceptsLinuxAndSsNames_andRejectsNonStates() {
        Question q = typed(new Key.StateName(State.TIME_WAIT));
        assertThat(Answers.isRight(q, "TIME_WAIT")).isTrue();
        assertThat(Answers.isRight(q, "time wait")).isTrue();
        assertThat(Answers.isRight(q, "CLOSING")).isFalse();
        assertThat(Answers.problem(q, "WAITING")).startsWith("a TCP state name");
    }

    @Test void skipAndEmpty_skipIsWrongButReadable_emptyIsAProblem() {
        Question q = typed(new Key.StateName(State.CLOSED));
        assertThat(Answers.problem(q, "-")).isNull();
        assertThat(Answers.isRight(q, "-")).isFalse();
        assertThat(Answers.problem(q, "  ")).startsWith("an answer, got an empty line");
    }

    @Test void text_ignoresCaseAndPunctuation() {
        Question q = typed(new Key.Text(List.of("challenge ACK", "an ACK")));
        assertThat(Answers.isRight(q, "Challenge-ACK!")).isTrue();
        assertThat(Answers.isRight(q, "an ack")).isTrue();
        assertThat(Answers.isRight(q, "RST")).isFalse();
    }

    @Test void formatNumber_dropsUselessDecimals() {
        assertThat(Answers.formatNumber(60.0)).isEqualTo("60");
        assertThat(Answers.formatNumber(19.6)).isEqualTo("19.6");
        assertThat(Answers.formatNumber(4294967295.0)).isEqualTo("4294967295");
    }
}
