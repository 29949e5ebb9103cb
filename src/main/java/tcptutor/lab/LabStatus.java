package tcptutor.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot for the status line: authenticated connections, tutor sessions (text UI / REPL; one per learner, so
 * also the learners present) and the lessons in progress with how many learners are in each.
 */
public record LabStatus(int connections, int sessions, int textUi, int repl, Map<String, Integer> lessons, Duration uptime) {
    public LabStatus {
        lessons = Map.copyOf(lessons);
    }

    public int learnersInLessons() {
        int n = 0;
        for (int v : lessons.values()) n += v;
        return n;
    }

    /** One line, e.g. "12 sessions (3 text UI, 9 REPL), 12 learners, 5 in lessons (close 2, handshake 3), up 1h02m". */
    public String line() {
        List<String> ls = new ArrayList<>();
        for (Map.Entry<String, Integer> e : new TreeMap<>(lessons).entrySet()) ls.add(e.getKey() + " " + e.getValue());
        long m = uptime.toMinutes();
        return sessions + " sessions (" + textUi + " text UI, " + repl + " REPL), " + sessions + " learners, "
                + learnersInLessons() + " in lessons" + (ls.isEmpty() ? "" : " (" + String.join(", ", ls) + ")")
                + ", " + connections + " connections, up " + (m / 60) + "h" + String.format("%02d", m % 60) + "m";
    }
}
