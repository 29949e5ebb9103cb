package tcptutor.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The command history the REPL keeps ($XDG_DATA_HOME/tcptutor/history), in JLine's file format — one entry a
 * line, {@code millis:command}, with a backslash before a backslash and newlines written as {@code \n} —
 * so the text UI's console and the REPL recall the same commands.
 */
final class HistoryFile {
    static final int KEEP = 500;

    private HistoryFile() {}

    /** The last {@link #KEEP} entries, oldest first; none if the file is missing or unreadable. */
    static List<String> read(Path file) {
        List<String> out = new ArrayList<>();
        if (file == null || !Files.isReadable(file)) return out;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                boolean stamped = colon > 0 && line.substring(0, colon).chars().allMatch(Character::isDigit);
                String entry = unescape(stamped ? line.substring(colon + 1) : line);
                if (!entry.isBlank()) out.add(entry);
            }
        } catch (IOException | RuntimeException e) {
            return out; // history is a convenience: a damaged file must not stop the tutor
        }
        return out.size() > KEEP ? new ArrayList<>(out.subList(out.size() - KEEP, out.size())) : out;
    }

    /** Appends entries stamped {@code millis}; returns false if the file could not be written. */
    static boolean append(Path file, List<String> entries, long millis) {
        if (file == null || entries.isEmpty()) return true;
        StringBuilder b = new StringBuilder();
        for (String e : entries) b.append(millis).append(':').append(escape(e)).append('\n');
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
