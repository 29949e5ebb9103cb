package tcptutor.view;

import java.util.ArrayList;
import java.util.List;

/**
 * The quiz pane: the current question (prompt wrapped by display width, choices lettered) and how to answer;
 * at the end the report instead. Below, the last answer: right or wrong, the rule, the scenario's small ladder
 * (cut, not wrapped: its columns are a drawing).
 */
public final class QuizPane {
    private QuizPane() {}

    public static List<StyledLine> render(QuizPage page, int width) {
        List<StyledLine> out = new ArrayList<>();
        if (page.finished()) {
            for (int i = 0; i < page.report().size(); i++) wrap(out, page.report().get(i), width, i == 0 ? Tone.HEADING : Tone.PLAIN);
        } else {
            wrap(out, page.prompt(), width, Tone.PLAIN);
            for (int i = 0; i < page.choices().size(); i++) {
                String letter = " " + (char) ('a' + i) + ") ";
                List<String> text = Columns.wrap(page.choices().get(i), Math.max(1, width - letter.length()));
                for (int k = 0; k < text.size(); k++) {
                    out.add(new StyledLine.Builder().add(k == 0 ? letter : " ".repeat(letter.length()), Tone.STATE).add(text.get(k)).build());
                }
            }
        }
        wrap(out, page.status(), width, Tone.DIM);
        QuizPage.Answer a = page.last();
        if (a == null) return out;
        out.add(StyledLine.of(Columns.cut("── " + a.label() + " " + "─".repeat(Math.max(0, width)), width), Tone.DIM));
        wrap(out, a.verdict(), width, a.right() ? Tone.GOOD : Tone.ERROR);
        wrap(out, a.rule(), width, Tone.PLAIN);
        for (String l : a.ladder()) out.add(StyledLine.plain(Columns.cut(l, width)));
        return out;
    }

    private static void wrap(List<StyledLine> out, String text, int width, Tone tone) {
        if (text.isEmpty()) return;
        for (String l : Columns.wrap(text, width)) out.add(StyledLine.of(l, tone));
    }
}
