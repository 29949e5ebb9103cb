package tcptutor.drill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/**
 * packetdrill's view of the connection under test (run_packet.c, socket.h): which socket a script packet
 * belongs to, and how its numbers map between the script and the wire.
 * <ul>
 *   <li>Script-side numbers are relative to the script's first packet of the socket (its SYN: 0), except on
 *       SYN segments, whose SEQ is taken as written.</li>
 *   <li>The peer's numbers are relative to the peer's ISN, learned from its SYN or SYN-ACK; on a SYN the
 *       script may write any ISN (conventionally 0).</li>
 *   <li>An inbound TS ecr must echo a TS val of an earlier outbound line: it is replaced by the value the peer
 *       really sent there.</li>
 * </ul>
 */
final class Sockets {
    /** The port the peer's application binds and the script connects to (packetdrill's default 8080). */
    static final int PEER_PORT = 8080;
    /** The first port the script side uses for a connection it opens (then 40001, ...). */
    static final int FIRST_SCRIPT_PORT = 40000;

    enum State { NEW, LISTENING, PASSIVE_PACKET_RECEIVED, PASSIVE_SYNACK_SENT, PASSIVE_SYNACK_ACKED,
        ACTIVE_CONNECTING, ACTIVE_SYN_SENT, ACTIVE_SYN_ACKED }

    /** One socket as the script sees it. Ports: {@code scriptPort} on the script's side, {@code peerPort} on the peer's. */
    static final class Sock {
        State state;
        int scriptFd = -1;
        int scriptPort;
        int peerPort;
        int remoteIsn;                  // the script side's ISN (wire = script for SYNs)
        int scriptLocalIsn, liveLocalIsn; // the peer's ISN as the script writes it and as it really is
        boolean peerIsnKnown;
        final Map<Integer, Integer> tsVal = new HashMap<>(); // script TS val -> the peer's real TS val

        Sock(State state) { this.state = state; }

        @Override public String toString() { return state + " :" + scriptPort + "<->:" + peerPort; }
    }

    private final List<Sock> all = new ArrayList<>();
    private Sock underTest;
    private int nextPort = FIRST_SCRIPT_PORT;

    Sock underTest() { return underTest; }

    // ---- system calls -------------------------------------------------------------------------------------

    void socketCreated(int scriptFd) {
        Sock s = new Sock(State.NEW);
        s.scriptFd = scriptFd;
        all.add(s);
        underTest = s;
    }

    void listening(int scriptFd) {
        Sock s = byFd(scriptFd);
        if (s != null) s.state = State.LISTENING;
    }

    void connecting(int scriptFd) {
        Sock s = byFd(scriptFd);
        if (s != null && s.state == State.NEW) {
            s.state = State.ACTIVE_CONNECTING;
            s.scriptPort = PEER_PORT;
            s.peerPort = 0;
        }
    }

    void accepted(int scriptFd) {
        for (Sock s : all) {
            if (s.state == State.PASSIVE_SYNACK_SENT || s.state == State.PASSIVE_SYNACK_ACKED) {
                s.scriptFd = scriptFd;
                return;
            }
        }
    }

    /** The newest socket with that script fd (a closed fd number is reused by the next socket()). */
    private Sock byFd(int fd) {
        for (int i = all.size() - 1; i >= 0; i--) if (all.get(i).scriptFd == fd) return all.get(i);
        return null;
    }

    // ---- inbound ------------------------------------------------------------------------------------------

    /**
     * The socket an inbound script packet belongs to: a new one (fresh script port) when nothing is under test
     * or the socket under test is listening, else the socket under test.
     */
    Sock forInbound(Event.Packet p) {
        if (underTest == null || underTest.state == State.LISTENING) {
            Sock s = new Sock(State.PASSIVE_PACKET_RECEIVED);
            s.scriptPort = nextPort++;
            s.peerPort = PEER_PORT;
            s.remoteIsn = (int) p.start();
            all.add(s);
            underTest = s;
        }
        return underTest;
    }

    /** The segment to inject for an inbound script line, or why it cannot be built. */
    record Wire(Segment segment, String problem) {}

    /** The wire segment for an inbound script packet, with packetdrill's number mapping. */
    Wire toWire(Sock s, Event.Packet p) {
        if (s.state == State.PASSIVE_SYNACK_SENT && p.has(Flags.ACK)) {
            s.state = State.PASSIVE_SYNACK_ACKED;
        } else if (s.state == State.ACTIVE_SYN_SENT && p.has(Flags.SYN) && p.has(Flags.ACK)) {
            s.state = State.ACTIVE_SYN_ACKED;
            s.remoteIsn = (int) p.start();
        }
        boolean syn = p.has(Flags.SYN);
        int seq = (int) p.start() + (syn ? 0 : s.remoteIsn);
        int ackOffset = syn ? s.liveLocalIsn - s.scriptLocalIsn : s.liveLocalIsn;
        int ack = p.has(Flags.ACK) ? (int) p.ack() + ackOffset : (int) p.ack();
        List<TcpOption> opts = new ArrayList<>();
        for (TcpOption o : p.options()) {
            if (o instanceof TcpOption.Sack sack) {
                List<TcpOption.SackBlock> blocks = new ArrayList<>();
                for (TcpOption.SackBlock b : sack.blocks()) {
                    blocks.add(new TcpOption.SackBlock(b.left() + ackOffset, b.right() + ackOffset));
                }
                o = new TcpOption.Sack(blocks);
            } else if (o instanceof TcpOption.Timestamps ts && p.has(Flags.ACK)) {
                Integer live = s.tsVal.get(ts.ecr());
                if (live == null) {
                    return new Wire(null, "unable to infer the peer's TS ecr for script TS ecr "
                            + Integer.toUnsignedString(ts.ecr()) + ": no earlier outbound line had TS val "
                            + Integer.toUnsignedString(ts.ecr()));
                }
                o = new TcpOption.Timestamps(ts.val(), live);
            }
            opts.add(o);
        }
        return new Wire(new Segment(s.scriptPort, s.peerPort, seq, ack, Segment.headerWords(opts), p.flags(), p.window(),
                0, p.urgent(), opts, new byte[p.length()]), null);
    }

    // ---- outbound -----------------------------------------------------------------------------------------

    /** The socket an outbound script packet is expected on, or null if there is none. */
    Sock forOutbound(Event.Packet p) {
        if (underTest != null && p.has(Flags.SYN) && !p.has(Flags.ACK) && underTest.state == State.ACTIVE_CONNECTING) {
            underTest.state = State.ACTIVE_SYN_SENT;
            underTest.scriptLocalIsn = (int) p.start();
        } else if (underTest != null && underTest.state == State.PASSIVE_PACKET_RECEIVED
                && p.has(Flags.SYN) && p.has(Flags.ACK)) {
            underTest.scriptLocalIsn = (int) p.start();
        }
        return underTest;
    }

    /**
     * The socket under test if a segment the peer sent belongs to it (learning the peer's port from its SYN after
     * connect()), else null: like packetdrill, segments of any other connection are not looked at.
     */
    Sock owner(Segment live) {
        Sock s = underTest;
        if (s != null && s.peerPort != 0 && s.scriptPort == live.dstPort() && s.peerPort == live.srcPort()) return s;
        if (s != null && s.state == State.ACTIVE_SYN_SENT && live.has(Flags.SYN) && !live.has(Flags.ACK)
                && live.dstPort() == s.scriptPort) {
            s.peerPort = live.srcPort();
            return s;
        }
        return null;
    }

    /** Called once a peer segment is taken for an outbound line: the peer's ISN becomes known on its SYN/SYN-ACK. */
    void sniffed(Sock s, Event.Packet expected, Segment live) {
        if (s.state == State.PASSIVE_PACKET_RECEIVED && expected.has(Flags.SYN) && expected.has(Flags.ACK)) {
            s.state = State.PASSIVE_SYNACK_SENT;
            s.liveLocalIsn = live.seq();
            s.peerIsnKnown = true;
        } else if (s.state == State.ACTIVE_SYN_SENT && live.has(Flags.SYN) && !live.has(Flags.ACK)) {
            s.liveLocalIsn = live.seq();
            s.peerIsnKnown = true;
        }
    }

    /** A peer segment with its numbers in script space (as the script would write it). */
    Segment toScript(Sock s, Segment live) {
        boolean syn = live.has(Flags.SYN);
        int seq = live.seq() - (syn ? s.liveLocalIsn - s.scriptLocalIsn : s.liveLocalIsn);
        int ackOffset = syn ? 0 : s.remoteIsn;
        int ack = live.has(Flags.ACK) ? live.ack() - ackOffset : live.ack();
        List<TcpOption> opts = new ArrayList<>();
        for (TcpOption o : live.options()) {
            if (o instanceof TcpOption.Sack sack) {
                List<TcpOption.SackBlock> blocks = new ArrayList<>();
                for (TcpOption.SackBlock b : sack.blocks()) {
                    blocks.add(new TcpOption.SackBlock(b.left() - ackOffset, b.right() - ackOffset));
                }
                o = new TcpOption.Sack(blocks);
            }
            opts.add(o);
        }
        return new Segment(live.srcPort(), live.dstPort(), seq, ack, live.dataOffset(), live.flags(), live.window(),
                live.checksum(), live.urgentPointer(), opts, live.payload());
    }

    /** Remembers which real TS val the peer sent where the script wrote {@code scriptVal}. */
    void tsValSeen(Sock s, TcpOption.Timestamps script, TcpOption.Timestamps live) {
        s.tsVal.put(script.val(), live.val());
    }

    /** A segment on the wire in the script's numbers, for display only (learns nothing). */
    Segment scriptView(Segment live, tcptutor.sim.Side from) {
        boolean fromPeer = from == tcptutor.sim.Side.PEER;
        int scriptPort = fromPeer ? live.dstPort() : live.srcPort();
        int peerPort = fromPeer ? live.srcPort() : live.dstPort();
        Sock s = null;
        for (Sock k : all) if (k.scriptPort == scriptPort && (k.peerPort == peerPort || k.peerPort == 0)) s = k;
        if (s == null) return live;
        if (fromPeer && live.has(Flags.SYN) && !s.peerIsnKnown) {
            // the peer's first SYN or SYN-ACK: show its ISN as 0, as scripts write it
            return live.withSeqAck(0, live.ack());
        }
        if (fromPeer) return toScript(s, live);
        boolean syn = live.has(Flags.SYN);
        int seq = live.seq() - (syn ? 0 : s.remoteIsn);
        int ack = live.has(Flags.ACK) ? live.ack() - (syn ? s.liveLocalIsn - s.scriptLocalIsn : s.liveLocalIsn) : live.ack();
        return live.withSeqAck(seq, ack);
    }
}
