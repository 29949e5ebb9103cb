package tcptutor.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcptutor.lesson.Lesson;
import tcptutor.lesson.LessonLibrary;
import tcptutor.lesson.Progress;
import tcptutor.view.Columns;

/** {@code tcptutor lessons}: the lessons of the folder with your status in each. */
@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = "List the lessons (id, title, level) with your progress; 'tcptutor learn ID' starts one.")
public final class LessonsCommand implements Callable<Integer> {
    @Mixin LessonsOption folder;

    @picocli.CommandLine.Mixin ProgressOptions where;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        LessonLibrary lib = folder.load();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Progress> progress;
        try (tcptutor.progress.ProgressStore store = where.open()) {
            progress = where.lessons(store).all();
        }
        int idW = 2, titleW = 5;
        for (Lesson l : lib.lessons()) {
            idW = Math.max(idW, l.id().length());
            titleW = Math.max(titleW, Columns.width(l.title().en()));
        }
        out.println(pad("ID", idW) + "  " + pad("TITLE", titleW) + "  " + pad("LEVEL", 12) + "  STATUS");
        for (Lesson l : lib.lessons()) {
            Progress p = progress.getOrDefault(l.id(), Progress.none(l.id()));
            String status = p.status(l);
            out.println(pad(l.id(), idW) + "  " + pad(l.title().en(), titleW) + "  " + pad(l.level().word(), 12) + "  "
                    + (status.isEmpty() ? "-" : status));
        }
        if (lib.hasErrors()) {
            out.println();
            out.println("some lesson files have problems and are not listed or not complete: run 'tcptutor check-lessons"
                    + (folder.dir != null ? " " + folder.dir : "") + "'");
        }
        out.println();
        out.println("start one with: tcptutor learn ID   (or watch it played: tcptutor learn ID --auto)");
        out.flush();
        return 0;
    }

    private static String pad(String s, int w) { return s + " ".repeat(Math.max(0, w - Columns.width(s))); }
}
