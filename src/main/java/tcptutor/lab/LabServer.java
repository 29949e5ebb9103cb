package tcptutor.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.AsyncAuthException;
import org.apache.sshd.server.auth.UserAuthNoneFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.ForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerUserAuthServiceFactory;
import tcptutor.progress.ProgressStore;

/**
 * The lab: an SSH server where every learner (the SSH user name) gets their own tutor on a shell channel, the
 * text UI with a PTY and the line REPL without, with progress kept in {@code DATA/progress.db}. Nothing else is
 * offered: exec, subsystems and forwarding are refused with a message. One live session per learner: connecting
 * again takes over (the old channel is told and closed, then the new one resumes from the stored journal).
 */
public final class LabServer implements AutoCloseable {
    public static final String HOST_KEY = "host_key";

    private static final AttributeKey<List<String>> NOTICES = new AttributeKey<>();
    private static final AttributeKey<Boolean> COUNTED = new AttributeKey<>();
    private static final AttributeKey<Boolean> TURNED_AWAY = new AttributeKey<>();

    private final LabConfig config;
    private final TutorApp ptyApp;
    private final TutorApp lineApp;
    private final Clock clock;
    private final Map<String, LabShell> live = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final long startedNanos = System.nanoTime();
    private SshServer sshd;
    private ProgressStore store;
    private LabLog log;
    private LearnerKeys keys;
    private ScheduledExecutorService timer;
    private ExecutorService hashing;
    private String hostKeyLine;
    private String fingerprint;

    public LabServer(LabConfig config, TutorApp ptyApp, TutorApp lineApp) {
        this(config, ptyApp, lineApp, Clock.systemUTC());
    }

    public LabServer(LabConfig config, TutorApp ptyApp, TutorApp lineApp, Clock clock) {
        this.config = config;
        this.ptyApp = ptyApp;
        this.lineApp = lineApp;
        this.clock = clock;
    }

    /** Creates the data directory, the host key (first start), the store and the log; binds; returns when listening. */
    public void start() throws IOException {
        Path data = config.dataDir();
        Files.createDirectories(data);
        log = new LabLog(data.resolve(LabLog.FILE), clock);
        store = ProgressStore.open(data, clock);

        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(data.resolve(HOST_KEY));
        hostKeys.setAlgorithm(SecurityUtils.EDDSA);
        KeyPair hostKey = hostKeys.loadKeys(null).iterator().next();
        PublicKey pub = hostKey.getPublic();
        fingerprint = KeyUtils.getFingerPrint(pub);
        hostKeyLine = PublicKeyEntry.toString(pub);
        Files.writeString(data.resolve(HOST_KEY + ".pub"), hostKeyLine + " tcptutor-lab\n");

        sshd = SshServer.setUpDefaultServer();
        sshd.setHost(config.host());
        sshd.setPort(config.port());
        sshd.setKeyPairProvider(hostKeys);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(sshd, "tcptutor-lab");
        CoreModuleProperties.AUTH_TIMEOUT.set(sshd, Duration.ofMinutes(1));
        // our own idle check speaks to the learner first; MINA's is the backstop for connections without a shell
        CoreModuleProperties.IDLE_TIMEOUT.set(sshd, config.idleTimeout().plusMinutes(1));
        setUpAuth();
        sshd.setServiceFactories(List.of(config.auth() == LabConfig.Auth.OPEN ? OpenAuthService.factory()
                : ServerUserAuthServiceFactory.INSTANCE, LabConnectionService.factory(log)));
        sshd.setChannelFactories(List.of(sessionChannels()));
        sshd.setShellFactory(channel -> new LabShell(this, (LabChannel) channel));
        sshd.setForwardingFilter(refuseForwarding());
        sshd.setAgentFactory(null);
        sshd.addSessionListener(limits());
        timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lab-timer"));
        sshd.start();
        timer.scheduleWithFixedDelay(this::reapIdle, 1, 1, TimeUnit.SECONDS);
        log.info("lab started on " + config.host() + ":" + port() + ", auth " + config.auth().name().toLowerCase()
                + ", max " + config.maxSessions() + " sessions, idle timeout " + human(config.idleTimeout())
                + ", host key " + fingerprint);
    }

    public int port() { return sshd.getPort(); }

    /** The host key's SHA-256 fingerprint, as OpenSSH prints it ("SHA256:..."). */
    public String fingerprint() { return fingerprint; }

    /** The host key as a known_hosts/authorized_keys entry ("ssh-ed25519 AAAA..."). */
    public String hostKeyLine() { return hostKeyLine; }

    public LabConfig config() { return config; }

    /** What the status line shows: live sessions by kind, learners, lessons in progress. */
    public LabStatus status() {
        int pty = 0;
        Map<String, Integer> lessons = new HashMap<>();
        List<LabShell> shells = new ArrayList<>(live.values());
        for (LabShell s : shells) {
            if (s.pty()) pty++;
            String l = s.lesson();
            if (l != null) lessons.merge(l, 1, Integer::sum);
        }
        return new LabStatus(connections.get(), shells.size(), pty, shells.size() - pty, lessons,
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    @Override public void close() throws IOException {
        if (timer != null) timer.shutdownNow();
        for (LabShell s : new ArrayList<>(live.values())) s.end("server stopped", "tcptutor: the lab is stopping; your work is saved");
        if (sshd != null) sshd.stop(true);
        if (hashing != null) hashing.shutdownNow();
        try {
            for (LabShell s : new ArrayList<>(live.values())) join(s.thread(), 2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (log != null) {
            log.info("lab stopped");
            log.close();
        }
        if (store != null) store.close();
    }

    // ---- for LabShell ----

    LabLog log() { return log; }

    ProgressStore store() { return store; }

    TutorApp ptyApp() { return ptyApp; }

    TutorApp lineApp() { return lineApp; }

    /** Refusals recorded on the SSH session (remote forwarding asked before the shell started). */
    List<String> sessionNotices(Session s) {
        List<String> n = s.getAttribute(NOTICES);
        return n == null ? List.of() : List.copyOf(n);
    }

    /**
     * Makes {@code shell} the learner's live session. A session the learner already has is told and closed first;
     * false when it does not end within five seconds (its app is busy).
     */
    boolean claim(LabShell shell) throws InterruptedException {
        String learner = shell.learner();
        for (int tries = 0; tries < 3; tries++) {
            LabShell old = live.putIfAbsent(learner, shell);
            if (old == null) return true;
            log.info("session of " + learner + " taken over by a new connection");
            old.end("taken over", "tcptutor: you connected again from elsewhere; this session ends here (your work is saved)");
            join(old.thread(), 5000);
            live.remove(learner, old);
        }
        return false;
    }

    /** True when this connection came in over the limit (it is being disconnected). */
    boolean turnedAway(Session s) {
        return s.getAttribute(TURNED_AWAY) != null;
    }

    String fullMessage() {
        return "tcptutor: the lab is full (" + config.maxSessions() + " sessions); try again in a few minutes";
    }

    void release(LabShell shell) {
        live.remove(shell.learner(), shell);
    }

    // ---- set-up pieces ----

    private void setUpAuth() {
        Path data = config.dataDir();
        switch (config.auth()) {
            case OPEN -> sshd.setUserAuthFactories(List.of(UserAuthNoneFactory.INSTANCE));
            case KEYS -> {
                keys = new LearnerKeys(data.resolve(LearnerKeys.FILE));
                for (String p : keys.refresh()) log.warn(p);
                sshd.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
                sshd.setPublickeyAuthenticator((user, key, session) -> {
                    boolean ok = keys.accepts(user, key);
                    if (!ok) log.info("key " + KeyUtils.getFingerPrint(key) + " refused for " + LabLog.quote(user) + " from " + session.getClientAddress());
                    return ok;
                });
            }
            case PASSWORDS -> {
                hashing = Executors.newFixedThreadPool(2, r -> daemon(r, "lab-password"));
                Path file = data.resolve(PasswordFile.FILE);
                sshd.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
                sshd.setPasswordAuthenticator((user, password, session) -> {
                    // PBKDF2 takes a tenth of a second: off the I/O threads
                    AsyncAuthException pending = new AsyncAuthException();
                    hashing.execute(() -> {
                        boolean ok = false;
                        try {
                            ok = PasswordFile.read(file).verify(user, password);
                        } catch (IOException | RuntimeException e) {
                            log.warn("cannot check passwords: " + e.getMessage());
                        }
                        if (!ok) log.info("password refused for " + LabLog.quote(user) + " from " + session.getClientAddress());
                        pending.setAuthed(ok);
                    });
                    throw pending;
                });
            }
        }
    }

    private ChannelFactory sessionChannels() {
        return new ChannelFactory() {
            @Override public String getName() { return "session"; }

            @Override public org.apache.sshd.common.channel.Channel createChannel(Session session) {
                return new LabChannel(log);
            }
        };
    }

    /** Refuses -R (remote forwarding: the client prints its own warning, the shell adds ours); -L never gets here. */
    private ForwardingFilter refuseForwarding() {
        return new ForwardingFilter() {
            @Override public boolean canForwardAgent(Session session, String requestType) { return false; }

            @Override public boolean canForwardX11(Session session, String requestType) { return false; }

            @Override public boolean canListen(SshdSocketAddress address, Session session) {
                log.info("refused remote forwarding of " + address + " for " + session.getUsername() + "@"
                        + ((ServerSession) session).getClientAddress());
                List<String> notes = session.computeAttributeIfAbsent(NOTICES, k -> new CopyOnWriteArrayList<>());
                notes.add("tcptutor: remote port forwarding (ssh -R) is not offered here: refused");
                return false;
            }

            @Override public boolean canConnect(Type type, SshdSocketAddress address, Session session) { return false; }
        };
    }

    /** Counts authenticated connections; the one past the limit is told the lab is full and disconnected. */
    private SessionListener limits() {
        return new SessionListener() {
            @Override public void sessionEvent(Session session, Event event) {
                if (event != Event.Authenticated) return;
                String learner = session.getUsername();
                ServerSession s = (ServerSession) session;
                boolean reconnect = live.containsKey(learner);
                int n = connections.incrementAndGet();
                session.setAttribute(COUNTED, Boolean.TRUE);
                if (n > config.maxSessions() && !reconnect) {
                    log.warn("lab full (" + config.maxSessions() + " sessions): turned away " + learner + "@" + s.getClientAddress());
                    session.setAttribute(TURNED_AWAY, Boolean.TRUE);
                    // not from inside this event: MINA fires it before USERAUTH_SUCCESS is written, and a
                    // DISCONNECT sent now would overtake it and corrupt the stream
                    timer.execute(() -> {
                        try {
                            session.disconnect(SshConstants.SSH2_DISCONNECT_TOO_MANY_CONNECTIONS, fullMessage());
                        } catch (IOException e) {
                            session.close(true);
                        }
                    });
                } else {
                    log.info("connect " + learner + "@" + s.getClientAddress() + " (" + config.auth().name().toLowerCase() + ")");
                }
            }

            @Override public void sessionClosed(Session session) {
                if (session.removeAttribute(COUNTED) != null) connections.decrementAndGet();
            }
        };
    }

    private void reapIdle() {
        long limit = config.idleTimeout().toNanos();
        for (LabShell s : live.values()) {
            if (s.idleNanos() > limit) {
                log.info("idle timeout for " + s.learner());
                s.end("idle " + human(config.idleTimeout()), "tcptutor: no input for " + human(config.idleTimeout())
                        + ": disconnecting. Your work is saved; reconnect to resume.");
            }
        }
    }

    /** "45 s", "30 min", "2 h", "1 h 30 min". */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60 || s % 60 != 0) return s + " s";
        long m = s / 60;
        if (m < 60) return m + " min";
        return (m / 60) + " h" + (m % 60 == 0 ? "" : " " + (m % 60) + " min");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void join(Thread t, long millis) throws InterruptedException {
        if (t != null && t != Thread.currentThread()) t.join(millis);
    }
}
