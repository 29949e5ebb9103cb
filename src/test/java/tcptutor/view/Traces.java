package tcptutor.view;

import java.util.List;
import tcptutor.sim.Conn;
import tcptutor.sim.Reason;
import tcptutor.sim.Side;
import tcptutor.sim.Timer;
import tcptutor.sim.Trace;
import tcptutor.sim.TraceEvent;
import tcptutor.tcp.State;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/** Hand-built traces for view tests (what the engine appends for the same story). */
public final class Traces {
    public static final int YOU_ISN = 1000, PEER_ISN = 5000;
    public static final Conn YOU_CONN = new Conn(40000, 80), PEER_CONN = new Conn(80, 40000);

    private Traces() {}

    public static Segment syn() {
        return Segment.of(40000, 80, YOU_ISN, 0, Flags.SYN, 64240, List.of(new TcpOption.Mss(1460)), new byte[0]);
    }

    public static Segment synAck() {
        return Segment.of(80, 40000, PEER_ISN, YOU_ISN + 1, Flags.SYN | Flags.ACK, 65535,
                List.of(new TcpOption.Mss(1460)), new byte[0]);
    }

    public static Segment ack() {
        return Segment.of(40000, 80, YOU_ISN + 1, PEER_ISN + 1, Flags.ACK, 64240, List.of(), new byte[0]);
    }

    /** The peer listening on port 80, at time 0. */
    public static Trace listening() {
        Trace t = new Trace();
        t.append(new TraceEvent.StateChanged(0, Side.PEER, new Conn(80, 0), State.CLOSED, State.LISTEN,
                Reason.of("listen() called", "RFC 9293 3.10.1")));
        return t;
    }

    /** You sent a SYN at 0; the peer got it at 50 ms and answered SYN-ACK; it is on its way back. */
    public static Trace synSent() {
        Trace t = listening();
        t.append(new TraceEvent.StateChanged(0, Side.YOU, YOU_CONN, State.CLOSED, State.SYN_SENT,
                Reason.of("you sent a SYN", "RFC 9293 3.10.1")));
        t.append(new TraceEvent.Sent(0, Side.YOU, 1, syn(), Reason.of("you typed 'syn'", "")));
        t.append(new TraceEvent.Delivered(50_000, Side.PEER, 1));
        t.append(new TraceEvent.StateChanged(50_000, Side.PEER, PEER_CONN, State.LISTEN, State.SYN_RECEIVED,
                Reason.of("SYN for a listening socket", "RFC 9293 3.10.7.2")));
        t.append(new TraceEvent.TimerChanged(50_000, Side.PEER, PEER_CONN, Timer.SYNACK,
                TraceEvent.TimerAction.ARMED, 1_050_000));
        t.append(new TraceEvent.Sent(50_000, Side.PEER, 2, synAck(), Reason.of("SYN for a listening socket", "RFC 9293 3.10.7.2")));
        return t;
    }

    /** The whole three-way handshake; both ESTABLISHED at 150 ms. */
    public static Trace handshake() {
        Trace t = synSent();
        t.append(new TraceEvent.Delivered(100_000, Side.YOU, 2));
        t.append(new TraceEvent.StateChanged(100_000, Side.YOU, YOU_CONN, State.SYN_SENT, State.ESTABLISHED,
                Reason.of("SYN-ACK acknowledges our SYN", "RFC 9293 3.10.7.3")));
        t.append(new TraceEvent.Sent(100_000, Side.YOU, 3, ack(), Reason.of("you typed 'ack'", "")));
        t.append(new TraceEvent.Delivered(150_000, Side.PEER, 3));
        t.append(new TraceEvent.TimerChanged(150_000, Side.PEER, PEER_CONN, Timer.SYNACK,
                TraceEvent.TimerAction.CANCELLED, 1_050_000));
        t.append(new TraceEvent.StateChanged(150_000, Side.PEER, PEER_CONN, State.SYN_RECEIVED, State.ESTABLISHED,
                Reason.of("ACK of our SYN", "RFC 9293 3.10.7.4")));
        return t;
    }
}
