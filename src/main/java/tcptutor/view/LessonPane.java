package tcptutor.view;

import java.util.ArrayList;
import java.util.List;

/**
 * The lesson pane: the current step's text wrapped by display width (Chinese included), "step k of n",
 * the hints asked for, the step's status; outside a lesson, a welcome with the lesson list.
 */
public final class LessonPane {
    private LessonPane() {}

    public static List<StyledLine> render(LessonPage page, int width) {
        List<StyledLine> out = new ArrayList<>();
        String head = page.title() + "  (step " + page.step() + " of " + page.steps() + ")";
        for (String l : Columns.wrap(head, width)) out.add(StyledLine.of(l, Tone.HEADING));
        for (String l : Columns.wrap(page.text(), width)) out.add(StyledLine.plain(l));
        for (int i = 0; i < page.hints().size(); i++) {
            for (String l : Columns.wrap("Hint " + (i + 1) + ": " + page.hints().get(i), width)) out.add(StyledLine.of(l, Tone.STATE));
        }
        for (String f : page.feedback()) {
            for (String l : Columns.wrap(f, width)) out.add(StyledLine.of(l, Tone.ERROR));
        }
        if (!page.status().isEmpty()) {
            for (String l : Columns.wrap(page.status(), width)) out.add(StyledLine.of(l, Tone.GOOD));
        }
        return out;
    }

    /** The welcome page with the lesson list (which may be empty). */
    public static List<StyledLine> welcome(List<LessonPage.Entry> lessons, int width) {
        List<StyledLine> out = new ArrayList<>();
        for (String l : Columns.wrap("Welcome to tcptutor. You are 192.0.2.1; a simulated peer (192.0.2.2) listens on port 80."
                + " Type a command below: syn sends a SYN, step or Space moves virtual time on, help lists everything.", width)) {
            out.add(StyledLine.plain(l));
        }
        if (lessons.isEmpty()) return out;
        out.add(StyledLine.of(Columns.fit("Lessons (start one with: tcptutor learn ID):", width), Tone.HEADING));
        int idW = 0;
        for (LessonPage.Entry e : lessons) idW = Math.max(idW, Columns.width(e.id()));
        for (LessonPage.Entry e : lessons) {
            String status = e.status().isEmpty() ? "" : "  [" + e.status() + "]";
            out.add(new StyledLine.Builder().add(" " + Columns.pad(e.id(), idW) + "  ", Tone.STATE)
                    .add(e.title() + (e.level().isEmpty() ? "" : " (" + e.level() + ")") + status).build().fit(width));
        }
        return out;
    }
}
