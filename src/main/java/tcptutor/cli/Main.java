package tcptutor.cli;

/**
 * The program's entry point: nothing but the exit code of the command line. One shortcut: with no arguments
 * on an interactive terminal it opens the text UI without building the picocli model first — picocli's
 * classes are Java 5 bytecode, which AppCDS cannot archive, and loading them took longer than the rest of
 * the start-up together.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 && Tcptutor.interactive()) System.exit(Tcptutor.textUi(false));
        System.exit(Tcptutor.commandLine().execute(args));
    }
}
