package tcptutor.drill;

import java.util.List;
import tcptutor.wire.Flags;
import tcptutor.wire.TcpOption;

/**
 * One timed line of a script: a packet to inject ({@code <}) or expect ({@code >}), a system call of the
 * peer's application, or a {@code `command`} block. {@code text} is the event as written, for messages.
 */
public record Event(int line, int col, Timing time, Action action, String text) {

    /** When an event happens, in microseconds: packetdrill's five forms. */
    public record Timing(Kind kind, long usecs, long usecsEnd) {
        public enum Kind { ABSOLUTE, RELATIVE, ANY, ABSOLUTE_RANGE, RELATIVE_RANGE }

        public boolean relative() { return kind == Kind.RELATIVE || kind == Kind.RELATIVE_RANGE || kind == Kind.ANY; }

        public boolean range() { return kind == Kind.ABSOLUTE_RANGE || kind == Kind.RELATIVE_RANGE; }
    }

    public sealed interface Action permits Packet, Syscall, Command, Code {}

    /**
     * A TCP segment line. {@code ack} is 0 when not written; {@code window} is null when not written (outbound:
     * not compared); {@code options} is null for {@code <...>} (outbound: any options).
     */
    public record Packet(boolean inbound, int flags, long start, int length, long ack, Integer window, int urgent,
                         List<TcpOption> options) implements Action {
        public Packet {
            options = options == null ? null : List.copyOf(options);
        }

        public boolean has(int flag) { return Flags.has(flags, flag); }
    }

    /** A system call: {@code name(args) = result [ERRNO (note)]}; {@code endUsecs} is null unless written {@code ...END}. */
    public record Syscall(String name, List<Expr> args, Expr result, String errno, String note, Long endUsecs)
            implements Action {
        public Syscall { args = List.copyOf(args); }

        public boolean blocking() { return endUsecs != null; }
    }

    /** A {@code `shell`} block: the settings its sysctl commands make (anything else was skipped with a warning). */
    public record Command(List<Sysctl> settings) implements Action {
        public Command { settings = List.copyOf(settings); }
    }

    /** A {@code %{ python }%} block: packetdrill runs it after the script; tcptutor skips it (with a warning). */
    public record Code(String text) implements Action {}

    public boolean inboundPacket() { return action instanceof Packet p && p.inbound(); }

    public boolean outboundPacket() { return action instanceof Packet p && !p.inbound(); }
}
