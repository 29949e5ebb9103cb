package tcptutor.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The lab's password file ({@code DATA/passwords}, mode 600): one learner a line,
 * {@code learner:pbkdf2-sha256:ITERATIONS:SALT:HASH} with a random 16-byte salt and a 32-byte
 * PBKDF2-HMAC-SHA256 hash, both base64. Lines starting with '#' and blank lines are ignored.
 * Managed by {@code tcptutor passwd}; the server re-reads it when it changes.
 */
public final class PasswordFile {
    public static final String FILE = "passwords";
    static final String SCHEME = "pbkdf2-sha256";
    /** Iterations for new hashes: about a tenth of a second of one core here; stored per entry so it can grow. */
    static final int ITERATIONS = 210_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] DUMMY_SALT = new byte[16];

    private final Map<String, String> entries; // learner -> the rest of the line

    private PasswordFile(Map<String, String> entries) {
        this.entries = entries;
    }

    /** Reads the file; a missing file is an empty one. Malformed lines are errors naming the line. */
    public static PasswordFile read(Path file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        if (!Files.exists(file)) return new PasswordFile(entries);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split(":", -1);
            if (f.length != 5 || !f[1].equals(SCHEME) || !LearnerId.isValid(f[0]) || !f[2].matches("[0-9]{1,9}")) {
                throw new IOException(file + ":" + (i + 1) + ": expected learner:" + SCHEME
                        + ":ITERATIONS:SALT:HASH — recreate the entry with 'tcptutor passwd LEARNER'");
            }
            entries.put(f[0], line.substring(f[0].length() + 1));
        }
        return new PasswordFile(entries);
    }

    public boolean contains(String learner) { return entries.containsKey(learner); }

    public List<String> learners() { return new ArrayList<>(entries.keySet()); }

    /** Sets (replacing) the learner's password with a fresh salt. */
    public void set(String learner, char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = hash(password, salt, ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        entries.put(learner, SCHEME + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash));
    }

    public boolean remove(String learner) { return entries.remove(learner) != null; }

    /** True when the learner has an entry and the password matches it; takes as long for unknown learners. */
    public boolean verify(String learner, String password) {
        String e = entries.get(learner);
        if (e == null) {
            hash(password.toCharArray(), DUMMY_SALT, ITERATIONS);
            return false;
        }
        String[] f = e.split(":");
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(f[3]);
        return MessageDigest.isEqual(expected, hash(password.toCharArray(), b64.decode(f[2]), Integer.parseInt(f[1])));
    }

    /** Writes the file atomically (a temporary file moved over it), readable by its owner only. */
    public void write(Path file) throws IOException {
        StringBuilder out = new StringBuilder("# tcptutor lab passwords: learner:" + SCHEME
                + ":iterations:salt:hash. Edit with 'tcptutor passwd LEARNER'.\n");
        for (Map.Entry<String, String> e : entries.entrySet()) out.append(e.getKey()).append(':').append(e.getValue()).append('\n');
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".passwords", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's permissions protect it
            }
            Files.writeString(tmp, out, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] hash(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this Java runtime", e);
        }
    }
}
