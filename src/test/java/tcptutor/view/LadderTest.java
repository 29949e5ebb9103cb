package tcptutor.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LadderTest {
    static String text(Ladder.View v) {
        StringBuilder b = new StringBuilder();
        for (StyledLine l : v.lines()) b.append(l.text()).append('\n');
        return b.toString();
    }

    @Test void peek() {
        System.out.println(text(Ladder.render(Traces.handshake().events(), true, 44, 2)));
        System.out.println(text(Ladder.render(Traces.handshake().events(), false, 90, 2)));
        System.out.println(text(Ladder.render(Traces.handshake().events(), true, 28, 2)));
    }
}
