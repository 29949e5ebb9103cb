package tcptutor.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import tcptutor.view.Columns;

/**
 * One cell of the screen: a character in a {@link Style}. Glyphs are made once per (character, style) and shared
 * by every session, so two cells look the same exactly when they hold the same glyph ({@code ==}), and nothing per
 * cell (width, colours, attributes) is ever computed twice. Lanterna's {@code TextCharacter} is not used on this
 * path: making one runs a BreakIterator, and asking one for its width looks up Unicode blocks.
 */
final class Glyph {
    final char ch;
    final Style style;
    /** Takes two columns (CJK): the same rule as {@link Columns#width(char)} and Lanterna's. */
    final boolean wide;

    private Glyph(char ch, Style style) {
        this.ch = ch;
        this.style = style;
        this.wide = Columns.width(ch) == 2;
    }

    /** A space in the same style (what Lanterna leaves in the cell after a wide character, or in place of its half). */
    Glyph space() { return style.glyph(' '); }

    /**
     * Colours and attributes of a cell. One instance per distinct look ({@link #of}), so styles compare by identity.
     * Its glyphs for printable ASCII are made up front; others on first use, one per character.
     */
    static final class Style {
        private static final Map<Style, Style> CANONICAL = new HashMap<>();
        /** A blank terminal's look: what a cleared screen holds. */
        static final Style DEFAULT = of(TextColor.ANSI.DEFAULT, TextColor.ANSI.DEFAULT, EnumSet.noneOf(SGR.class));
        /** The cell of a cleared screen. */
        static final Glyph BLANK = DEFAULT.glyph(' ');

        final TextColor fg, bg;
        private final EnumSet<SGR> sgr; // never changed after construction
        private final Glyph[] ascii = new Glyph[128];
        /** Glyphs of other characters by page (c >> 8), made on first use; compare-and-set keeps one per character. */
        private final AtomicReferenceArray<AtomicReferenceArray<Glyph>> pages = new AtomicReferenceArray<>(256);

        private Style(TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
            this.fg = fg;
            this.bg = bg;
            this.sgr = EnumSet.copyOf(sgr);
            for (char c = ' '; c < 127; c++) ascii[c] = new Glyph(c, this);
        }

        /** The one style with these colours and attributes. */
        static synchronized Style of(TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
            Style s = new Style(fg, bg, sgr);
            Style had = CANONICAL.putIfAbsent(s, s);
            return had == null ? s : had;
        }

        /** {@code c} in this style ({@code c} printable: no control character). */
        Glyph glyph(char c) {
            if (c < 128) return ascii[c];
            AtomicReferenceArray<Glyph> page = pages.get(c >> 8);
            if (page == null) {
                pages.compareAndSet(c >> 8, null, new AtomicReferenceArray<>(256));
                page = pages.get(c >> 8);
            }
            Glyph g = page.get(c & 0xff);
            if (g == null) {
                page.compareAndSet(c & 0xff, null, new Glyph(c, this));
                g = page.get(c & 0xff);
            }
            return g;
        }

        boolean has(SGR s) { return sgr.contains(s); }

        @Override public boolean equals(Object o) {
            return o instanceof Style s && fg.equals(s.fg) && bg.equals(s.bg) && sgr.equals(s.sgr);
        }

        @Override public int hashCode() { return (fg.hashCode() * 31 + bg.hashCode()) * 31 + sgr.hashCode(); }
    }
}
