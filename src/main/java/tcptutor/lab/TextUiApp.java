package tcptutor.lab;

import java.util.List;
import tcptutor.tui.LessonFeed;
import tcptutor.tui.SessionTutor;
import tcptutor.tui.TextUi;
import tcptutor.tui.Tutor;

/** With a PTY: the text UI on a Lanterna terminal over the channel, driving the learner's session. */
public final class TextUiApp implements TutorApp {
    @Override public int run(AppContext ctx) throws Exception {
        LearnerSession ls = LearnerSession.open(ctx);
        Tutor tutor = new LabTutor(ls, new SessionTutor(ls.session(), null, null));
        new TextUi(new ChannelTerminal(ctx), tutor, LessonFeed.NONE, false).run();
        return 0;
    }

    /** The session's tutor, minus save/load (the lab stores the journal itself). */
    private record LabTutor(LearnerSession ls, SessionTutor inner) implements Tutor {
        @Override public tcptutor.sim.Trace trace() { return inner.trace(); }

        @Override public long now() { return inner.now(); }

        @Override public Reply run(String line) {
            String no = ls.refusal(line);
            return no != null ? new Reply(false, List.of(no), false) : inner.run(line);
        }

        @Override public Completion complete(String line, int cursor) { return inner.complete(line, cursor); }

        @Override public boolean relativeNumbers() { return inner.relativeNumbers(); }

        @Override public void relativeNumbers(boolean on) { inner.relativeNumbers(on); }

        @Override public List<String> history() { return inner.history(); }

        @Override public String close() { return ""; }
    }
}
