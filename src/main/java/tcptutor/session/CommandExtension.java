package tcptutor.session;

import java.util.List;
import tcptutor.command.Command;
import tcptutor.command.CommandError;
import tcptutor.command.ExtraCommands;

/**
 * Commands added to a session from outside, e.g. a lesson engine's {@code hint}, {@code retry}, {@code back},
 * {@code next}, {@code solution}. They parse as plain words, complete through {@link #candidates}, show in
 * {@code help}, and are not journaled (run world commands through {@link Session#execute} to journal them).
 *
 * <p>An extension may also take whole lines before the command language sees them ({@link #takes}): a quiz takes
 * every line as an answer while it runs. Taken lines are not journaled either; their outcome's command is a
 * {@link Command.Extension} named after the extension's first command.
 */
public interface CommandExtension extends ExtraCommands {
    /**
     * Runs one of this extension's commands and returns the lines to print.
     * Throw {@link CommandError} (e.g. {@link CommandError#at}) for bad arguments: the line is reported as failed.
     */
    List<String> run(Session session, Command.Extension command);

    /** True when {@code line} (never blank) is this extension's input now rather than a command. Default: never. */
    default boolean takes(String line) { return false; }

    /** Runs a line {@link #takes} accepted; throw {@link CommandError} for input it cannot use (nothing changes then). */
    default List<String> take(Session session, String line) {
        throw new IllegalStateException(getClass().getSimpleName() + " takes no lines");
    }

    /** The prompt a line UI shows while this extension takes lines ("answer (a-d)> "), or null for the usual one. */
    default String prompt() { return null; }
}
