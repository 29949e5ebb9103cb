package tcptutor.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tcptutor.sim.Side;
import tcptutor.sim.Timer;
import tcptutor.sim.Trace;
import tcptutor.sim.TraceEvent;

class TimerListTest {
    @Test void armedTimer_countsDownInVirtualTime() {
        assertThat(TimerList.render(Traces.synSent().events(), 50_000, 60))
                .extracting(StyledLine::text)
                .containsExactly("peer SYN-ACK retransmission  in 1.000 s  (at 1.050)");
    }

    @Test void cancelledTimer_isGone() {
        assertThat(TimerList.render(Traces.handshake().events(), 150_000, 60))
                .extracting(StyledLine::text).containsExactly("no timers running");
    }

    @Test void timeWait_saysWhenItEnds_soonestFirst() {
        Trace t = Traces.handshake();
        t.append(new TraceEvent.TimerChanged(200_000, Side.YOU, Traces.YOU_CONN, Timer.TIME_WAIT,
                TraceEvent.TimerAction.ARMED, 60_200_000));
        t.append(new TraceEvent.TimerChanged(200_000, Side.PEER, Traces.PEER_CONN, Timer.DELAYED_ACK,
                TraceEvent.TimerAction.ARMED, 240_000));
        assertThat(TimerList.render(t.events(), 1_200_000, 80)).extracting(StyledLine::text).containsExactly(
                "peer delayed ACK  in 0.000 s  (at 0.240)",
                "you  TIME-WAIT  ends in 59.000 s  (at 60.200)");
    }

    @Test void narrowPane_dropsTheDeadline_thenTheWords() {
        assertThat(TimerList.render(Traces.synSent().events(), 50_000, 40)).extracting(StyledLine::text)
                .containsExactly("peer SYN-ACK retransmission  in 1.000 s");
        assertThat(TimerList.render(Traces.synSent().events(), 50_000, 35)).extracting(StyledLine::text)
                .containsExactly("peer SYN-ACK retransmission 1.000s");
    }
}
