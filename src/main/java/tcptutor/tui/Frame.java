package tcptutor.tui;

import com.googlecode.lanterna.TerminalPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tcptutor.sim.TraceEvent;
import tcptutor.view.Columns;
import tcptutor.view.Endpoints;
import tcptutor.view.HeaderPane;
import tcptutor.view.Ladder;
import tcptutor.view.LessonPage;
import tcptutor.view.LessonPane;
import tcptutor.view.QuizPage;
import tcptutor.view.QuizPane;
import tcptutor.view.StateDiagram;
import tcptutor.view.StyledLine;
import tcptutor.view.TimerList;
import tcptutor.view.Tone;

/** One frame of the UI: lays the panes out for the size, renders each view and paints it. */
final class Frame {
    private final TextUi ui;
    private Layout layout;
    private List<Integer> segmentIds = List.of();
    private int fieldCount;
    private TerminalPosition cursor;
    private String quizHeading = "";

    Frame(TextUi ui) { this.ui = ui; }

    List<Integer> segmentIds() { return segmentIds; }

    int fieldCount() { return fieldCount; }

    TerminalPosition cursor() { return cursor; }

    int bodyRows(Pane p) { return layout == null ? 1 : layout.rect(p).bodyH(); }

    int consoleRows() { return Math.max(1, bodyRows(Pane.CONSOLE) - 1); }

    void paint(TextUi.Canvas g, int width, int height) {
        cursor = null;
        if (!Layout.fits(width, height)) {
            tooSmall(g, width, height);
            return;
        }
        Optional<QuizPage> quiz = ui.lessons().quiz();
        if (quiz.isPresent()) {
            layout = Layout.quiz(width, height);
            paintQuiz(g, quiz.get());
        } else {
            paintPanes(g, width, height);
        }
        paintConsole(g);
        if (ui.help) overlay(g, width, height, TextUi.helpLines(width - 4));
        if (ui.confirmQuit) overlay(g, width, height, quitLines());
    }

    private void paintPanes(TextUi.Canvas g, int width, int height) {
        List<TraceEvent> events = ui.events();
        boolean rel = ui.tutor().relativeNumbers();
        List<StyledLine> states = states(events, Layout.rightWidth(width), Layout.topHeight(height));
        Optional<LessonPage> page = ui.lessons().page();
        int lessonWant = page.map(p -> LessonPane.render(p, Math.max(44, width * 55 / 100) - 1).size() + 1).orElse(0);
        layout = Layout.of(width, height, states.size() + 1, lessonWant);

        // separators: a vertical line between the columns of the top area
        for (int y = 0; y < layout.topHeight(); y++) g.cell(layout.splitX(), y, '│');

        paintLesson(g, page);
        paintLadder(g, events, rel);
        paintScrolled(g, Pane.STATES, "States  " + StateDiagram.LEGEND, states);
        paintHeader(g, events, rel);
    }

    /** A quiz on screen: its pane over the whole top, from its first line whenever the question changes. */
    private void paintQuiz(TextUi.Canvas g, QuizPage quiz) {
        if (!quiz.heading().equals(quizHeading)) ui.top(Pane.LESSON, 0);
        quizHeading = quiz.heading();
        paintScrolled(g, Pane.LESSON, "Quiz  " + quiz.heading(), QuizPane.render(quiz, layout.rect(Pane.LESSON).w() - 1));
    }

    private void tooSmall(TextUi.Canvas g, int width, int height) {
        List<String> msg = new ArrayList<>(Columns.wrap("tcptutor needs a terminal of at least " + Layout.MIN_COLS + "x"
                + Layout.MIN_ROWS + "; this one is " + width + "x" + height + ". Make the window larger"
                + " (or run tcptutor --plain for the line REPL).", Math.max(1, width - 2)));
        if (ui.confirmQuit) msg.addAll(Columns.wrap("Quit tcptutor? y: quit (the journal is saved), any other key: stay", Math.max(1, width - 2)));
        int y0 = Math.max(0, (height - msg.size()) / 2);
        for (int i = 0; i < msg.size() && y0 + i < height; i++) g.line(1, y0 + i, Math.max(0, width - 1), StyledLine.of(msg.get(i), Tone.HEADING));
    }

    // ---- panes --------------------------------------------------------------------------------

    private void title(TextUi.Canvas g, Pane p, String text) {
        Layout.Rect r = layout.rect(p);
        boolean focused = ui.focus == p;
        g.title(r.x(), r.y(), r.w(), (focused ? "[" + text + "]" : "─ " + text + " "), focused);
    }

    private void paintLesson(TextUi.Canvas g, Optional<LessonPage> page) {
        Layout.Rect r = layout.rect(Pane.LESSON);
        List<StyledLine> lines = page.isPresent() ? LessonPane.render(page.get(), r.w() - 1)
                : LessonPane.welcome(ui.lessons().lessons(), r.w() - 1);
        paintScrolled(g, Pane.LESSON, page.map(p -> "Lesson  step " + p.step() + "/" + p.steps()).orElse("Welcome"), lines);
    }

    private void paintScrolled(TextUi.Canvas g, Pane p, String titleText, List<StyledLine> lines) {
        paintScrolled(g, p, titleText, lines, layout.rect(p).bodyH());
    }

    /** Paints {@code lines} in the first {@code h} body rows of pane {@code p}, from its scroll offset. */
    private void paintScrolled(TextUi.Canvas g, Pane p, String titleText, List<StyledLine> lines, int h) {
        Layout.Rect r = layout.rect(p);
        int topRow = clampTop(ui.top(p), lines.size(), h);
        ui.top(p, topRow);
        String more = lines.size() > h ? "  " + (topRow + 1) + "-" + Math.min(lines.size(), topRow + h) + "/" + lines.size() : "";
        title(g, p, titleText + more);
        for (int i = 0; i < h; i++) {
            int at = topRow + i;
            g.line(r.x(), r.y() + 1 + i, r.w(), at < lines.size() ? lines.get(at) : StyledLine.plain(""));
        }
    }

    private void paintLadder(TextUi.Canvas g, List<TraceEvent> events, boolean rel) {
        Layout.Rect r = layout.rect(Pane.LADDER);
        int sel = effectiveSelection(events);
        Ladder.View v = Ladder.render(events, rel, r.w() - 1, sel);
        segmentIds = v.segments();
        int h = r.bodyH();
        int topRow;
        if (ui.selected == 0) topRow = Math.max(0, v.lines().size() - h); // following the newest: show the end
        else {
            int row = v.rowOf().getOrDefault(sel, 0);
            topRow = ui.top(Pane.LADDER);
            if (row < topRow + 1) topRow = Math.max(0, row - 1);
            if (row >= topRow + h) topRow = row - h + 1;
        }
        ui.top(Pane.LADDER, topRow);
        String what = sel == 0 ? "" : "  #" + sel + (ui.selected == 0 ? " (newest)" : " selected");
        title(g, Pane.LADDER, "Ladder" + what + "  " + (rel ? "relative" : "absolute"));
        List<StyledLine> lines = v.lines();
        for (int i = 0; i < h; i++) {
            int at = topRow + i;
            g.line(r.x(), r.y() + 1 + i, r.w(), at < lines.size() ? lines.get(at) : StyledLine.plain(""));
        }
    }

    private void paintHeader(TextUi.Canvas g, List<TraceEvent> events, boolean rel) {
        Layout.Rect r = layout.rect(Pane.HEADER);
        int sel = effectiveSelection(events);
        TraceEvent.Sent s = sel == 0 ? null : ui.tutor().trace().segment(sel);
        HeaderPane.View v = s == null ? HeaderPane.empty()
                : HeaderPane.render(s, events, rel, ui.focus == Pane.HEADER ? ui.field : -1, r.w() - 1);
        fieldCount = v.fields().size();
        int h = r.bodyH() - (r.bodyH() >= v.hex().size() + 4 ? v.hex().size() : 0);
        if (ui.focus == Pane.HEADER && ui.field < v.lineOfField().size()) { // keep the selected field in view
            int row = v.lineOfField().get(ui.field), topRow = ui.top(Pane.HEADER);
            if (row < topRow) ui.top(Pane.HEADER, row);
            if (row >= topRow + h) ui.top(Pane.HEADER, row - h + 1);
        }
        // the hex dump stays at the bottom while the field tree scrolls, when the pane has the room
        boolean pin = !v.hex().isEmpty() && r.bodyH() >= v.hex().size() + 4;
        List<StyledLine> tree = new ArrayList<>(v.lines());
        if (!pin && !v.hex().isEmpty()) { tree.add(StyledLine.plain("")); tree.addAll(v.hex()); }
        int treeRows = pin ? r.bodyH() - v.hex().size() : r.bodyH();
        paintScrolled(g, Pane.HEADER, "Header" + (s == null ? "" : " #" + sel), tree, treeRows);
        if (pin) g.lines(r.x(), r.y() + 1 + treeRows, r.w(), v.hex());
    }

    private void paintConsole(TextUi.Canvas g) {
        Layout.Rect r = layout.rect(Pane.CONSOLE);
        Console c = ui.console();
        String status = "Console  t=" + Ladder.seconds(ui.tutor().now()) + " s  " + (ui.tutor().relativeNumbers() ? "relative" : "absolute")
                + "  ·  F1 help  Tab panes  Space step  Esc quit";
        title(g, Pane.CONSOLE, status);
        int rows = r.bodyH() - 1, w = r.w();
        // wrap from the newest line backwards until the rows (plus what is scrolled back) are filled
        List<StyledLine> out = c.output();
        List<StyledLine> wrapped = new ArrayList<>();
        int want = rows + c.scrollBack;
        for (int i = out.size() - 1; i >= 0 && wrapped.size() < want; i--) {
            List<String> parts = Columns.wrap(out.get(i).text(), w);
            Tone tone = out.get(i).toneAt(0);
            for (int k = parts.size() - 1; k >= 0; k--) wrapped.add(0, StyledLine.of(parts.get(k), tone));
        }
        c.scrollBack = Math.max(0, Math.min(c.scrollBack, wrapped.size() - rows));
        int end = wrapped.size() - c.scrollBack;
        int start = Math.max(0, end - rows);
        for (int i = 0; i < rows; i++) {
            int at = start + i;
            g.line(r.x(), r.y() + 1 + i, w, at < end ? wrapped.get(at) : StyledLine.plain(""));
        }
        String[] in = c.visibleInput(w);
        int y = r.y() + r.h() - 1;
        g.line(r.x(), y, w, StyledLine.plain(in[0]));
        if (ui.focus == Pane.CONSOLE && !ui.help && !ui.confirmQuit) cursor = new TerminalPosition(r.x() + Integer.parseInt(in[1]), y);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The selected segment id, or the newest when following (0 when there is none). */
    private int effectiveSelection(List<TraceEvent> events) {
        if (ui.selected != 0) return ui.selected;
        for (int i = events.size() - 1; i >= 0; i--) if (events.get(i) instanceof TraceEvent.Sent s) return s.id();
        return 0;
    }

    /** The states pane: diagram (full if the pane can hold it), legend, last transitions, timers. */
    private List<StyledLine> states(List<TraceEvent> events, int w, int topH) {
        Endpoints now = Endpoints.of(events);
        List<StyledLine> out = new ArrayList<>();
        int roomForFull = topH - 1 - 8; // the header pane keeps at least 8 rows
        out.addAll(StateDiagram.render(now.you(), now.peer(), w, roomForFull - 4));
        out.add(new StyledLine.Builder().add("you ", Tone.YOU).add(now.you().rfcName(), Tone.YOU_MARK)
                .add("  peer ", Tone.PEER).add(now.peer().rfcName(), Tone.PEER_MARK).build());
        boolean full = w >= StateDiagram.FULL_WIDTH && roomForFull - 4 >= StateDiagram.FULL_HEIGHT;
        out.addAll(StateDiagram.causes(now, w, full ? 2 : 1));
        out.addAll(TimerList.render(events, ui.tutor().now(), w));
        return out;
    }

    private static int clampTop(int top, int lines, int h) { return Math.max(0, Math.min(top, lines - h)); }

    private static List<StyledLine> quitLines() {
        return List.of(StyledLine.of("Quit tcptutor?", Tone.HEADING),
                StyledLine.plain("Nothing is lost: the session journal is saved."),
                StyledLine.plain(""),
                StyledLine.of("y or Enter: quit     any other key: stay", Tone.STATE));
    }

    /** A box in the middle of the screen. */
    private void overlay(TextUi.Canvas g, int width, int height, List<StyledLine> lines) {
        int inner = 0;
        for (StyledLine l : lines) inner = Math.max(inner, Columns.width(l.text()));
        inner = Math.min(inner, width - 4);
        int h = Math.min(lines.size(), height - 2);
        int x = (width - inner - 4) / 2, y = (height - h - 2) / 2;
        g.line(x, y, inner + 4, StyledLine.plain("+" + "-".repeat(inner + 2) + "+"));
        for (int i = 0; i < h; i++) {
            g.line(x, y + 1 + i, 2, StyledLine.plain("| "));
            g.line(x + 2, y + 1 + i, inner, lines.get(i));
            g.line(x + 2 + inner, y + 1 + i, 2, StyledLine.plain(" |"));
        }
        g.line(x, y + h + 1, inner + 4, StyledLine.plain("+" + "-".repeat(inner + 2) + "+"));
    }
}
