package tcptutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complete example in lessons/FORMAT.md is a working lesson. */
class FormatExampleTest {
    @Test
    void formatMdExample_passesCheckLessons(@TempDir Path dir) throws Exception {
        String md = Files.readString(Path.of("lessons/FORMAT.md"));
        int start = md.indexOf("```yaml\nid: first-fin");
        String yaml = md.substring(start + "```yaml\n".length(), md.indexOf("```", start + 7));
        Files.writeString(dir.resolve("25-first-fin.yaml"), yaml);
        Files.writeString(dir.resolve("05-handshake.yaml"), Files.readString(Path.of("lessons/05-handshake.yaml")).replace("requires: [header]\n", ""));
        LessonChecker.Report r = LessonChecker.check(dir);
        assertThat(r.problems()).extracting(Problem::toString).isEmpty();
        assertThat(r.lessons()).isEqualTo(2);
    }
}
