package tcptutor.sim;

import java.util.Map;
import tcptutor.tcp.TcbSnapshot;

/** One socket of a host as views see it: its ports, TCB, running timers (deadline, µs) and file descriptor (-1 if none). */
public record ConnInfo(Conn conn, TcbSnapshot tcb, Map<Timer, Long> timers, int fd, boolean orphaned) {
    public ConnInfo { timers = Map.copyOf(timers); }
}
