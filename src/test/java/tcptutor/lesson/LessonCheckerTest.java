package tcptutor.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonCheckerTest {
    static final String BASE = """
            id: base
            title: Base
            summary: s
            steps:
              - id: syn
                say: Send a SYN.
                expect: {sent: {flags: S}}
                hints: [h]
                solution: [syn]
              - id: q
                say: q
                ask: {number: 1}
                hints: [h]
            """;

    static List<String> check(Path dir, String name, String text) throws Exception {
        Files.writeString(dir.resolve("01-base.yaml"), BASE);
        Files.writeString(dir.resolve(name), text);
        return LessonChecker.check(dir).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void brokenReference_isRejectedAtItsLine(@TempDir Path dir) throws Exception {
        String file = dir.resolve("02-x.yaml").toString();
        List<String> p = check(dir, "02-x.yaml", BASE.replace("id: base", "id: x").replace("summary: s", "summary: s\nrequires: [base, bsae]"));
        assertThat(p).containsExactly(file + ":4:18: requires unknown lesson 'bsae' — did you mean 'base'?");
    }

    @Test
    void solutionThatMissesItsExpect_isRejectedAtTheSolutionsLine(@TempDir Path dir) throws Exception {
        String file = dir.resolve("02-x.yaml").toString();
        List<String> p = check(dir, "02-x.yaml", BASE.replace("id: base", "id: x").replace("{flags: S}", "{flags: S, seq: 1000}"));
        assertThat(p).containsExactly(file + ":9:5: the solution does not meet the expect: still expected you to send SYN seq=1000"
                + " — fix 'solution' or 'expect' of step 'syn'");
    }

    @Test
    void commandThatDoesNotParse_isRejectedWithTheParsersMessage(@TempDir Path dir) throws Exception {
        String file = dir.resolve("02-x.yaml").toString();
        List<String> p = check(dir, "02-x.yaml", BASE.replace("id: base", "id: x").replace("solution: [syn]", "solution: [sny]"));
        assertThat(p).anySatisfy(x -> assertThat(x).startsWith(file + ":9:16: command 'sny' fails: column 1: unknown command 'sny'").contains("did you mean 'syn'?"));
    }

    @Test
    void expectMetBeforeTheLearnerActs_isRejected(@TempDir Path dir) throws Exception {
        String file = dir.resolve("02-x.yaml").toString();
        List<String> p = check(dir, "02-x.yaml", BASE.replace("id: base", "id: x").replace("{sent: {flags: S}}", "{state: {peer: LISTEN}}"));
        assertThat(p).contains(file + ":7:5: step 'syn': the expect is met before the learner does anything"
                + " — make the expect ask for something the solution does");
    }

    @Test
    void mistakeThatMatchesTheSolution_isRejected(@TempDir Path dir) throws Exception {
        String file = dir.resolve("02-x.yaml").toString();
        List<String> p = check(dir, "02-x.yaml", BASE.replace("id: base", "id: x").replace("    solution: [syn]",
                "    mistakes:\n      - when: {sent: {has: S}}\n        say: no\n    solution: [syn]"));
        assertThat(p).containsExactly(file + ":10:9: step 'syn': this mistake matches what the solution does — make 'when' describe the wrong move only");
    }

    @Test
    void questionWithoutAValidAnswer_isRejected(@TempDir Path dir) throws Exception {
        String file = dir.resolve("02-x.yaml").toString();
        List<String> p = check(dir, "02-x.yaml", BASE.replace("id: base", "id: x").replace("{number: 1}", "{state: SYN_WAIT}"));
        assertThat(p).containsExactly(file + ":12:18: accepted answer 'SYN_WAIT' is not a valid state answer"
                + " — expected a state name such as SYN-RECEIVED or TIME_WAIT");
    }

    @Test
    void unknownPlaceholder_isRejected(@TempDir Path dir) throws Exception {
        String file = dir.resolve("02-x.yaml").toString();
        List<String> p = check(dir, "02-x.yaml", BASE.replace("id: base", "id: x").replace("say: Send a SYN.", "say: Your ISN {you.isnn}."));
        assertThat(p).first().asString().startsWith(file + ":6:10: unknown placeholder '{you.isnn}'");
    }

    @Test
    void shippedLessons_passEveryCheck() {
        LessonChecker.Report r = LessonChecker.check(Path.of("lessons"));
        assertThat(r.problems()).extracting(Problem::toString).isEmpty();
        assertThat(r.lessons()).isGreaterThanOrEqualTo(14);
    }
}
