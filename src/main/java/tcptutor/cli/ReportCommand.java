package tcptutor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tcptutor.progress.Gradebook;
import tcptutor.progress.GradebookFormat;
import tcptutor.progress.ProgressStore;

/** {@code tcptutor report}: the gradebook from a progress store. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The gradebook: per learner the lessons completed, quiz scores and when last seen;",
                "per lesson the completion rate and the questions most often missed.",
                "Reads DIR/progress.db; safe to run while 'tcptutor serve' is running."})
public final class ReportCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The data directory (default: $XDG_DATA_HOME/tcptutor, i.e. ~/.local/share/tcptutor).")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), csv (two tables, learners then lessons, separated by an empty line) or json.")
    String format;

    @Override public Integer call() {
        GradebookFormat f;
        try {
            f = GradebookFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw UserError.input("--format: " + e.getMessage());
        }
        Path dir = data != null ? data : ProgressStore.defaultDataDir();
        if (!Files.isRegularFile(dir.resolve(ProgressStore.FILE))) {
            throw UserError.input("no progress store in " + dir + " (expected " + dir.resolve(ProgressStore.FILE)
                    + "): give the lab's data directory with --data DIR");
        }
        Gradebook g;
        try (ProgressStore store = ProgressStore.open(dir)) {
            g = Gradebook.read(store);
        } catch (RuntimeException e) {
            throw UserError.environment(e.getMessage());
        }
        spec.commandLine().getOut().print(f.render(g, ZoneId.systemDefault()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
