package tcptutor.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a child JVM in the middle of writing (kill -9) and checks the store: nothing returned is lost, nothing torn. */
class ProgressCrashTest {
    @TempDir Path dir;

    @Test
    void killDashNine_midWrite_keepsEveryReturnedWrite_andTearsNothing() throws Exception {
        int next = 0;
        int reportedRounds = 0;
        java.util.Set<String> reportedSteps = new java.util.HashSet<>();
        int[] killAfter = {40, 7, 23, 1};
        for (int count : killAfter) {
            int lastReported = runAndKill(next, count);
            for (int i = lastReported - count + 1; i <= lastReported; i++) reportedSteps.add("step-" + i);
            reportedRounds += count;
            next = checkConsistent(lastReported, reportedRounds, reportedSteps);
        }
    }

    /** Starts the writer at round {@code from}, kills it after it reported {@code count} rounds; returns the last reported. */
    private int runAndKill(int from, int count) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dir.toString(), Integer.toString(from))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int last = from - 1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < count; i++) {
                String line = r.readLine();
                assertThat(line).as("the writer stopped early").isNotNull();
                last = Integer.parseInt(line.strip());
            }
            p.destroyForcibly(); // SIGKILL while it is in the middle of the next round's writes
            p.waitFor();
        }
        return last;
    }

    /** Checks the file after a kill; returns the round the next writer should start at. */
    private int checkConsistent(int lastReported, int reportedRounds, java.util.Set<String> reportedSteps) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(ProgressStore.FILE))) {
            assertThat(one(c, "PRAGMA integrity_check")).isEqualTo("ok");
            // every quiz has all its five answers: a quiz is one transaction
            assertThat(one(c, "SELECT count(*) FROM quiz q WHERE (SELECT count(*) FROM quiz_answer a WHERE a.quiz = q.id) <> 5")).isEqualTo("0");
        }
        try (ProgressStore s = ProgressStore.open(dir)) {
            List<String> journal = s.loadJournal("w");
            int rounds = journal.size();
            assertThat(rounds).as("every reported round's journal line survived").isGreaterThanOrEqualTo(lastReported + 1);
            for (int i = 0; i < rounds; i++) assertThat(journal.get(i)).isEqualTo("line " + i);
            assertThat(s.lessonStatus("w").get("lesson").steps()).extracting(StepRecord::step)
                    .as("every reported round's step survived").containsAll(reportedSteps);
            List<String> big = s.loadJournal("w", "big");
            assertThat(big.size()).as("every reported whole-journal save survived").isBetween(reportedRounds, rounds);
            for (int i = 0; i < big.size(); i++) assertThat(big.get(i)).isEqualTo("big " + i);
            return rounds;
        }
    }

    private static String one(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
