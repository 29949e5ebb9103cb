package tcptutor.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnerKeysTest {
    @TempDir Path dir;

    private static PublicKey newKey() throws Exception {
        KeyPair kp = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        return kp.getPublic();
    }

    @Test
    void aKeyIsAcceptedForItsLearnerOnly_andTheFileIsReReadWhenItChanges() throws Exception {
        PublicKey alice = newKey();
        PublicKey bob = newKey();
        Path f = dir.resolve("authorized_keys");
        Files.writeString(f, "alice " + PublicKeyEntry.toString(alice) + " alice@laptop\n");
        LearnerKeys keys = new LearnerKeys(f);
        assertThat(keys.accepts("alice", alice)).isTrue();
        assertThat(keys.accepts("bob", alice)).isFalse();
        assertThat(keys.accepts("bob", bob)).isFalse();

        Files.writeString(f, "bob " + PublicKeyEntry.toString(bob) + "\n", java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(keys.accepts("bob", bob)).isTrue();
        assertThat(keys.learnerCount()).isEqualTo(2);
    }

    @Test
    void badLines_areReportedWithTheirNumber_andTheGoodOnesStillWork() throws Exception {
        PublicKey alice = newKey();
        Path f = dir.resolve("authorized_keys");
        Files.writeString(f, "# class of 2026\n"
                + PublicKeyEntry.toString(alice) + "\n"
                + "carol\n"
                + "dave ssh-ed25519 notbase64\n"
                + "alice " + PublicKeyEntry.toString(alice) + "\n");
        LearnerKeys keys = new LearnerKeys(f);
        assertThat(keys.refresh()).satisfiesExactly(
                p -> assertThat(p).isEqualTo(f + ":2: starts with the key type 'ssh-ed25519': put the learner id first, 'LEARNER ssh-ed25519 AAAA...'"),
                p -> assertThat(p).isEqualTo(f + ":3: no key after 'carol': expected 'LEARNER ssh-ed25519 AAAA...'"),
                p -> assertThat(p).startsWith(f + ":4: not a public key"));
        assertThat(keys.accepts("alice", alice)).isTrue();
    }

    @Test
    void aMissingFile_acceptsNobody_andSaysWhatToCreate() throws Exception {
        LearnerKeys keys = new LearnerKeys(dir.resolve("authorized_keys"));
        assertThat(keys.accepts("alice", newKey())).isFalse();
        assertThat(keys.refresh()).singleElement().asString().contains("missing: add one line per learner");
    }
}
