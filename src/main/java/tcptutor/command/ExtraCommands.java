package tcptutor.command;

import java.util.List;

/**
 * Command words added to the language from outside (a lesson engine's {@code hint}, {@code next},
 * {@code lesson ID}...). The parser accepts them (their arguments as plain words) and the completer
 * offers them and their argument candidates.
 */
public interface ExtraCommands {
    /** The words this source adds, each with usage and help. */
    List<CommandInfo> commands();

    /**
     * Completion candidates for the next argument of {@code command}, given the arguments typed before it
     * (e.g. lesson ids after {@code lesson}). The completer filters them by the prefix being typed.
     */
    default List<String> candidates(String command, List<String> argsBefore) { return List.of(); }
}
