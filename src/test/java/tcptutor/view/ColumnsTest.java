package tcptutor.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnsTest {
    @Test void cjk_takesTwoColumns() {
        assertThat(Columns.width("TCP")).isEqualTo(3);
        assertThat(Columns.width("三次握手")).isEqualTo(8);
        assertThat(Columns.width("ＡＢ")).isEqualTo(4); // fullwidth forms
        assertThat(Columns.width("ｱ")).isEqualTo(1);   // halfwidth katakana
    }

    @Test void wrap_breaksEnglishAtSpaces() {
        assertThat(Columns.wrap("the peer answers with a SYN-ACK", 12))
                .containsExactly("the peer", "answers with", "a SYN-ACK");
    }

    @Test void wrap_breaksChineseByColumnsNotChars() {
        List<String> lines = Columns.wrap("客户端发送SYN报文，进入SYN-SENT状态。", 10);
        for (String l : lines) assertThat(Columns.width(l)).as(l).isLessThanOrEqualTo(10);
        assertThat(String.join("", lines)).isEqualTo("客户端发送SYN报文，进入SYN-SENT状态。");
        assertThat(lines.get(0)).isEqualTo("客户端发送");
    }

    @Test void wrap_neverStartsALineWithAClosingMark() {
        for (String l : Columns.wrap("一二三四五，六七八九十。", 10)) assertThat(l).doesNotStartWith("，").doesNotStartWith("。");
    }

    @Test void wrap_splitsAWordLongerThanTheLine() {
        assertThat(Columns.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
    }

    @Test void wrap_keepsParagraphsAndIndent() {
        assertThat(Columns.wrap("a b\n\n  indented text here", 10)).containsExactly("a b", "", "  indented", "  text", "  here");
    }

    @Test void cut_neverSplitsAWideChar() {
        assertThat(Columns.cut("握手", 3)).isEqualTo("握");
        assertThat(Columns.fit("handshake", 5)).isEqualTo("hand…");
        assertThat(Columns.pad("握", 4)).isEqualTo("握  ");
    }
}
