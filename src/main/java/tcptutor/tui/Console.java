package tcptutor.tui;

import java.util.ArrayList;
import java.util.List;
import tcptutor.view.Columns;
import tcptutor.view.StyledLine;
import tcptutor.view.Tone;

/**
 * The console's state: the input line with its caret, the history (Up/Down), and the output of
 * recent commands (kept to {@link #KEEP} lines). Pure logic; the UI draws it.
 */
final class Console {
    static final int KEEP = 2000;
    static final String PROMPT = "> ";

    private final StringBuilder input = new StringBuilder();
    private int caret;
    private final List<String> history = new ArrayList<>();
    private int historyAt; // == history.size() when editing a new line
    private String draft = "";
    private final List<StyledLine> output = new ArrayList<>();
    /** Lines scrolled back from the bottom of the output (0: the newest lines show). */
    int scrollBack;
    private int version; // counts prints: the output changed when it moved

    Console(List<String> earlier) {
        history.addAll(earlier);
        historyAt = history.size();
    }

    String input() { return input.toString(); }

    int caret() { return caret; }

    boolean empty() { return input.length() == 0; }

    List<StyledLine> output() { return output; }

    /** Changes whenever a line is printed. */
    int version() { return version; }

    void insert(char c) {
        input.insert(caret++, c);
    }

    void backspace() {
        if (caret > 0) input.deleteCharAt(--caret);
    }

    void delete() {
        if (caret < input.length()) input.deleteCharAt(caret);
    }

    void left() { caret = Math.max(0, caret - 1); }

    void right() { caret = Math.min(input.length(), caret + 1); }

    void home() { caret = 0; }

    void end() { caret = input.length(); }

    /** Ctrl-U: deletes before the caret. */
    void killToStart() {
        input.delete(0, caret);
        caret = 0;
    }

    /** Ctrl-K: deletes from the caret on. */
    void killToEnd() { input.setLength(caret); }

    /** Ctrl-W: deletes the word before the caret. */
    void killWord() {
        int i = caret;
        while (i > 0 && input.charAt(i - 1) == ' ') i--;
        while (i > 0 && input.charAt(i - 1) != ' ') i--;
        input.delete(i, caret);
        caret = i;
    }

    void historyUp() {
        if (historyAt == 0) return;
        if (historyAt == history.size()) draft = input.toString();
        set(history.get(--historyAt));
    }

    void historyDown() {
        if (historyAt >= history.size()) return;
        historyAt++;
        set(historyAt == history.size() ? draft : history.get(historyAt));
    }

    private void set(String s) {
        input.setLength(0);
        input.append(s);
        caret = s.length();
    }

    /** Takes the input line for running: clears it, adds it to history (not twice in a row), echoes it. */
    String take() {
        String line = input.toString();
        set("");
        draft = "";
        if (!line.isBlank() && (history.isEmpty() || !history.get(history.size() - 1).equals(line))) history.add(line);
        historyAt = history.size();
        print(StyledLine.of(PROMPT + line, Tone.HEADING));
        return line;
    }

    /** Replaces the word [start, caret) with {@code word}. */
    void replaceWord(int start, String word) {
        int s = Math.max(0, Math.min(start, caret));
        input.replace(s, caret, word);
        caret = s + word.length();
    }

    void print(StyledLine line) {
        output.add(line);
        version++;
        if (output.size() > KEEP) output.subList(0, output.size() - KEEP).clear();
        scrollBack = 0;
    }

    void print(String text, Tone tone) { print(StyledLine.of(text, tone)); }

    /** The longest common prefix of the candidates (for Tab completion). */
    static String commonPrefix(List<String> cs) {
        if (cs.isEmpty()) return "";
        String p = cs.get(0);
        for (String c : cs) {
            int i = 0;
            while (i < p.length() && i < c.length() && p.charAt(i) == c.charAt(i)) i++;
            p = p.substring(0, i);
        }
        return p;
    }

    /**
     * The visible part of the input for a field {@code cols} wide (prompt included), and the caret's column in it:
     * scrolls sideways so the caret is always visible.
     */
    String[] visibleInput(int cols) {
        String before = PROMPT + input.substring(0, caret);
        String all = PROMPT + input;
        int skip = 0;
        while (Columns.width(before.substring(skip)) > cols - 1) skip++;
        String shown = Columns.cut(all.substring(skip), cols);
        return new String[]{shown, Integer.toString(Columns.width(before.substring(skip)))};
    }
}
