package tcptutor.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {
    @TempDir Path dir;

    @Test void readsWhatJLineWrites() throws Exception {
        Path f = dir.resolve("history");
        Files.writeString(f, "1795321999848:syn\n1795321999851:data \"a\\\\b\"\n1795321999851:two\\nlines\n");
        assertThat(HistoryFile.read(f)).containsExactly("syn", "data \"a\\b\"", "two\nlines");
    }

    @Test void appendsInTheSameFormat_andReadsItBack() {
        Path f = dir.resolve("sub/history");
        assertThat(HistoryFile.append(f, List.of("syn", "data \"x\\y\""), 1000)).isTrue();
        assertThat(HistoryFile.append(f, List.of("ack"), 2000)).isTrue();
        assertThat(HistoryFile.read(f)).containsExactly("syn", "data \"x\\y\"", "ack");
    }

    @Test void missingFile_isNoHistory() {
        assertThat(HistoryFile.read(dir.resolve("none"))).isEmpty();
        assertThat(HistoryFile.read(null)).isEmpty();
    }
}
