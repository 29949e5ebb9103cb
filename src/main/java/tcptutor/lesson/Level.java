package tcptutor.lesson;

import java.util.Locale;

/** How much a lesson assumes: written as a word or a number 1-3 in a lesson file. */
public enum Level {
    BEGINNER, INTERMEDIATE, ADVANCED;

    public String word() { return name().toLowerCase(Locale.ROOT); }

    /** "beginner" / "1" etc.; null when neither. */
    public static Level parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT);
        for (Level l : values()) if (l.word().equals(k) || String.valueOf(l.ordinal() + 1).equals(k)) return l;
        return null;
    }
}
