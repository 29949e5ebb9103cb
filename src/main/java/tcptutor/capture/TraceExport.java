package tcptutor.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tcptutor.sim.TraceEvent;
import tcptutor.sim.World;

/**
 * A world's trace as a pcap file that Wireshark and tcpdump open: every segment as it left its host (IPv4 + TCP
 * between 192.0.2.1 "you" and 192.0.2.2 "peer", correct IP and TCP checksums, Ethernet framing by default).
 * <p>
 * The capture point is each sender's interface: a segment is written when it was sent, so segments the link lost
 * are in the file (as tcpdump on the sending host would show them), and a segment the link delivered twice appears
 * once. Time stamps are virtual time after a fixed epoch, {@link #EPOCH_MICROS}: the same session always gives the
 * same bytes.
 */
public final class TraceExport {
    /** Virtual time 0 is written as 2025-01-01 00:00:00 UTC. */
    public static final long EPOCH_MICROS = 1_735_689_600L * 1_000_000L;

    private TraceExport() {}

    /** Writes every segment of the world's trace to {@code out}; returns how many. {@code out} is closed. */
    public static int write(World world, OutputStream out, PcapWriter.Link link) throws IOException {
        try (PcapWriter w = new PcapWriter(out, link)) {
            for (TraceEvent e : world.trace().events()) {
                if (e instanceof TraceEvent.Sent s) {
                    w.write(EPOCH_MICROS + s.at(), world.host(s.from()).address(), world.host(s.from().other()).address(), s.segment());
                }
            }
            return w.count();
        }
    }

    /** Writes the trace to a file with Ethernet framing; returns how many segments. */
    public static int write(World world, Path file) throws IOException {
        return write(world, Files.newOutputStream(file), PcapWriter.Link.ETHERNET);
    }

    /** One line for the learner after an export. */
    public static String summary(int segments, Path file, World world) {
        return "wrote " + segments + " segment" + (segments == 1 ? "" : "s") + " to " + file + " (pcap, Ethernet, IPv4 "
                + world.you().address().getHostAddress() + " <-> " + world.peer().address().getHostAddress()
                + "; time 0 is 2025-01-01 00:00:00 UTC; lost segments included, as seen where they were sent)";
    }
}
