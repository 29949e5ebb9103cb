package tcptutor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tcptutor.lesson.LessonChecker;
import tcptutor.lesson.Problem;

/** {@code tcptutor check-lessons [DIR]}: every rule a lesson file must follow, each problem as FILE:LINE:COL: rule — fix. */
@Command(name = "check-lessons", mixinStandardHelpOptions = true,
        description = {"Check lesson files: the schema, references between lessons, that every solution meets its expect,"
                + " that every question accepts its answer and that every command runs.",
                "Problems are printed as FILE:LINE:COL: rule - how to fix; the exit status is 1 if there is any error."})
public final class CheckLessonsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DIR", description = "The folder to check (default: --lessons, else the installation's).")
    Path dir;

    @Mixin LessonsOption folder;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        if (dir != null) folder.dir = dir;
        LessonChecker.Report r = LessonChecker.check(folder.dir());
        PrintWriter out = spec.commandLine().getOut();
        for (Problem p : r.problems()) out.println(p);
        out.println(r.lessons() + (r.lessons() == 1 ? " lesson" : " lessons") + " checked in " + folder.dir() + ": "
                + r.errors() + (r.errors() == 1 ? " error" : " errors") + ", " + r.warnings() + (r.warnings() == 1 ? " warning" : " warnings"));
        out.flush();
        return r.errors() > 0 ? 1 : 0;
    }
}
