package tcptutor.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import tcptutor.view.Tone;

/**
 * Tones to terminal attributes. In colour only the 16 ANSI colours are used (readable on dark and
 * light backgrounds); without colour ({@code NO_COLOR}, {@code --no-color}) only reverse, bold and
 * underline, and every mark still shows in the characters themselves (brackets, arrows, x).
 * The two themes are made once and shared by every session, with their {@link Glyph}s.
 */
final class Theme {
    private static final Theme COLOUR = new Theme(true), MONO = new Theme(false);

    private final Glyph.Style[] looks = new Glyph.Style[Tone.values().length]; // by ordinal
    private final Glyph.Style title, focusedTitle;
    final boolean colour;

    private Theme(boolean colour) {
        this.colour = colour;
        TextColor d = TextColor.ANSI.DEFAULT;
        java.util.Arrays.fill(looks, Glyph.Style.DEFAULT);
        if (colour) {
            set(Tone.DIM, TextColor.ANSI.BLACK_BRIGHT, d);
            set(Tone.HEADING, d, d, SGR.BOLD);
            set(Tone.YOU, TextColor.ANSI.GREEN, d);
            set(Tone.PEER, TextColor.ANSI.MAGENTA, d);
            set(Tone.STATE, TextColor.ANSI.CYAN, d, SGR.BOLD);
            set(Tone.LOST, TextColor.ANSI.RED, d, SGR.BOLD);
            set(Tone.SELECTED, d, d, SGR.REVERSE);
            set(Tone.HIGHLIGHT, TextColor.ANSI.BLACK, TextColor.ANSI.YELLOW, SGR.BOLD);
            set(Tone.ERROR, TextColor.ANSI.RED, d, SGR.BOLD);
            set(Tone.GOOD, TextColor.ANSI.GREEN, d);
            set(Tone.YOU_MARK, TextColor.ANSI.BLACK, TextColor.ANSI.GREEN, SGR.BOLD);
            set(Tone.PEER_MARK, TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.MAGENTA, SGR.BOLD);
            set(Tone.BOTH_MARK, TextColor.ANSI.BLACK, TextColor.ANSI.CYAN, SGR.BOLD);
            title = Glyph.Style.of(d, d, EnumSet.of(SGR.BOLD));
            focusedTitle = Glyph.Style.of(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.BLUE, EnumSet.of(SGR.BOLD));
        } else {
            set(Tone.HEADING, d, d, SGR.BOLD);
            set(Tone.STATE, d, d, SGR.BOLD);
            set(Tone.LOST, d, d, SGR.BOLD);
            set(Tone.SELECTED, d, d, SGR.REVERSE);
            set(Tone.HIGHLIGHT, d, d, SGR.REVERSE, SGR.BOLD);
            set(Tone.ERROR, d, d, SGR.BOLD);
            set(Tone.YOU_MARK, d, d, SGR.REVERSE);
            set(Tone.PEER_MARK, d, d, SGR.BOLD, SGR.UNDERLINE);
            set(Tone.BOTH_MARK, d, d, SGR.REVERSE, SGR.UNDERLINE);
            title = Glyph.Style.of(d, d, EnumSet.noneOf(SGR.class));
            focusedTitle = Glyph.Style.of(d, d, EnumSet.of(SGR.REVERSE, SGR.BOLD));
        }
    }

    static Theme colour() { return COLOUR; }

    static Theme mono() { return MONO; }

    /** Colour unless NO_COLOR is set to anything non-empty (https://no-color.org) or colour was turned off. */
    static Theme pick(boolean noColorFlag) {
        String env = System.getenv("NO_COLOR");
        return noColorFlag || (env != null && !env.isEmpty()) ? mono() : colour();
    }

    private void set(Tone t, TextColor fg, TextColor bg, SGR... sgr) {
        EnumSet<SGR> s = EnumSet.noneOf(SGR.class);
        for (SGR x : sgr) s.add(x);
        looks[t.ordinal()] = Glyph.Style.of(fg, bg, s);
    }

    /** {@code c} (printable) in the look of {@code tone}. */
    Glyph cell(char c, Tone tone) { return looks[tone.ordinal()].glyph(c); }

    Glyph title(char c, boolean focused) { return (focused ? focusedTitle : title).glyph(c); }
}
