package tcptutor.lab;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code tcptutor serve} runs: where it listens, its data directory (host key, progress.db, lab.log,
 * authorized_keys, passwords), the lesson folder, how learners authenticate, and its limits.
 */
public record LabConfig(String host, int port, Path dataDir, Path lessonsDir, Auth auth, int maxSessions,
                        Duration idleTimeout, int inputLinesPerSecond, int maxEventsPerCommand) {

    /** How a learner proves who they are; the SSH user name is the learner id in every mode. */
    public enum Auth {
        /** SSH "none" authentication: anyone, no questions (a closed lab network). */
        OPEN,
        /** A key from DATA/authorized_keys listed under the learner's id. */
        KEYS,
        /** A password checked against DATA/passwords (set with tcptutor passwd). */
        PASSWORDS
    }

    public static final int DEFAULT_PORT = 2222;
    public static final int DEFAULT_MAX_SESSIONS = 100;
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    public static final int DEFAULT_INPUT_RATE = 20;
    public static final int DEFAULT_MAX_EVENTS = 10_000;

    public LabConfig {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is not 0..65535");
        if (maxSessions < 1) throw new IllegalArgumentException("max sessions must be at least 1");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("the idle timeout must be positive");
        if (inputLinesPerSecond < 1) throw new IllegalArgumentException("the input rate must be at least 1 line a second");
        if (maxEventsPerCommand < 1) throw new IllegalArgumentException("the event cap must be at least 1");
    }

    /** 127.0.0.1:2222, open, 100 sessions, 30 minutes idle, 20 lines a second, 10000 events a command. */
    public static LabConfig defaults(Path dataDir) {
        return new LabConfig("127.0.0.1", DEFAULT_PORT, dataDir, null, Auth.OPEN, DEFAULT_MAX_SESSIONS, DEFAULT_IDLE,
                DEFAULT_INPUT_RATE, DEFAULT_MAX_EVENTS);
    }

    public LabConfig withListen(String h, int p) {
        return new LabConfig(h, p, dataDir, lessonsDir, auth, maxSessions, idleTimeout, inputLinesPerSecond, maxEventsPerCommand);
    }

    public LabConfig withAuth(Auth a) {
        return new LabConfig(host, port, dataDir, lessonsDir, a, maxSessions, idleTimeout, inputLinesPerSecond, maxEventsPerCommand);
    }

    public LabConfig withMaxSessions(int n) {
        return new LabConfig(host, port, dataDir, lessonsDir, auth, n, idleTimeout, inputLinesPerSecond, maxEventsPerCommand);
    }

    public LabConfig withIdleTimeout(Duration d) {
        return new LabConfig(host, port, dataDir, lessonsDir, auth, maxSessions, d, inputLinesPerSecond, maxEventsPerCommand);
    }

    public LabConfig withLessons(Path dir) {
        return new LabConfig(host, port, dataDir, dir, auth, maxSessions, idleTimeout, inputLinesPerSecond, maxEventsPerCommand);
    }

    public LabConfig withInputRate(int linesPerSecond) {
        return new LabConfig(host, port, dataDir, lessonsDir, auth, maxSessions, idleTimeout, linesPerSecond, maxEventsPerCommand);
    }

    public LabConfig withMaxEvents(int n) {
        return new LabConfig(host, port, dataDir, lessonsDir, auth, maxSessions, idleTimeout, inputLinesPerSecond, n);
    }
}
