package tcptutor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.tcp.State;

class StateDiagramTest {
    static String text(List<StyledLine> lines) {
        return String.join("\n", lines.stream().map(StyledLine::text).toList());
    }

    @Test void bothTemplates_nameAllElevenStates() {
        for (List<String> t : List.of(StateDiagram.FULL, StateDiagram.COMPACT)) {
            String all = String.join("\n", t);
            for (State s : State.values()) assertThat(all).contains(" " + s.rfcName());
        }
    }

    @Test void full_marksYoursInBracketsAndThePeersInAngles() {
        String d = text(StateDiagram.render(State.SYN_SENT, State.SYN_RECEIVED, 80, 30));
        assertThat(d).contains("send / snd SYN -->[SYN-SENT]").contains(" <SYN-RECEIVED><---").doesNotContain("{");
        assertThat(d.lines().count()).isEqualTo(StateDiagram.FULL_HEIGHT);
    }

    @Test void sameState_isMarkedAsBoth() {
        List<StyledLine> d = StateDiagram.render(State.ESTABLISHED, State.ESTABLISHED, 80, 30);
        StyledLine row = d.stream().filter(l -> l.text().contains("ESTABLISHED")).findFirst().orElseThrow();
        assertThat(row.text()).contains(">{ESTABLISHED}<");
        assertThat(row.toneAt(row.text().indexOf("ESTABLISHED"))).isEqualTo(Tone.BOTH_MARK);
    }

    @Test void closed_isMarkedWhereverItIsDrawn() {
        String d = text(StateDiagram.render(State.CLOSED, State.LISTEN, 80, 30));
        assertThat(d).contains("[CLOSED]").contains("+->[CLOSED]<--+").contains("<LISTEN>");
    }

    @Test void narrowPane_getsTheCompactDiagramWithTheSameMarks() {
        List<StyledLine> d = StateDiagram.render(State.SYN_SENT, State.SYN_RECEIVED, 35, 30);
        assertThat(text(d)).isEqualTo("""
                 CLOSED  LISTEN [SYN-SENT]
                <SYN-RECEIVED> ESTABLISHED\s
                 FIN-WAIT-1  FIN-WAIT-2  TIME-WAIT\s
                 CLOSING  CLOSE-WAIT  LAST-ACK\s""");
        StyledLine first = d.get(0);
        assertThat(first.toneAt(first.text().indexOf("SYN-SENT"))).isEqualTo(Tone.YOU_MARK);
        assertThat(d.get(1).toneAt(1)).isEqualTo(Tone.PEER_MARK);
    }

    @Test void causes_giveTheLastTransitionWithItsRule() {
        Endpoints now = Endpoints.of(Traces.synSent().events());
        assertThat(now.you()).isEqualTo(State.SYN_SENT);
        assertThat(now.peer()).isEqualTo(State.SYN_RECEIVED);
        assertThat(text(StateDiagram.causes(now, 200, 2))).isEqualTo("""
                peer  LISTEN -> SYN-RECEIVED at 0.050: SYN for a listening socket; RFC 9293 3.10.7.2
                you  CLOSED -> SYN-SENT at 0.000: you sent a SYN; RFC 9293 3.10.1""");
        assertThat(StateDiagram.causes(now, 200, 1)).hasSize(1);
    }

    @Test void nothingYet_isClosedOnBothSides() {
        Endpoints now = Endpoints.of(List.of());
        assertThat(now.you()).isEqualTo(State.CLOSED);
        assertThat(text(StateDiagram.causes(now, 40, 2))).isEqualTo("no state changes yet");
    }
}
