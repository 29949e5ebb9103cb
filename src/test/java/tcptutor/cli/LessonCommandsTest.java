package tcptutor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LessonCommandsTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = Tcptutor.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checkLessons_onTheShippedFolder_passes() {
        Run r = run("check-lessons", "lessons");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("lessons checked in lessons: 0 errors, 0 warnings");
    }

    @Test
    void checkLessons_onABrokenFile_exits1_withFileLineColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "id: a\ntitle: A\nsummary: s\nrequires: [nope]\nsteps:\n  - id: s\n    say: hi\n");
        Run r = run("check-lessons", "--lessons", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(dir.resolve("a.yaml") + ":4:12: requires unknown lesson 'nope'")
                .contains("1 lesson checked in " + dir + ": 1 error, 1 warning");
    }

    @Test
    void learnAuto_printsTheWalkThrough_andExits0() {
        Run r = run("learn", "four-way-close", "--auto", "--lessons", "lessons");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("== The four-way close (four-way-close, beginner)")
                .contains("> fin")
                .contains("Flags [F.], seq 1, ack 1")
                .contains("answer FIN-WAIT-2")
                .contains("-- walk-through complete: every expect was met (2/2)");
    }

    @Test
    void learnAutoPcap_writesTheWalkThroughsSegments(@TempDir Path dir) {
        Path f = dir.resolve("fwc.pcap");
        Run r = run("learn", "four-way-close", "--auto", "--pcap", f.toString(), "--lessons", "lessons");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("wrote 7 segments to " + f + " (pcap, Ethernet, IPv4 192.0.2.1 <-> 192.0.2.2;");
        tcptutor.capture.Capture c = tcptutor.capture.CaptureReader.read(f);
        assertThat(c.ok()).isTrue();
        assertThat(c.packets()).extracting(p -> tcptutor.wire.Flags.tcpdump(p.segment().flags()))
                .containsExactly("S", "S.", ".", "F.", ".", "F.", ".");
        assertThat(c.packets().get(0).timeMicros()).isEqualTo(tcptutor.capture.TraceExport.EPOCH_MICROS);
    }

    @Test
    void learnPcap_withoutAuto_isBadInput(@TempDir Path dir) {
        Run r = run("learn", "four-way-close", "--pcap", dir.resolve("x.pcap").toString(), "--lessons", "lessons");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("tcptutor: --pcap needs --auto (it writes the walk-through's segments)\n");
    }

    @Test
    void learn_unknownLesson_exits2_withASuggestion() {
        Run r = run("learn", "handshak", "--lessons", "lessons");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no lesson 'handshak' in lessons; did you mean 'handshake'?");
    }

    @Test
    void learn_withoutATerminal_runsTheLessonLineByLine_andSavesProgress(@TempDir Path dir) {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream("next\nsyn seq=1000 win=64240\nnext\nanswer 1001\n".getBytes(StandardCharsets.UTF_8)));
            Run r = run("learn", "handshake", "--lessons", "lessons", "--data", dir.toString(), "--learner", "ada");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("-- The three-way handshake, by hand - step 2/9 --", "lesson: done! type next", "right.");
            Run table = run("lessons", "--lessons", "lessons", "--data", dir.toString(), "--learner", "ada");
            assertThat(table.out()).containsPattern("handshake +The three-way handshake, by hand +beginner +3/9");
            Run report = run("report", "--data", dir.toString());
            assertThat(report.out()).contains("ada");
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void learnAuto_badPace_exits2() {
        Run r = run("learn", "header", "--auto", "--pace", "fast", "--lessons", "lessons");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--pace: expected a duration such as 1s or 500ms, got 'fast'");
    }
}
