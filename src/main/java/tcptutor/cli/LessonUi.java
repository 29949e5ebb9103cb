package tcptutor.cli;

import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tcptutor.lesson.Lesson;
import tcptutor.lesson.LessonLibrary;
import tcptutor.lesson.LessonModel;
import tcptutor.lesson.LessonRun;
import tcptutor.lesson.Progress;
import tcptutor.lesson.ProgressStore;
import tcptutor.tui.LessonFeed;
import tcptutor.tui.SessionTutor;
import tcptutor.tui.TextUi;
import tcptutor.view.LessonPage;

/** Joins the lesson engine and the text UI: the lesson pane shows the current step of a {@link LessonRun}. */
final class LessonUi implements LessonFeed {
    private final LessonRun run;
    private final LessonLibrary lib;
    private final ProgressStore store;

    LessonUi(LessonRun run, LessonLibrary lib, ProgressStore store) {
        this.run = run;
        this.lib = lib;
        this.store = store;
    }

    static int open(LessonRun run, LessonLibrary lib, ProgressStore store, boolean noColor, PrintWriter out) throws IOException {
        UnixTerminal terminal = new UnixTerminal(System.in, System.out, StandardCharsets.UTF_8, UnixLikeTerminal.CtrlCBehaviour.TRAP);
        String bye = new TextUi(terminal, new SessionTutor(run.session(), null, List.of()), new LessonUi(run, lib, store), noColor).run();
        if (!bye.isEmpty()) out.println(bye);
        out.println("lesson '" + run.lesson().id() + "': " + run.progress().status(run.lesson()) + " (progress saved; 'tcptutor learn "
                + run.lesson().id() + "' resumes)");
        out.flush();
        return 0;
    }

    @Override public Optional<LessonPage> page() { return Optional.of(page(run.model())); }

    /** The pane's page: the step's text with its choices, the hints asked for, the latest feedback and what to do next. */
    static LessonPage page(LessonModel m) {
        String status = m.feedback().isEmpty() ? m.statusLine() : String.join(" ", m.feedback()) + "  (" + m.statusLine() + ")";
        return new LessonPage(m.lessonId(), m.title(), m.step(), m.steps(), m.fullText(), m.hints(), status);
    }

    @Override public List<LessonPage.Entry> lessons() {
        List<LessonPage.Entry> out = new ArrayList<>();
        for (Lesson l : lib.lessons()) {
            Progress p = store.load(l.id());
            out.add(new LessonPage.Entry(l.id(), l.title().en(), l.level().word(), p.status(l)));
        }
        return out;
    }
}
