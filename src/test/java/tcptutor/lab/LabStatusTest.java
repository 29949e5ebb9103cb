package tcptutor.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabStatusTest {
    @Test
    void line_countsSessionsLearnersAndLessonsInProgress() {
        LabStatus s = new LabStatus(13, 12, 3, 9, Map.of("handshake", 3, "close", 2), Duration.ofMinutes(62));
        assertThat(s.line()).isEqualTo("12 sessions (3 text UI, 9 REPL), 12 learners, 5 in lessons (close 2, handshake 3),"
                + " 13 connections, up 1h02m");
    }

    @Test
    void line_withNobody() {
        assertThat(new LabStatus(0, 0, 0, 0, Map.of(), Duration.ZERO).line())
                .isEqualTo("0 sessions (0 text UI, 0 REPL), 0 learners, 0 in lessons, 0 connections, up 0h00m");
    }

    @Test
    void human_durations() {
        assertThat(LabServer.human(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(LabServer.human(Duration.ofMinutes(30))).isEqualTo("30 min");
        assertThat(LabServer.human(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(LabServer.human(Duration.ofHours(2))).isEqualTo("2 h");
    }
}
