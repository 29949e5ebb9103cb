package tcptutor.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.wire.TestBytes.hex;

import org.junit.jupiter.api.Test;

class HexDumpTest {
    @Test void seedBytes_renderLikeTcpdumpX() {
        assertThat(HexDump.render(hex(TestBytes.SEED_SYN))).isEqualTo(String.join("\n",
                "0x0000:  4510 003c ca49 4000 4006 7260 7f00 0001  E..<.I@.@.r`....",
                "0x0010:  7f00 0001 96a0 0017 fce5 5d4e 0000 0000  ..........]N....",
                "0x0020:  a002 ffd7 fe30 0000 0204 ffd7 0402 080a  .....0..........",
                "0x0030:  e940 446b 0000 0000 0103 0307            .@Dk........"));
    }

    @Test void oddLength_andHexOnly() {
        assertThat(HexDump.renderHex(hex("4142 43"))).isEqualTo("0x0000:  4142 43");
        assertThat(HexDump.render(hex("4142 43"))).isEqualTo("0x0000:  4142 43" + " ".repeat(32) + "  ABC");
    }

    @Test void columns_pointAtTheBytesCharacters() {
        String line = HexDump.lines(hex(TestBytes.SEED_SYN), true).get(2);
        int checksumAt = 36; // bytes 36-37 hold 0xfe30
        assertThat(HexDump.line(checksumAt)).isEqualTo(2);
        assertThat(line.substring(HexDump.hexColumn(checksumAt), HexDump.hexColumn(checksumAt) + 4)).isEqualTo("fe30");
        assertThat(line.substring(HexDump.hexColumn(checksumAt + 1), HexDump.hexColumn(checksumAt + 1) + 2)).isEqualTo("30");
        assertThat(line.charAt(HexDump.asciiColumn(checksumAt + 1))).isEqualTo('0');
    }

    @Test void renderedDump_parsesBack() {
        byte[] b = hex(TestBytes.SEED_SYN + "0d0a 2020 4142");
        assertThat(HexDumpParser.parse(HexDump.render(b)).value()).isEqualTo(b);
        assertThat(HexDumpParser.parse(HexDump.renderHex(b)).value()).isEqualTo(b);
    }
}
