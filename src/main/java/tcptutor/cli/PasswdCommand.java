package tcptutor.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tcptutor.lab.LearnerId;
import tcptutor.lab.PasswordFile;
import tcptutor.progress.ProgressStore;

/** {@code tcptutor passwd USER}: sets or removes a learner's lab password. */
@Command(name = "passwd", mixinStandardHelpOptions = true,
        description = {"Set a learner's password for 'tcptutor serve --auth passwords' (stored salted, PBKDF2, in DIR/passwords).",
                "On a terminal it asks twice; otherwise it reads the password from the first line of standard input:",
                "  echo 'secret' | tcptutor passwd alice --data DIR",
                "The running lab picks up the change at the learner's next login."})
public final class PasswdCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "USER", description = "The learner id (their ssh user name).")
    String user;

    @Option(names = "--data", paramLabel = "DIR", description = "The lab's data directory (default: $XDG_DATA_HOME/tcptutor).")
    Path data;

    @Option(names = "--delete", description = "Remove the learner's password: they can no longer log in.")
    boolean delete;

    @Override public Integer call() throws IOException {
        if (!LearnerId.isValid(user)) throw UserError.input("'" + user + "' cannot be a learner id: use " + LearnerId.RULE);
        Path file = (data != null ? data : ProgressStore.defaultDataDir()).resolve(PasswordFile.FILE);
        PasswordFile passwords;
        try {
            passwords = PasswordFile.read(file);
        } catch (IOException e) {
            throw UserError.input(e.getMessage());
        }
        if (delete) {
            if (!passwords.remove(user)) throw UserError.input("'" + user + "' has no password in " + file);
            passwords.write(file);
            spec.commandLine().getOut().println("removed the password of " + user + " from " + file);
            return 0;
        }
        char[] password = readPassword();
        try {
            passwords.set(user, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        passwords.write(file);
        spec.commandLine().getOut().println("password set for " + user + " in " + file);
        return 0;
    }

    private char[] readPassword() throws IOException {
        Console console = System.console();
        char[] p;
        if (console != null) {
            p = console.readPassword("New password for %s: ", user);
            char[] again = console.readPassword("Again: ");
            if (p == null || again == null) throw UserError.input("no password given");
            boolean same = Arrays.equals(p, again);
            Arrays.fill(again, '\0');
            if (!same) throw UserError.input("the two passwords differ: nothing changed, run it again");
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) throw UserError.input("no password on standard input: pipe one line, e.g. echo 'secret' | tcptutor passwd " + user);
            p = line.toCharArray();
        }
        if (p.length == 0) throw UserError.input("an empty password is not allowed (use --auth open for a lab without passwords)");
        return p;
    }
}
