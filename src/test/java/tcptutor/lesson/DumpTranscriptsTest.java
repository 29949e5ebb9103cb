package tcptutor.lesson;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DumpTranscriptsTest {
    @Test
    void dump() throws Exception {
        Files.createDirectories(Path.of("target/transcripts"));
        for (Lesson l : LessonLibrary.load(Path.of("lessons")).lessons()) {
            StringBuilder t = new StringBuilder();
            Walkthrough.Result r = Walkthrough.run(l, "en", line -> t.append(line).append('\n'), () -> { });
            for (Problem p : r.problems()) t.append("PROBLEM ").append(p).append('\n');
            Files.writeString(Path.of("target/transcripts/" + l.id() + ".txt"), t.toString());
        }
    }
}
