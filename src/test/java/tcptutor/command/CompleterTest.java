package tcptutor.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompleterTest {
    private final Completer c = new Completer();

    private List<String> at(String line) { return c.complete(line, line.length()).candidates(); }

    @Test void emptyLine_offersEveryCommand() {
        assertThat(at("")).contains("syn", "synack", "ack", "data", "fin", "rst", "send", "you", "peer", "wait", "step",
                "drop", "dup", "delay", "loss", "show", "explain", "set", "reset", "history", "save", "load", "export", "help", "quit");
    }

    @Test void commandPrefix() {
        assertThat(at("s")).containsExactly("syn", "synack", "send", "step", "show", "set", "save");
        Completer.Completion x = c.complete("  sh", 4);
        assertThat(x.start()).isEqualTo(2);
        assertThat(x.prefix()).isEqualTo("sh");
    }

    @Test void segmentFieldsAndOptions() {
        assertThat(at("syn ")).contains("seq=", "ack=", "win=", "mss=", "wscale=", "sackok", "ts=", "dport=");
        assertThat(at("ack s")).containsExactly("seq=", "sport=", "sackok");
        assertThat(at("send ")).contains("S", "S.", "R.", "SYN+ACK");
        assertThat(at("send S. w")).containsExactly("win=", "wscale=");
    }

    @Test void subWords() {
        assertThat(at("peer ")).containsExactly("listen", "accept", "connect", "send", "read", "close", "shutdown", "abort", "setsockopt");
        assertThat(at("peer setsockopt SO_")).containsExactly("SO_REUSEADDR", "SO_LINGER", "SO_KEEPALIVE", "SO_ERROR", "SO_RCVBUF");
        assertThat(at("peer listen 80 ")).containsExactly("backlog=");
        assertThat(at("you c")).containsExactly("connect", "close");
        assertThat(at("show ")).containsExactly("state", "tcb", "header", "hex", "trace", "timers", "diagram", "ladder", "settings");
        assertThat(at("show tcb ")).containsExactly("you", "peer");
        assertThat(at("drop ")).containsExactly("next");
        assertThat(at("ex")).containsExactly("explain", "export");
        assertThat(at("export ")).containsExactly("pcap");
        assertThat(at("drop next ")).containsExactly("from", "to");
        assertThat(at("drop next to ")).containsExactly("peer", "you");
        assertThat(at("delay next ")).containsExactly("300ms", "1s");
        assertThat(at("wait ")).containsExactly("200ms", "1s", "3s", "2msl");
        assertThat(at("set numbers ")).containsExactly("relative", "absolute");
        assertThat(at("set profile ")).containsExactly("linux", "rfc9293");
        assertThat(at("set assist ")).containsExactly("on", "off");
        assertThat(at("help fi")).containsExactly("fin");
    }

    @Test void knobNames() {
        assertThat(at("set tcp_syn")).containsExactly("tcp_syn_retries=", "tcp_synack_retries=", "tcp_syn_linear_timeouts=", "tcp_syncookies=");
        assertThat(at("set ")).contains("numbers", "profile", "seed", "tcp_fin_timeout=", "somaxconn=");
    }

    @Test void extensions_andLessonIds() {
        ExtraCommands lessons = new ExtraCommands() {
            @Override public List<CommandInfo> commands() {
                return List.of(new CommandInfo("lesson", "lesson ID", "start a lesson"), new CommandInfo("next", "next", "next step"));
            }
            @Override public List<String> candidates(String command, List<String> before) {
                return command.equals("lesson") && before.isEmpty() ? List.of("handshake", "header", "time-wait") : List.of();
            }
        };
        Completer with = new Completer(() -> List.of(lessons));
        assertThat(with.complete("le", 2).candidates()).containsExactly("lesson");
        assertThat(with.complete("lesson h", 8).candidates()).containsExactly("handshake", "header");
        assertThat(with.complete("lesson handshake ", 17).candidates()).isEmpty();
        assertThat(with.complete("help n", 6).candidates()).containsExactly("next");
    }

    @Test void cursorInTheMiddle_completesTheWordBeforeIt() {
        assertThat(c.complete("sh tcb", 2).candidates()).containsExactly("show");
    }

    @Test void unterminatedQuote_offersNothing_andDoesNotThrow() {
        assertThat(at("data \"abc")).isEmpty();
    }
}
