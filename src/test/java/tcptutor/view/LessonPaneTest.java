package tcptutor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LessonPaneTest {
    @Test void step_isWrappedByDisplayWidth_withStepKOfN_andHints() {
        LessonPage p = new LessonPage("handshake", "三次握手", 2, 5, "服务器收到SYN后回复SYN-ACK，并进入SYN-RECEIVED状态。",
                List.of("ack = 对方的ISN + 1"), List.of("expected ACK with ack=1, you sent ack=0"), "done: type next");
        List<StyledLine> lines = LessonPane.render(p, 16);
        assertThat(lines.get(0).text()).isEqualTo("三次握手  (step");
        assertThat(lines.get(1).text()).isEqualTo("2 of 5)");
        for (StyledLine l : lines) assertThat(Columns.width(l.text())).as(l.text()).isLessThanOrEqualTo(16);
        assertThat(lines).extracting(StyledLine::text).contains("done: type next", "expected ACK", "with ack=1, you", "sent ack=0");
        assertThat(lines.stream().map(StyledLine::text).anyMatch(t -> t.startsWith("Hint 1:"))).isTrue();
    }

    @Test void welcome_listsTheLessons() {
        List<StyledLine> lines = LessonPane.welcome(List.of(
                new LessonPage.Entry("handshake", "The three-way handshake", "beginner", "done"),
                new LessonPage.Entry("close", "The four-way close", "beginner", "")), 60);
        assertThat(lines).extracting(StyledLine::text).contains(
                " handshake  The three-way handshake (beginner)  [done]",
                " close      The four-way close (beginner)");
    }
}
