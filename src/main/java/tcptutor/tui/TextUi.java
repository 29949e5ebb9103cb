package tcptutor.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.TerminalResizeListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tcptutor.sim.TraceEvent;
import tcptutor.view.Columns;
import tcptutor.view.StyledLine;
import tcptutor.view.Tone;

/**
 * The text UI: five panes on any Lanterna {@link Terminal} — a local tty, an SSH channel, a test's
 * virtual terminal. Its own loop blocks in {@code readInput()} (no polling, no GUI thread); after each key
 * (or burst of keys) the {@link Frame} paints only the parts of the screen whose inputs changed into a
 * {@link CellScreen}, which sends only the cells that changed: a letter typed in the console costs the
 * console's input line and a dozen bytes. It ends on quit or when the terminal's input ends (EOF), and
 * always closes the tutor (saving the journal).
 * <pre>
 *   String bye = new TextUi(terminal, tutor, lessons, noColor).run();
 * </pre>
 */
public final class TextUi {
    private final Terminal terminal;
    private final Tutor tutor;
    private final LessonFeed lessons;
    private final Theme theme;
    private final Object lock = new Object();
    private final Console console;
    private final Frame frame;
    private final Map<Pane, Integer> top = new EnumMap<>(Pane.class);
    private final TerminalResizeListener onResize = (t, size) -> {
        CellScreen s = this.screen;
        if (s != null) s.resizeLater(size);
        redrawFromOtherThread(false);
    };
    private volatile CellScreen screen;
    private Canvas canvas;
    Pane focus = Pane.CONSOLE;
    /** The selected segment id; 0 follows the newest. */
    int selected;
    /** The selected field of the header pane. */
    int field;
    boolean help, confirmQuit, done;
    /** Ctrl-L: send the whole screen again on the next frame. */
    private boolean redrawAll;
    /** An overlay (help, quit?) was on the last frame: the panes under it must be painted again. */
    private boolean overlaid;
    /** Counts what may have changed the lesson feed (commands, the feed's own news): the frame asks it again then. */
    private int feedVersion;
    private String farewell = "";

    public TextUi(Terminal terminal, Tutor tutor, LessonFeed lessons, boolean noColor) {
        this.terminal = terminal;
        this.tutor = tutor;
        this.lessons = lessons;
        this.theme = Theme.pick(noColor);
        this.console = new Console(tutor.history());
        this.frame = new Frame(this);
        for (Pane p : Pane.values()) top.put(p, 0);
    }

    /** Runs the UI on {@code terminal} until quit or end of input; returns the tutor's closing line (where the journal went). */
    public static String run(Terminal terminal, Tutor tutor) throws IOException {
        return new TextUi(terminal, tutor, LessonFeed.NONE, false).run();
    }

    /**
     * Runs the UI for {@code session} on {@code terminal} (e.g. a {@link StreamTerminal} over an SSH channel), with
     * the welcome page and no journal or history file: whoever owns the session saves its journal afterwards.
     */
    public static String run(Terminal terminal, tcptutor.session.Session session) throws IOException {
        return run(terminal, new SessionTutor(session, null, null));
    }

    public String run() throws IOException {
        open();
        try {
            while (!done) {
                KeyStroke k = terminal.readInput(); // blocks until a key, or EOF when the input ends
                synchronized (lock) {
                    for (; k != null && !done; k = terminal.pollInput()) { // keys already here (a paste): one frame
                        if (k.getKeyType() == KeyType.EOF) done = true;
                        else handle(k);
                    }
                    if (!done) draw();
                }
            }
        } finally {
            close();
        }
        return farewell;
    }

    /** Takes the terminal (private mode) and draws the first frame. */
    void open() throws IOException {
        CellScreen s = new CellScreen(terminal);
        canvas = new Canvas(s, theme);
        s.start();
        screen = s;
        terminal.addResizeListener(onResize);
        synchronized (lock) { draw(); }
        lessons.attach(() -> redrawFromOtherThread(true));
    }

    /** Handles keys one by one, drawing after each (what tests do instead of the blocking loop). */
    void press(KeyStroke... keys) throws IOException {
        synchronized (lock) {
            for (KeyStroke k : keys) {
                if (done) return;
                if (k.getKeyType() == KeyType.EOF) done = true;
                else handle(k);
                if (!done) draw();
            }
        }
    }

    /** What Ctrl-L does: paints every part again and sends the whole screen (tests compare it with what the keys drew). */
    void repaintAll() throws IOException {
        synchronized (lock) {
            redrawAll = true;
            draw();
        }
    }

    /** Gives the terminal back and closes the tutor (which saves the journal). */
    void close() throws IOException {
        synchronized (lock) {
            done = true;
            terminal.removeResizeListener(onResize);
            try {
                farewell = tutor.close();
            } finally {
                if (screen != null) screen.stop();
            }
        }
    }

    private void redrawFromOtherThread(boolean feedChanged) {
        synchronized (lock) {
            if (feedChanged) feedVersion++;
            if (screen == null || done) return;
            try {
                draw();
            } catch (IOException | RuntimeException e) {
                // the terminal went away; the loop sees EOF and ends
            }
        }
    }

    // ---- keys ----------------------------------------------------------------------------------

    void handle(KeyStroke k) {
        KeyType t = k.getKeyType();
        boolean ctrl = k.isCtrlDown() && t == KeyType.Character;
        char c = t == KeyType.Character ? k.getCharacter() : 0;
        if (confirmQuit) {
            if (c == 'y' || c == 'Y' || t == KeyType.Enter || (ctrl && c == 'c')) done = true;
            confirmQuit = false;
            return;
        }
        if (help) {
            help = false;
            return;
        }
        if (t == KeyType.Escape || (ctrl && c == 'c')) { confirmQuit = true; return; }
        if (t == KeyType.F1) { help = true; return; }
        if (t == KeyType.F2) { toggleNumbers(); return; }
        boolean quiz = lessons.quiz().isPresent(), answering = quiz && !lessons.quiz().get().finished();
        if (quiz && focus != Pane.LESSON) focus = Pane.CONSOLE; // the other panes are hidden under the quiz
        if (t == KeyType.F5 && answering) { console.print("the quiz is waiting for your answer ('quiz stop' leaves it)", Tone.DIM); return; }
        if (t == KeyType.F5) { run("step"); return; }
        if (t == KeyType.ReverseTab) { focus = quiz ? other(focus) : focus.previous(); return; }
        if (t == KeyType.Tab) {
            if (focus == Pane.CONSOLE && !console.empty()) complete();
            else focus = quiz ? other(focus) : focus.next();
            return;
        }
        if (t == KeyType.Character && c == ' ' && !ctrl && !k.isAltDown() && !answering && (focus != Pane.CONSOLE || console.empty())) {
            run("step");
            return;
        }
        if (focus == Pane.CONSOLE) consoleKey(k, t, c, ctrl);
        else if (t == KeyType.Character && !ctrl && !k.isAltDown()) { focus = Pane.CONSOLE; console.insert(c); }
        else if (t == KeyType.Enter && focus == Pane.LADDER) focus = Pane.HEADER;
        else if (focus == Pane.LADDER) ladderKey(t);
        else if (focus == Pane.HEADER) headerKey(t);
        else scrollKey(focus, t);
    }

    /** Tab under a quiz: between its pane and the console. */
    private static Pane other(Pane p) { return p == Pane.CONSOLE ? Pane.LESSON : Pane.CONSOLE; }

    private void consoleKey(KeyStroke k, KeyType t, char c, boolean ctrl) {
        switch (t) {
            case Enter -> {
                String line = console.take();
                if (!line.isBlank()) {
                    tutor.typed(line);
                    run(line, false);
                }
            }
            case Backspace -> console.backspace();
            case Delete -> console.delete();
            case ArrowLeft -> console.left();
            case ArrowRight -> console.right();
            case Home -> console.home();
            case End -> console.end();
            case ArrowUp -> console.historyUp();
            case ArrowDown -> console.historyDown();
            case PageUp -> console.scrollBack += Math.max(1, frame.consoleRows() - 1);
            case PageDown -> console.scrollBack = Math.max(0, console.scrollBack - Math.max(1, frame.consoleRows() - 1));
            case Character -> {
                if (!ctrl) { if (!k.isAltDown() && c >= ' ') console.insert(c); return; }
                switch (c) {
                    case 'a' -> console.home();
                    case 'e' -> console.end();
                    case 'u' -> console.killToStart();
                    case 'k' -> console.killToEnd();
                    case 'w' -> console.killWord();
                    case 'd' -> { if (console.empty()) confirmQuit = true; else console.delete(); }
                    case 'l' -> redrawAll = true;
                    default -> { }
                }
            }
            default -> { }
        }
    }

    private void ladderKey(KeyType t) {
        List<Integer> ids = frame.segmentIds();
        if (ids.isEmpty()) return;
        int at = selected == 0 ? ids.size() - 1 : Math.max(0, ids.indexOf(selected));
        int page = Math.max(1, frame.bodyRows(Pane.LADDER) / 2);
        switch (t) {
            case ArrowUp -> at--;
            case ArrowDown -> at++;
            case PageUp -> at -= page;
            case PageDown -> at += page;
            case Home -> at = 0;
            case End -> at = ids.size() - 1;
            default -> { return; }
        }
        at = Math.max(0, Math.min(ids.size() - 1, at));
        selected = at == ids.size() - 1 ? 0 : ids.get(at);
    }

    private void headerKey(KeyType t) {
        switch (t) {
            case ArrowUp -> field = Math.max(0, field - 1);
            case ArrowDown -> field = Math.min(Math.max(0, frame.fieldCount() - 1), field + 1);
            default -> scrollKey(Pane.HEADER, t);
        }
    }

    private void scrollKey(Pane p, KeyType t) {
        int page = Math.max(1, frame.bodyRows(p) - 1);
        int v = top.get(p);
        switch (t) {
            case ArrowUp -> v--;
            case ArrowDown -> v++;
            case PageUp -> v -= page;
            case PageDown -> v += page;
            case Home -> v = 0;
            case End -> v = Integer.MAX_VALUE / 2;
            default -> { return; }
        }
        top.put(p, Math.max(0, v)); // the frame clamps the far end
    }

    private void complete() {
        Tutor.Completion c = tutor.complete(console.input(), console.caret());
        List<String> cs = c.candidates();
        if (cs.isEmpty()) return;
        if (cs.size() == 1) {
            console.replaceWord(c.start(), cs.get(0) + " ");
            return;
        }
        String common = Console.commonPrefix(cs);
        String typed = console.input().substring(Math.min(c.start(), console.caret()), console.caret());
        if (common.length() > typed.length()) console.replaceWord(c.start(), common);
        else console.print("  " + String.join("  ", cs), Tone.DIM);
    }

    private void toggleNumbers() {
        tutor.relativeNumbers(!tutor.relativeNumbers());
        console.print("numbers: " + (tutor.relativeNumbers() ? "relative" : "absolute") + " (F2 switches)", Tone.DIM);
    }

    private void run(String line) {
        console.print(Console.PROMPT + line, Tone.HEADING);
        run(line, true);
    }

    private void run(String line, boolean echoed) {
        Tutor.Reply r;
        try {
            r = tutor.run(line);
        } catch (RuntimeException e) { // a bug below us must not take the learner's screen down
            r = new Tutor.Reply(false, List.of("internal error: " + e + " (your session is intact; please report this)"), false);
        }
        for (String l : r.lines()) console.print(l, r.ok() ? Tone.PLAIN : Tone.ERROR);
        feedVersion++;
        if (r.quit()) done = true;
        if (selected != 0 && tutor.trace().segment(selected) == null) selected = 0; // after a reset
    }

    // ---- drawing -------------------------------------------------------------------------------

    /**
     * Paints what changed and sends the changed cells to the terminal. With an overlay up, or just gone, every
     * pane is painted again (under it); after a resize or Ctrl-L the terminal's content is unknown: then every
     * pane is painted and the whole screen is sent once.
     */
    private void draw() throws IOException {
        boolean resized = screen.takeResize();
        boolean overlay = help || confirmQuit;
        boolean all = resized || redrawAll || overlay || overlaid;
        overlaid = overlay;
        frame.paint(canvas, screen.columns(), screen.rows(), all);
        screen.cursor(frame.cursor());
        screen.refresh(resized || redrawAll);
        redrawAll = false;
    }

    /** The last frame's cells set and the rows they were in (tests look at what a key costs). */
    CellScreen screen() { return screen; }

    // what the frame reads
    Tutor tutor() { return tutor; }

    LessonFeed lessons() { return lessons; }

    int feedVersion() { return feedVersion; }

    Console console() { return console; }

    int top(Pane p) { return top.get(p); }

    void top(Pane p, int v) { top.put(p, v); }

    List<TraceEvent> events() { return tutor.trace().events(); }

    /** Writes styled lines into the screen's back buffer, by display column. */
    static final class Canvas {
        private final CellScreen screen;
        final Theme theme;

        Canvas(CellScreen screen, Theme theme) {
            this.screen = screen;
            this.theme = theme;
        }

        /** Draws {@code line} at (x, y), cut or padded to {@code w} columns. */
        void line(int x, int y, int w, StyledLine line) {
            String s = line.text();
            Tone[] tones = tones(line);
            int col = 0;
            for (int i = 0; i < s.length() && col < w; i++) {
                char c = s.charAt(i);
                int cw = c < 0x1100 ? 1 : Columns.width(c);
                if (col + cw > w) break;
                screen.set(x + col, y, theme.cell(printable(c), tones == null ? Tone.PLAIN : tones[i]));
                col += cw;
            }
            Tone pad = tones != null && tones.length > 0 && tones[0] == Tone.SELECTED ? Tone.SELECTED : Tone.PLAIN;
            Glyph space = theme.cell(' ', pad);
            for (; col < w; col++) screen.set(x + col, y, space);
        }

        /** The tone of each char of {@code line} (later spans win), or null when it is all plain. */
        private static Tone[] tones(StyledLine line) {
            if (line.spans().isEmpty()) return null;
            Tone[] t = new Tone[line.text().length()];
            java.util.Arrays.fill(t, Tone.PLAIN);
            for (StyledLine.Span sp : line.spans()) {
                for (int i = Math.max(0, sp.start()); i < Math.min(t.length, sp.end()); i++) t[i] = sp.tone();
            }
            return t;
        }

        /** Control characters show as spaces (a terminal would act on them). */
        private static char printable(char c) { return c < ' ' || c == 127 ? ' ' : c; }

        void title(int x, int y, int w, String text, boolean focused) {
            String s = Columns.cut(text, w);
            int col = 0;
            for (int i = 0; i < s.length(); i++) {
                screen.set(x + col, y, theme.title(printable(s.charAt(i)), focused));
                col += Columns.width(s.charAt(i));
            }
            Glyph fill = theme.title(focused ? ' ' : '─', focused);
            for (; col < w; col++) screen.set(x + col, y, fill);
        }

        void cell(int x, int y, char c) { screen.set(x, y, theme.cell(printable(c), Tone.PLAIN)); }

        /** Every cell to a plain space. */
        void blank(int cols, int rows) {
            Glyph space = theme.cell(' ', Tone.PLAIN);
            for (int y = 0; y < rows; y++) for (int x = 0; x < cols; x++) screen.set(x, y, space);
        }

        void lines(int x, int y, int w, List<StyledLine> lines) {
            for (int i = 0; i < lines.size(); i++) line(x, y + i, w, lines.get(i));
        }
    }

    /** Lines of the help screen, the descriptions wrapped to fit {@code width} columns. */
    static List<StyledLine> helpLines(int width) {
        List<StyledLine> out = new ArrayList<>();
        out.add(StyledLine.of("Keys", Tone.HEADING));
        for (Keys.Key k : Keys.ALL) {
            List<String> does = Columns.wrap(k.does(), Math.max(20, width - 17));
            for (int i = 0; i < does.size(); i++) {
                out.add(new StyledLine.Builder().add(Columns.pad(i == 0 ? k.keys() : "", 16), Tone.STATE).add(" " + does.get(i)).build());
            }
        }
        out.add(StyledLine.plain(""));
        out.add(StyledLine.of("Type help in the console for the commands. Any key closes this.", Tone.DIM));
        return out;
    }
}
