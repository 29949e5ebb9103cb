package tcptutor.lab;

import java.util.regex.Pattern;

/** Learner ids are SSH user names: 1 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit. */
public final class LearnerId {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    /** What a valid id looks like, for error messages. */
    public static final String RULE = "1 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private LearnerId() {}

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
