package tcptutor.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tcptutor.command.Command;

class LearnerSessionTest {
    @Test
    void saveAndLoad_touchFiles_worldCommandsDoNot() {
        assertThat(LearnerSession.touchesFiles(new Command.Save("save x", "x"))).isTrue();
        assertThat(LearnerSession.touchesFiles(new Command.Load("load x", "x"))).isTrue();
        assertThat(LearnerSession.touchesFiles(new Command.Reset("reset"))).isFalse();
        assertThat(LearnerSession.touchesFiles(new Command.Wait("wait 1s", 1_000_000, 0))).isFalse();
        assertThat(LearnerSession.touchesFiles(new Command.Extension("learn x", "learn", List.of()))).isFalse();
    }

    @Test
    void ofTodaysCommands_saveLoadAndExport_nameAFile() {
        List<String> named = new java.util.ArrayList<>();
        for (Class<?> c : Command.class.getPermittedSubclasses()) if (LearnerSession.namesFile(c)) named.add(c.getSimpleName());
        assertThat(named).containsExactlyInAnyOrder("Save", "Load", "Export");
    }

    /** A command added later that names a file is refused too, with no change to the lab. */
    record ExportLike(String line, String format, String file) {}

    record PathLike(String line, java.nio.file.Path target) {}

    @Test
    void aFutureCommandWithAFileField_isRefusedToo() {
        assertThat(LearnerSession.namesFile(ExportLike.class)).isTrue();
        assertThat(LearnerSession.namesFile(PathLike.class)).isTrue();
        assertThat(LearnerSession.namesFile(Command.Send.class)).isFalse();
        assertThat(LearnerSession.namesFile(Command.SocketCall.class)).isFalse();
    }
}
