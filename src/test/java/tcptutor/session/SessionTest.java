package tcptutor.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.command.Command;
import tcptutor.command.CommandInfo;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.tcp.Knob;
import tcptutor.tcp.State;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;

class SessionTest {
    private final Session s = new Session(SessionConfig.defaults());

    private Outcome ok(String line) {
        Outcome o = s.execute(line);
        assertThat(o.ok()).as(line + " -> " + o.lines()).isTrue();
        return o;
    }

    private List<String> lines(String... commands) {
        List<String> out = new ArrayList<>();
        for (String c : commands) out.addAll(ok(c).lines());
        return out;
    }

    private Segment lastSent() {
        List<TraceEvent.Sent> all = s.world().trace().of(TraceEvent.Sent.class);
        return all.get(all.size() - 1).segment();
    }

    @Test void syn_inAssistMode_showsTheSynAckAtOnce() {
        assertThat(ok("syn").lines()).containsExactly(
                "#1  you > peer  Flags [S], seq 0, win 64240, options [mss 1460], length 0",
                "you   CLOSED -> SYN-SENT  (you sent a SYN: active OPEN; RFC 9293 3.10.1)",
                "peer  CLOSED -> SYN-RECEIVED  (SYN on a listening port: a new half-open connection (SYN queue 1/128); RFC 9293 3.10.7.2 third)",
                "#2  peer > you  Flags [S.], seq 0, ack 1, win 64240, options [mss 1460], length 0",
                "peer  timer SYN-ACK retransmission armed: fires in 1 s (t=1.000 s)",
                "you   SYN-SENT -> ESTABLISHED  (SYN,ACK acknowledges your SYN; your ACK is due; RFC 9293 3.10.7.3)");
        assertThat(s.state(Side.YOU)).isEqualTo(State.ESTABLISHED);
        assertThat(s.state(Side.PEER)).isEqualTo(State.SYN_RECEIVED);
    }

    @Test void synAckRetransmission_happensOnlyWhenTimePasses() {
        ok("syn");
        assertThat(ok("wait 500ms").lines()).containsExactly("  [+500 ms, t=0.500 s] nothing happened");
        assertThat(ok("wait 600ms").lines()).contains("peer  timer SYN-ACK retransmission fired",
                "#3  peer > you  Flags [S.], seq 0, ack 1, win 64240, options [mss 1460], length 0");
    }

    @Test void manualMode_handshakeDataFourWayCloseAndTimeWait_showsEveryStateOfBothSides() {
        List<String> out = lines("set assist off", "syn seq=1000 win=64240", "ack seq=1 ack=1 win=64240",
                "data \"hello\" seq=1 ack=1 win=64240", "peer read", "peer send \"hi\"", "ack seq=6 ack=3 win=64240",
                "fin seq=6 ack=3 win=64240", "peer close", "ack seq=7 ack=4 win=64240", "wait 2msl");
        String all = String.join("\n", out);
        for (String t : List.of("you   CLOSED -> SYN-SENT", "you   SYN-SENT -> ESTABLISHED", "you   ESTABLISHED -> FIN-WAIT-1",
                "you   FIN-WAIT-1 -> FIN-WAIT-2", "you   FIN-WAIT-2 -> TIME-WAIT", "you   TIME-WAIT -> CLOSED",
                "peer  CLOSED -> SYN-RECEIVED", "peer  SYN-RECEIVED -> ESTABLISHED", "peer  ESTABLISHED -> CLOSE-WAIT",
                "peer  CLOSE-WAIT -> LAST-ACK", "peer  LAST-ACK -> CLOSED")) {
            assertThat(all).contains(t);
        }
        assertThat(out).contains("#1  you > peer  Flags [S], seq 0, win 64240, length 0",
                "#4  you > peer  Flags [P.], seq 1:6, ack 1, win 64240, length 5",
                "peer  read 5 bytes: \"hello\"",
                "#6  peer > you  Flags [P.], seq 1:3, ack 6, win 64235, length 2",   // Linux keeps the right edge (measured)
                "#9  peer > you  Flags [.], ack 7, win 64234, length 0",
                "#10  peer > you  Flags [F.], seq 3, ack 7, win 64234, length 0",
                "#11  you > peer  Flags [.], ack 4, win 64240, length 0",
                "you   timer TIME-WAIT fired");
        assertThat(lastSent().seq()).isEqualTo(s.world().trace().segment(1).segment().seq() + 7);
        assertThat(s.state(Side.YOU)).isEqualTo(State.CLOSED);
        assertThat(s.state(Side.PEER)).isEqualTo(State.LISTEN);
    }

    @Test void manualMode_saysWhichNumbersAreMissing_andLeavesTheSessionUntouched() {
        ok("set assist off");
        int events = s.world().trace().size();
        List<String> journal = s.journal();
        Outcome o = s.execute("ack seq=1");
        assertThat(o.ok()).isFalse();
        assertThat(o.error().column()).isEqualTo(10);
        assertThat(o.lines()).containsExactly("column 10: manual mode: every number must be given; missing ack=, win="
                + " ('show tcb you' has SND.NXT and RCV.NXT; 'set assist on' fills them in)");
        assertThat(s.world().trace().size()).isEqualTo(events);
        assertThat(s.journal()).isEqualTo(journal);
    }

    @Test void synToAClosedPort_getsRstAck_andExplainSaysWhy() {
        List<String> out = ok("syn dport=81").lines();
        assertThat(out).contains("#2  peer.81 > you.40000  Flags [R.], seq 0, ack 1, win 0, length 0",
                "you   SYN-SENT -> CLOSED  (RST,ACK for your SYN: connection refused; RFC 9293 3.10.7.3)");
        Segment rst = s.world().trace().segment(2).segment();
        assertThat(rst.flags()).isEqualTo(Flags.RST | Flags.ACK);
        assertThat(rst.ack()).isEqualTo(s.world().trace().segment(1).segment().seq() + 1);
        assertThat(ok("explain").lines()).containsExactly(
                "#2  peer.81 > you.40000  Flags [R.], seq 0, ack 1, win 0, length 0",
                "  sent by the peer: segment without ACK to a port with no socket: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>  (RFC 9293 3.10.7.1)",
                "  delivered to you at t=0.000 s; then:",
                "    you SYN-SENT -> CLOSED: RST,ACK for your SYN: connection refused; RFC 9293 3.10.7.3");
    }

    @Test void explainOfYourSegment_showsThePeersReaction() {
        ok("syn");
        ok("ack");
        List<String> e = ok("explain #1").lines();
        assertThat(e.get(1)).isEqualTo("  sent by you: you typed 'syn'; assist filled in seq, win, options");
        assertThat(e).contains("    #2  peer > you  Flags [S.], seq 0, ack 1, win 64240, options [mss 1460], length 0");
        assertThat(String.join("\n", e)).doesNotContain("#3"); // the next command's segment is not a reaction
    }

    @Test void relativeAndAbsoluteNumbers_readAndShowTheSameSegment() {
        ok("syn");
        int iss = s.world().trace().segment(1).segment().seq();
        int irs = s.world().trace().segment(2).segment().seq();
        ok("set numbers absolute");
        String line = ok("ack seq=" + Integer.toUnsignedString(iss + 1) + " ack=" + Integer.toUnsignedString(irs + 1)).lines().get(0);
        assertThat(line).isEqualTo("#3  you > peer  Flags [.], ack " + Integer.toUnsignedString(irs + 1) + ", win 64240, length 0");
        ok("set numbers relative");
        assertThat(ok("data 3 seq=1 ack=1").lines().get(0)).isEqualTo("#4  you > peer  Flags [P.], seq 1:4, ack 1, win 64240, length 3");
        assertThat(s.world().trace().segment(4).segment().seq()).isEqualTo(iss + 1);
    }

    @Test void packetdrillLine_isInjectedWithItsOwnNumbers() {
        List<String> out = ok("< S 0:0(0) win 32792 <mss 1000,sackOK,nop,nop,nop,wscale 7>").lines();
        assertThat(out.get(0)).isEqualTo("#1  you > peer  Flags [S], seq 0, win 32792, options [mss 1000,sackOK,nop,nop,nop,wscale 7], length 0");
        assertThat(s.world().trace().segment(1).segment().seq()).isZero();
        ok("< . 1:1(0) ack 1 win 257");
        assertThat(lastSent().seq()).isEqualTo(1);
        assertThat(lastSent().ack()).isEqualTo(s.world().trace().segment(2).segment().seq() + 1);
        assertThat(s.state(Side.PEER)).isEqualTo(State.ESTABLISHED);
    }

    @Test void dropNext_losesThePeersSegment_andItComesBackOnRetransmission() {
        ok("drop next");
        List<String> out = ok("syn").lines();
        assertThat(out).contains("#2  LOST on the link (the link dropped it (drop next))");
        assertThat(s.state(Side.YOU)).isEqualTo(State.SYN_SENT);
        assertThat(ok("step").lines()).contains("peer  timer SYN-ACK retransmission fired");
        assertThat(s.state(Side.YOU)).isEqualTo(State.ESTABLISHED);
    }

    @Test void dropNextToPeer_losesYourSegment() {
        ok("drop next to peer");
        assertThat(ok("syn").lines()).contains("#1  LOST on the link (the link dropped it (drop next))");
        assertThat(s.state(Side.PEER)).isEqualTo(State.LISTEN);
    }

    @Test void dupAndDelayNext() {
        assertThat(ok("dup next to peer").lines()).containsExactly("your next segment will be delivered twice");
        assertThat(ok("syn").lines()).contains("#1  delivered again to peer (duplicate)");
        s.reset();
        assertThat(ok("delay next 300ms").lines()).containsExactly("the next segment from the peer will be held back 300 ms");
        assertThat(ok("syn").lines()).endsWith("(a segment is still on the link: it arrives at t=0.300 s; wait or step)");
        assertThat(s.state(Side.YOU)).isEqualTo(State.SYN_SENT);
        assertThat(ok("wait 300ms").lines()).contains("you   SYN-SENT -> ESTABLISHED  (SYN,ACK acknowledges your SYN; your ACK is due; RFC 9293 3.10.7.3)");
    }

    @Test void lossRate_isSeededAndJournaled() {
        assertThat(ok("loss 100%").lines()).containsExactly("random loss 100.0% in both directions (seeded: the same every run)");
        assertThat(ok("syn").lines()).anyMatch(l -> l.startsWith("#1  LOST"));
        assertThat(s.journal()).containsExactly("loss 100%", "syn");
    }

    @Test void step_withNothingScheduled_saysSo() {
        assertThat(ok("step").lines()).containsExactly("nothing is scheduled: the world is quiet");
    }

    @Test void yourSideAsARealStack_connectsAndCloses() {
        List<String> out = ok("you connect").lines();
        assertThat(out.get(0)).startsWith("you   now run a real TCP stack");
        assertThat(s.state(Side.YOU)).isEqualTo(State.ESTABLISHED);
        assertThat(s.state(Side.PEER)).isEqualTo(State.ESTABLISHED);
        ok("you send \"hey\"");
        assertThat(ok("peer read").lines()).contains("peer  read 3 bytes: \"hey\"");
        ok("you close");
        assertThat(s.state(Side.YOU)).isEqualTo(State.FIN_WAIT_2);
        ok("peer close");
        assertThat(s.state(Side.YOU)).isEqualTo(State.TIME_WAIT);
        ok("wait 2msl");
        assertThat(s.state(Side.YOU)).isEqualTo(State.CLOSED);
    }

    @Test void peerConnect_toYourRawSide_isAnsweredBySynack() {
        ok("you listen 9");
        s.reset();
        ok("peer connect");
        assertThat(s.world().trace().segment(1).segment().flags()).isEqualTo(Flags.SYN);
        List<String> out = ok("synack").lines();
        assertThat(out).contains("you   CLOSED -> SYN-RECEIVED  (you answered the peer's SYN with SYN,ACK; RFC 9293 3.10.7.2)");
        assertThat(s.state(Side.YOU)).isEqualTo(State.ESTABLISHED);
    }

    @Test void peerListenAcceptAbortShutdownAndSocketOptions() {
        ok("peer listen 8080 backlog=2");
        ok("syn");
        assertThat(s.world().trace().segment(1).segment().dstPort()).isEqualTo(8080);
        ok("ack");
        assertThat(ok("peer accept").lines()).anyMatch(l -> l.startsWith("peer  accept("));
        ok("peer setsockopt TCP_NODELAY 1");
        assertThat(ok("peer shutdown").lines()).anyMatch(l -> l.contains("Flags [F.]"));
        assertThat(ok("peer abort").lines()).anyMatch(l -> l.contains("Flags [R.]"));
        assertThat(s.execute("peer close").ok()).isFalse();
    }

    @Test void peerAccept_blocks_untilAConnectionArrives() {
        assertThat(ok("peer accept").lines()).contains("peer  accept(3) = ...",
                "peer  accept(3) blocks (it completes when the world moves on: wait, step)");
        assertThat(ok("syn").lines()).doesNotContain("peer  accept(3) = 4");
        assertThat(ok("ack").lines()).contains("peer  accept(3) = 4");
    }

    @Test void views_render() {
        ok("syn");
        ok("ack");
        assertThat(ok("show state").lines()).containsExactly(
                "you   ESTABLISHED  :40000<->:80  (raw mode: your TCB as RFC 9293 keeps it)",
                "peer  LISTEN       :80             fd 3",
                "peer  ESTABLISHED  :80<->:40000    not accepted yet");
        assertThat(ok("show tcb").lines().get(1)).matches("state\\s+ESTABLISHED\\s+ESTABLISHED");
        assertThat(ok("show tcb you").lines().get(0).trim()).isEqualTo("you");
        assertThat(ok("show header #1").lines()).anyMatch(l -> l.contains("Source Port: 40000"));
        assertThat(ok("show hex").lines().get(1)).startsWith("0x0000:  4500");
        assertThat(ok("show trace").lines()).anyMatch(l -> l.startsWith("#3  you > peer"));
        assertThat(ok("show timers").lines()).containsExactly("no timers running");
        assertThat(ok("show diagram").lines()).anyMatch(l -> l.contains("{ESTABLISHED}"));
        assertThat(ok("show ladder").lines()).anyMatch(l -> l.contains("#2 [S.]"));
        assertThat(ok("show settings").lines()).anyMatch(l -> l.startsWith("  tcp_syn_retries"));
        assertThat(s.execute("show header #9").lines()).containsExactly("column 1: there is no segment #9 (segments are #1 to #3)");
    }

    @Test void settings_knobsProfileSeedDelay() {
        assertThat(ok("set tcp_synack_retries=1").lines()).containsExactly("tcp_synack_retries = 1 (the world was rebuilt with it)");
        assertThat(s.settings().get(Knob.tcp_synack_retries)).isEqualTo(1);
        assertThat(ok("set profile rfc9293").lines().get(0)).startsWith("profile rfc9293");
        assertThat(s.settings().get(Knob.tcp_synack_retries)).isEqualTo(1);
        assertThat(s.settings().get(Knob.tcp_msl)).isEqualTo(120);
        ok("syn");
        assertThat(ok("set tcp_fin_timeout=30").lines().get(0)).contains("applies to sockets created");
        assertThat(ok("set seed 7").lines()).containsExactly("seed 7: started again from a fresh world (the journal starts over)");
        assertThat(s.journal()).containsExactly("set seed 7", "set profile rfc9293", "set tcp_synack_retries=1", "set tcp_fin_timeout=30");
        assertThat(ok("set delay 10ms").lines()).containsExactly("link delay 10 ms each way");
        List<String> out = ok("syn").lines();
        assertThat(out).contains("  [+10 ms, t=0.010 s]", "  [+10 ms, t=0.020 s]");
    }

    @Test void saveAndLoad_replayToTheIdenticalTrace(@TempDir Path dir) throws Exception {
        for (String l : List.of("set seed 3", "syn", "drop next", "ack", "data \"x\"", "wait 1s", "peer read", "fin", "peer close", "ack", "wait 2msl")) {
            s.execute(l);
        }
        s.execute("peer close"); // fails after touching nothing: not journaled
        Path f = dir.resolve("j.txt");
        assertThat(ok("save " + f).lines()).containsExactly("saved 11 commands to " + f);
        Session other = new Session(SessionConfig.defaults());
        Outcome o = other.execute("load " + f);
        assertThat(o.ok()).isTrue();
        assertThat(o.lines().get(0)).startsWith("loaded 11 commands from " + f);
        assertThat(other.world().trace().events()).isEqualTo(s.world().trace().events());
        assertThat(other.journal()).isEqualTo(s.journal());
        assertThat(Files.readAllLines(f).get(0)).startsWith("# tcptutor journal");
    }

    @Test void resetHistoryHelpQuit() {
        ok("set assist off");
        ok("syn seq=1 win=10");
        assertThat(ok("history").lines()).containsExactly("   1  set assist off", "   2  syn seq=1 win=10");
        assertThat(ok("reset").lines().get(0)).startsWith("a fresh world: peer (192.0.2.2) listening on port 80");
        assertThat(s.journal()).containsExactly("set assist off");
        assertThat(s.assist()).isFalse();
        assertThat(s.world().trace().of(TraceEvent.Sent.class)).isEmpty();
        assertThat(ok("help").lines()).anyMatch(l -> l.contains("syn [seq=N]"));
        assertThat(ok("help wait").lines()).anyMatch(l -> l.contains("2msl"));
        assertThat(s.execute("help nothing").ok()).isFalse();
        assertThat(ok("quit").quit()).isTrue();
    }

    @Test void unknownCommand_oneLineWithSuggestion_sessionUntouched() {
        ok("syn");
        int before = s.world().trace().size();
        Outcome o = s.execute("fni");
        assertThat(o.ok()).isFalse();
        assertThat(o.command()).isNull();
        assertThat(o.lines()).hasSize(1);
        assertThat(o.error().suggestion()).isEqualTo("fin");
        assertThat(s.world().trace().size()).isEqualTo(before);
        assertThat(s.journal()).containsExactly("syn");
        assertThat(s.execute("close").error().suggestion()).isEqualTo("peer close");
    }

    @Test void extensions_addCommands_andListenersSeeEveryLine() {
        List<String> seen = new ArrayList<>();
        s.onExecuted((line, o) -> seen.add(line + (o.ok() ? "" : " !")));
        s.addExtension(new CommandExtension() {
            @Override public List<CommandInfo> commands() { return List.of(new CommandInfo("hint", "hint", "a hint for this step")); }
            @Override public List<String> candidates(String command, List<String> before) { return List.of("more"); }
            @Override public List<String> run(Session session, Command.Extension c) {
                return List.of("try 'syn'" + (c.args().isEmpty() ? "" : " " + c.args().get(0).text()));
            }
        });
        assertThat(ok("hint more").lines()).containsExactly("try 'syn' more");
        assertThat(s.completer().complete("hi", 2).candidates()).containsExactly("history", "hint");
        assertThat(s.completer().complete("hint m", 6).candidates()).containsExactly("more");
        assertThat(ok("help").lines()).anyMatch(l -> l.contains("a hint for this step"));
        s.execute("hnit");
        s.execute("");
        assertThat(seen).containsExactly("hint more", "help", "hnit !");
        assertThat(s.journal()).isEmpty();
    }

    @Test void yourIsn_fromTheConfig_isUsedByTheFirstSyn() {
        Session t = new Session(SessionConfig.defaults().withYourIsn(1000).withRelativeNumbers(false));
        assertThat(t.execute("syn").lines().get(0)).isEqualTo("#1  you > peer  Flags [S], seq 1000, win 64240, options [mss 1460], length 0");
    }

    @Test void withALinkDelay_aChainOfRepliesRunsToTheEnd_butTimersWait() {
        ok("set delay 10ms");
        List<String> out = ok("you connect").lines();
        assertThat(out).contains("  [+10 ms, t=0.030 s]");
        assertThat(s.state(Side.YOU)).isEqualTo(State.ESTABLISHED);
        assertThat(s.state(Side.PEER)).isEqualTo(State.ESTABLISHED);
        ok("drop next to peer");
        ok("you send \"x\"");
        assertThat(ok("show timers").lines()).anyMatch(l -> l.contains("retransmission") && l.startsWith("you"));
        assertThat(ok("step").lines()).anyMatch(l -> l.startsWith("#5  you > peer") && l.contains("seq 1:2"));
    }

    @Test void settingsBeforeTheFirstSegment_rebuildTheWorld_andKeepTheJournalAsTyped() {
        ok("set seed 2");
        ok("peer listen 8080");
        ok("set tcp_synack_retries=3");
        ok("set profile rfc9293");
        assertThat(s.journal()).containsExactly("set seed 2", "peer listen 8080", "set tcp_synack_retries=3", "set profile rfc9293");
        assertThat(s.world().settings().get(Knob.tcp_synack_retries)).isEqualTo(3);
        ok("syn");
        assertThat(s.world().trace().segment(1).segment().dstPort()).isEqualTo(8080);
        ok("reset");
        ok("syn");
        assertThat(s.world().trace().segment(1).segment().dstPort()).isEqualTo(80);
    }
}
