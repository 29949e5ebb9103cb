package tcptutor.progress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a teacher reads: per learner the lessons completed, quiz scores and when last seen; per lesson how many
 * started and finished it and the questions most often missed; per quiz topic the questions most often missed.
 */
public record Gradebook(List<LearnerRow> learners, List<LessonRow> lessons, List<Missed> quizMisses) {
    /** How many missed questions each lesson (and the quiz list) shows. */
    public static final int MOST_MISSED = 3;

    public record LearnerRow(String id, Instant firstSeen, Instant lastSeen, List<String> lessonsCompleted,
                             List<String> lessonsInProgress, int stepsDone, int solutionsShown, List<QuizScore> quizzes) {
        public QuizScore bestQuiz() {
            QuizScore best = null;
            for (QuizScore q : quizzes) if (best == null || q.fraction() > best.fraction()) best = q;
            return best;
        }

        public QuizScore lastQuiz() { return quizzes.isEmpty() ? null : quizzes.get(quizzes.size() - 1); }
    }

    public record QuizScore(String topic, String profile, long seed, int score, int total, Instant at) {
        public double fraction() { return total == 0 ? 0 : (double) score / total; }

        @Override public String toString() { return score + "/" + total + " " + topic; }
    }

    public record LessonRow(String lesson, int started, int completed, List<Missed> mostMissed) {
        /** Completed over started, 0 to 1. */
        public double completionRate() { return started == 0 ? 0 : (double) completed / started; }
    }

    /** A question (lesson question, or quiz question id with its topic in {@code where}) and how often it was missed. */
    public record Missed(String where, String question, int wrong, int asked, String prompt) {}

    public static Gradebook read(ProgressStore store) {
        return store.query("read the gradebook", db -> new Gradebook(learners(db), lessons(db), quizMisses(db)));
    }

    private static List<LearnerRow> learners(Connection db) throws SQLException {
        Map<String, List<String>> completed = new LinkedHashMap<>();
        Map<String, List<String>> inProgress = new LinkedHashMap<>();
        try (ResultSet rs = query(db, "SELECT learner, lesson, completed_at IS NOT NULL FROM lesson ORDER BY started_at, rowid")) {
            while (rs.next()) {
                (rs.getInt(3) != 0 ? completed : inProgress).computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<String, int[]> steps = new LinkedHashMap<>();
        try (ResultSet rs = query(db, "SELECT learner, sum(status = 'done'), sum(solution_shown) FROM step GROUP BY learner")) {
            while (rs.next()) steps.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3)});
        }
        Map<String, List<QuizScore>> quizzes = new LinkedHashMap<>();
        try (ResultSet rs = query(db, "SELECT learner, topic, profile, seed, score, total, at FROM quiz ORDER BY at, id")) {
            while (rs.next()) {
                quizzes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new QuizScore(rs.getString(2),
                        rs.getString(3), rs.getLong(4), rs.getInt(5), rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7))));
            }
        }
        List<LearnerRow> out = new ArrayList<>();
        try (ResultSet rs = query(db, "SELECT id, first_seen, last_seen FROM learner ORDER BY id")) {
            while (rs.next()) {
                String id = rs.getString(1);
                int[] s = steps.getOrDefault(id, new int[2]);
                out.add(new LearnerRow(id, Instant.ofEpochMilli(rs.getLong(2)), Instant.ofEpochMilli(rs.getLong(3)),
                        List.copyOf(completed.getOrDefault(id, List.of())), List.copyOf(inProgress.getOrDefault(id, List.of())),
                        s[0], s[1], List.copyOf(quizzes.getOrDefault(id, List.of()))));
            }
        }
        return out;
    }

    private static List<LessonRow> lessons(Connection db) throws SQLException {
        Map<String, List<Missed>> missed = new LinkedHashMap<>();
        try (ResultSet rs = query(db, """
                SELECT lesson, question, sum(correct = 0) AS wrong, count(*) FROM answer
                GROUP BY lesson, question HAVING wrong > 0 ORDER BY lesson, wrong DESC, question""")) {
            while (rs.next()) {
                List<Missed> l = missed.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                if (l.size() < MOST_MISSED) l.add(new Missed(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), ""));
            }
        }
        List<LessonRow> out = new ArrayList<>();
        try (ResultSet rs = query(db, "SELECT lesson, count(*), count(completed_at) FROM lesson GROUP BY lesson ORDER BY lesson")) {
            while (rs.next()) {
                out.add(new LessonRow(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        List.copyOf(missed.getOrDefault(rs.getString(1), List.of()))));
            }
        }
        return out;
    }

    private static List<Missed> quizMisses(Connection db) throws SQLException {
        List<Missed> out = new ArrayList<>();
        try (ResultSet rs = query(db, """
                SELECT topic, question, sum(right = 0) AS wrong, count(*), min(prompt) FROM quiz_answer
                GROUP BY topic, question HAVING wrong > 0 ORDER BY wrong DESC, topic, question LIMIT 10""")) {
            while (rs.next()) out.add(new Missed(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5)));
        }
        return out;
    }

    private static ResultSet query(Connection db, String sql) throws SQLException {
        PreparedStatement p = db.prepareStatement(sql);
        p.closeOnCompletion();
        return p.executeQuery();
    }
}
