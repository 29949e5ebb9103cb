package tcptutor.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The lessons of one folder: every {@code *.yaml} / {@code *.yml} file, in file-name order (so a teacher
 * orders lessons with a number prefix: {@code 03-handshake.yaml}). Checks what spans files: unique
 * lesson ids, {@code requires} naming existing lessons, no cycles.
 */
public final class LessonLibrary {
    private final Path dir;
    private final Map<String, Lesson> byId = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    private LessonLibrary(Path dir) { this.dir = dir; }

    /** The folder of the installation: {@code $tcptutor.home/lessons}, else {@code ./lessons}. */
    public static Path defaultDir() {
        String home = System.getProperty("tcptutor.home");
        if (home != null && !home.isBlank()) return Paths.get(home, "lessons");
        return Paths.get("lessons");
    }

    /** Loads every lesson file of {@code dir}; problems (file, line, column) are in {@link #problems()}. */
    public static LessonLibrary load(Path dir) {
        LessonLibrary lib = new LessonLibrary(dir);
        if (!Files.isDirectory(dir)) {
            lib.problems.add(Problem.error(Pos.of(dir.toString()), "no lesson folder here", "give an existing folder with --lessons DIR"));
            return lib;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            lib.problems.add(Problem.error(Pos.of(dir.toString()), "cannot list the folder: " + e.getMessage(), "check its permissions"));
            return lib;
        }
        if (files.isEmpty()) {
            lib.problems.add(Problem.error(Pos.of(dir.toString()), "no lesson files (*.yaml) in this folder", "add one; see lessons/FORMAT.md"));
        }
        for (Path f : files) {
            LessonLoader.Loaded l = LessonLoader.load(f);
            lib.problems.addAll(l.problems());
            Lesson lesson = l.lesson();
            if (lesson == null || lesson.id().isEmpty()) continue;
            Lesson first = lib.byId.putIfAbsent(lesson.id(), lesson);
            if (first != null) {
                lib.problems.add(Problem.error(lesson.pos(), "lesson id '" + lesson.id() + "' is also used by " + first.file(),
                        "lesson ids are unique: rename one"));
            }
        }
        lib.checkRequires();
        return lib;
    }

    private void checkRequires() {
        for (Lesson l : byId.values()) {
            for (int i = 0; i < l.requires().size(); i++) {
                String r = l.requires().get(i);
                if (r.equals(l.id())) {
                    problems.add(Problem.error(l.requiresPos().get(i), "lesson '" + l.id() + "' requires itself", "remove '" + r + "' from requires"));
                } else if (!byId.containsKey(r)) {
                    String s = LessonLoader.suggest(r, byId.keySet());
                    problems.add(Problem.error(l.requiresPos().get(i), "requires unknown lesson '" + r + "'",
                            s == null ? "use the id of a lesson in " + dir : "did you mean '" + s + "'?"));
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (Lesson l : byId.values()) cycle(l, new ArrayList<>(), done);
    }

    private void cycle(Lesson l, List<String> path, Set<String> done) {
        if (done.contains(l.id())) return;
        if (path.contains(l.id())) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(l.id()), path.size()));
            loop.add(l.id());
            problems.add(Problem.error(l.pos(), "lessons require each other in a circle: " + String.join(" -> ", loop),
                    "remove one of these 'requires'"));
            done.addAll(loop);
            return;
        }
        path.add(l.id());
        for (String r : l.requires()) if (byId.containsKey(r)) cycle(byId.get(r), path, done);
        path.remove(path.size() - 1);
        done.add(l.id());
    }

    public Path dir() { return dir; }

    /** Lessons in file-name order. */
    public List<Lesson> lessons() { return List.copyOf(byId.values()); }

    /** The lesson with this id, or null. */
    public Lesson get(String id) { return byId.get(id); }

    public List<Problem> problems() { return List.copyOf(problems); }

    public boolean hasErrors() { return problems.stream().anyMatch(p -> !p.warning()); }

    /** Lesson ids for completion in the REPL. */
    public Supplier<List<String>> ids() { return () -> List.copyOf(byId.keySet()); }

    /** A suggestion for a mistyped lesson id, or null. */
    public String suggest(String id) { return LessonLoader.suggest(id, byId.keySet()); }

    /** Problems per file, for reports. */
    public Map<String, List<Problem>> byFile() {
        Map<String, List<Problem>> out = new HashMap<>();
        for (Problem p : problems) out.computeIfAbsent(p.pos().file(), k -> new ArrayList<>()).add(p);
        return out;
    }
}
