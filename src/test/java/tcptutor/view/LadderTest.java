package tcptutor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.sim.Reason;
import tcptutor.sim.Side;
import tcptutor.sim.Trace;
import tcptutor.sim.TraceEvent;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;

class LadderTest {
    static List<String> text(Ladder.View v) {
        return v.lines().stream().map(StyledLine::text).toList();
    }

    @Test void handshake_drawsOneArrowPerSegmentAndEachStateWhereItChanges() {
        assertThat(text(Ladder.render(Traces.handshake().events(), true, 44, 0))).containsExactly(
                "time     you                            peer",
                "         SYN-SENT                     LISTEN",
                "   0.000 |-#1 [S] seq 0 win 64240 len 0 -->|",
                "         |                      SYN-RECEIVED",
                "   0.050 |<-#2 [S.] seq 0 ack 1 len 0 -----|",
                "         ESTABLISHED                       |",
                "   0.100 |-#3 [.] seq 1 ack 1 len 0 ------>|",
                "         |                       ESTABLISHED");
    }

    @Test void absoluteNumbers_showTheIsns() {
        List<String> lines = text(Ladder.render(Traces.handshake().events(), false, 60, 0));
        assertThat(lines.get(2)).contains("#1 [S] seq 1000 ");
        assertThat(lines.get(4)).contains("#2 [S.] seq 5000 ack 1001 ");
        assertThat(lines.get(6)).contains("#3 [.] seq 1001 ack 5001 ");
    }

    @Test void wideLadder_addsWindowAndOptions() {
        assertThat(text(Ladder.render(Traces.handshake().events(), true, 90, 0)).get(2))
                .isEqualTo("   0.000 |-#1 [S] seq 0 win 64240 len 0 <mss 1460> ------------------------------------->|");
    }

    @Test void everyLine_isExactlyTheWidthOrShorter() {
        for (int w : new int[]{28, 44, 61, 120}) {
            for (String l : text(Ladder.render(Traces.handshake().events(), true, w, 0))) {
                assertThat(Columns.width(l)).as(l).isLessThanOrEqualTo(w);
            }
        }
    }

    @Test void lostSegment_arrowEndsInAnXShortOfThePeer() {
        Trace t = Traces.synSent();
        Segment fin = Segment.of(40000, 80, 1001, 5001, Flags.FIN | Flags.ACK, 64240, List.of(), new byte[0]);
        t.append(new TraceEvent.Sent(200_000, Side.YOU, 3, fin, Reason.of("you typed 'fin'", "")));
        t.append(new TraceEvent.Lost(200_000, 3, Reason.of("drop next", "")));
        Ladder.View v = Ladder.render(t.events(), true, 44, 0);
        String row = text(v).get(v.rowOf().get(3));
        assertThat(row).startsWith("   0.200 |-#3 [F.] ").contains("-x").endsWith(" |");
        assertThat(row).doesNotContain(">");
        assertThat(v.lines().get(v.rowOf().get(3)).toneAt(12)).isEqualTo(Tone.LOST);
    }

    @Test void lostSegmentFromPeer_startsAtThePeerAndEndsInX() {
        Trace t = Traces.synSent();
        t.append(new TraceEvent.Lost(50_000, 2, Reason.of("drop next", "")));
        Ladder.View v = Ladder.render(t.events(), true, 44, 0);
        String row = text(v).get(v.rowOf().get(2));
        assertThat(row).matches(" {3}0\\.050 \\| +x-#2 \\[S\\.\\] .*-\\|");
    }

    @Test void selectedSegment_isMarkedAndRowsAreIndexed() {
        Ladder.View v = Ladder.render(Traces.handshake().events(), true, 44, 2);
        assertThat(v.segments()).containsExactly(1, 2, 3);
        assertThat(v.rowOf()).containsEntry(1, 2).containsEntry(2, 4).containsEntry(3, 6);
        assertThat(v.lines().get(4).toneAt(20)).isEqualTo(Tone.SELECTED);
        assertThat(v.lines().get(2).toneAt(20)).isEqualTo(Tone.YOU);
    }

    @Test void seconds_roundsToMilliseconds() {
        assertThat(Ladder.seconds(0)).isEqualTo("0.000");
        assertThat(Ladder.seconds(1_500)).isEqualTo("0.002");
        assertThat(Ladder.seconds(60_000_000)).isEqualTo("60.000");
    }
}
