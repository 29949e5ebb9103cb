package tcptutor.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.cli.Tcptutor;
import tcptutor.progress.ProgressStore;

/**
 * The lab end to end on 127.0.0.1: the real OpenSSH client (with and without a terminal, under tmux) and MINA's
 * client, against a server running the echo app. What the echo app shows stands for what the tutor apps get:
 * PTY or not, its size and resizes, the stored journal.
 */
class LabSshTest {
    @TempDir Path data;
    LabServer lab;
    SshClient client;

    @BeforeAll
    static void needsOpenSsh() {
        OpenSsh.requireInstalled();
    }

    @BeforeEach
    void setUp() {
        client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    @AfterEach
    void tearDown() throws IOException {
        client.stop();
        if (lab != null) lab.close();
    }

    private void start(LabConfig config) throws IOException {
        lab = new LabServer(config, new EchoApp(), new EchoApp());
        lab.start();
    }

    private LabConfig config() {
        return LabConfig.defaults(data).withListen("127.0.0.1", 0);
    }

    private ClientSession connect(String user) throws IOException {
        ClientSession s = client.connect(user, "127.0.0.1", lab.port()).verify(Duration.ofSeconds(10)).getSession();
        s.auth().verify(Duration.ofSeconds(10));
        return s;
    }

    /** A shell channel with or without a PTY; returns the transcript of its output (stdout and stderr). */
    private record Shell(ChannelShell channel, OutputStream in, Transcript out) {
        void type(String s) throws IOException {
            in.write(s.getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
    }

    private Shell shell(ClientSession s, boolean pty, int columns, int rows) throws IOException {
        ChannelShell ch = s.createShellChannel();
        ch.setUsePty(pty);
        ch.setPtyType("xterm-256color");
        ch.setPtyColumns(columns);
        ch.setPtyLines(rows);
        ch.setRedirectErrorStream(true);
        ch.open().verify(Duration.ofSeconds(10));
        return new Shell(ch, ch.getInvertedIn(), new Transcript(ch.getInvertedOut()));
    }

    // ---- no PTY: the line app ----

    @Test
    void openSsh_withoutPty_runsTheLineApp_andAReconnectResumesTheJournal() throws Exception {
        start(config());
        OpenSsh.Result first = OpenSsh.ssh(lab.port(), "send S\nsend A\n", "-T", "alice@127.0.0.1");
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("learner alice, no pty, resumed 0 commands", "echo: send S", "echo: send A");

        OpenSsh.Result again = OpenSsh.ssh(lab.port(), "journal\n", "alice@127.0.0.1"); // stdin not a tty: no PTY either
        assertThat(again.out()).contains("resumed 2 commands", "journal: send S | send A");
        try (ProgressStore store = ProgressStore.open(data)) {
            // the server holds the file open too: WAL lets both read
            assertThat(store.loadJournal("alice")).containsExactly("send S", "send A");
        }
    }

    // ---- PTY: the text app, its size and resizes ----

    @Test
    void openSsh_inATerminal_getsThePtyWithItsSize_andResizesArrive() throws Exception {
        start(config());
        String ssh = "ssh -p " + lab.port() + " " + String.join(" ", OpenSsh.QUIET) + " -o BatchMode=yes alice@127.0.0.1";
        try (Tmux t = new Tmux("lab-test-" + ProcessHandle.current().pid(), 100, 30, ssh)) {
            assertThat(t.await("> ")).contains("learner alice, pty 100x30 tmux-256color");
            t.type("size");
            t.keys("Enter"); // a real terminal's Enter: '\r', which the lab turns into '\n'
            assertThat(t.await("size 100x30")).contains("size 100x30");
            t.resize(120, 40);
            assertThat(t.await("[resized to 120x40]")).contains("[resized to 120x40]");
            t.type("quit");
            t.keys("Enter");
        }
    }

    @Test
    void minaClient_ptyAndNoPty_areTheTwoApps_andAWindowChangeResizes() throws Exception {
        start(config());
        try (ClientSession s = connect("bob")) {
            Shell pty = shell(s, true, 90, 20);
            assertThat(pty.out().await("> ")).contains("learner bob, pty 90x20 xterm-256color");
            pty.type("hi\r");
            assertThat(pty.out().await("echo: hi")).contains("hi\r\necho: hi\r\n> ");
            pty.channel().sendWindowChange(100, 25);
            assertThat(pty.out().await("[resized to 100x25]")).contains("[resized to 100x25]");
            pty.type("quit\r");
            pty.out().awaitEnd();
        }
        try (ClientSession s = connect("bob")) {
            Shell line = shell(s, false, 0, 0);
            assertThat(line.out().await("> ")).contains("learner bob, no pty, resumed 1 commands");
            line.type("journal\n");
            assertThat(line.out().await("journal: hi")).contains("journal: hi\n> ");
        }
    }

    // ---- a dropped connection loses nothing ----

    @Test
    void droppedConnection_reconnectFindsTheSameJournal() throws Exception {
        start(config());
        ClientSession s = connect("carol");
        Shell sh = shell(s, true, 80, 24);
        sh.type("connect\r");
        sh.type("send S\r");
        sh.out().await("echo: send S");
        s.close(true); // the network goes away: no quit, no EOF
        try (ClientSession again = connect("carol")) {
            Shell back = shell(again, false, 0, 0);
            back.type("journal\n");
            assertThat(back.out().await("journal: connect | send S")).contains("resumed 2 commands", "journal: connect | send S");
        }
    }

    @Test
    void secondConnectionOfTheSameLearner_takesOver_andTheFirstIsToldWhy() throws Exception {
        start(config());
        try (ClientSession first = connect("dave"); ClientSession second = connect("dave")) {
            Shell a = shell(first, false, 0, 0);
            a.type("one\n");
            a.out().await("echo: one");
            Shell b = shell(second, false, 0, 0);
            assertThat(a.out().awaitEnd()).contains("you connected again from elsewhere");
            assertThat(b.out().await("> ")).contains("resumed 1 commands");
        }
    }

    // ---- isolation ----

    @Test
    void anExceptionInOneSession_endsOnlyThatSession() throws Exception {
        start(config());
        try (ClientSession a = connect("erin"); ClientSession b = connect("frank")) {
            Shell crash = shell(a, false, 0, 0);
            Shell calm = shell(b, false, 0, 0);
            calm.out().await("> ");
            crash.type("crash\n");
            assertThat(crash.out().awaitEnd()).contains("something went wrong in your session (IllegalStateException)");
            calm.type("still here\n");
            assertThat(calm.out().await("echo: still here")).contains("echo: still here");
        }
        assertThat(OpenSsh.ssh(lab.port(), "x\n", "-T", "erin@127.0.0.1").out()).contains("echo: x");
        assertThat(Files.readString(data.resolve("lab.log"))).contains("ERROR session of erin@", "IllegalStateException: crash asked for");
    }

    // ---- refusals ----

    @Test
    void exec_isRefusedWithAMessage() throws Exception {
        start(config());
        OpenSsh.Result r = OpenSsh.ssh(lab.port(), "", "alice@127.0.0.1", "ls", "-l");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("tcptutor: commands are not run here; connect with plain ssh");
    }

    @Test
    void sftpAndScp_areRefusedWithAMessage() throws Exception {
        start(config());
        List<String> sftp = new java.util.ArrayList<>(List.of("sftp", "-P", Integer.toString(lab.port()), "-o", "BatchMode=yes"));
        sftp.addAll(OpenSsh.QUIET);
        sftp.add("alice@127.0.0.1");
        OpenSsh.Result r = OpenSsh.run(sftp, "ls\n", Map.of());
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("tcptutor: file transfer (sftp, scp) is not offered here");

        List<String> scp = new java.util.ArrayList<>(List.of("scp", "-O", "-P", Integer.toString(lab.port()), "-o", "BatchMode=yes"));
        scp.addAll(OpenSsh.QUIET);
        scp.addAll(List.of(data.resolve("lab.log").toString(), "alice@127.0.0.1:/tmp/x"));
        OpenSsh.Result legacy = OpenSsh.run(scp, "", Map.of());
        assertThat(legacy.exit()).isNotZero();
        assertThat(legacy.err()).contains("tcptutor: file transfer (sftp, scp) is not offered here");
    }

    @Test
    void portForwarding_isRefused_openSshAndMina() throws Exception {
        start(config());
        // -W opens a direct-tcpip channel at once, exactly what a connection through -L does
        OpenSsh.Result w = OpenSsh.sshAsLearner(lab.port(), "", "-W", "127.0.0.1:" + lab.port(), "alice@127.0.0.1");
        assertThat(w.exit()).isEqualTo(255);
        assertThat(w.err()).contains("open failed: administratively prohibited: tcptutor: port forwarding is not offered here");

        OpenSsh.Result remote = OpenSsh.ssh(lab.port(), "quit\n", "-o", "ExitOnForwardFailure=yes", "-R", "0:127.0.0.1:9", "alice@127.0.0.1");
        assertThat(remote.exit()).isEqualTo(255);
        assertThat(remote.err()).contains("remote port forwarding failed");

        try (ClientSession s = connect("alice")) {
            ChannelDirectTcpip ch = s.createDirectTcpipChannel(new SshdSocketAddress("127.0.0.1", 0),
                    new SshdSocketAddress("127.0.0.1", lab.port()));
            assertThatThrownBy(() -> ch.open().verify(Duration.ofSeconds(10)))
                    .hasMessageContaining("tcptutor: port forwarding is not offered here");
        }
        assertThat(Files.readString(data.resolve("lab.log"))).contains("refused a 'direct-tcpip' channel", "refused remote forwarding");
    }

    @Test
    void agentAndX11Forwarding_areRefused_andTheLearnerIsTold() throws Exception {
        start(config());
        try (ClientSession s = connect("alice")) {
            ChannelShell ch = s.createShellChannel();
            ch.setUsePty(false);
            ch.setAgentForwarding(true); // sends auth-agent-req@openssh.com before the shell
            ch.setRedirectErrorStream(true);
            ch.open().verify(Duration.ofSeconds(10));
            Transcript out = new Transcript(ch.getInvertedOut());
            assertThat(out.await("> ")).startsWith("tcptutor: agent forwarding (ssh -A) is not offered here: refused\n");
        }
        // OpenSSH asks for X11 when DISPLAY is set; without xauth it sends fake cookie data, which is enough
        List<String> cmd = new java.util.ArrayList<>(List.of("ssh", "-X", "-T", "-p", Integer.toString(lab.port()),
                "-o", "BatchMode=yes", "-o", "LogLevel=INFO", "-o", "XAuthLocation=/nonexistent"));
        cmd.addAll(OpenSsh.QUIET);
        cmd.add("alice@127.0.0.1");
        OpenSsh.Result x = OpenSsh.run(cmd, "quit\n", Map.of("DISPLAY", "127.0.0.1:9"));
        assertThat(x.err()).contains("X11 forwarding request failed", "tcptutor: X11 forwarding (ssh -X) is not offered here: refused");
        assertThat(Files.readString(data.resolve("lab.log"))).contains("refused agent forwarding", "refused X11 forwarding");
    }

    // ---- authentication ----

    @Test
    void keys_acceptTheLearnersKey_andRefuseOtherKeysAndOtherLearners() throws Exception {
        Path alice = keygen("alice");
        Path mallory = keygen("mallory");
        Files.writeString(data.resolve("authorized_keys"), "# the class\nalice " + Files.readString(alice.resolveSibling("alice.pub")));
        start(config().withAuth(LabConfig.Auth.KEYS));

        OpenSsh.Result ok = OpenSsh.ssh(lab.port(), "hello\n", "-T", "-i", alice.toString(), "-o", "IdentitiesOnly=yes", "alice@127.0.0.1");
        assertThat(ok.out()).contains("learner alice", "echo: hello");

        OpenSsh.Result wrongKey = OpenSsh.ssh(lab.port(), "", "-T", "-i", mallory.toString(), "-o", "IdentitiesOnly=yes", "alice@127.0.0.1");
        assertThat(wrongKey.exit()).isEqualTo(255);
        assertThat(wrongKey.err()).contains("Permission denied (publickey)");

        OpenSsh.Result otherLearner = OpenSsh.ssh(lab.port(), "", "-T", "-i", alice.toString(), "-o", "IdentitiesOnly=yes", "bob@127.0.0.1");
        assertThat(otherLearner.exit()).isEqualTo(255);

        OpenSsh.Result noKey = OpenSsh.ssh(lab.port(), "", "-T", "-o", "IdentitiesOnly=yes", "-o", "IdentityFile=/dev/null", "alice@127.0.0.1");
        assertThat(noKey.exit()).isEqualTo(255);
    }

    @Test
    void passwords_acceptTheRightOne_andRefuseAWrongOne_openSshAndMina() throws Exception {
        PasswordFile pw = PasswordFile.read(data.resolve(PasswordFile.FILE));
        pw.set("alice", "tcp-is-fun".toCharArray());
        pw.write(data.resolve(PasswordFile.FILE));
        start(config().withAuth(LabConfig.Auth.PASSWORDS));

        assertThat(askpass("tcp-is-fun", "alice").out()).contains("learner alice", "echo: hi");
        OpenSsh.Result wrong = askpass("guess", "alice");
        assertThat(wrong.exit()).isEqualTo(255);
        assertThat(wrong.err()).contains("Permission denied");
        assertThat(askpass("tcp-is-fun", "bob").exit()).isEqualTo(255);

        ClientSession s = client.connect("alice", "127.0.0.1", lab.port()).verify(Duration.ofSeconds(10)).getSession();
        s.addPasswordIdentity("nope");
        assertThatThrownBy(() -> s.auth().verify(Duration.ofSeconds(10))).hasMessageContaining("No more authentication methods");
        s.close(true);
        try (ClientSession good = client.connect("alice", "127.0.0.1", lab.port()).verify(Duration.ofSeconds(10)).getSession()) {
            good.addPasswordIdentity("tcp-is-fun");
            good.auth().verify(Duration.ofSeconds(10));
            assertThat(good.isAuthenticated()).isTrue();
        }
    }

    private OpenSsh.Result askpass(String password, String user) throws Exception {
        Path script = data.resolve("askpass-" + password + ".sh");
        Files.writeString(script, "#!/bin/sh\necho '" + password + "'\n");
        script.toFile().setExecutable(true);
        List<String> cmd = new java.util.ArrayList<>(List.of("ssh", "-T", "-p", Integer.toString(lab.port()),
                "-o", "PreferredAuthentications=password", "-o", "NumberOfPasswordPrompts=1", "-o", "PubkeyAuthentication=no"));
        cmd.addAll(OpenSsh.QUIET);
        cmd.add(user + "@127.0.0.1");
        return OpenSsh.run(cmd, "hi\n", Map.of("SSH_ASKPASS", script.toString(), "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", ":0"));
    }

    private Path keygen(String name) throws Exception {
        Path key = data.resolveSibling(data.getFileName() + "-keys").resolve(name);
        Files.createDirectories(key.getParent());
        OpenSsh.Result r = OpenSsh.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name + "@laptop",
                "-f", key.toString()), "", Map.of());
        assertThat(r.exit()).as(r.err()).isZero();
        return key;
    }

    // ---- limits ----

    @Test
    void labFull_theNextClientIsToldAndDisconnected() throws Exception {
        start(config().withMaxSessions(1));
        try (ClientSession first = connect("gina")) {
            shell(first, false, 0, 0).out().await("> ");
            OpenSsh.Result r = OpenSsh.sshAsLearner(lab.port(), "", "-T", "hank@127.0.0.1");
            assertThat(r.exit()).isEqualTo(255);
            assertThat(r.err()).contains("tcptutor: the lab is full (1 sessions); try again in a few minutes");
        }
    }

    @Test
    void idleSession_isToldAndDisconnected() throws Exception {
        start(config().withIdleTimeout(Duration.ofSeconds(2)));
        try (ClientSession s = connect("ivan")) {
            Shell sh = shell(s, false, 0, 0);
            assertThat(sh.out().awaitEnd()).contains("tcptutor: no input for 2 s: disconnecting. Your work is saved; reconnect to resume.");
        }
    }

    @Test
    void invalidLearnerId_isToldTheRule() throws Exception {
        start(config());
        OpenSsh.Result r = OpenSsh.ssh(lab.port(), "", "-T", "-l", "no/slash", "127.0.0.1");
        assertThat(r.err()).contains("'no/slash' cannot be a learner id: use 1 to 32 letters, digits");
    }

    // ---- the gradebook sees the learner ----

    @Test
    void report_showsTheLearnerWhoConnected() throws Exception {
        start(config());
        OpenSsh.ssh(lab.port(), "send S\n", "-T", "judy@127.0.0.1");
        try (ProgressStore store = ProgressStore.open(data)) {
            store.recordStep("judy", "handshake", "syn", tcptutor.progress.StepStatus.DONE);
        }
        StringWriter out = new StringWriter();
        int code = Tcptutor.commandLine().setOut(new PrintWriter(out)).execute("report", "--data", data.toString(), "--format", "csv");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\njudy,,handshake,1,0,0,");
    }
}
