package tcptutor.session;

import java.util.List;
import tcptutor.command.Command;
import tcptutor.command.CommandError;
import tcptutor.command.ExtraCommands;

/**
 * Commands added to a session from outside, e.g. a lesson engine's {@code hint}, {@code retry}, {@code back},
 * {@code next}, {@code solution}. They parse as plain words, complete through {@link #candidates}, show in
 * {@code help}, and are not journaled (run world commands through {@link Session#execute} to journal them).
 */
public interface CommandExtension extends ExtraCommands {
    /**
     * Runs one of this extension's commands and returns the lines to print.
     * Throw {@link CommandError} (e.g. {@link CommandError#at}) for bad arguments: the line is reported as failed.
     */
    List<String> run(Session session, Command.Extension command);
}
