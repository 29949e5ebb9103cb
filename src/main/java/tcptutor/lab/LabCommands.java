package tcptutor.lab;

import java.util.ArrayList;
import java.util.List;
import tcptutor.command.Command;
import tcptutor.command.CommandError;
import tcptutor.command.CommandInfo;
import tcptutor.command.Token;
import tcptutor.session.CommandExtension;
import tcptutor.session.Session;
import tcptutor.view.LessonPage;

/** The lab's words, in every world it runs: {@code lessons}, {@code learn ID}, {@code leave}. */
final class LabCommands implements CommandExtension {
    private static final List<CommandInfo> COMMANDS = List.of(
            new CommandInfo("lessons", "lessons", "the lessons, with how far you got in each"),
            new CommandInfo("learn", "learn ID", "start a lesson, or go back to where you left it"),
            new CommandInfo("leave", "leave", "leave the lesson for your own world (the lesson keeps your progress)"));

    private final LearnerSession learner;

    LabCommands(LearnerSession learner) {
        this.learner = learner;
    }

    @Override public List<CommandInfo> commands() { return COMMANDS; }

    @Override public List<String> candidates(String command, List<String> argsBefore) {
        if (!command.equalsIgnoreCase("learn") || !argsBefore.isEmpty()) return List.of();
        List<String> ids = new ArrayList<>();
        for (LessonPage.Entry e : learner.entries()) ids.add(e.id());
        return ids;
    }

    @Override public List<String> run(Session session, Command.Extension c) {
        return switch (c.name().toLowerCase(java.util.Locale.ROOT)) {
            case "lessons" -> list();
            case "learn" -> {
                if (c.args().size() != 1) throw CommandError.cannot("learn ID: which lesson? ('lessons' lists them)");
                Token id = c.args().get(0);
                yield learner.learn(id.text());
            }
            default -> learner.leave();
        };
    }

    private List<String> list() {
        List<String> out = new ArrayList<>();
        int w = 2;
        for (LessonPage.Entry e : learner.entries()) w = Math.max(w, e.id().length());
        for (LessonPage.Entry e : learner.entries()) {
            out.add(String.format("%-" + w + "s  %-12s  %-8s  %s", e.id(), e.level(), e.status().isEmpty() ? "-" : e.status(), e.title()).stripTrailing());
        }
        if (out.isEmpty()) out.add("no lessons are installed here");
        else out.add("'learn ID' starts one (or resumes it)");
        return out;
    }
}
