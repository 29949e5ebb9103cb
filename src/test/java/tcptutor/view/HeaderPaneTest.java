package tcptutor.view;

import org.junit.jupiter.api.Test;
import tcptutor.sim.TraceEvent;

class HeaderPaneTest {
    @Test void peek() {
        var events = Traces.handshake().events();
        TraceEvent.Sent s = Traces.handshake().segment(2);
        for (int w : new int[]{34, 70}) {
            HeaderPane.View v = HeaderPane.render(s, events, true, 5, w);
            for (StyledLine l : v.lines()) System.out.println(l.text());
            for (StyledLine l : v.hex()) System.out.println(l.text());
            System.out.println(v.highlightFrom() + "-" + v.highlightTo());
        }
    }
}
