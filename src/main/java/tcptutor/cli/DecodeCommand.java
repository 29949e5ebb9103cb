package tcptutor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tcptutor.wire.Decoded;
import tcptutor.wire.FieldTree;
import tcptutor.wire.HexDump;
import tcptutor.wire.HexDumpParser;
import tcptutor.wire.Packet;
import tcptutor.wire.PacketDecoder;
import tcptutor.wire.TcpdumpLine;

/** {@code tcptutor decode [HEX | -f FILE | -]}: a hex dump of a TCP segment as tcpdump's line and a field tree. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Print a TCP segment from a hex dump as a field tree.",
                "Reads tcpdump -x/-xx/-X output (with or without the IP and link-layer headers; the summary line and "
                        + "ASCII column are ignored) or a plain hex string such as 4510003c...",
                "Example: tcpdump -c1 -nn -x -i lo 'tcp[tcpflags] & tcp-syn != 0' | tcptutor decode -"})
public final class DecodeCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "HEX", description = "The bytes as hex, or - to read standard input.")
    List<String> hex;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the hex dump from FILE.")
    Path file;

    @Option(names = "--hex", description = "Also print the bytes as a hex dump (like tcpdump -X).")
    boolean hexDump;

    @Option(names = "--wscale", paramLabel = "SHIFT", defaultValue = "-1",
            description = "The window scale shift negotiated on the SYNs (0-14), to show the scaled window.")
    int wscale;

    @Option(names = {"-S", "--absolute"}, description = "Absolute sequence numbers in the tcpdump line (tcpdump -S).")
    boolean absolute;

    @Spec CommandSpec spec;

    /** Standard input; tests replace it. */
    InputStream in = System.in;

    @Override public Integer call() {
        if (wscale < -1 || wscale > 14) throw UserError.input("--wscale " + wscale + ": expected a shift from 0 to 14");
        String text = input();
        Decoded<List<byte[]>> dumps = HexDumpParser.parseAll(text);
        if (!dumps.isOk()) throw UserError.input(where() + dumps.error().message());
        PrintWriter out = spec.commandLine().getOut();
        TcpdumpLine lines = new TcpdumpLine(absolute);
        List<byte[]> all = dumps.value();
        for (int i = 0; i < all.size(); i++) {
            Decoded<Packet> p = PacketDecoder.guess(all.get(i));
            String which = all.size() > 1 ? "packet " + (i + 1) + ": " : "";
            if (!p.isOk()) throw UserError.input(where() + which + p.error().message());
            if (i > 0) out.println();
            if (all.size() > 1) out.println("Packet " + (i + 1));
            out.println(lines.line(p.value()));
            out.println();
            out.print(FieldTree.text(FieldTree.of(p.value(), wscale)));
            if (hexDump) {
                out.println();
                out.println(HexDump.render(p.value().bytes()));
            }
        }
        out.flush();
        return 0;
    }

    private String where() { return file != null ? file + ": " : ""; }

    private String input() {
        boolean stdin = hex != null && hex.size() == 1 && hex.get(0).equals("-");
        if (file != null && hex != null && !hex.isEmpty()) throw UserError.input("give the bytes either as HEX or with -f FILE, not both");
        try {
            if (file != null) return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (stdin) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserError.input(file + ": no such file");
        } catch (IOException e) {
            throw UserError.input((file != null ? file.toString() : "standard input") + ": cannot read: " + e.getMessage());
        }
        if (hex == null || hex.isEmpty()) {
            throw UserError.input("no bytes given: expected HEX, -f FILE, or - to read standard input (see 'tcptutor decode --help')");
        }
        return String.join("\n", hex);
    }
}
