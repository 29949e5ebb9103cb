package tcptutor.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Lesson progress in one YAML file per user, by default {@code $XDG_DATA_HOME/tcptutor/lessons-progress.yaml}
 * ({@code ~/.local/share/tcptutor/...} without XDG_DATA_HOME). Every save writes a temporary file next to it and
 * renames it over the old one, so a crash leaves the old or the new file, never half of one. A file that cannot
 * be read is kept as {@code .bak} before it is replaced.
 */
public final class FileProgressStore implements ProgressStore {
    private final Path file;
    private Map<String, Progress> cache;
    private boolean unreadable;

    public FileProgressStore(Path file) { this.file = file; }

    /** $XDG_DATA_HOME/tcptutor/lessons-progress.yaml, or ~/.local/share/tcptutor/lessons-progress.yaml. */
    public static Path defaultFile() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".local", "share");
        return base.resolve("tcptutor").resolve("lessons-progress.yaml");
    }

    public Path file() { return file; }

    @Override public synchronized Progress load(String lessonId) {
        return all().getOrDefault(lessonId, Progress.none(lessonId));
    }

    @Override public synchronized Map<String, Progress> all() {
        if (cache == null) cache = read();
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cache));
    }

    @Override public synchronized void save(Progress p) {
        if (cache == null) cache = read();
        cache.put(p.lessonId(), p);
        write();
    }

    private Map<String, Progress> read() {
        Map<String, Progress> out = new LinkedHashMap<>();
        if (!Files.exists(file)) return out;
        try {
            Object root = new Load(LoadSettings.builder().setLabel(file.toString()).build())
                    .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
            if (root == null) return out;
            if (!(root instanceof Map<?, ?> m)) throw new YamlEngineException("not a map of lessons");
            for (var e : m.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> v) out.put(String.valueOf(e.getKey()), progress(String.valueOf(e.getKey()), v));
            }
        } catch (IOException | YamlEngineException | ClassCastException e) {
            unreadable = true;
        }
        return out;
    }

    private static Progress progress(String id, Map<?, ?> v) {
        Object cur = v.get("current");
        Map<String, Progress.Answer> answers = new LinkedHashMap<>();
        if (v.get("answers") instanceof Map<?, ?> a) {
            for (var e : a.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> x) {
                    answers.put(String.valueOf(e.getKey()), new Progress.Answer(String.valueOf(x.get("given")), Boolean.TRUE.equals(x.get("correct"))));
                }
            }
        }
        return new Progress(id, cur == null ? null : String.valueOf(cur), strings(v.get("done")), strings(v.get("shown")),
                answers, Boolean.TRUE.equals(v.get("finished")));
    }

    private static Set<String> strings(Object o) {
        Set<String> out = new LinkedHashSet<>();
        if (o instanceof List<?> l) for (Object x : l) out.add(String.valueOf(x));
        return out;
    }

    private void write() {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Progress p : cache.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (p.current() != null) m.put("current", p.current());
            m.put("finished", p.finished());
            m.put("done", new ArrayList<>(p.done()));
            m.put("shown", new ArrayList<>(p.shown()));
            Map<String, Object> a = new LinkedHashMap<>();
            p.answers().forEach((q, ans) -> a.put(q, Map.of("given", ans.given(), "correct", ans.correct())));
            m.put("answers", a);
            root.put(p.lessonId(), m);
        }
        String text = "# tcptutor lesson progress (written by tcptutor; safe to delete)\n"
                + new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(root);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (unreadable && Files.exists(file)) {
                Files.copy(file, file.resolveSibling(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING);
                unreadable = false;
            }
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".lessons-progress", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save lesson progress to " + file + ": " + e.getMessage(), e);
        }
    }
}
