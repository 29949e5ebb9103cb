package tcptutor.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tcptutor.drill.Event.Packet;
import tcptutor.drill.Event.Syscall;
import tcptutor.drill.Event.Timing;
import tcptutor.tcp.Knob;
import tcptutor.wire.Flags;
import tcptutor.wire.TcpOption;

class ParserTest {
    private static Script parse(String text) {
        return Parser.parse("t.pkt", text, null);
    }

    private static Event only(String line) {
        List<Event> evs = parse(line).events();
        assertThat(evs).hasSize(1);
        return evs.get(0);
    }

    private static String errorOf(String text) {
        try {
            parse(text);
        } catch (ScriptError e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for: " + text);
    }

    // ---- times ----

    @Test
    void times_absoluteRelativeAnyAndRanges_becomeMicroseconds() {
        List<Event> evs = parse("""
                0 close(3) = 0
                0.25 close(3) = 0
                +.01 close(3) = 0
                +2 > S 0:0(0) <...>
                * > . 1:1(0)
                +2~+2.1 > S 0:0(0) <...>
                7~7.3 > S 0:0(0) <...>
                """).events();
        assertThat(evs).extracting(Event::time).containsExactly(
                new Timing(Timing.Kind.ABSOLUTE, 0, 0), new Timing(Timing.Kind.ABSOLUTE, 250_000, 0),
                new Timing(Timing.Kind.RELATIVE, 10_000, 0), new Timing(Timing.Kind.RELATIVE, 2_000_000, 0),
                new Timing(Timing.Kind.ANY, 0, 0), new Timing(Timing.Kind.RELATIVE_RANGE, 2_000_000, 2_100_000),
                new Timing(Timing.Kind.ABSOLUTE_RANGE, 7_000_000, 7_300_000));
        assertThat(evs).extracting(Event::line).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void firstEvent_notAtZero_isAnError() {
        assertThat(errorOf("0.5 close(3) = 0")).isEqualTo(
                "t.pkt:1:1: expected the first event at time 0 (write 0 or +0), found 0.5");
    }

    @Test
    void absoluteTime_goingBackward_isAnError() {
        assertThat(errorOf("0 close(3) = 0\n1 close(3) = 0\n0.5 close(3) = 0")).isEqualTo(
                "t.pkt:3:1: time goes backward: 0.5 s is before the previous event's 1 s "
                        + "(use +DELTA for a time relative to the previous event)");
    }

    @Test
    void timeRange_onInboundPacket_isAnError() {
        assertThat(errorOf("0 < S 0:0(0) win 100\n+1~+2 < . 1:1(0) win 100")).isEqualTo(
                "t.pkt:2:1: a time range a~b can only be used with outbound '>' packets");
    }

    @Test
    void anyTime_onSyscall_isAnError() {
        assertThat(errorOf("0 close(3) = 0\n* close(3) = 0")).isEqualTo(
                "t.pkt:2:1: the time * (any time) can only be used with outbound '>' packets");
    }

    @Test
    void codeBlock_isAnEventSkippedWithAWarning() {
        Script s = parse("0 close(3) = 0\n+0 %{\nassert tcpi_rto == 1000000\n}%\n+1 close(4) = 0");
        assertThat(s.events()).hasSize(3);
        assertThat(s.events().get(1).action()).isEqualTo(new Event.Code("assert tcpi_rto == 1000000"));
        assertThat(s.events().get(2).line()).isEqualTo(5);
        assertThat(s.warnings()).containsExactly("t.pkt:2: skipped the %{ }% code block (tcptutor does not run "
                + "packetdrill's Python snippets, so what it asserts is not checked)");
    }

    @Test
    void unclosedCodeBlock_isAnError() {
        assertThat(errorOf("0 close(3) = 0\n+0 %{ assert 1")).isEqualTo("t.pkt:2:4: expected }% to close the code block that starts here");
    }

    @Test
    void missingTime_isAnError() {
        assertThat(errorOf("0 close(3) = 0\n< S 0:0(0) win 1")).isEqualTo(
                "t.pkt:2:1: expected an event time (0.1 from the start, +0.1 after the previous event, * or a range a~b), found '<'");
    }

    // ---- packets ----

    @Test
    void inboundSyn_withOptions_isParsed() {
        Packet p = (Packet) only("0 < S 0:0(0) win 32792 <mss 1000,sackOK,nop,nop,nop,wscale 7>").action();
        assertThat(p).isEqualTo(new Packet(true, Flags.SYN, 0, 0, 0, 32792, 0, List.of(new TcpOption.Mss(1000),
                TcpOption.SACK_PERMITTED, TcpOption.NOP, TcpOption.NOP, TcpOption.NOP, new TcpOption.WindowScale(7))));
    }

    @Test
    void outbound_withAckNoWindow_leavesWindowUnchecked() {
        Packet p = (Packet) only("0 > P. 537:1001(464) ack 1").action();
        assertThat(p).isEqualTo(new Packet(false, Flags.PSH | Flags.ACK, 537, 464, 1, null, 0, List.of()));
    }

    @Test
    void outbound_anyOptions_isNullList() {
        Packet p = (Packet) only("0 > S 0:0(0) <...>").action();
        assertThat(p.options()).isNull();
    }

    @Test
    void flags_everyLetterAndNone() {
        assertThat(((Packet) only("0 > FSRPUEW. 0:0(0)").action()).flags()).isEqualTo(0xFF);
        assertThat(((Packet) only("0 > - 0:0(0)").action()).flags()).isZero();
        assertThat(((Packet) only("0 > . 1:1(0)").action()).flags()).isEqualTo(Flags.ACK);
        assertThat(((Packet) only("0 > R 5:5(0)").action()).flags()).isEqualTo(Flags.RST);
    }

    @Test
    void timestampsAndSack_areParsed() {
        Packet p = (Packet) only("0 < . 1:1(0) ack 1 win 257 <nop,nop,TS val 100 ecr 4294967295,nop,nop,sack 1001:1101 2001:2101>").action();
        assertThat(p.options()).containsExactly(TcpOption.NOP, TcpOption.NOP, new TcpOption.Timestamps(100, -1),
                TcpOption.NOP, TcpOption.NOP, new TcpOption.Sack(List.of(new TcpOption.SackBlock(1001, 1101),
                        new TcpOption.SackBlock(2001, 2101))));
    }

    @Test
    void eventSpanningLines_keepsItsFirstLine() {
        Event e = parse("0 close(3) = 0\n\n+0 > S. 0:0(0)\n   ack 1 <mss 1460>").events().get(1);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.text()).isEqualTo("+0 > S. 0:0(0) ack 1 <mss 1460>");
    }

    @Test
    void inboundWithoutWindow_isAnError() {
        assertThat(errorOf("0 < S 0:0(0) <mss 1460>")).isEqualTo(
                "t.pkt:1:14: expected 'win N' here: an inbound '<' packet needs a window (e.g. win 64240)");
    }

    @Test
    void inboundAnyOptions_isAnError() {
        assertThat(errorOf("0 < S 0:0(0) win 1 <...>")).isEqualTo(
                "t.pkt:1:5: <...> (any options) can only be used on outbound '>' packets");
    }

    @Test
    void inconsistentSequenceRange_isAnError() {
        assertThat(errorOf("0 < P. 1:12(10) ack 1 win 100")).isEqualTo(
                "t.pkt:1:8: inconsistent sequence numbers: END must be START + LEN (1 + 10 = 11, not 12)");
    }

    @Test
    void badFlag_pointsAtTheLetter() {
        assertThat(errorOf("0 < SX 0:0(0) win 1")).isEqualTo(
                "t.pkt:1:6: invalid TCP flag 'X' (flags are F S R P . U E W, or - for none)");
    }

    @Test
    void missingSequenceRange_isAnError() {
        assertThat(errorOf("0 < S win 1")).isEqualTo(
                "t.pkt:1:7: expected the start of START:END(LEN), such as 0:0(0), found 'win'");
    }

    @Test
    void unpaddedOptions_areAnError() {
        assertThat(errorOf("0 < S 0:0(0) win 1 <mss 1460,wscale 7>")).isEqualTo(
                "t.pkt:1:20: TCP options take 7 bytes, not a multiple of 4: pad them with nop (e.g. nop,wscale 7) or eol");
    }

    @Test
    void unknownOption_isAnError() {
        assertThat(errorOf("0 < S 0:0(0) win 1 <mss 1460,foo>")).isEqualTo(
                "t.pkt:1:30: expected a TCP option (mss N, sackOK, sack A:B, TS val X ecr Y, nop, eol, wscale N) or '...', found 'foo'");
    }

    @Test
    void mssOutOfRange_isAnError() {
        assertThat(errorOf("0 < S 0:0(0) win 1 <mss 70000>")).isEqualTo(
                "t.pkt:1:25: mss value out of range: expected 0 to 65535, found 70000");
    }

    @Test
    void optionsWithoutComma_isAnError() {
        assertThat(errorOf("0 < S 0:0(0) win 1 <nop nop>")).isEqualTo(
                "t.pkt:1:25: expected ',' or '>' after a TCP option, found 'nop'");
    }

    // ---- system calls ----

    @Test
    void syscall_withEllipsisPointerAndConstants() {
        Syscall s = (Syscall) only("0 setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0").action();
        assertThat(s).isEqualTo(new Syscall("setsockopt", List.of(new Expr.Num(3), new Expr.Word("SOL_SOCKET"),
                new Expr.Word("SO_REUSEADDR"), new Expr.Ptr(List.of(new Expr.Num(1))), new Expr.Num(4)),
                new Expr.Num(0), null, null, null));
    }

    @Test
    void syscall_errnoAndNote() {
        Syscall s = (Syscall) only("0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)").action();
        assertThat(s.result()).isEqualTo(new Expr.Num(-1));
        assertThat(s.errno()).isEqualTo("EINPROGRESS");
        assertThat(s.note()).isEqualTo("Operation now in progress");
        assertThat(s.args()).containsExactly(new Expr.Num(3), Expr.ANY, Expr.ANY);
    }

    @Test
    void syscall_orFlagsLingerAndEndTime() {
        Syscall f = (Syscall) only("0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0").action();
        assertThat(f.args().get(2)).isEqualTo(new Expr.Or(new Expr.Word("O_RDWR"), new Expr.Word("O_NONBLOCK")));
        Syscall l = (Syscall) only("0 setsockopt(4, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}, 8) = 0").action();
        assertThat(l.args().get(3)).isEqualTo(new Expr.Linger(1, 0));
        Syscall l2 = (Syscall) only("0 setsockopt(4, SOL_SOCKET, SO_LINGER, {onoff=1, linger=5}, 8) = 0").action();
        assertThat(l2.args().get(3)).isEqualTo(new Expr.Linger(1, 5));
        Syscall b = (Syscall) only("0...0.5 accept(3, ..., ...) = 4").action();
        assertThat(b.endUsecs()).isEqualTo(500_000L);
        assertThat(b.blocking()).isTrue();
        Syscall g = (Syscall) only("0 getsockopt(3, SOL_SOCKET, SO_ERROR, [ETIMEDOUT], [4]) = 0").action();
        assertThat(g.args().get(3)).isEqualTo(new Expr.Ptr(List.of(new Expr.Word("ETIMEDOUT"))));
    }

    @Test
    void poll_structPollfdFieldsByName() {
        Syscall p = (Syscall) only("0 poll([{fd=3, events=POLLIN|POLLOUT, revents=POLLOUT}], 1, 0) = 1").action();
        Expr.Struct st = (Expr.Struct) ((Expr.Ptr) p.args().get(0)).items().get(0);
        assertThat(st.fields()).containsOnlyKeys("fd", "events", "revents");
        assertThat(st.fields().get("events")).isEqualTo(new Expr.Or(new Expr.Word("POLLIN"), new Expr.Word("POLLOUT")));
        assertThat(st.toString()).isEqualTo("{fd=3, events=POLLIN|POLLOUT, revents=POLLOUT}");
    }

    @Test
    void unknownSyscall_isAnError() {
        assertThat(errorOf("0 sendfile(3, 4) = 0")).isEqualTo(
                "t.pkt:1:3: unknown system call 'sendfile' (tcptutor runs socket, bind, listen, accept, connect, read, "
                        + "write, close, shutdown, setsockopt, getsockopt, fcntl, poll, and send, recv, sendto, recvfrom with flags 0)");
    }

    @Test
    void wrongArgumentCount_isAnError() {
        assertThat(errorOf("0 listen(3) = 0")).isEqualTo("t.pkt:1:9: listen takes 2 arguments, found 1");
    }

    @Test
    void missingResult_isAnError() {
        assertThat(errorOf("0 close(3)\n+0 close(3) = 0")).isEqualTo(
                "t.pkt:2:1: expected '=' and the expected result after close(...), found '+'");
    }

    @Test
    void unknownConstant_isAnError() {
        assertThat(errorOf("0 setsockopt(3, SOL_SOCKET, SO_FOO, [1], 4) = 0")).isEqualTo(
                "t.pkt:1:29: unknown constant 'SO_FOO' (expected e.g. SOL_SOCKET, SO_REUSEADDR, O_NONBLOCK)");
    }

    @Test
    void unknownErrno_isAnError() {
        assertThat(errorOf("0 read(4, ..., 100) = -1 EFOO (Foo)")).isEqualTo(
                "t.pkt:1:26: unknown errno 'EFOO' (expected e.g. EINPROGRESS, ECONNRESET, ETIMEDOUT)");
    }

    @Test
    void errnoWithoutMinusOne_isAnError() {
        assertThat(errorOf("0 read(4, ..., 100) = 0 ECONNRESET (x)")).isEqualTo(
                "t.pkt:1:21: an errno (ECONNRESET) goes with the result -1, as in = -1 ECONNRESET");
    }

    @Test
    void badLinger_isAnError() {
        assertThat(errorOf("0 setsockopt(4, SOL_SOCKET, SO_LINGER, {on=1, linger=0}, 8) = 0")).isEqualTo(
                "t.pkt:1:41: expected struct linger as {onoff=1, linger=0}, found 'on'");
    }

    // ---- comments and commands ----

    @Test
    void comments_areSkipped() {
        Script s = parse("// a comment\n/* a\n block */ 0 close(3) = 0 // trailing\n+0 close(4) = 0");
        assertThat(s.events()).extracting(Event::line).containsExactly(3, 4);
    }

    @Test
    void unclosedComment_isAnError() {
        assertThat(errorOf("0 close(3) = 0\n/* oops")).isEqualTo(
                "t.pkt:2:1: expected */ to close the comment that starts here");
    }

    @Test
    void initCommand_sysctlsBecomeSettings_otherCommandsWarn() {
        Script s = parse("""
                `sysctl -q net.ipv4.tcp_syn_retries=3 net.ipv4.tcp_syn_linear_timeouts=0
                 tc qdisc add dev tun0 root pfifo 2>/dev/null
                 sysctl -q net.ipv4.tcp_rmem="4096 87380 6291456" net.ipv4.tcp_nope=1`
                0 close(3) = 0
                """);
        assertThat(s.init()).extracting(Sysctl::knob).containsExactly(
                Knob.tcp_syn_retries, Knob.tcp_syn_linear_timeouts, Knob.tcp_rmem);
        assertThat(s.init().get(2).values()).containsExactly(4096, 87380, 6291456);
        assertThat(s.warnings()).containsExactly(
                "t.pkt:2: skipped `tc qdisc add dev tun0 root pfifo` (only sysctl settings are applied)",
                "t.pkt:3: skipped sysctl net.ipv4.tcp_nope (tcptutor has no such setting)");
    }

    @Test
    void timedCommand_isAnEvent() {
        Event e = parse("0 close(3) = 0\n+1 `sysctl -q net.ipv4.tcp_rfc1337=1`").events().get(1);
        assertThat(((Event.Command) e.action()).settings()).extracting(Sysctl::knob).containsExactly(Knob.tcp_rfc1337);
    }

    @Test
    void sysctlWithoutNumber_isAnError() {
        assertThat(errorOf("`sysctl -q net.ipv4.tcp_sack=yes`\n0 close(3) = 0")).isEqualTo(
                "t.pkt:1:30: expected a number after net.ipv4.tcp_sack=, found 'yes'");
    }

    @Test
    void shellScript_isReadFromTheScriptsDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("base.sh"), "#!/bin/bash\n# comment\nsysctl -q net.ipv4.tcp_fin_timeout=30\n"
                + "ethtool -K tun0 gso off >/dev/null 2>&1\nexit 0\nsysctl -q net.ipv4.tcp_sack=0\n");
        Path pkt = dir.resolve("x.pkt");
        Files.writeString(pkt, "`./base.sh`\n0 close(3) = 0\n");
        Script s = Parser.parse(pkt);
        assertThat(s.init()).extracting(Sysctl::toString).containsExactly("tcp_fin_timeout=30");
        assertThat(s.warnings()).containsExactly("base.sh:4: skipped `ethtool -K tun0 gso off` (only sysctl settings are applied)");
    }

    @Test
    void missingShellScript_isAnError(@TempDir Path dir) throws IOException {
        Path pkt = dir.resolve("x.pkt");
        Files.writeString(pkt, "`./nothere.sh`\n0 close(3) = 0\n");
        assertThatThrownBy(() -> Parser.parse(pkt)).isInstanceOf(ScriptError.class)
                .hasMessage(pkt + ":1:2: cannot read ./nothere.sh (looked for " + dir.resolve("nothere.sh") + ")");
    }

    @Test
    void unclosedBacktick_isAnError() {
        assertThat(errorOf("`sysctl -q net.ipv4.tcp_sack=1\n0 close(3) = 0")).isEqualTo(
                "t.pkt:1:1: expected the closing ` of the command block that starts here");
    }

    @Test
    void toleranceOptions_areRead() {
        Script s = parse("--tolerance_usecs=10000\n--tolerance_percent=5\n--ip_version=ipv4\n0 close(3) = 0");
        assertThat(s.toleranceUsecs()).isEqualTo(10000);
        assertThat(s.tolerancePercent()).isEqualTo(5.0);
        assertThat(s.warnings()).containsExactly(
                "t.pkt:3: ignored option --ip_version (tcptutor knows only --tolerance_usecs and --tolerance_percent)");
    }

    @Test
    void emptyScript_isAnError() {
        assertThat(errorOf("// nothing\n")).isEqualTo(
                "t.pkt:2:1: expected at least one event, such as 0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3");
    }

    @Test
    void everyConformanceScript_parses() throws IOException {
        for (Path p : SharedScripts.conformanceScripts()) {
            Script s = Parser.parse(p);
            assertThat(s.events()).as(p.toString()).isNotEmpty();
            assertThat(s.init()).as(p + " reads defaults.sh").extracting(Sysctl::knob).contains(Knob.tcp_syn_retries);
        }
    }

    @Test
    void conformanceDefaults_areTheTwelveSysctlsOfDefaultsSh() throws IOException {
        Script s = Parser.parse(SharedScripts.conformanceDir().resolve("a-syn-closed-port.pkt"));
        assertThat(s.init()).extracting(Sysctl::toString).containsExactly(
                "tcp_timestamps=1", "tcp_sack=1", "tcp_window_scaling=1", "tcp_syn_retries=6", "tcp_synack_retries=5",
                "tcp_syn_linear_timeouts=4", "tcp_invalid_ratelimit=500", "tcp_challenge_ack_limit=2147483647",
                "tcp_rfc1337=0", "tcp_fin_timeout=60", "tcp_ecn=0");
        assertThat(s.warnings()).containsExactly(
                "defaults.sh:11: skipped `tc qdisc add dev tun0 root pfifo` (only sysctl settings are applied)",
                "defaults.sh:13: skipped `ethtool -K tun0 gso off tso off` (only sysctl settings are applied)");
    }

    @Test
    void everyDrillScript_parses() throws IOException {
        List<Path> scripts = SharedScripts.drillScripts();
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(20);
        for (Path p : scripts) assertThat(Parser.parse(p).events()).as(p.toString()).isNotEmpty();
    }
}
