package tcptutor.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds ../shared/conformance: the folder "shared" beside the clone (CI) or beside any folder above the
 * project (a git worktree under /work/wt/NAME finds /work/shared). TCPTUTOR_CONFORMANCE overrides it.
 */
final class SharedScripts {
    private SharedScripts() {}

    static Path conformanceDir() {
        String env = System.getenv("TCPTUTOR_CONFORMANCE");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path project = Path.of("").toAbsolutePath();
        for (Path p = project; p != null; p = p.getParent()) {
            Path c = p.resolve("shared").resolve("conformance");
            if (Files.isDirectory(c)) return c;
        }
        throw new IllegalStateException("the conformance scripts are missing: expected a folder shared/conformance "
                + "beside the clone (../shared/conformance from " + project + "), or set TCPTUTOR_CONFORMANCE");
    }

    static List<Path> conformanceScripts() throws IOException {
        try (Stream<Path> s = Files.list(conformanceDir())) {
            List<Path> out = s.filter(p -> p.toString().endsWith(".pkt")).sorted().toList();
            if (out.isEmpty()) throw new IllegalStateException("no .pkt scripts in " + conformanceDir());
            return out;
        }
    }

    /** Our own scripts, src/test/resources/drill/*.pkt. */
    static List<Path> drillScripts() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src", "test", "resources", "drill"))) {
            return s.filter(p -> p.toString().endsWith(".pkt")).sorted().toList();
        }
    }
}
