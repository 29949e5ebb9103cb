package tcptutor.command;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tcptutor.session.Outcome;
import tcptutor.session.Session;
import tcptutor.session.SessionConfig;

/** Any typed line: the parser answers with a command or a CommandError, never anything else. */
class CommandProperties {
    private final Parser parser = new Parser();
    private final Completer completer = new Completer();

    @Provide Arbitrary<String> lines() {
        Arbitrary<String> words = Arbitraries.of("syn", "ack", "fin", "rst", "data", "send", "synack", "you", "peer", "wait",
                "step", "drop", "dup", "delay", "loss", "show", "explain", "set", "help", "next", "from", "to", "seq=",
                "ack=", "win=", "mss=", "ts=", "wscale=", "<", ">", "S.", "0:0(0)", "\"", "#", "#3", "=", "200ms", "2msl",
                "10%", "tcp_rmem=", "listen", "backlog=", "setsockopt", "SO_LINGER", "<mss", "1460>", "+0.1", "-1",
                "4294967296", "0x", "\\x", "numbers", "profile", "seed");
        Arbitrary<String> noise = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12);
        return Arbitraries.oneOf(words, words, noise).list().ofMaxSize(7).map(l -> String.join(" ", l));
    }

    @Property(tries = 2000) void parse_returnsACommandOrACommandError(@ForAll("lines") String line) {
        try {
            parser.parse(line);
        } catch (CommandError e) {
            assertThat(e.column()).isBetween(1, line.length() + 2);
            assertThat(e.oneLine()).startsWith("column ");
        }
    }

    @Property(tries = 2000) void complete_neverThrows(@ForAll("lines") String line) {
        for (int cursor = 0; cursor <= line.length(); cursor += 3) {
            Completer.Completion c = completer.complete(line, cursor);
            assertThat(c.start()).isBetween(0, cursor);
        }
    }

    @Property(tries = 300) void session_neverThrows_andAFailedLineChangesNothing(@ForAll("lines") String a, @ForAll("lines") String b) {
        Session s = new Session(SessionConfig.defaults());
        s.execute(a);
        int events = s.world().trace().size();
        int journal = s.journal().size();
        Outcome o = s.execute(b);
        if (!o.ok() && o.command() == null) {
            assertThat(s.world().trace().size()).isEqualTo(events);
            assertThat(s.journal()).hasSize(journal);
        }
    }
}
