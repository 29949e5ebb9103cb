package tcptutor.lesson;

import java.util.List;
import tcptutor.command.Command;
import tcptutor.command.CommandInfo;
import tcptutor.session.CommandExtension;
import tcptutor.session.Session;

/** The lesson's words in the session's language: hint, retry, back, next, solution, answer, lesson. */
final class LessonCommands implements CommandExtension {
    static final List<CommandInfo> COMMANDS = List.of(
            new CommandInfo("hint", "hint", "the next hint for this lesson step"),
            new CommandInfo("retry", "retry", "roll the world back to the start of this step"),
            new CommandInfo("back", "back", "go back to the previous step (the world rolls back too)"),
            new CommandInfo("next", "next", "go on to the next step (once this one is done)"),
            new CommandInfo("solution", "solution", "show this step done (or the question's answer)"),
            new CommandInfo("answer", "answer TEXT", "answer the step's question: a letter, a number, a state name or a few words"),
            new CommandInfo("lesson", "lesson", "show the current lesson step again"));

    private final LessonRun run;

    LessonCommands(LessonRun run) { this.run = run; }

    @Override public List<CommandInfo> commands() { return COMMANDS; }

    @Override public List<String> candidates(String command, List<String> argsBefore) {
        if (!command.equalsIgnoreCase("answer") || !argsBefore.isEmpty()) return List.of();
        Step s = run.step();
        if (s.ask() == null) return List.of();
        if (s.ask().kind() == Question.Kind.CHOICE) {
            return s.ask().choices().isEmpty() ? List.of() : java.util.stream.IntStream.range(0, s.ask().choices().size())
                    .mapToObj(i -> String.valueOf((char) ('a' + i))).toList();
        }
        if (s.ask().kind() == Question.Kind.STATE) {
            return java.util.Arrays.stream(tcptutor.tcp.State.values()).map(tcptutor.tcp.State::rfcName).toList();
        }
        return List.of();
    }

    @Override public List<String> run(Session session, Command.Extension c) {
        return switch (c.name().toLowerCase(java.util.Locale.ROOT)) {
            case "hint" -> run.hint();
            case "retry" -> run.retry();
            case "back" -> run.back();
            case "next" -> run.next();
            case "solution" -> run.solution();
            case "answer" -> run.answer(rest(c.line()));
            default -> run.stepLines();
        };
    }

    /** The line after its first word. */
    static String rest(String line) {
        String t = line.strip();
        int sp = t.indexOf(' ');
        return sp < 0 ? "" : t.substring(sp + 1).strip();
    }
}
