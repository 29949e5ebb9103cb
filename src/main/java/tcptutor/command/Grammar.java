package tcptutor.command;

import java.util.List;

/** The command table: words, usage, help; what the parser, the completer and help read. */
final class Grammar {
    private Grammar() {}

    static Completer.Completion complete(String beforeCursor, List<ExtraCommands> extras) {
        return new Completer.Completion(beforeCursor.length(), "", List.of());
    }
}
