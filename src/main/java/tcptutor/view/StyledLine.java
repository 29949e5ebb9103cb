package tcptutor.view;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a view: its text and the tones of stretches of it ({@code start}/{@code end} are
 * char indices into {@code text}, end exclusive). Later spans win where they overlap.
 */
public record StyledLine(String text, List<Span> spans) {
    public record Span(int start, int end, Tone tone) {}

    public StyledLine {
        spans = List.copyOf(spans);
    }

    public static StyledLine plain(String text) { return new StyledLine(text, List.of()); }

    public static StyledLine of(String text, Tone tone) {
        return new StyledLine(text, text.isEmpty() ? List.of() : List.of(new Span(0, text.length(), tone)));
    }

    /** The tone of char {@code i}: the last span covering it, PLAIN if none. */
    public Tone toneAt(int i) {
        Tone t = Tone.PLAIN;
        for (Span s : spans) if (i >= s.start && i < s.end) t = s.tone;
        return t;
    }

    /** The same line with {@code tone} laid over all of it (e.g. the selected row). */
    public StyledLine over(Tone tone) {
        List<Span> out = new ArrayList<>(spans);
        out.add(new Span(0, Math.max(1, text.length()), tone));
        return new StyledLine(text, out);
    }

    /** The line cut to {@code cols} display columns. */
    public StyledLine fit(int cols) {
        String cut = Columns.cut(text, cols);
        if (cut.length() == text.length()) return this;
        List<Span> out = new ArrayList<>();
        for (Span s : spans) if (s.start < cut.length()) out.add(new Span(s.start, Math.min(s.end, cut.length()), s.tone));
        return new StyledLine(cut, out);
    }

    /** Appends text in tones, left to right. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Span> spans = new ArrayList<>();

        public Builder add(String s) { return add(s, Tone.PLAIN); }

        public Builder add(String s, Tone tone) {
            if (tone != Tone.PLAIN && !s.isEmpty()) spans.add(new Span(text.length(), text.length() + s.length(), tone));
            text.append(s);
            return this;
        }

        /** Pads with spaces to {@code col} display columns. */
        public Builder padTo(int col) {
            int w = Columns.width(text);
            if (w < col) text.append(" ".repeat(col - w));
            return this;
        }

        public int width() { return Columns.width(text); }

        public StyledLine build() { return new StyledLine(text.toString(), spans); }
    }
}
