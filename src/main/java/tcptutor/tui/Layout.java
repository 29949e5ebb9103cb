package tcptutor.tui;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where each pane goes for a terminal size. Each rectangle includes the pane's title row.
 * <pre>
 *  Lesson   | States
 *  ---------| ------
 *  Ladder   | Header
 *  ------------------
 *  Console
 * </pre>
 * At 80x24 the left column is 44 columns and the console 6 rows; larger terminals give the
 * left column 55% of the width, the console a fifth of the height (at most 12 rows), the
 * states pane the rows its full diagram needs when the header pane keeps at least 7, and a
 * lesson in progress up to two fifths of the left column. A quiz's pane takes the whole top ({@link #quiz}).
 */
record Layout(int width, int height, Map<Pane, Rect> panes, int splitX, int topHeight) {
    static final int MIN_COLS = 80, MIN_ROWS = 24;

    record Rect(int x, int y, int w, int h) {
        /** Rows below the title row. */
        int bodyH() { return Math.max(0, h - 1); }
    }

    static boolean fits(int width, int height) { return width >= MIN_COLS && height >= MIN_ROWS; }

    /** A welcome page gets a quarter of the top rows (4 to 10); the states pane the rows it wants, title included. */
    static Layout of(int width, int height, int statesWant) {
        return of(width, height, statesWant, 0);
    }

    /**
     * {@code lessonWant}: rows a lesson in progress would like, title included (0 for the welcome page):
     * it gets them up to two fifths of the top rows, and never less than the welcome's share.
     */
    static Layout of(int width, int height, int statesWant, int lessonWant) {
        int consoleH = clamp(height / 5, 6, 12);
        int topH = height - consoleH;
        int leftW = Math.max(44, width * 55 / 100);
        int rightX = leftW + 1, rightW = width - rightX;
        int lessonH = Math.max(clamp(topH / 4, 4, 10), Math.min(lessonWant, topH * 2 / 5));
        int statesH = clamp(statesWant, 6, topH - 7);
        Map<Pane, Rect> p = new EnumMap<>(Pane.class);
        p.put(Pane.LESSON, new Rect(0, 0, leftW, lessonH));
        p.put(Pane.LADDER, new Rect(0, lessonH, leftW, topH - lessonH));
        p.put(Pane.STATES, new Rect(rightX, 0, rightW, statesH));
        p.put(Pane.HEADER, new Rect(rightX, statesH, rightW, topH - statesH));
        p.put(Pane.CONSOLE, new Rect(0, topH, width, consoleH));
        return new Layout(width, height, p, leftW, topH);
    }

    /** A quiz on screen: its pane (the lesson pane's place) takes the whole top; the console stays. */
    static Layout quiz(int width, int height) {
        int topH = topHeight(height);
        Map<Pane, Rect> p = new EnumMap<>(Pane.class);
        for (Pane pane : Pane.values()) p.put(pane, new Rect(0, 0, 0, 0));
        p.put(Pane.LESSON, new Rect(0, 0, width, topH));
        p.put(Pane.CONSOLE, new Rect(0, topH, width, height - topH));
        return new Layout(width, height, p, width, topH);
    }

    Rect rect(Pane pane) { return panes.get(pane); }

    /** The width the states pane gets at this size, before its height is known. */
    static int rightWidth(int width) { return width - Math.max(44, width * 55 / 100) - 1; }

    /** The rows above the console at this size. */
    static int topHeight(int height) { return height - clamp(height / 5, 6, 12); }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }
}
