package tcptutor.drill;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Whatever text it is given, the parser returns a script or a ScriptError naming a position, and the runner a result: neither throws. */
class DrillProperties {
    private static final String SAMPLE = """
            `sysctl -q net.ipv4.tcp_syn_retries=3 net.ipv4.tcp_syn_linear_timeouts=0`
            0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3
            +0 setsockopt(3, SOL_SOCKET, SO_LINGER, {onoff=1, linger=0}, 8) = 0
            +0 fcntl(3, F_SETFL, O_RDWR|O_NONBLOCK) = 0
            +0 connect(3, ..., ...) = -1 EINPROGRESS (Operation now in progress)
            +0 > S 0:0(0) <mss 1460,sackOK,TS val 0 ecr 0,nop,wscale 10>
            +2~+2.1 > S 0:0(0) <...>
            +.1 < S. 0:0(0) ack 1 win 64240 <mss 1460,nop,nop,sack 1:2 3:4>
            +0...0.5 read(3, ..., 100) = -1 ECONNRESET (Connection reset by peer)
            /* done */ // end
            """;

    @Property(tries = 3000)
    void randomText_neverThrowsAnythingButScriptError(@ForAll @StringLength(max = 200) String text) {
        parse(text);
    }

    @Property(tries = 3000)
    void damagedScripts_neverThrowAnythingButScriptError(@ForAll("damaged") String text) {
        parse(text);
    }

    @Provide
    Arbitrary<String> damaged() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, SAMPLE.length());
        Arbitrary<String> piece = Arbitraries.of(List.of("", "<", ">", "...", "`", "\"", "(", ")", "[", "{", "}", ":", "~",
                "+", "*", "-1", "99999999999999999999", "0x", ".", ",", "/*", "//", "\n", "=", "|", "S.", "win", "ack", "TS"));
        return Arbitraries.integers().between(1, 4).flatMap(n ->
                at.list().ofSize(n).flatMap(cuts -> piece.list().ofSize(n).map(pieces -> {
                    StringBuilder b = new StringBuilder(SAMPLE);
                    for (int i = 0; i < n; i++) {
                        int c = Math.min(cuts.get(i), b.length());
                        int del = Math.min(b.length() - c, i % 2);
                        b.replace(c, c + del, pieces.get(i));
                    }
                    return b.toString();
                })));
    }

    @Property(tries = 300)
    void damagedScripts_runWithoutThrowing(@ForAll("damaged") String text) {
        Script s;
        try {
            s = Parser.parse("p.pkt", text, null);
        } catch (ScriptError e) {
            return;
        }
        Runner.run(s, tcptutor.tcp.Settings.linux(), 1, null);
    }

    @Property(tries = 300)
    void randomCallSequences_runWithoutThrowing(@ForAll("calls") List<String> lines) {
        StringBuilder b = new StringBuilder("0 socket(..., SOCK_STREAM, IPPROTO_TCP) = 3\n");
        for (String l : lines) b.append("+0.1 ").append(l).append('\n');
        Runner.run(Parser.parse("p.pkt", b.toString(), null), tcptutor.tcp.Settings.linux(), 1, null);
    }

    @Provide
    Arbitrary<List<String>> calls() {
        Arbitrary<String> fd = Arbitraries.of("3", "4", "5", "-1");
        Arbitrary<String> num = Arbitraries.of("0", "1", "10", "-1", "100000", "2147483647");
        Arbitrary<String> call = Arbitraries.oneOf(
                fd.map(f -> "bind(" + f + ", ..., ...) = 0"),
                Arbitraries.of("3", "4").flatMap(f -> num.map(n -> "listen(" + f + ", " + n + ") = 0")),
                fd.map(f -> "...0.5 accept(" + f + ", ..., ...) = 4"),
                fd.map(f -> "connect(" + f + ", ..., ...) = -1 EINPROGRESS (x)"),
                fd.flatMap(f -> num.map(n -> "...1 read(" + f + ", ..., " + n + ") = 0")),
                fd.flatMap(f -> num.map(n -> "write(" + f + ", ..., " + n + ") = " + n)),
                fd.map(f -> "close(" + f + ") = 0"),
                fd.map(f -> "shutdown(" + f + ", SHUT_WR) = 0"),
                fd.flatMap(f -> Arbitraries.of("SO_REUSEADDR", "SO_KEEPALIVE", "TCP_KEEPIDLE", "TCP_KEEPCNT", "TCP_NODELAY",
                        "TCP_LINGER2", "SO_ERROR").flatMap(o -> num.map(n -> "setsockopt(" + f + ", SOL_SOCKET, " + o + ", [" + n + "], 4) = 0"))),
                fd.flatMap(f -> num.map(n -> "setsockopt(" + f + ", SOL_SOCKET, SO_LINGER, {onoff=1, linger=" + n + "}, 8) = 0")),
                fd.map(f -> "getsockopt(" + f + ", SOL_SOCKET, SO_ERROR, [0], [4]) = 0"),
                fd.map(f -> "fcntl(" + f + ", F_SETFL, O_RDWR|O_NONBLOCK) = 0"),
                Arbitraries.of("< S 0:0(0) win 64240 <mss 1460>", "< . 1:1(0) ack 1 win 64240", "< R 1:1(0) win 0",
                        "< F. 1:1(0) ack 1 win 0", "< P. 1:101(100) ack 1 win 100", "> S. 0:0(0) ack 1 <...>", "> . 1:1(0) ack 1"));
        return call.list().ofMinSize(1).ofMaxSize(12);
    }

    private static void parse(String text) {
        try {
            Parser.parse("p.pkt", text, null);
        } catch (ScriptError e) {
            if (e.line() < 1 || e.col() < 1) throw new AssertionError("bad position in: " + e.getMessage());
        }
    }
}
