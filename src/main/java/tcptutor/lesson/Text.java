package tcptutor.lesson;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prose that may be given per language: a plain string in a lesson file is English ({@code en});
 * a map {@code {en: ..., zh: ...}} gives several. Lookups fall back to English.
 */
public record Text(Map<String, String> byLang) {
    public static final String DEFAULT_LANG = "en";
    public static final Text EMPTY = new Text(Map.of());

    public Text { byLang = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLang)); }

    public static Text en(String s) { return new Text(Map.of(DEFAULT_LANG, s)); }

    /** The text in {@code lang}, else English, else any language, else "". */
    public String in(String lang) {
        String s = byLang.get(lang);
        if (s == null) s = byLang.get(DEFAULT_LANG);
        if (s == null && !byLang.isEmpty()) s = byLang.values().iterator().next();
        return s == null ? "" : s;
    }

    public String en() { return in(DEFAULT_LANG); }

    public boolean isEmpty() { return byLang.isEmpty() || en().isBlank(); }

    @Override public String toString() { return en(); }
}
