package tcptutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every shipped lesson's walk-through runs to its end with every expect met. */
class WalkthroughTest {
    @TestFactory
    List<DynamicTest> everyLesson_walksThroughToItsEnd() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Lesson l : LessonLibrary.load(Path.of("lessons")).lessons()) {
            tests.add(DynamicTest.dynamicTest(l.id(), () -> {
                StringBuilder t = new StringBuilder();
                Walkthrough.Result r = Walkthrough.run(l, "en", line -> t.append(line).append('\n'), () -> { });
                assertThat(r.problems()).as(t.toString()).extracting(Problem::toString).isEmpty();
                assertThat(r.ok()).isTrue();
                assertThat(t).contains("walk-through complete");
            }));
        }
        return tests;
    }
}
