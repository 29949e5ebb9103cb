package tcptutor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import tcptutor.lesson.LessonLibrary;

/** {@code --lessons DIR}, shared by the lesson commands: a teacher's own folder instead of the installation's. */
public final class LessonsOption {
    @Option(names = "--lessons", paramLabel = "DIR",
            description = "Lesson folder (default: the lessons/ folder of the installation).")
    Path dir;

    /** The folder to use; says how to fix it when it does not exist. */
    Path dir() {
        Path d = dir != null ? dir : LessonLibrary.defaultDir();
        if (!java.nio.file.Files.isDirectory(d)) {
            throw UserError.input("no lesson folder at " + d + (dir != null ? " (check --lessons)" : " (give one with --lessons DIR)"));
        }
        return d;
    }

    /** Loads the folder; problems stay in the library for the caller to report. */
    LessonLibrary load() { return LessonLibrary.load(dir()); }
}
