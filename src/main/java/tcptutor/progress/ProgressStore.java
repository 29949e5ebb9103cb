package tcptutor.progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each learner has done, in one SQLite file ({@code progress.db}) in a data directory: learners, lesson steps
 * and answers, quiz attempts with every answer, session journals and a little resume state.
 *
 * <p>Durability: the database runs in WAL mode with {@code synchronous=NORMAL}. Every public write is one
 * transaction; when the method returns, its WAL frames have been handed to the kernel with write(2), so a
 * {@code kill -9} of this process at any moment keeps every returned write and never tears one (SQLite recovers
 * the WAL on the next open). NORMAL skips the fsync per commit, so only an OS crash or power loss can lose the last
 * few commits (still never corrupting the file); FULL would fsync every command of every learner for no gain
 * against the failure the lab cares about (a killed or crashed server).
 *
 * <p>Thread-safe: one connection, every method synchronized (SQLite has one writer anyway). Several processes may
 * open the same file (the lab server and {@code tcptutor report}); a writer waits up to 5 s for another's lock.
 * Timestamps are milliseconds from the injected clock.
 */
public final class ProgressStore implements AutoCloseable {
    /** The file name inside the data directory. */
    public static final String FILE = "progress.db";
    /** The journal name used when a caller does not name one: the lab's per-learner session. */
    public static final String SESSION_JOURNAL = "session";

    private static final int SCHEMA_VERSION = 1;
    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS learner (
          id TEXT PRIMARY KEY, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS lesson (
          learner TEXT NOT NULL, lesson TEXT NOT NULL,
          started_at INTEGER NOT NULL, completed_at INTEGER, last_at INTEGER NOT NULL,
          PRIMARY KEY (learner, lesson))""",
        """
        CREATE TABLE IF NOT EXISTS step (
          learner TEXT NOT NULL, lesson TEXT NOT NULL, step TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('done', 'shown-solution')),
          solution_shown INTEGER NOT NULL, first_at INTEGER NOT NULL, last_at INTEGER NOT NULL,
          PRIMARY KEY (learner, lesson, step))""",
        """
        CREATE TABLE IF NOT EXISTS answer (
          id INTEGER PRIMARY KEY, learner TEXT NOT NULL, lesson TEXT NOT NULL, question TEXT NOT NULL,
          given TEXT NOT NULL, correct INTEGER NOT NULL, at INTEGER NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS answer_by_question ON answer (lesson, question)",
        """
        CREATE TABLE IF NOT EXISTS quiz (
          id INTEGER PRIMARY KEY, learner TEXT NOT NULL, seed INTEGER NOT NULL, profile TEXT NOT NULL,
          topic TEXT NOT NULL, score INTEGER NOT NULL, total INTEGER NOT NULL, at INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS quiz_answer (
          quiz INTEGER NOT NULL REFERENCES quiz (id), n INTEGER NOT NULL, question TEXT NOT NULL,
          topic TEXT NOT NULL, prompt TEXT NOT NULL, correct TEXT NOT NULL, given TEXT NOT NULL,
          right INTEGER NOT NULL, PRIMARY KEY (quiz, n))""",
        """
        CREATE TABLE IF NOT EXISTS journal (
          learner TEXT NOT NULL, name TEXT NOT NULL, n INTEGER NOT NULL, line TEXT NOT NULL,
          PRIMARY KEY (learner, name, n)) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS state (
          learner TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
          PRIMARY KEY (learner, key)) WITHOUT ROWID""",
    };

    private final Path file;
    private final Clock clock;
    private final Connection db;

    private ProgressStore(Path file, Clock clock, Connection db) {
        this.file = file;
        this.clock = clock;
        this.db = db;
    }

    /** Opens (creating when missing) {@code progress.db} in {@code dataDir}, with the system clock. */
    public static ProgressStore open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    public static ProgressStore open(Path dataDir, Clock clock) {
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
                c.setAutoCommit(false);
                for (String ddl : SCHEMA) s.execute(ddl);
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                c.commit();
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            return new ProgressStore(file, clock, c);
        } catch (SQLException | java.io.IOException e) {
            throw StoreException.of(file, "cannot open", e);
        }
    }

    /** {@code $XDG_DATA_HOME/tcptutor}, or {@code ~/.local/share/tcptutor} when XDG_DATA_HOME is unset. */
    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("tcptutor");
    }

    public Path file() { return file; }

    // ---- writes: each one transaction, each also marks the learner as seen now ----

    /** Marks the learner as seen now, creating them on first sight. */
    public synchronized void touch(String learner) {
        write("touch", () -> touchLearner(learner, now()));
    }

    /**
     * Records a completed step (and starts the lesson for the learner if needed). Once DONE a step stays DONE;
     * SHOWN_SOLUTION sets {@link StepRecord#solutionShown()} for good.
     */
    public synchronized void recordStep(String learner, String lesson, String step, StepStatus status) {
        write("record step", () -> {
            long now = now();
            touchLearner(learner, now);
            startLesson(learner, lesson, now);
            exec("""
                 INSERT INTO step (learner, lesson, step, status, solution_shown, first_at, last_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (learner, lesson, step) DO UPDATE SET
                   status = CASE WHEN step.status = 'done' THEN 'done' ELSE excluded.status END,
                   solution_shown = max(step.solution_shown, excluded.solution_shown),
                   last_at = excluded.last_at""",
                    learner, lesson, step, status.text(), status == StepStatus.SHOWN_SOLUTION ? 1 : 0, now, now);
        });
    }

    /** Records that the learner entered the lesson (the gradebook counts it as started); nothing if already started. */
    public synchronized void recordLessonStarted(String learner, String lesson) {
        write("record lesson started", () -> {
            long now = now();
            touchLearner(learner, now);
            startLesson(learner, lesson, now);
        });
    }

    /** Records the lesson's end (the lesson engine calls this when the learner passes its last step). */
    public synchronized void recordLessonCompleted(String learner, String lesson) {
        write("record lesson completed", () -> {
            long now = now();
            touchLearner(learner, now);
            startLesson(learner, lesson, now);
            exec("UPDATE lesson SET completed_at = coalesce(completed_at, ?), last_at = ? WHERE learner = ? AND lesson = ?",
                    now, now, learner, lesson);
        });
    }

    /** Records one answer to a lesson question (every attempt is kept: the report counts misses). */
    public synchronized void recordAnswer(String learner, String lesson, String question, String given, boolean right) {
        write("record answer", () -> {
            long now = now();
            touchLearner(learner, now);
            startLesson(learner, lesson, now);
            exec("INSERT INTO answer (learner, lesson, question, given, correct, at) VALUES (?, ?, ?, ?, ?, ?)",
                    learner, lesson, question, given == null ? "" : given, right ? 1 : 0, now);
        });
    }

    /** Records a finished quiz with every answer; returns its id. */
    public synchronized long recordQuiz(String learner, QuizAttempt quiz) {
        long[] id = new long[1];
        write("record quiz", () -> {
            long now = now();
            touchLearner(learner, now);
            exec("INSERT INTO quiz (learner, seed, profile, topic, score, total, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    learner, quiz.seed(), quiz.profile(), quiz.topic(), quiz.score(), quiz.total(), now);
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                id[0] = rs.getLong(1);
            }
            int n = 0;
            for (QuizAnswer a : quiz.answers()) {
                exec("INSERT INTO quiz_answer (quiz, n, question, topic, prompt, correct, given, right) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        id[0], n++, a.questionId(), a.topic(), a.prompt(), a.correct(), a.given(), a.right() ? 1 : 0);
            }
        });
        return id[0];
    }

    /** Appends one line to the learner's named journal (one transaction: the line is stored when this returns). */
    public synchronized void appendJournal(String learner, String name, String line) {
        write("append journal", () -> {
            touchLearner(learner, now());
            exec("""
                 INSERT INTO journal (learner, name, n, line)
                 SELECT ?, ?, coalesce(max(n) + 1, 0), ? FROM journal WHERE learner = ? AND name = ?""",
                    learner, name, line, learner, name);
        });
    }

    public void appendJournal(String learner, String line) { appendJournal(learner, SESSION_JOURNAL, line); }

    /** Replaces the learner's named journal with {@code lines}, atomically. */
    public synchronized void saveJournal(String learner, String name, List<String> lines) {
        write("save journal", () -> {
            touchLearner(learner, now());
            exec("DELETE FROM journal WHERE learner = ? AND name = ?", learner, name);
            try (PreparedStatement p = db.prepareStatement("INSERT INTO journal (learner, name, n, line) VALUES (?, ?, ?, ?)")) {
                int n = 0;
                for (String line : lines) {
                    p.setString(1, learner);
                    p.setString(2, name);
                    p.setInt(3, n++);
                    p.setString(4, line);
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
    }

    public void saveJournal(String learner, List<String> lines) { saveJournal(learner, SESSION_JOURNAL, lines); }

    /** Sets (or with a null value removes) one piece of the learner's resume state, e.g. the current lesson. */
    public synchronized void putState(String learner, String key, String value) {
        write("put state", () -> {
            touchLearner(learner, now());
            if (value == null) exec("DELETE FROM state WHERE learner = ? AND key = ?", learner, key);
            else exec("INSERT INTO state (learner, key, value) VALUES (?, ?, ?) ON CONFLICT (learner, key) DO UPDATE SET value = excluded.value",
                    learner, key, value);
        });
    }

    // ---- reads ----

    public synchronized List<String> loadJournal(String learner, String name) {
        return read("load journal", () -> strings("SELECT line FROM journal WHERE learner = ? AND name = ? ORDER BY n", learner, name));
    }

    public List<String> loadJournal(String learner) { return loadJournal(learner, SESSION_JOURNAL); }

    public synchronized Optional<String> state(String learner, String key) {
        return read("read state", () -> strings("SELECT value FROM state WHERE learner = ? AND key = ?", learner, key))
                .stream().findFirst();
    }

    /** Every lesson the learner started, by lesson id in the order started, with its completed steps. */
    public synchronized Map<String, LessonProgress> lessonStatus(String learner) {
        return read("read lesson status", () -> {
            Map<String, List<StepRecord>> steps = new LinkedHashMap<>();
            try (PreparedStatement p = prepare("""
                    SELECT lesson, step, status, solution_shown, first_at, last_at FROM step
                    WHERE learner = ? ORDER BY first_at, rowid""", learner); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    steps.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new StepRecord(rs.getString(1),
                            rs.getString(2), StepStatus.parse(rs.getString(3)), rs.getInt(4) != 0,
                            Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
            Map<String, LessonProgress> out = new LinkedHashMap<>();
            try (PreparedStatement p = prepare("""
                    SELECT lesson, started_at, completed_at, last_at FROM lesson
                    WHERE learner = ? ORDER BY started_at, rowid""", learner); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String lesson = rs.getString(1);
                    long done = rs.getLong(3);
                    Instant completed = rs.wasNull() ? null : Instant.ofEpochMilli(done);
                    out.put(lesson, new LessonProgress(lesson, steps.getOrDefault(lesson, List.of()),
                            Instant.ofEpochMilli(rs.getLong(2)), completed, Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return out;
        });
    }

    /** Every answer the learner gave in the lesson, oldest first. */
    public synchronized List<AnswerRecord> lessonAnswers(String learner, String lesson) {
        return read("read answers", () -> {
            List<AnswerRecord> out = new ArrayList<>();
            try (PreparedStatement p = prepare("SELECT question, given, correct, at FROM answer WHERE learner = ? AND lesson = ? ORDER BY id",
                    learner, lesson); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new AnswerRecord(lesson, rs.getString(1), rs.getString(2), rs.getInt(3) != 0,
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return out;
        });
    }

    /** The learner's quiz attempts, oldest first, with every answer. */
    public synchronized List<QuizAttempt> quizzes(String learner) {
        return read("read quizzes", () -> {
            record Head(long id, long seed, String profile, String topic, int score, int total, long at) {}
            List<Head> heads = new ArrayList<>();
            try (PreparedStatement p = prepare("SELECT id, seed, profile, topic, score, total, at FROM quiz WHERE learner = ? ORDER BY at, id",
                    learner); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    heads.add(new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getInt(6), rs.getLong(7)));
                }
            }
            List<QuizAttempt> out = new ArrayList<>();
            for (Head h : heads) {
                List<QuizAnswer> answers = new ArrayList<>();
                try (PreparedStatement p = prepare("SELECT question, topic, prompt, correct, given, right FROM quiz_answer WHERE quiz = ? ORDER BY n",
                        h.id()); ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        answers.add(new QuizAnswer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6) != 0));
                    }
                }
                out.add(new QuizAttempt(h.seed(), h.profile(), h.topic(), h.score(), h.total(), answers,
                        Instant.ofEpochMilli(h.at())));
            }
            return out;
        });
    }

    /** When the learner was last seen, or empty for a learner never seen. */
    public synchronized Optional<Instant> lastSeen(String learner) {
        return read("read learner", () -> strings("SELECT last_seen FROM learner WHERE id = ?", learner)).stream()
                .findFirst().map(s -> Instant.ofEpochMilli(Long.parseLong(s)));
    }

    /** Runs a read-only query for the gradebook, under this store's lock. */
    synchronized <T> T query(String what, SqlWork<T> work) {
        return read(what, () -> work.run(db));
    }

    @Override public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw StoreException.of(file, "cannot close", e);
        }
    }

    // ---- plumbing ----

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection db) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlRead<T> {
        T run() throws SQLException;
    }

    private long now() { return clock.millis(); }

    private void write(String what, SqlAction action) {
        try {
            action.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; the original error says why
            }
            throw StoreException.of(file, "cannot " + what, e);
        }
    }

    private <T> T read(String what, SqlRead<T> action) {
        try {
            T out = action.run();
            db.commit(); // ends the read transaction so the WAL can be checkpointed
            return out;
        } catch (SQLException e) {
            throw StoreException.of(file, "cannot " + what, e);
        }
    }

    private void touchLearner(String learner, long now) throws SQLException {
        exec("INSERT INTO learner (id, first_seen, last_seen) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen",
                learner, now, now);
    }

    private void startLesson(String learner, String lesson, long now) throws SQLException {
        exec("INSERT INTO lesson (learner, lesson, started_at, last_at) VALUES (?, ?, ?, ?) ON CONFLICT (learner, lesson) DO UPDATE SET last_at = excluded.last_at",
                learner, lesson, now, now);
    }

    private void exec(String sql, Object... args) throws SQLException {
        try (PreparedStatement p = prepare(sql, args)) {
            p.executeUpdate();
        }
    }

    private List<String> strings(String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = prepare(sql, args); ResultSet rs = p.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement p = db.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
        return p;
    }
}
