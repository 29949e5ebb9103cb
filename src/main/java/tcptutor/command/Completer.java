package tcptutor.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Completion for a partial command line, for JLine and the Lanterna console alike: commands, sub-words,
 * flags, field and option names, knob names, extension commands and their candidates (lesson ids).
 */
public final class Completer {
    private final Supplier<? extends List<? extends ExtraCommands>> extras;

    /** The candidates for the word that starts at {@code start} (0-based) and reaches the cursor. */
    public record Completion(int start, String prefix, List<String> candidates) {
        public Completion { candidates = List.copyOf(candidates); }
    }

    public Completer(Supplier<? extends List<? extends ExtraCommands>> extras) { this.extras = extras; }

    /** A completer for the built-in language only. */
    public Completer() { this(List::of); }

    /** Completes the word the cursor is in (or a new word after a space). */
    public Completion complete(String line, int cursor) {
        return Grammar.complete(line.substring(0, Math.min(cursor, line.length())), new ArrayList<>(extras.get()));
    }
}
