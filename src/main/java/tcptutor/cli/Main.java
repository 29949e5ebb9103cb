package tcptutor.cli;

/** The program's entry point: nothing but the exit code of the command line. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Tcptutor.commandLine().execute(args));
    }
}
