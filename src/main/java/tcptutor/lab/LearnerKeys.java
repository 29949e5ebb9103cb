package tcptutor.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The lab's key file ({@code DATA/authorized_keys}): one key a line, the learner id first, then the key exactly as
 * in the learner's {@code ~/.ssh/id_ed25519.pub}: {@code alice ssh-ed25519 AAAAC3Nz... alice@laptop}. A learner may
 * have several lines. '#' starts a comment line. The file is re-read when it changes, so a teacher can add a learner
 * while the lab runs: {@code echo "alice $(cat alice.pub)" >> DATA/authorized_keys}.
 */
public final class LearnerKeys {
    public static final String FILE = "authorized_keys";

    private final Path file;
    private FileTime loadedStamp;
    private long loadedSize = -1;
    private Map<String, List<PublicKey>> keys = Map.of();
    private List<String> problems = List.of();

    public LearnerKeys(Path file) {
        this.file = file;
    }

    /** True when {@code key} is one of the learner's keys (re-reading the file first if it changed). */
    public synchronized boolean accepts(String learner, PublicKey key) {
        refresh();
        for (PublicKey k : keys.getOrDefault(learner, List.of())) if (KeyUtils.compareKeys(k, key)) return true;
        return false;
    }

    /** Re-reads the file if its time or size changed; returns the lines that could not be used (with why). */
    public synchronized List<String> refresh() {
        try {
            if (!Files.exists(file)) {
                keys = Map.of();
                problems = List.of(file + ": missing: add one line per learner, 'LEARNER ssh-ed25519 AAAA...'");
                loadedStamp = null;
                return problems;
            }
            FileTime stamp = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            if (stamp.equals(loadedStamp) && size == loadedSize) return problems;
            load();
            loadedStamp = stamp;
            loadedSize = size;
        } catch (IOException e) {
            problems = List.of(file + ": cannot read: " + e.getMessage());
        }
        return problems;
    }

    /** How many learners have at least one usable key. */
    public synchronized int learnerCount() {
        refresh();
        return keys.size();
    }

    private void load() throws IOException {
        Map<String, List<PublicKey>> out = new HashMap<>();
        List<String> bad = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String where = file + ":" + (i + 1) + ": ";
            String[] f = line.split("\\s+", 2);
            if (f[0].matches("(ssh|ecdsa|sk)-.*|.*@openssh\\.com")) {
                bad.add(where + "starts with the key type '" + f[0] + "': put the learner id first, 'LEARNER " + f[0] + " AAAA...'");
                continue;
            }
            if (!LearnerId.isValid(f[0])) {
                bad.add(where + "'" + f[0] + "' is not a learner id (" + LearnerId.RULE + "): start the line with the learner's ssh user name");
                continue;
            }
            if (f.length < 2) {
                bad.add(where + "no key after '" + f[0] + "': expected 'LEARNER ssh-ed25519 AAAA...'");
                continue;
            }
            try {
                PublicKey k = PublicKeyEntry.parsePublicKeyEntry(f[1]).resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
                if (k == null) throw new IllegalArgumentException("unknown key type");
                out.computeIfAbsent(f[0], x -> new ArrayList<>()).add(k);
            } catch (Exception e) {
                bad.add(where + "not a public key (" + e.getMessage() + "): paste the learner's whole .pub line after the id");
            }
        }
        keys = out;
        problems = bad;
    }
}
