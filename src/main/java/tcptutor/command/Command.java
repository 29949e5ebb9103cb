package tcptutor.command;

import java.util.List;
import tcptutor.sim.Side;
import tcptutor.tcp.Knob;
import tcptutor.tcp.Profile;
import tcptutor.wire.TcpOption;

/**
 * One parsed line of the learner's command language. The same records come from the REPL, the text UI's
 * console and lesson files; the session runs them. Numbers the learner left out are null (assist mode
 * fills them; manual mode reports them missing).
 */
public sealed interface Command {

    /** The line as typed, for the journal and error columns. */
    String line();

    /**
     * A crafted segment from your side: {@code syn}, {@code ack}, {@code fin}, {@code rst}, {@code data},
     * {@code synack}, {@code send FLAGS} or a packetdrill line ({@code < S. 0:0(0) ack 1 win 1000}).
     * {@code seq}/{@code ack} are as typed, relative or absolute per {@link #numbering()}.
     * {@code options} is null when none were given (assist adds its defaults to a SYN), empty for "none".
     */
    record Send(String line, String verb, int flags, Long seq, Long ack, Long win, Integer srcPort, Integer dstPort,
                List<TcpOption> options, Long tsVal, Long tsEcr, byte[] payload, Numbering numbering,
                long delayMicros) implements Command {
        public Send {
            options = options == null ? null : List.copyOf(options);
            payload = payload.clone();
        }
        @Override public byte[] payload() { return payload.clone(); }
    }

    /** How typed seq/ack values are read. */
    enum Numbering {
        /** As the session's "set numbers" says. */
        SESSION,
        /** packetdrill's convention: seq absolute (your own numbers), ack relative to the peer's ISN. */
        PACKETDRILL
    }

    /** A socket call on one side: {@code you connect 80}, {@code peer send "hi"}, {@code peer setsockopt SO_LINGER 0}. */
    record SocketCall(String line, Side side, Action action, Integer port, Integer backlog, byte[] data,
                      String optName, Long optValue) implements Command {
        public SocketCall { data = data == null ? null : data.clone(); }
    }

    enum Action { LISTEN, ACCEPT, CONNECT, SEND, READ, CLOSE, SHUTDOWN, ABORT, SETSOCKOPT }

    /** {@code wait 200ms}, {@code wait 3s}, {@code wait 2msl}: micros, or a multiple of MSL (resolved from the settings). */
    record Wait(String line, long micros, double msl) implements Command {}

    /** {@code step [N]}: run the next N scheduled events. */
    record Step(String line, int count) implements Command {}

    /** {@code drop next}, {@code dup next}, {@code delay next 300ms}: a fault for the next segment sent by {@code from}. */
    record Fault(String line, FaultKind kind, Side from, long micros) implements Command {}

    enum FaultKind { DROP, DUPLICATE, DELAY }

    /** {@code loss 10%}. */
    record Loss(String line, double rate) implements Command {}

    /** {@code show WHAT [you|peer] [#N]}; side and id may be null. */
    record Show(String line, View what, Side side, Integer id) implements Command {}

    enum View { STATE, TCB, HEADER, HEX, TRACE, TIMERS, DIAGRAM, LADDER, SETTINGS }

    /** {@code explain [#N]}; id null means the last segment. */
    record Explain(String line, Integer id) implements Command {}

    /** {@code set numbers relative|absolute}. */
    record SetNumbers(String line, boolean relative) implements Command {}

    /** {@code set assist on|off}. */
    record SetAssist(String line, boolean on) implements Command {}

    /** {@code set profile linux|rfc9293}. */
    record SetProfile(String line, Profile profile) implements Command {}

    /** {@code set KNOB=VALUE}. */
    record SetKnob(String line, Knob knob, long[] values) implements Command {
        public SetKnob { values = values.clone(); }
        @Override public long[] values() { return values.clone(); }
    }

    /** {@code set seed N}: starts the world again with this seed. */
    record SetSeed(String line, long seed) implements Command {}

    /** {@code set delay 10ms}: one-way link delay in both directions. */
    record SetDelay(String line, long micros) implements Command {}

    record Reset(String line) implements Command {}

    record History(String line) implements Command {}

    record Save(String line, String file) implements Command {}

    record Load(String line, String file) implements Command {}

    /** {@code export pcap FILE}: the session's segments as a capture file ({@code format} is "pcap"). */
    record Export(String line, String format, String file) implements Command {}

    /** {@code help [COMMAND]}; topic may be null. */
    record Help(String line, String topic) implements Command {}

    record Quit(String line) implements Command {}

    /** A command word added by a {@code CommandExtension} (e.g. a lesson's {@code hint}); args are its words. */
    record Extension(String line, String name, List<Token> args) implements Command {
        public Extension { args = List.copyOf(args); }
    }
}
