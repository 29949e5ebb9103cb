package tcptutor.view;

import java.util.List;
import tcptutor.sim.Side;
import tcptutor.sim.TraceEvent;
import tcptutor.tcp.State;

/**
 * Each side's current state as the trace tells it: the state of the connection that changed last
 * on that side (a listener's new child, not the listener), CLOSED before anything happened;
 * and the last transition of each side with its cause.
 */
public record Endpoints(State you, State peer, TraceEvent.StateChanged lastYou, TraceEvent.StateChanged lastPeer) {

    public static Endpoints of(List<TraceEvent> events) {
        TraceEvent.StateChanged[] last = new TraceEvent.StateChanged[2];
        for (TraceEvent e : events) {
            if (e instanceof TraceEvent.StateChanged c) last[c.who().ordinal()] = c;
        }
        return new Endpoints(last[0] == null ? State.CLOSED : last[0].to(), last[1] == null ? State.CLOSED : last[1].to(),
                last[0], last[1]);
    }

    public State of(Side side) { return side == Side.YOU ? you : peer; }

    /** The most recent transition of either side, or null. */
    public TraceEvent.StateChanged latest() {
        if (lastYou == null) return lastPeer;
        if (lastPeer == null) return lastYou;
        return lastPeer.at() > lastYou.at() ? lastPeer : lastYou; // same time: yours came first in practice
    }
}
