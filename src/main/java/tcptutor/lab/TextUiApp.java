package tcptutor.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tcptutor.command.Completer;
import tcptutor.lesson.LessonLibrary;
import tcptutor.session.Outcome;
import tcptutor.sim.Trace;
import tcptutor.tui.LessonFeed;
import tcptutor.tui.StreamTerminal;
import tcptutor.tui.TextUi;
import tcptutor.tui.Tutor;
import tcptutor.view.LessonPage;
import tcptutor.view.QuizPage;

/** With a PTY: the text UI on a terminal over the channel's streams, driving the learner's session and lessons. */
public final class TextUiApp implements TutorApp {
    private final LessonLibrary library;

    public TextUiApp(LessonLibrary library) {
        this.library = library;
    }

    @Override public int run(AppContext ctx) throws Exception {
        LearnerSession ls = LearnerSession.open(ctx, library, true);
        LessonFeed feed = new LessonFeed() {
            // the welcome's list with the learner's progress: it changes only in a lesson, so it is read from the
            // store once per stay in free play (the UI asks after every command)
            private List<LessonPage.Entry> entries;

            @Override public Optional<LessonPage> page() {
                LessonPage p = ls.page();
                if (p != null) entries = null;
                return Optional.ofNullable(p);
            }

            @Override public List<LessonPage.Entry> lessons() {
                if (entries == null || ls.lesson() != null) entries = ls.entries();
                return entries;
            }

            @Override public Optional<QuizPage> quiz() { return ls.quiz().page(); }
        };
        // the channel's streams at the PTY's size, every window-change passed on (no size queries over the wire)
        StreamTerminal terminal = new StreamTerminal(ctx.in(), ctx.out(), ctx.size().columns(), ctx.size().rows());
        ctx.onResize(s -> terminal.resize(s.columns(), s.rows()));
        new TextUi(terminal, new LabTutor(ls, ctx.storedJournal()), feed, false).run();
        return 0;
    }

    /** The learner's current session (it changes with learn/leave), minus save/load; the lab stores journals itself. */
    private static final class LabTutor implements Tutor {
        private final LearnerSession ls;
        private final List<String> history;

        LabTutor(LearnerSession ls, List<String> history) {
            this.ls = ls;
            this.history = new ArrayList<>(history);
        }

        @Override public Trace trace() { return ls.session().world().trace(); }

        @Override public long now() { return ls.session().world().now(); }

        @Override public Reply run(String line) {
            if (!line.isBlank()) history.add(line);
            String no = ls.refusal(line);
            if (no != null) return new Reply(false, List.of(no), false);
            Outcome o = ls.session().execute(line);
            return new Reply(o.ok(), o.lines(), o.quit());
        }

        @Override public Completion complete(String line, int cursor) {
            Completer.Completion c = ls.session().completer().complete(line, cursor);
            return new Completion(c.start(), c.candidates());
        }

        @Override public boolean relativeNumbers() { return ls.session().relativeNumbers(); }

        @Override public void relativeNumbers(boolean on) { ls.session().relativeNumbers(on); }

        @Override public List<String> history() { return List.copyOf(history); }

        @Override public String close() { return ""; }
    }
}
