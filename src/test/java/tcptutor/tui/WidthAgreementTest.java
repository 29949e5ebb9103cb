package tcptutor.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalTextUtils;
import org.junit.jupiter.api.Test;
import tcptutor.view.Columns;

/** The views wrap by the same widths Lanterna draws with, so a wrapped line never spills over. */
class WidthAgreementTest {
    @Test void columnsAndLanterna_agreeOnEveryBmpCharacter() {
        for (char c = 0x20; c < 0xFFFF; c++) {
            if (Character.isSurrogate(c)) continue;
            assertThat(Columns.width(c) == 2).as("U+%04X", (int) c).isEqualTo(TerminalTextUtils.isCharDoubleWidth(c));
        }
    }
}
