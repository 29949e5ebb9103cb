package tcptutor.repl;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import tcptutor.command.Completer;

/** JLine's side of the session's {@link Completer}: candidates for the word at the cursor. */
final class ReplCompleter implements org.jline.reader.Completer {
    private final Completer completer;

    ReplCompleter(Completer completer) { this.completer = completer; }

    @Override public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        Completer.Completion c = completer.complete(line.line(), line.cursor());
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        // JLine filters by its own idea of the current word; candidates must start with it
        String lead = word.length() > c.prefix().length() ? word.substring(0, word.length() - c.prefix().length()) : "";
        int order = 0;
        for (String s : c.candidates()) {
            boolean open = s.endsWith("=");
            candidates.add(new Candidate(lead + s, s, null, null, null, null, !open, order++));
        }
    }
}
