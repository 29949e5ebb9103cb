package tcptutor.tui;

import com.googlecode.lanterna.TerminalPosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tcptutor.sim.Trace;
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

/**
 * The frames of the UI: lays the panes out for the size, renders each view and paints it. A part of the screen
 * (a pane; the console's title, output and input line) is rendered and painted again only when what it shows
 * changed: each part remembers the {@link Key} it was last painted from (the trace and its length, the clock,
 * numbers mode, selection, focus, scroll offset, its rectangle...). A console keystroke paints the input line
 * and nothing else; a command repaints what the trace, the clock and the lesson feed touch.
 */
final class Frame {
    /** The parts of the screen painted on their own. */
    private enum Part { LESSON, LADDER, STATES, HEADER, QUIZ, CONSOLE_TITLE, CONSOLE_OUTPUT, CONSOLE_INPUT }

    /**
     * What a part was painted from: {@code what} it shows (compared with equals: the trace by identity, its length,
     * numbers...), where, whether focused, and its scroll offset as the paint left it.
     */
    private record Key(List<Object> what, Layout.Rect rect, boolean focused, int top) {
        Key withTop(int t) { return new Key(what, rect, focused, t); }
    }

    private final TextUi ui;
    private final Map<Part, Key> painted = new EnumMap<>(Part.class);
    private Layout layout;
    private List<Integer> segmentIds = List.of();
    private int fieldCount;
    private TerminalPosition cursor;
    private int inputCaret; // the caret's column in the console's input line as last painted
    // the lesson feed as last asked (after each command), and the states pane's lines with what they came from
    private int feedSeen = -1;
    private Optional<LessonPage> page = Optional.empty();
    private List<LessonPage.Entry> lessons = List.of();
    private Optional<QuizPage> quiz = Optional.empty();
    private String quizHeading = "";
    private List<StyledLine> lessonLines;
    private List<Object> lessonLinesFrom;
    private List<Object> statesFrom;
    private List<StyledLine> states;

    Frame(TextUi ui) { this.ui = ui; }

    List<Integer> segmentIds() { return segmentIds; }

    int fieldCount() { return fieldCount; }

    TerminalPosition cursor() { return cursor; }

    int bodyRows(Pane p) { return layout == null ? 1 : layout.rect(p).bodyH(); }

    int consoleRows() { return Math.max(1, bodyRows(Pane.CONSOLE) - 1); }

    /** Paints what changed since the last frame; {@code all}: every part (and the cells between them) again. */
    void paint(TextUi.Canvas g, int width, int height, boolean all) {
        cursor = null;
        if (!Layout.fits(width, height)) {
            g.blank(width, height);
            tooSmall(g, width, height);
            layout = null;
            painted.clear();
            return;
        }
        Trace trace = ui.tutor().trace();
        int n = trace.size();
        long now = ui.tutor().now();
        boolean rel = ui.tutor().relativeNumbers();
        readFeed();
        List<StyledLine> st = quiz.isPresent() ? List.of() : states(trace, n, now, Layout.rightWidth(width), Layout.topHeight(height));
        int lessonWant = page.map(p -> lessonLines(Math.max(44, width * 55 / 100) - 1).size() + 1).orElse(0);
        Layout l = quiz.isPresent() ? Layout.quiz(width, height) : Layout.of(width, height, st.size() + 1, lessonWant);
        if (all || !l.equals(layout)) {
            layout = l;
            painted.clear();
            g.blank(width, height);
            // separators: a vertical line between the columns of the top area (none under a quiz)
            if (quiz.isEmpty()) for (int y = 0; y < layout.topHeight(); y++) g.cell(layout.splitX(), y, '│');
        }
        if (quiz.isPresent()) {
            paintQuiz(g, quiz.get());
        } else {
            List<TraceEvent> events = trace.events();
            paintLesson(g);
            paintLadder(g, events, trace, n, rel);
            Key sk = key(Pane.STATES, st);
            if (stale(Part.STATES, sk)) {
                paintScrolled(g, Pane.STATES, "States  " + StateDiagram.LEGEND, st);
                done(Part.STATES, sk, ui.top(Pane.STATES));
            }
            paintHeader(g, events, trace, n, rel);
        }
        paintConsole(g, now, rel);
        if (ui.help) overlay(g, width, height, TextUi.helpLines(width - 4));
        if (ui.confirmQuit) overlay(g, width, height, quitLines());
    }

    /** A quiz on screen: its pane over the whole top, from its first line whenever the question changes. */
    private void paintQuiz(TextUi.Canvas g, QuizPage page) {
        if (!page.heading().equals(quizHeading)) ui.top(Pane.LESSON, 0);
        quizHeading = page.heading();
        Key k = key(Pane.LESSON, page);
        if (!stale(Part.QUIZ, k)) return;
        paintScrolled(g, Pane.LESSON, "Quiz  " + page.heading(), QuizPane.render(page, layout.rect(Pane.LESSON).w() - 1));
        done(Part.QUIZ, k, ui.top(Pane.LESSON));
    }

    private void tooSmall(TextUi.Canvas g, int width, int height) {
        List<String> msg = new ArrayList<>(Columns.wrap("tcptutor needs a terminal of at least " + Layout.MIN_COLS + "x"
                + Layout.MIN_ROWS + "; this one is " + width + "x" + height + ". Make the window larger"
                + " (or run tcptutor --plain for the line REPL).", Math.max(1, width - 2)));
        if (ui.confirmQuit) msg.addAll(Columns.wrap("Quit tcptutor? y: quit (the journal is saved), any other key: stay", Math.max(1, width - 2)));
        int y0 = Math.max(0, (height - msg.size()) / 2);
        for (int i = 0; i < msg.size() && y0 + i < height; i++) g.line(1, y0 + i, Math.max(0, width - 1), StyledLine.of(msg.get(i), Tone.HEADING));
    }

    // ---- what changed --------------------------------------------------------------------------

    private Key key(Pane p, Object... what) {
        return new Key(Arrays.asList(what), layout.rect(p), ui.focus == p, ui.top(p));
    }

    private boolean stale(Part part, Key k) { return !k.equals(painted.get(part)); }

    /** Remembers what {@code part} was painted from, with the scroll offset the paint left. */
    private void done(Part part, Key k, int top) { painted.put(part, k.withTop(top)); }

    /** Asks the lesson feed (lesson, lesson list, quiz) again when a command ran, or the feed said it changed, since it was last asked. */
    private void readFeed() {
        if (feedSeen == ui.feedVersion()) return;
        feedSeen = ui.feedVersion();
        quiz = ui.lessons().quiz();
        page = ui.lessons().page();
        lessons = page.isPresent() ? List.of() : ui.lessons().lessons();
    }

    /** The lesson pane's lines at {@code w} columns (the page, or the welcome with the lesson list). */
    private List<StyledLine> lessonLines(int w) {
        List<Object> from = Arrays.asList(page, lessons, w);
        if (!from.equals(lessonLinesFrom)) {
            lessonLines = page.isPresent() ? LessonPane.render(page.get(), w) : LessonPane.welcome(lessons, w);
            lessonLinesFrom = from;
        }
        return lessonLines;
    }

    // ---- panes --------------------------------------------------------------------------------

    private void title(TextUi.Canvas g, Pane p, String text) {
        Layout.Rect r = layout.rect(p);
        boolean focused = ui.focus == p;
        g.title(r.x(), r.y(), r.w(), (focused ? "[" + text + "]" : "─ " + text + " "), focused);
    }

    private void paintLesson(TextUi.Canvas g) {
        Key k = key(Pane.LESSON, page, lessons); // most commands leave the page as it was
        if (!stale(Part.LESSON, k)) return;
        Layout.Rect r = layout.rect(Pane.LESSON);
        paintScrolled(g, Pane.LESSON, page.map(p -> "Lesson  step " + p.step() + "/" + p.steps()).orElse("Welcome"), lessonLines(r.w() - 1));
        done(Part.LESSON, k, ui.top(Pane.LESSON));
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
            g.line(r.x(), r.y() + 1 + i, r.w(), at < lines.size() ? lines.get(at) : EMPTY);
        }
    }

    private void paintLadder(TextUi.Canvas g, List<TraceEvent> events, Trace trace, int n, boolean rel) {
        Key k = key(Pane.LADDER, trace, n, rel, ui.selected);
        if (!stale(Part.LADDER, k)) return;
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
            g.line(r.x(), r.y() + 1 + i, r.w(), at < lines.size() ? lines.get(at) : EMPTY);
        }
        done(Part.LADDER, k, topRow);
    }

    private void paintHeader(TextUi.Canvas g, List<TraceEvent> events, Trace trace, int n, boolean rel) {
        boolean focused = ui.focus == Pane.HEADER;
        Key k = key(Pane.HEADER, trace, n, rel, ui.selected, focused ? ui.field : -1);
        if (!stale(Part.HEADER, k)) return;
        Layout.Rect r = layout.rect(Pane.HEADER);
        int sel = effectiveSelection(events);
        TraceEvent.Sent s = sel == 0 ? null : trace.segment(sel);
        HeaderPane.View v = s == null ? HeaderPane.empty()
                : HeaderPane.render(s, events, rel, focused ? ui.field : -1, r.w() - 1);
        fieldCount = v.fields().size();
        int h = r.bodyH() - (r.bodyH() >= v.hex().size() + 4 ? v.hex().size() : 0);
        if (focused && ui.field < v.lineOfField().size()) { // keep the selected field in view
            int row = v.lineOfField().get(ui.field), topRow = ui.top(Pane.HEADER);
            if (row < topRow) ui.top(Pane.HEADER, row);
            if (row >= topRow + h) ui.top(Pane.HEADER, row - h + 1);
        }
        // the hex dump stays at the bottom while the field tree scrolls, when the pane has the room
        boolean pin = !v.hex().isEmpty() && r.bodyH() >= v.hex().size() + 4;
        List<StyledLine> tree = new ArrayList<>(v.lines());
        if (!pin && !v.hex().isEmpty()) { tree.add(EMPTY); tree.addAll(v.hex()); }
        int treeRows = pin ? r.bodyH() - v.hex().size() : r.bodyH();
        paintScrolled(g, Pane.HEADER, "Header" + (s == null ? "" : " #" + sel), tree, treeRows);
        if (pin) g.lines(r.x(), r.y() + 1 + treeRows, r.w(), v.hex());
        done(Part.HEADER, k, ui.top(Pane.HEADER));
    }

    private void paintConsole(TextUi.Canvas g, long now, boolean rel) {
        Layout.Rect r = layout.rect(Pane.CONSOLE);
        Console c = ui.console();
        Key tk = key(Pane.CONSOLE, now, rel);
        if (stale(Part.CONSOLE_TITLE, tk)) {
            title(g, Pane.CONSOLE, "Console  t=" + Ladder.seconds(now) + " s  " + (rel ? "relative" : "absolute")
                    + "  ·  F1 help  Tab panes  Space step  Esc quit");
            done(Part.CONSOLE_TITLE, tk, tk.top());
        }
        int w = r.w();
        Key ok = new Key(List.of(c.version()), r, false, c.scrollBack);
        if (stale(Part.CONSOLE_OUTPUT, ok)) {
            paintOutput(g, c, r);
            done(Part.CONSOLE_OUTPUT, ok, c.scrollBack);
        }
        int y = r.y() + r.h() - 1;
        Key ik = new Key(List.of(c.input(), c.caret()), r, false, 0);
        if (stale(Part.CONSOLE_INPUT, ik)) {
            String[] in = c.visibleInput(w);
            g.line(r.x(), y, w, StyledLine.plain(in[0]));
            inputCaret = Integer.parseInt(in[1]);
            done(Part.CONSOLE_INPUT, ik, 0);
        }
        if (ui.focus == Pane.CONSOLE && !ui.help && !ui.confirmQuit) cursor = new TerminalPosition(r.x() + inputCaret, y);
    }

    /** The console's output rows: wrapped from the newest line backwards until the rows (and what is scrolled back) are filled. */
    private static void paintOutput(TextUi.Canvas g, Console c, Layout.Rect r) {
        int rows = r.bodyH() - 1, w = r.w();
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
            g.line(r.x(), r.y() + 1 + i, w, at < end ? wrapped.get(at) : EMPTY);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The selected segment id, or the newest when following (0 when there is none). */
    private int effectiveSelection(List<TraceEvent> events) {
        if (ui.selected != 0) return ui.selected;
        for (int i = events.size() - 1; i >= 0; i--) if (events.get(i) instanceof TraceEvent.Sent s) return s.id();
        return 0;
    }

    /** The states pane: diagram (full if the pane can hold it), legend, last transitions, timers; again only when its inputs changed. */
    private List<StyledLine> states(Trace trace, int n, long now, int w, int topH) {
        List<Object> from = Arrays.asList(trace, n, now, w, topH);
        if (from.equals(statesFrom)) return states;
        List<TraceEvent> events = trace.events();
        Endpoints at = Endpoints.of(events);
        List<StyledLine> out = new ArrayList<>();
        int roomForFull = topH - 1 - 8; // the header pane keeps at least 8 rows
        out.addAll(StateDiagram.render(at.you(), at.peer(), w, roomForFull - 4));
        out.add(new StyledLine.Builder().add("you ", Tone.YOU).add(at.you().rfcName(), Tone.YOU_MARK)
                .add("  peer ", Tone.PEER).add(at.peer().rfcName(), Tone.PEER_MARK).build());
        boolean full = w >= StateDiagram.FULL_WIDTH && roomForFull - 4 >= StateDiagram.FULL_HEIGHT;
        out.addAll(StateDiagram.causes(at, w, full ? 2 : 1));
        out.addAll(TimerList.render(events, now, w));
        statesFrom = from;
        states = out;
        return out;
    }

    private static final StyledLine EMPTY = StyledLine.plain("");

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
