package tcptutor.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static tcptutor.wire.TestBytes.hex;

import org.junit.jupiter.api.Test;

class HexDumpParserTest {
    static final String SEED = String.join("\n",
            "IP 127.0.0.1.38560 > 127.0.0.1.23: Flags [S], seq 4242890062, win 65495, options [mss 65495,sackOK,TS val 3913303147 ecr 0,nop,wscale 7], length 0    ",
            "        0x0000:  4510 003c ca49 4000 4006 7260 7f00 0001                     ",
            "        0x0010:  7f00 0001 96a0 0017 fce5 5d4e 0000 0000                     ",
            "        0x0020:  a002 ffd7 fe30 0000 0204 ffd7 0402 080a                     ",
            "        0x0030:  e940 446b 0000 0000 0103 0307");

    @Test void tcpdumpX_withSummaryLineAndTrailingSpaces() {
        assertThat(HexDumpParser.parse(SEED).value()).isEqualTo(hex(TestBytes.SEED_SYN));
    }

    @Test void tcpdumpX_asciiColumnIsIgnoredEvenWhenItLooksLikeHex() {
        String dump = "\t0x0000:  6566 6163 6562 6164 6162 6162 6162 6162  efacebadabababab\n"
                + "\t0x0010:  6566 63                                  efc";
        assertThat(HexDumpParser.parse(dump).value()).isEqualTo(hex("6566 6163 6562 6164 6162 6162 6162 6162 6566 63"));
    }

    @Test void tcpdumpXX_withEthernetHeader_decodesThroughTheEthertype() {
        String dump = "\t0x0000:  0000 0000 0000 0000 0000 0000 0800 4510\n"
                + "\t0x0010:  003c ca49 4000 4006 7260 7f00 0001 7f00\n"
                + "\t0x0020:  0001 96a0 0017 fce5 5d4e 0000 0000 a002\n"
                + "\t0x0030:  ffd7 fe30 0000 0204 ffd7 0402 080a e940\n"
                + "\t0x0040:  446b 0000 0000 0103 0307";
        Packet p = PacketDecoder.guess(HexDumpParser.parse(dump).value()).value();
        assertThat(p.link()).isEqualTo("Ethernet");
        assertThat(p.ipOffset()).isEqualTo(14);
        assertThat(p.segment().srcPort()).isEqualTo(38560);
    }

    @Test void twoPacketsInOneOutput_areSeparate() {
        String two = "IP a > b: Flags [S]\n\t0x0000:  4510 003c\nIP b > a: Flags [S.]\n\t0x0000:  4500 0034 0000 0000 0000 0000 0000 0000\n\t0x0010:  ffff";
        assertThat(HexDumpParser.parseAll(two).value()).hasSize(2);
        assertThat(HexDumpParser.parseAll(two).value().get(1)).isEqualTo(hex("4500 0034 0000 0000 0000 0000 0000 0000 ffff"));
    }

    @Test void plainHex_inAnyCommonSpelling() {
        byte[] want = hex("4510003c");
        assertThat(HexDumpParser.parse("4510003c").value()).isEqualTo(want);
        assertThat(HexDumpParser.parse("45 10 00 3c\n").value()).isEqualTo(want);
        assertThat(HexDumpParser.parse("0x4510003C").value()).isEqualTo(want);
        assertThat(HexDumpParser.parse("45:10:00:3c").value()).isEqualTo(want);
    }

    @Test void offsetDumps_wiresharkAndHexdumpC() {
        String ws = "0000   45 10 00 3c ca 49 40 00 40 06 72 60 7f 00 00 01   E..<.I@.@.r`....\n"
                + "0010   7f 00 00 01                                       ....";
        assertThat(HexDumpParser.parse(ws).value()).isEqualTo(hex("4510003cca49400040067260 7f000001 7f000001"));
        String c = "00000000  45 10 00 3c ca 49 40 00  40 06 72 60 7f 00 00 01  |E..<.I@.@.r`....|\n"
                + "00000010  7f 00 00 01                                       |....|";
        assertThat(HexDumpParser.parse(c).value()).isEqualTo(hex("4510003cca49400040067260 7f000001 7f000001"));
    }

    @Test void badCharacter_namesLineAndColumn() {
        assertThat(HexDumpParser.parse("4510\n00zz").error().message())
                .startsWith("line 2, column 3: 'z' is not a hex digit");
    }

    @Test void oddDigitCount_isReported() {
        assertThat(HexDumpParser.parse("4510 003").error().message()).isEqualTo("line 1, column 8: an odd number of hex digits; the last byte has only one digit");
    }

    @Test void missingLine_isReportedByOffset() {
        String dump = "\t0x0000:  4510 003c ca49 4000 4006 7260 7f00 0001\n\t0x0020:  a002";
        assertThat(HexDumpParser.parse(dump).error().message()).isEqualTo("line 2: offset 0x0020 but 0x0010 bytes came before it: a line is missing or cut");
    }

    @Test void badGroup_namesItsColumn() {
        assertThat(HexDumpParser.parse("\t0x0000:  45g0 003c").error().message()).isEqualTo("line 1, column 11: expected groups of 4 hex digits, found '45g0'");
    }

    @Test void nothing_isAnError() {
        assertThat(HexDumpParser.parse("  \n").error().message()).startsWith("no hex bytes found");
    }
}
