package tcptutor.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.tcp.Profile;
import tcptutor.tcp.Settings;

/** The runner's packetdrill semantics, on small scripts against the simulated peer. */
class RunnerTest {
    private static final String LISTEN = """
            0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
            +0 bind(3, ..., ...) = 0
            +0 listen(3, 1) = 0
            """;
    private static final String HANDSHAKE = LISTEN + """
            +0 < S 0:0(0) win 64240 <mss 1460>
            +0 > S. 0:0(0) ack 1 win 64240 <mss 1460>
            +.02 < . 1:1(0) ack 1 win 64240
            +0 accept(3, ..., ...) = 4
            """;

    private static Runner.Outcome run(String text) {
        return Runner.run(Parser.parse("t.pkt", text, null), Settings.linux(), 1, null);
    }

    private static Runner.Failure fails(String text) {
        Runner.Outcome o = run(text);
        assertThat(o.passed()).as("expected the script to fail").isFalse();
        return o.failure();
    }

    private static void passes(String text) {
        Runner.Outcome o = run(text);
        assertThat(o.failure()).as(String.valueOf(o.failure())).isNull();
    }

    // ---- outbound packets ----

    @Test
    void handshake_passes() {
        passes(HANDSHAKE);
    }

    @Test
    void outboundLine_aggregatesConsecutiveSegmentsUpToItsPayload_asPacketdrillDoes() {
        passes(HANDSHAKE + """
                +0 write(4, ..., 3000) = 3000
                +0 > P. 1:3001(3000) ack 1 win 64240
                """);
    }

    @Test
    void outboundLine_absorbsAPureAckJustBeforeTheExpectedData() {
        // the quick ACK of the data is sent first; packetdrill adds it to the data segment that follows
        passes(HANDSHAKE + """
                +.01 < P. 1:11(10) ack 1 win 64240
                +0 write(4, ..., 10) = 10
                +0 > P. 1:11(10) ack 11 win 64230
                """);
    }

    @Test
    void outboundLine_aShortSegmentBeforeThePayloadIsComplete_failsTheAggregation() {
        Runner.Failure f = fails(HANDSHAKE + """
                +0 write(4, ..., 3000) = 3000
                +0 > P. 1:4001(4000) ack 1 win 64240
                """);
        assertThat(f.message()).isEqualTo("the segments sent do not add up to this line: after 2920 of 4000 payload bytes "
                + "the next segment differs in fragment payload");
    }

    @Test
    void poll_wrongRevents_saysWhatPollGave() {
        Runner.Failure f = fails(HANDSHAKE + "+0 poll([{fd=4, events=POLLIN|POLLOUT, revents=POLLIN}], 1, 0) = 1\n");
        assertThat(f.message()).isEqualTo("expected revents POLLIN for fd 4 but got POLLOUT");
    }

    @Test
    void poll_withATimeout_waitsInVirtualTimeForData() {
        passes(HANDSHAKE + """
                +0...0.03 poll([{fd=4, events=POLLIN, revents=POLLIN}], 1, 5000) = 1
                +.03 < P. 1:11(10) ack 1 win 64240
                +0 > . 1:1(0) ack 11 win 64230
                +0 poll([{fd=4, events=POLLIN, revents=POLLIN}], 1, 0) = 1
                """);
    }

    @Test
    void wrongWindow_isReportedFieldByField() {
        Runner.Failure f = fails("0 < S 0:0(0) win 64240 <mss 1460>\n+0 > R. 0:0(0) ack 1 win 5\n");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.event()).isEqualTo("+0 > R. 0:0(0) ack 1 win 5");
        assertThat(f.message()).isEqualTo("wrong outbound packet: win: expected 5, got 0");
        assertThat(f.expected()).isEqualTo("R. 0:0(0) ack 1 win 5 at 0.000000");
        assertThat(f.actual()).isEqualTo("R. 0:0(0) ack 1 win 0 at 0.000000");
    }

    @Test
    void wrongFlagsSeqAndAck_areAllListed() {
        Runner.Failure f = fails("0 < S 0:0(0) win 64240 <mss 1460>\n+0 > R 5:5(0) win 0\n");
        assertThat(f.message()).isEqualTo("wrong outbound packet: flags: expected R, got R.; seq: expected 5, got 0");
    }

    @Test
    void windowLeftOut_isNotCompared() {
        passes("0 < S 0:0(0) win 64240 <mss 1460>\n+0 > R. 0:0(0) ack 1\n");
    }

    @Test
    void noOptionsWritten_meansTheSegmentMustCarryNone() {
        Runner.Failure f = fails(LISTEN + "+0 < S 0:0(0) win 64240 <mss 1460>\n+0 > S. 0:0(0) ack 1 win 64240\n");
        assertThat(f.message()).isEqualTo("wrong outbound packet: options: expected none, got <mss 1460>");
    }

    @Test
    void anyOptions_matchWhateverIsSent() {
        passes(LISTEN + "+0 < S 0:0(0) win 64240 <mss 1460>\n+0 > S. 0:0(0) ack 1 win 64240 <...>\n");
    }

    @Test
    void timestampValues_areNotCompared() {
        passes("""
                `sysctl -q net.ipv4.tcp_syn_linear_timeouts=0`
                0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
                +0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0
                +0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)
                +0 > S 0:0(0) <mss 1460,sackOK,TS val 12345 ecr 999,nop,wscale 10>
                """);
    }

    @Test
    void nothingSent_isReportedWithTheWait() {
        Runner.Failure f = fails(HANDSHAKE + "+.1 > . 1:1(0) ack 1\n");
        assertThat(f.line()).isEqualTo(8);
        assertThat(f.message()).isEqualTo("the peer sent nothing (waited until 2.120000 s)");
        assertThat(f.expected()).isEqualTo(". 1:1(0) ack 1 at 0.120000");
        assertThat(f.actual()).isEqualTo("nothing");
    }

    @Test
    void unexpectedSegment_isReportedAtTheNextOutboundLine() {
        Runner.Failure f = fails("""
                0 < S 0:0(0) win 64240 <mss 1460>
                +.1 < S 0:0(0) win 64240 <mss 1460>
                +0 > R. 0:0(0) ack 1 win 0
                """);
        assertThat(f.line()).isEqualTo(3);
        assertThat(f.message()).isEqualTo(
                "timing error: expected outbound packet at 0.100000 sec but it happened at 0.000000 sec; tolerance 0.004000 sec");
        assertThat(f.actual()).isEqualTo("R. 0:0(0) ack 1 win 0 at 0.000000");
    }

    @Test
    void segmentsAfterTheLastLine_areNotExamined() {
        passes("0 < S 0:0(0) win 64240 <mss 1460>\n");
    }

    // ---- time ----

    @Test
    void tolerance_isFourMilliseconds_forShortIntervals() {
        passes(LISTEN + "+0 < S 0:0(0) win 64240 <mss 1460>\n+.003 > S. 0:0(0) ack 1 win 64240 <mss 1460>\n");
        Runner.Failure f = fails(LISTEN + "+0 < S 0:0(0) win 64240 <mss 1460>\n+.005 > S. 0:0(0) ack 1 win 64240 <mss 1460>\n");
        assertThat(f.message()).isEqualTo(
                "timing error: expected outbound packet at 0.005000 sec but it happened at 0.000000 sec; tolerance 0.004000 sec");
    }

    @Test
    void tolerance_isTwelveAndAHalfPercent_ofTheInterval() {
        String synack = LISTEN + "+0 < S 0:0(0) win 64240 <mss 1460>\n+0 > S. 0:0(0) ack 1 win 64240 <mss 1460>\n";
        passes(synack + "+.9 > S. 0:0(0) ack 1 win 64240 <mss 1460>\n");   // retransmitted at 1 s: 0.9 +- 0.1125
        Runner.Failure f = fails(synack + "+.8 > S. 0:0(0) ack 1 win 64240 <mss 1460>\n");
        assertThat(f.message()).isEqualTo(
                "timing error: expected outbound packet at 0.800000 sec but it happened at 1.000000 sec; tolerance 0.100000 sec");
    }

    @Test
    void timeRanges_andAnyTime() {
        String synack = LISTEN + "+0 < S 0:0(0) win 64240 <mss 1460>\n+0 > S. 0:0(0) ack 1 win 64240 <mss 1460>\n";
        passes(synack + "+.95~+1.05 > S. 0:0(0) ack 1 win 64240 <mss 1460>\n");
        passes(synack + "* > S. 0:0(0) ack 1 win 64240 <mss 1460>\n");
        passes(synack + "0.99~1.01 > S. 0:0(0) ack 1 win 64240 <mss 1460>\n");
        Runner.Failure f = fails(synack + "+.5~+.8 > S. 0:0(0) ack 1 win 64240 <mss 1460>\n");
        assertThat(f.message()).isEqualTo("timing error: expected outbound packet in time range 0.500000~0.800000 sec "
                + "but it happened at 1.000000 sec; tolerance 0.062500 sec");
    }

    @Test
    void relativeTimes_addUp_andAbsoluteTimesAreCheckedAgainstTheClock() {
        passes(LISTEN + """
                +0 < S 0:0(0) win 64240 <mss 1460>
                +0 > S. 0:0(0) ack 1 win 64240 <mss 1460>
                +.05 < . 1:1(0) ack 1 win 64240
                +.05 < P. 1:11(10) ack 1 win 64240
                +0 > . 1:1(0) ack 11
                0.1 accept(3, ..., ...) = 4
                """);
    }

    // ---- sequence numbers ----

    @Test
    void nonSynSequenceNumbers_areRelativeToTheScriptsSyn() {
        passes(LISTEN + """
                +0 < S 1000:1000(0) win 64240 <mss 1460>
                +0 > S. 0:0(0) ack 1001 win 64240 <mss 1460>
                +.02 < . 1:1(0) ack 1 win 64240
                +0 accept(3, ..., ...) = 4
                """);
    }

    @Test
    void inboundTsEcr_mustEchoAnOutboundTsVal() {
        Runner.Failure f = fails(LISTEN + """
                +0 < S 0:0(0) win 64240 <mss 1460,sackOK,TS val 100 ecr 0,nop,wscale 7>
                +0 > S. 0:0(0) ack 1 <...>
                +.02 < . 1:1(0) ack 1 win 502 <nop,nop,TS val 120 ecr 5>
                """);
        assertThat(f.line()).isEqualTo(6);
        assertThat(f.message()).isEqualTo("unable to infer the peer's TS ecr for script TS ecr 5: no earlier outbound line had TS val 5");
    }

    @Test
    void inboundTsEcr_isMappedToThePeersRealTsVal() {
        passes(LISTEN + """
                +0 < S 0:0(0) win 64240 <mss 1460,sackOK,TS val 100 ecr 0,nop,wscale 7>
                +0 > S. 0:0(0) ack 1 <mss 1460,sackOK,TS val 700 ecr 100,nop,wscale 10>
                +.02 < . 1:1(0) ack 1 win 502 <nop,nop,TS val 120 ecr 700>
                +0 accept(3, ..., ...) = 4
                """);
    }

    // ---- system calls ----

    @Test
    void fdNumbers_areTheScripts() {
        passes(LISTEN + """
                +0 < S 0:0(0) win 64240 <mss 1460>
                +0 > S. 0:0(0) ack 1 win 64240 <mss 1460>
                +.02 < . 1:1(0) ack 1 win 64240
                +0 accept(3, ..., ...) = 9
                +0 close(9) = 0
                +0 > F. 1:1(0) ack 1 win 64240
                """);
    }

    @Test
    void unknownFd_isReported() {
        Runner.Failure f = fails(LISTEN + "+0 close(7) = 0\n");
        assertThat(f.line()).isEqualTo(4);
        assertThat(f.message()).isEqualTo("no socket has fd 7 in this script (socket() or accept() gives it)");
    }

    @Test
    void wrongErrno_isReported() {
        Runner.Failure f = fails("""
                0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
                +0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0
                +0 connect(3, ..., ...) = -1 EALREADY (Operation already in progress)
                """);
        assertThat(f.message()).isEqualTo("expected errno EALREADY but got -1 EINPROGRESS (Operation now in progress)");
        assertThat(f.expected()).isEqualTo("= -1 EALREADY");
        assertThat(f.actual()).isEqualTo("= -1 EINPROGRESS (Operation now in progress)");
    }

    @Test
    void wrongResult_isReported() {
        Runner.Failure f = fails(HANDSHAKE + "+0 write(4, ..., 10) = 5\n");
        assertThat(f.message()).isEqualTo("expected result 5 but got 10");
    }

    @Test
    void getsockoptValue_isCompared() {
        Runner.Failure f = fails("0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n"
                + "+0 getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNRESET], [4]) = 0\n");
        assertThat(f.message()).isEqualTo("expected option value ECONNRESET but got 0");
    }

    @Test
    void fcntlGetfl_reportsNonBlocking() {
        passes("""
                0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
                +0 fcntl(3, F_GETFL) = O_RDWR
                +0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0
                +0 fcntl(3, F_GETFL) = O_RDWR|O_NONBLOCK
                """);
    }

    @Test
    void sockNonblock_inSocketType_makesConnectReturnEinprogress() {
        passes("""
                0 socket(..., SOCK_STREAM|SOCK_NONBLOCK, IPPROTO_TCP) = 3
                +0 fcntl(3, F_GETFL) = O_RDWR|O_NONBLOCK
                +0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)
                +0 > S 0:0(0) <...>
                """);
    }

    @Test
    void sendAndRecv_withFlagsZero_areWriteAndRead() {
        passes(HANDSHAKE + """
                +0 send(4, ..., 10, 0) = 10
                +0 > P. 1:11(10) ack 1
                +.01 < P. 1:21(20) ack 11 win 64240
                +0 > . 11:11(0) ack 21
                +0 recv(4, ..., 100, 0) = 20
                """);
    }

    @Test
    void sendFlags_areNotModelled() {
        Runner.Failure f = fails(HANDSHAKE + "+0 send(4, ..., 10, MSG_MORE) = 10\n");
        assertThat(f.message()).isEqualTo("send() with flags MSG_MORE is not modelled: the simulated host runs it with flags 0 only");
    }

    @Test
    void optionTheHostLacks_failsSayingSo() {
        Runner.Failure f = fails("0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n+0 setsockopt(3, SOL_SOCKET, SO_SNDBUF, [65536], 4) = 0\n");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.message()).startsWith("unsupported socket option SO_SNDBUF (tcptutor has [SO_REUSEADDR, SO_LINGER");
    }

    @Test
    void codeBlocks_areSkipped() {
        passes("0 < S 0:0(0) win 64240 <mss 1460>\n+0 %{ assert tcpi_state == 7 }%\n+0 > R. 0:0(0) ack 1 win 0\n");
    }

    @Test
    void blockingConnect_waitsInVirtualTime_untilItFails() {
        passes("""
                `sysctl -q net.ipv4.tcp_syn_retries=1 net.ipv4.tcp_syn_linear_timeouts=0`
                0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
                +0 connect(3, ..., ...) = -1 ETIMEDOUT (Connection timed out)
                3 getsockopt(3, SOL_SOCKET, SO_ERROR, [0], [4]) = 0
                """);
    }

    @Test
    void callWithEndTime_runsWhileLaterEventsHappen() {
        String start = LISTEN + "+0 < S 0:0(0) win 64240 <mss 1460>\n+0 > S. 0:0(0) ack 1 win 64240 <mss 1460>\n";
        passes(start + "+0...0.1 accept(3, ..., ...) = 4\n+.1 < . 1:1(0) ack 1 win 64240\n+.1 close(4) = 0\n");
        Runner.Failure f = fails(start + "+0...0.3 accept(3, ..., ...) = 4\n+.1 < . 1:1(0) ack 1 win 64240\n+.1 close(4) = 0\n");
        assertThat(f.line()).isEqualTo(6);
        assertThat(f.message()).isEqualTo("timing error: expected the system call to return at 0.300000 sec but it returned at "
                + "0.100000 sec; tolerance 0.037500 sec");
    }

    @Test
    void callWithEndTime_stillBlockedAtTheEnd_fails() {
        Runner.Failure f = fails(LISTEN + "+0...1 accept(3, ..., ...) = 4\n");
        assertThat(f.message()).isEqualTo("the script ended while this blocking call was still running");
    }

    @Test
    void callThatNeverReturns_isReported() {
        Runner.Failure f = fails(LISTEN + "+0 accept(3, ..., ...) = 4\n");
        assertThat(f.message()).isEqualTo("the call never returned (blocked for 24 h of virtual time)");
    }

    // ---- settings ----

    @Test
    void sysctlsOfTheInitCommand_applyToThePeer() {
        String script = """
                `sysctl -q net.ipv4.tcp_synack_retries=1`
                """ + LISTEN + """
                +0 < S 0:0(0) win 64240 <mss 1460>
                +0 > S. 0:0(0) ack 1 win 64240 <mss 1460>
                +1 > S. 0:0(0) ack 1 win 64240 <mss 1460>
                +5 < . 1:1(0) ack 1 win 64240
                +0 > R 1:1(0) win 0
                """;
        passes(script);
    }

    @Test
    void profile_givesTheDefaults() {
        // the textbook SYN schedule doubles from the start: 0, 1, 3 s (Linux's linear start would resend at 2 s)
        String script = """
                0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
                +0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0
                +0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)
                +0 > S 0:0(0) <...>
                +1 > S 0:0(0) <...>
                +2 > S 0:0(0) <...>
                """;
        Script s = Parser.parse("t.pkt", script, null);
        assertThat(Runner.run(s, Settings.of(Profile.RFC9293), 1, null).passed()).isTrue();
        assertThat(Runner.run(s, Settings.of(Profile.LINUX), 1, null).passed()).isFalse();
    }

    // ---- verbose ----

    @Test
    void verbose_printsEveryEventWithBothSidesStates() {
        List<String> lines = new ArrayList<>();
        Runner.run(Parser.parse("t.pkt", "0 < S 0:0(0) win 64240 <mss 1460>\n+0 > R. 0:0(0) ack 1 win 0\n", null),
                Settings.linux(), 1, lines::add);
        assertThat(lines.get(0)).isEqualTo("t.pkt:1: 0 < S 0:0(0) win 64240 <mss 1460>");
        assertThat(lines.get(1)).startsWith("    0.000000 #1 you > peer  S 0:0(0) win 64240 <mss 1460>  (injected by the script, line 1")
                .endsWith("[you: raw | peer: no sockets]");
        assertThat(lines.get(2)).startsWith("    0.000000 #2 peer > you  R. 0:0(0) ack 1 win 0  (");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("t.pkt:2: +0 > R. 0:0(0) ack 1 win 0");
    }
}
