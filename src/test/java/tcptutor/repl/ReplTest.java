package tcptutor.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;
import tcptutor.sim.Side;
import tcptutor.tcp.State;

class ReplTest {
    private final Session session = new Session(SessionConfig.defaults());

    /** Runs the interactive REPL on a terminal of {@code type} fed with {@code input}; returns what it printed. */
    private String interactive(String type, String input, ReplOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = terminal(type, input, out)) {
            assertThat(new Repl(session, options).run(t)).isZero();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A dumb terminal, or an ANSI one that decodes keys (Tab, Enter as CR) like a tty, on piped streams. */
    static Terminal terminal(String type, String input, ByteArrayOutputStream out) throws java.io.IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
        if (type.equals("dumb")) return new DumbTerminal("test", type, in, out, StandardCharsets.UTF_8);
        Terminal t = new ExternalTerminal("test", type, in, out, StandardCharsets.UTF_8);
        t.setSize(new Size(100, 30));
        return t;
    }

    @Test void dumbTerminal_runsLines_saysItIsDumbOnce_andQuits() throws Exception {
        String out = interactive("dumb", "syn\nack\nshow state\nquit\nsyn\n", ReplOptions.plain());
        assertThat(out).containsOnlyOnce("this terminal is dumb");
        assertThat(out).contains("#2  peer > you  Flags [S.], seq 0, ack 1, win 64240, options [mss 1460], length 0");
        assertThat(out).contains("peer  SYN-RECEIVED -> ESTABLISHED");
        assertThat(out).contains("you:CLOSED peer:LISTEN> ");
        assertThat(out).contains("you:ESTABLISHED peer:ESTABLISHED> ");
        assertThat(session.world().trace().segment(4)).isNull(); // the line after quit never ran
    }

    @Test void badLine_getsACaretUnderItsColumn_andOneLine() throws Exception {
        String out = interactive("dumb", "wait 200\n", ReplOptions.plain());
        String prompt = "you:CLOSED peer:LISTEN> ";
        assertThat(out).contains("\n" + " ".repeat(prompt.length() + 5) + "^\n"
                + "column 6: expected a duration such as 200ms, 3s or 2msl: add a unit to '200'; did you mean '200ms'?\n");
        assertThat(session.journal()).isEmpty();
    }

    @Test void endOfInput_endsTheRepl() throws Exception {
        interactive("dumb", "syn", ReplOptions.plain());
        assertThat(session.state(Side.YOU)).isEqualTo(State.ESTABLISHED);
    }

    @Test void tab_completesCommandsAndSubWords_onAnAnsiTerminal() throws Exception {
        String shown = interactive("xterm-256color", "sho\ttc\tpe\t\rquit\r", ReplOptions.plain());
        assertThat(shown).contains("show tcb peer").contains("(no connection)");
        String out = interactive("xterm-256color", "synac\t\r", ReplOptions.plain());
        assertThat(out).contains("synack");
        assertThat(session.journal()).containsExactly("synack");
    }

    @Test void tab_completesKnobNames() throws Exception {
        interactive("xterm-256color", "set tcp_syn_ret\t3\r", ReplOptions.plain());
        assertThat(session.journal()).containsExactly("set tcp_syn_retries=3");
    }

    @Test void colours_highlightTheInputAndOutput_butNeverWithNoColorOptions() throws Exception {
        String coloured = interactive("xterm-256color", "syn\r", new ReplOptions(true, null, false));
        assertThat(coloured).contains("\u001b[");
        Session plain = new Session(SessionConfig.defaults());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal t = terminal("dumb", "syn\n", out)) {
            Repl.run(t, plain);
        }
        assertThat(out.toString()).doesNotContain("\u001b[3").doesNotContain("\u001b[1m");
    }

    @Test void history_isKeptInTheGivenFile(@TempDir Path dir) throws Exception {
        Path h = dir.resolve("tcptutor").resolve("history");
        interactive("dumb", "syn\nshow state\n", new ReplOptions(false, h, false));
        assertThat(java.nio.file.Files.readString(h)).contains("syn").contains("show state");
    }

    @Test void historyFile_followsXdgDataHome() {
        assertThat(ReplOptions.historyFile("/x/data", "/home/u")).isEqualTo(Path.of("/x/data/tcptutor/history"));
        assertThat(ReplOptions.historyFile(null, "/home/u")).isEqualTo(Path.of("/home/u/.local/share/tcptutor/history"));
        assertThat(ReplOptions.historyFile("relative", "/home/u")).isEqualTo(Path.of("/home/u/.local/share/tcptutor/history"));
    }

    @Test void script_echoesEachCommand_printsNoEscapes_andExitsZero() throws Exception {
        StringWriter out = new StringWriter();
        int rc = Repl.script(new StringReader("# a demo\nsyn\n\nack\n"), new PrintWriter(out), session);
        assertThat(rc).isZero();
        assertThat(out.toString()).startsWith("# a demo\n> syn\n#1  you > peer  Flags [S], seq 0, win 64240, options [mss 1460], length 0\n");
        assertThat(out.toString()).contains("\n\n> ack\n#3  you > peer  Flags [.], ack 1, win 64240, length 0\n");
        assertThat(out.toString()).doesNotContain("\u001b").doesNotContain("you:");
    }

    @Test void script_withAFailedCommand_marksItAndExitsOne() throws Exception {
        StringWriter out = new StringWriter();
        int rc = Repl.script(new StringReader("syn\nfni\nack\n"), new PrintWriter(out), session);
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString()).contains("> fni\n  ^\ncolumn 1: unknown command 'fni'");
        assertThat(out.toString()).contains("> ack\n#3  you > peer"); // it goes on after a failure
    }

    @Test void script_stopsAtQuit() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(Repl.script(new StringReader("quit\nfni\n"), new PrintWriter(out), session)).isZero();
        assertThat(out.toString()).isEqualTo("> quit\n");
    }

    /** One line of every command kind, typed into JLine; none may fail. */
    static final String EVERY_COMMAND = String.join("\n",
            "help", "help syn", "set seed 2", "set profile linux", "set tcp_synack_retries=3", "set numbers relative",
            "set assist on", "set delay 0ms", "syn", "show state", "explain #2", "ack", "data \"hello\"", "data 10",
            "send P. \"more\"", "peer read", "peer send \"hi\"", "ack", "peer setsockopt TCP_NODELAY 1",
            "show tcb", "show tcb peer", "show header #1", "show hex", "show trace", "show timers", "show diagram",
            "show ladder", "show settings", "fin", "peer shutdown", "ack", "wait 2msl", "step", "history",
            "reset", "drop next", "syn", "step", "ack", "rst", "reset", "dup next to peer", "delay next 300ms",
            "< S 0:0(0) win 1000 <mss 1460>", "wait 300ms", "< . 1:1(0) ack 1 win 1000", "loss 0%", "peer abort",
            "reset", "peer listen 8080 backlog=4", "peer accept", "syn dport=8080", "ack dport=8080", "peer close",
            "reset", "you listen 40001", "peer connect 40001", "you accept", "you send \"x\"", "you read",
            "peer read", "you shutdown", "you abort", "reset", "you connect", "you close", "peer close", "wait 1s",
            "reset", "peer connect", "synack", "ack", "set assist off", "set numbers absolute", "set assist on",
            "set profile rfc9293", "set tcp_rmem=4096,65535,65535", "quit");

    @Test void everyCommand_runsThroughJLine_withoutAFailure() throws Exception {
        String out = interactive("dumb", EVERY_COMMAND + "\n", ReplOptions.plain());
        assertThat(out).doesNotContain("column ").doesNotContain("Exception");
        assertThat(out).contains("#1  you > peer  Flags [S]").contains("sent by the peer");
    }
}
