package tcptutor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tcptutor.lesson.LessonLibrary;
import tcptutor.lesson.LessonRun;
import tcptutor.lesson.ProgressStore;
import tcptutor.tui.LessonFeed;
import tcptutor.view.LessonPage;

class LessonFeedsTest {
    static final LessonLibrary LIBRARY = LessonLibrary.load(Path.of("lessons"));

    @Test void aLessonInProgress_feedsTitleStepTextAndStatus() {
        LessonRun run = LessonRun.start(LIBRARY.get("handshake"), ProgressStore.NONE, "en");
        LessonPage p = LessonFeeds.of(run, List.of()).page().orElseThrow();
        assertThat(p.lessonId()).isEqualTo("handshake");
        assertThat(p.step()).isEqualTo(1);
        assertThat(p.steps()).isEqualTo(LIBRARY.get("handshake").steps().size());
        assertThat(p.title()).isEqualTo(LIBRARY.get("handshake").title().in("en"));
        assertThat(p.text()).isNotBlank();
        assertThat(p.status()).isNotBlank();

        run.session().execute("hint");
        assertThat(LessonFeeds.of(run, List.of()).page().orElseThrow().hints()).hasSizeLessThanOrEqualTo(1);
    }

    @Test void welcome_listsTheLessonsOnceLoaded_andSaysSo() throws Exception {
        LessonFeed f = LessonFeeds.welcome(Path.of("lessons"), ProgressStore.NONE);
        assertThat(f.page()).isEmpty();
        assertThat(f.lessons()).isEmpty(); // nothing read before the first frame
        CountDownLatch loaded = new CountDownLatch(1);
        f.attach(loaded::countDown);
        assertThat(loaded.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(f.lessons()).hasSize(LIBRARY.lessons().size());
        assertThat(f.lessons()).extracting(LessonPage.Entry::id).contains("handshake", "tcp-basics");
    }
}
