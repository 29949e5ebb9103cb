package tcptutor.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.tcp.Profile;
import tcptutor.tcp.State;

class ReportTest {
    private static Question q(String id, Topic t, Key k, List<String> choices) {
        return new Question(id, t, "Say \"hi\"\n\tnow \\ é \u0001", choices, k, "rule", List.of(), () -> id);
    }

    private final Question a = q("states/a", Topic.STATES, new Key.StateName(State.TIME_WAIT), List.of());
    private final Question b = q("seq/b", Topic.SEQ, new Key.Choice(0), List.of("1001", "1000"));
    private final Question c = q("seq/c", Topic.SEQ, Key.Number.exact(5), List.of());

    private Report report(String... given) {
        QuizSession s = new QuizSession(new Quiz(7, Profile.LINUX, List.of(a, b, c)));
        for (String g : given) s.answer(g);
        return s.report();
    }

    @Test void score_perTopic_andWeakestTopicWithItsLessons() {
        Report r = report("TIME_WAIT", "b", "5");
        assertThat(r.score()).isEqualTo(2);
        assertThat(r.byTopic()).containsExactly(new Report.TopicScore(Topic.STATES, 1, 1), new Report.TopicScore(Topic.SEQ, 1, 2));
        assertThat(r.weakest()).isEqualTo(Topic.SEQ);
        assertThat(r.revisit()).isEqualTo(Topic.SEQ.revisit());
        assertThat(r.text()).contains("Score: 2/3 (67%)", "2. seq/b: you answered 'b'; answer 1001", "Weakest topic: seq");
    }

    @Test void allRight_hasNoWeakestTopic() {
        Report r = report("time-wait", "a", "5");
        assertThat(r.weakest()).isNull();
        assertThat(r.revisit()).isEmpty();
        assertThat(r.text()).contains("All right.");
    }

    @Test void unanswered_countAsMissed() {
        Report r = report("CLOSING");
        assertThat(r.score()).isZero();
        assertThat(r.total()).isEqualTo(3);
        assertThat(r.text()).contains("3. seq/c: not answered; answer 5");
        assertThat(r.json()).contains("\"given\": null, \"right\": false");
    }

    @Test void json_isOneObjectWithEscapedStrings_andCorrectAnswersThatGradeRight() {
        String j = report("TIME_WAIT", "b", "5").json();
        assertThat(j).startsWith("{\"seed\": 7, \"profile\": \"linux\", \"score\": 2, \"total\": 3, \"questions\": [{\"id\": \"states/a\"");
        assertThat(j).contains("\"prompt\": \"Say \\\"hi\\\"\\n\\tnow \\\\ é \\u0001\"");
        assertThat(j).contains("\"choices\": [\"1001\", \"1000\"], \"correct\": \"1001\", \"given\": \"b\", \"right\": false");
        assertThat(j).contains("\"correct\": \"TIME-WAIT\"");
        assertThat(j).endsWith("\"weakest\": \"seq\", \"revisit\": " + Json.strs(Topic.SEQ.revisit()) + "}");
        assertThat(j.lines().count()).isEqualTo(1);
        for (Question x : List.of(a, b, c)) assertThat(Answers.isRight(x, x.correct())).isTrue();
    }
}
