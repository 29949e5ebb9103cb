package tcptutor.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {
    @TempDir Path dir;

    @Test
    void setWriteRead_verifiesTheRightPasswordOnly() throws IOException {
        Path f = dir.resolve("passwords");
        PasswordFile p = PasswordFile.read(f);
        p.set("alice", "s3cret".toCharArray());
        p.set("bob", "other".toCharArray());
        p.write(f);
        PasswordFile back = PasswordFile.read(f);
        assertThat(back.verify("alice", "s3cret")).isTrue();
        assertThat(back.verify("alice", "S3cret")).isFalse();
        assertThat(back.verify("bob", "s3cret")).isFalse();
        assertThat(back.verify("carol", "s3cret")).isFalse();
        assertThat(back.learners()).containsExactly("alice", "bob");
    }

    @Test
    void theFile_holdsSaltedHashes_readableByItsOwnerOnly() throws IOException {
        Path f = dir.resolve("passwords");
        PasswordFile p = PasswordFile.read(f);
        p.set("alice", "same".toCharArray());
        p.set("bob", "same".toCharArray());
        p.write(f);
        String text = Files.readString(f);
        assertThat(text).doesNotContain("same").contains("alice:pbkdf2-sha256:210000:");
        String[] lines = text.lines().filter(l -> !l.startsWith("#")).toArray(String[]::new);
        assertThat(lines[0].substring(6)).isNotEqualTo(lines[1].substring(4)); // different salts, different hashes
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    }

    @Test
    void remove_dropsTheLearner() throws IOException {
        Path f = dir.resolve("passwords");
        PasswordFile p = PasswordFile.read(f);
        p.set("alice", "x".toCharArray());
        assertThat(p.remove("alice")).isTrue();
        assertThat(p.remove("alice")).isFalse();
        assertThat(p.verify("alice", "x")).isFalse();
    }

    @Test
    void aBrokenLine_isNamedWithItsNumber() throws IOException {
        Path f = Files.writeString(dir.resolve("passwords"), "# header\nalice:plain:secret\n");
        assertThatThrownBy(() -> PasswordFile.read(f)).hasMessage(f + ":2: expected learner:pbkdf2-sha256:ITERATIONS:SALT:HASH"
                + " — recreate the entry with 'tcptutor passwd LEARNER'");
    }
}
