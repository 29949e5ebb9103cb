package tcptutor.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import tcptutor.wire.Flags;
import tcptutor.wire.LinuxOptions;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;
import tcptutor.wire.TestBytes;

/** A made-up connection with a handshake, data, a SACK, a retransmission, a close and RSTs, as (time, from client?, segment). */
final class Session {
    record Step(long at, boolean fromClient, Segment segment) {}

    static final int CISN = 1000, SISN = (int) 3000000000L;
    static final int CPORT = 40000, SPORT = 34567; // ports without a tcpdump payload printer

    static InetAddress client(boolean v6) { return TestBytes.ip(v6 ? "2001:db8::1" : "192.0.2.1"); }

    static InetAddress server(boolean v6) { return TestBytes.ip(v6 ? "2001:db8::2" : "192.0.2.2"); }

    static Segment c(int seq, int ack, int flags, int win, List<TcpOption> o, String data) {
        return Segment.of(CPORT, SPORT, seq, ack, flags, win, o, data.getBytes());
    }

    static Segment s(int seq, int ack, int flags, int win, List<TcpOption> o, String data) {
        return Segment.of(SPORT, CPORT, seq, ack, flags, win, o, data.getBytes());
    }

    static final List<Step> STEPS = List.of(
            new Step(1_000_000, true, c(CISN, 0, Flags.SYN, 64240, LinuxOptions.syn(1460, true, true, 100, 0, 7), "")),
            new Step(1_000_250, false, s(SISN, CISN + 1, Flags.SYN | Flags.ACK, 65160, LinuxOptions.syn(1460, true, true, 500, 100, 7), "")),
            new Step(1_000_500, true, c(CISN + 1, SISN + 1, Flags.ACK, 502, LinuxOptions.established(true, 101, 500, List.of()), "")),
            new Step(1_001_000, true, c(CISN + 1, SISN + 1, Flags.ACK | Flags.PSH, 502, LinuxOptions.established(true, 102, 500, List.of()), "hello")),
            new Step(1_001_000, true, c(CISN + 6, SISN + 1, Flags.ACK | Flags.PSH, 502, LinuxOptions.established(true, 102, 500, List.of()), " world")),
            new Step(1_001_300, false, s(SISN + 1, CISN + 1, Flags.ACK, 509,
                    LinuxOptions.established(true, 501, 102, List.of(new TcpOption.SackBlock(CISN + 6, CISN + 12))), "")),
            new Step(1_201_000, true, c(CISN + 1, SISN + 1, Flags.ACK | Flags.PSH, 502, LinuxOptions.established(true, 302, 501, List.of()), "hello")),
            new Step(1_201_300, false, s(SISN + 1, CISN + 12, Flags.ACK, 509, LinuxOptions.established(true, 701, 302, List.of()), "")),
            new Step(2_000_000, true, c(CISN + 12, SISN + 1, Flags.ACK | Flags.FIN, 502, List.of(), "")),
            new Step(2_000_300, false, s(SISN + 1, CISN + 13, Flags.ACK | Flags.RST, 0, List.of(), "")),
            new Step(2_500_000, true, c(CISN + 13, 0, Flags.RST, 0, List.of(), "")),
            new Step(2_600_000, false, s(SISN + 1, CISN + 13, Flags.ACK | Flags.URG | Flags.PSH, 509, List.of(), "!")));

    static byte[] pcap(PcapWriter.Link link, boolean v6) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(out, link)) {
            for (Step st : STEPS) {
                w.write(st.at(), st.fromClient() ? client(v6) : server(v6), st.fromClient() ? server(v6) : client(v6), st.segment());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Session() {}
}
