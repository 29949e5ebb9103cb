package tcptutor.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tcptutor.tcp.Settings;

/**
 * Runs the packetdrill scripts against the simulated peer: every script in ../shared/conformance must pass,
 * and every script in src/test/resources/drill must pass except those listed in known-failures.txt, which
 * must still fail at the listed line (remove the entry once the engine is fixed).
 */
class ScriptsTest {
    @TestFactory
    Stream<DynamicTest> conformanceScripts_allPass() throws IOException {
        return SharedScripts.conformanceScripts().stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Runner.Outcome o = Runner.run(Parser.parse(p), Settings.linux(), 1, null);
            assertThat(o.failure()).as(p.toString()).isNull();
        }));
    }

    @TestFactory
    Stream<DynamicTest> drillScripts_passOrFailAsListed() throws IOException {
        Map<String, Integer> known = knownFailures();
        List<Path> scripts = SharedScripts.drillScripts();
        assertThat(scripts).extracting(p -> p.getFileName().toString()).containsAll(known.keySet());
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Runner.Outcome o = Runner.run(Parser.parse(p), Settings.linux(), 1, null);
            Integer line = known.get(p.getFileName().toString());
            if (line == null) {
                assertThat(o.failure()).as(p.toString()).isNull();
            } else {
                assertThat(o.failure()).as(p + " is listed in known-failures.txt but passes now: remove it from the list").isNotNull();
                assertThat(o.failure().line()).as(o.failure().toString()).isEqualTo(line);
            }
        }));
    }

    private static Map<String, Integer> knownFailures() throws IOException {
        Map<String, Integer> out = new HashMap<>();
        for (String l : Files.readAllLines(Path.of("src", "test", "resources", "drill", "known-failures.txt"))) {
            if (l.isBlank() || l.startsWith("#")) continue;
            String[] f = l.trim().split("\\s+", 3);
            out.put(f[0], Integer.parseInt(f[1]));
        }
        return out;
    }
}
