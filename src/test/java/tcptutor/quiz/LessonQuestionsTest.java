package tcptutor.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonQuestionsTest {
    private final AnswerSheet.Authored authored = AnswerSheet.authored(Path.of("lessons"));

    @Test void curriculum_loads_andEveryQuestionsStatedAnswerIsGradedRight_otherChoicesWrong() {
        assertThat(authored.error()).isNull();
        assertThat(authored.questions()).hasSizeGreaterThan(20);
        for (Question q : authored.questions()) {
            assertThat(q.id()).startsWith("lesson/");
            assertThat(q.scenario()).isInstanceOf(LessonStep.class);
            assertThat(Answers.problem(q, q.correct())).as(q.id()).isNull();
            assertThat(Answers.isRight(q, q.correct())).as(q.id() + " " + q.correct()).isTrue();
            for (String ch : q.choices()) if (!ch.equals(q.correct())) assertThat(Answers.isRight(q, ch)).as(q.id() + " " + ch).isFalse();
        }
    }

    @Test void missedLessonQuestions_nameTheirLessonsToRevisit() {
        Question q = authored.questions().get(0);
        QuizSession s = new QuizSession(new Quiz(1, tcptutor.tcp.Profile.LINUX, List.of(q)));
        s.answer("-");
        assertThat(s.report().weakest()).isEqualTo(Topic.LESSON);
        assertThat(s.report().revisit()).containsExactly(((LessonStep) q.scenario()).lesson());
    }

    @Test void unreadableAnswer_isAProblemInTheLessonsOwnWords() {
        Question number = authored.questions().stream().filter(q -> q.key() instanceof Key.Authored a
                && a.question().kind() == tcptutor.lesson.Question.Kind.NUMBER).findFirst().orElseThrow();
        assertThat(Answers.problem(number, "lots")).startsWith("a number").endsWith("got 'lots'");
    }
}
