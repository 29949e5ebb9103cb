package tcptutor.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.StreamBasedTerminal;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The UI's screen on a Lanterna {@link Terminal}: what the UI has drawn (back) and what the terminal shows (front),
 * one {@link Glyph} per cell, and which rows were drawn into since the last refresh. A refresh compares only those
 * rows, by glyph identity, and sends only the cells that changed, then the cursor (only when it moved).
 *
 * <p>It stands in for Lanterna's {@code TerminalScreen}, which compares every cell of the screen on every refresh
 * and asks each {@code TextCharacter} for its width (Unicode block look-ups): at 120x35 that cost more than the
 * whole rest of a keystroke. What reaches the terminal is the same: the same characters in the same colours and
 * attributes at the same places, wide characters handled as Lanterna's buffers do (the cell after one holds a space
 * of its style; overwriting either half turns the other into a space).
 */
final class CellScreen {
    private static final SGR[] ALL_SGR = SGR.values();

    private final Terminal terminal;
    /** Characters of adjacent cells in one style, not sent yet (only on a stream terminal, see {@link #put}). */
    private final StringBuilder run = new StringBuilder();
    private final boolean runs;
    private int cols, rows;
    private Glyph[] back, front;
    private boolean[] touched; // rows drawn into since the last refresh
    private volatile TerminalSize resized;
    private TerminalPosition cursor = TerminalPosition.TOP_LEFT_CORNER; // where it should be; null: hidden
    private boolean cursorShown;
    private int atX = -1, atY = -1; // where the terminal's cursor is after what was sent; -1: not known
    private int sets;
    /** Cells set while drawing the last frame, and the rows they were in (what tests look at). */
    int lastSets;
    final BitSet lastRows = new BitSet();

    CellScreen(Terminal terminal) throws IOException {
        this.terminal = terminal;
        this.runs = terminal instanceof StreamBasedTerminal;
        allocate(terminal.getTerminalSize());
    }

    private void allocate(TerminalSize size) {
        cols = size.getColumns();
        rows = size.getRows();
        back = new Glyph[cols * rows];
        front = new Glyph[cols * rows];
        Arrays.fill(back, Glyph.Style.BLANK);
        Arrays.fill(front, Glyph.Style.BLANK);
        touched = new boolean[rows];
        Arrays.fill(touched, true);
    }

    int columns() { return cols; }

    int rows() { return rows; }

    /** Takes the terminal (private mode), clears it and shows the cursor at the top left. */
    void start() throws IOException {
        terminal.enterPrivateMode();
        terminal.clearScreen();
        terminal.setCursorVisible(true);
        cursorShown = true;
        terminal.setCursorPosition(0, 0);
        atX = 0;
        atY = 0;
    }

    /** Drops keys still waiting (up to an end of input) and gives the terminal back. */
    void stop() throws IOException {
        KeyStroke k;
        do {
            k = terminal.pollInput();
        } while (k != null && k.getKeyType() != KeyType.EOF);
        terminal.exitPrivateMode();
    }

    /** The terminal has a new size (from any thread): taken at the next {@link #takeResize()}. */
    void resizeLater(TerminalSize size) { resized = size; }

    /** Applies a resize that arrived since the last call: true if there was one (everything must be drawn again). */
    boolean takeResize() {
        TerminalSize s = resized;
        if (s == null) return false;
        resized = null;
        allocate(s);
        return true;
    }

    /** Draws {@code g} at (x, y); outside the screen it is dropped. */
    void set(int x, int y, Glyph g) {
        if (x < 0 || y < 0 || x >= cols || y >= rows) return;
        sets++;
        touched[y] = true;
        int i = y * cols + x;
        if (x > 0 && back[i - 1].wide) back[i - 1] = back[i - 1].space(); // its right half is overwritten
        back[i] = g;
        if (g.wide && x + 1 < cols) back[i + 1] = g.space();
    }

    /** Where the cursor goes at the next refresh; null hides it. */
    void cursor(TerminalPosition p) {
        if (p != null) p = new TerminalPosition(Math.max(0, Math.min(cols - 1, p.getColumn())), Math.max(0, Math.min(rows - 1, p.getRow())));
        cursor = p;
    }

    /**
     * Sends what changed since the last refresh, or with {@code complete} clears the terminal and sends every cell
     * that is not blank (after a resize, when what the terminal shows is unknown).
     */
    void refresh(boolean complete) throws IOException {
        if (complete) sendAll();
        else sendChanges();
        sendRun();
        lastSets = sets;
        sets = 0;
        lastRows.clear();
        for (int y = 0; y < rows; y++) {
            if (!touched[y] && !complete) continue;
            if (touched[y]) lastRows.set(y);
            System.arraycopy(back, y * cols, front, y * cols, cols);
            touched[y] = false;
        }
        if (cursor == null) {
            if (cursorShown) terminal.setCursorVisible(false);
            cursorShown = false;
        } else {
            int x = cursor.getColumn(), y = cursor.getRow();
            if (x > 0 && front[y * cols + x - 1].wide) x--; // on the right half of a wide character: on the character
            if (!cursorShown) terminal.setCursorVisible(true);
            cursorShown = true;
            moveTo(x, y);
        }
        terminal.flush();
    }

    private void sendChanges() throws IOException {
        Glyph.Style style = null; // the terminal's current style; null until the first cell sent resets it
        for (int y = 0; y < rows; y++) {
            if (!touched[y]) continue;
            Glyph carry = null; // a space for the cell after a wide character that is gone
            for (int x = 0; x < cols; x++) {
                int i = y * cols + x;
                Glyph b = back[i], f = front[i];
                Glyph out = b != f ? b : carry;
                carry = null;
                if (out != null) style = put(x, y, out, style);
                if (b.wide) x++; // its right half
                else if (f.wide && x + 1 < cols) carry = f.space();
            }
        }
    }

    private void sendAll() throws IOException {
        terminal.setForegroundColor(TextColor.ANSI.DEFAULT);
        terminal.setBackgroundColor(TextColor.ANSI.DEFAULT);
        terminal.clearScreen();
        terminal.resetColorAndSGR();
        atX = -1;
        Glyph.Style style = Glyph.Style.DEFAULT;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                Glyph g = back[y * cols + x];
                if (g == Glyph.Style.BLANK) continue;
                style = put(x, y, g, style);
                if (g.wide) x++;
            }
        }
    }

    /**
     * Sends one cell; returns the terminal's style after it. A stream terminal writes a string as its characters one
     * after the other, so the characters of a run of cells go out in one call; elsewhere (Lanterna's virtual terminal
     * reads a string as graphemes, which could join two cells) each character goes on its own, as Lanterna's screen
     * sends them.
     */
    private Glyph.Style put(int x, int y, Glyph g, Glyph.Style style) throws IOException {
        moveTo(x, y);
        if (style == null) {
            sendRun();
            terminal.resetColorAndSGR();
            style = Glyph.Style.DEFAULT;
        }
        if (g.style != style) switchStyle(style, g.style);
        if (runs) run.append(g.ch);
        else terminal.putCharacter(g.ch);
        // past the last column a terminal waits to wrap, and a wide character's advance is the terminal's to judge
        atX = g.wide || x + 1 >= cols ? -1 : x + 1;
        return g.style;
    }

    private void sendRun() throws IOException {
        if (run.length() == 0) return;
        terminal.putString(run.toString());
        run.setLength(0);
    }

    private void moveTo(int x, int y) throws IOException {
        if (x == atX && y == atY) return;
        sendRun();
        terminal.setCursorPosition(x, y);
        atX = x;
        atY = y;
    }

    private void switchStyle(Glyph.Style from, Glyph.Style to) throws IOException {
        sendRun();
        if (!from.fg.equals(to.fg)) terminal.setForegroundColor(to.fg);
        if (!from.bg.equals(to.bg)) terminal.setBackgroundColor(to.bg);
        for (SGR s : ALL_SGR) {
            boolean had = from.has(s), want = to.has(s);
            if (had && !want) terminal.disableSGR(s);
            else if (want && !had) terminal.enableSGR(s);
        }
    }
}
