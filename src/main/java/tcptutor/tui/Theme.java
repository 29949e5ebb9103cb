package tcptutor.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import tcptutor.view.Tone;

/**
 * Tones to terminal attributes. In colour only the 16 ANSI colours are used (readable on dark and
 * light backgrounds); without colour ({@code NO_COLOR}, {@code --no-color}) only reverse, bold and
 * underline, and every mark still shows in the characters themselves (brackets, arrows, x).
 */
final class Theme {
    private record Look(TextColor fg, TextColor bg, EnumSet<SGR> sgr) {}

    private final Map<Tone, Look> looks = new EnumMap<>(Tone.class);
    private final Look title, focusedTitle;
    final boolean colour;

    private Theme(boolean colour) {
        this.colour = colour;
        TextColor d = TextColor.ANSI.DEFAULT;
        for (Tone t : Tone.values()) looks.put(t, new Look(d, d, EnumSet.noneOf(SGR.class)));
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
            title = new Look(d, d, EnumSet.of(SGR.BOLD));
            focusedTitle = new Look(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.BLUE, EnumSet.of(SGR.BOLD));
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
            title = new Look(d, d, EnumSet.noneOf(SGR.class));
            focusedTitle = new Look(d, d, EnumSet.of(SGR.REVERSE, SGR.BOLD));
        }
    }

    static Theme colour() { return new Theme(true); }

    static Theme mono() { return new Theme(false); }

    /** Colour unless NO_COLOR is set to anything non-empty (https://no-color.org) or colour was turned off. */
    static Theme pick(boolean noColorFlag) {
        String env = System.getenv("NO_COLOR");
        return noColorFlag || (env != null && !env.isEmpty()) ? mono() : colour();
    }

    private void set(Tone t, TextColor fg, TextColor bg, SGR... sgr) {
        EnumSet<SGR> s = EnumSet.noneOf(SGR.class);
        for (SGR x : sgr) s.add(x);
        looks.put(t, new Look(fg, bg, s));
    }

    TextCharacter cell(char c, Tone tone) { return cell(c, looks.get(tone)); }

    TextCharacter title(char c, boolean focused) { return cell(c, focused ? focusedTitle : title); }

    private static TextCharacter cell(char c, Look l) {
        return TextCharacter.fromCharacter(c, l.fg, l.bg, l.sgr.toArray(new SGR[0]))[0];
    }
}
