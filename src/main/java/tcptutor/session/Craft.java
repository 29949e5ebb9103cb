package tcptutor.session;

import java.util.ArrayList;
import java.util.List;
import tcptutor.command.Command;
import tcptutor.command.CommandError;
import tcptutor.sim.Conn;
import tcptutor.sim.ConnInfo;
import tcptutor.sim.World;
import tcptutor.tcp.TcbSnapshot;
import tcptutor.wire.Flags;
import tcptutor.wire.Segment;
import tcptutor.wire.TcpOption;

/**
 * Turns a {@link Command.Send} into the segment you put on the link: typed numbers read as relative or absolute,
 * missing ones filled from your TCB in assist mode or reported in manual mode. Touches nothing: the caller sends.
 */
final class Craft {
    private Craft() {}

    /** The segment, and which numbers assist filled in. */
    record Result(Segment segment, List<String> filled) {}

    /** What your side knows about a connection: from the shadow TCB (raw mode) or your real stack. */
    private record Known(boolean issKnown, int iss, boolean irsKnown, int irs, int sndNxt, int rcvNxt, boolean synSent,
                         boolean synRcvd, boolean finSent, int finSeq, boolean ts, int peerTsVal) {}

    static Result build(Command.Send c, World world, Shadow shadow, boolean relative, boolean assist,
                        int youPort, int peerPort, long nowMicros) {
        Conn cur = current(shadow, world);
        int sport = c.srcPort() != null ? c.srcPort() : cur != null ? cur.localPort() : youPort;
        int dport = c.dstPort() != null ? c.dstPort() : cur != null && cur.localPort() == sport ? cur.remotePort() : peerPort;
        Known k = known(new Conn(sport, dport), world, shadow);
        boolean syn = Flags.has(c.flags(), Flags.SYN), ackFlag = Flags.has(c.flags(), Flags.ACK);
        boolean rst = Flags.has(c.flags(), Flags.RST), fin = Flags.has(c.flags(), Flags.FIN);
        boolean pd = c.numbering() == Command.Numbering.PACKETDRILL;

        if (!assist) {
            List<String> missing = new ArrayList<>();
            if (c.seq() == null) missing.add(pd ? "START:END(LEN)" : "seq=");
            if (ackFlag && c.ack() == null) missing.add(pd ? "ack N" : "ack=");
            if (c.win() == null) missing.add(pd ? "win N" : "win=");
            if (c.tsVal() != null && c.tsEcr() == null && !syn) missing.add("the ECR in ts=VAL,ECR");
            if (!missing.isEmpty()) {
                throw new CommandError("manual mode: every number must be given; missing " + String.join(", ", missing)
                        + " ('show tcb you' has SND.NXT and RCV.NXT; 'set assist on' fills them in)", c.line().length() + 1, null);
            }
        }
        List<String> filled = new ArrayList<>();
        int seq;
        if (c.seq() != null) {
            long v = c.seq();
            boolean rel = !pd && relative && !syn && k.issKnown;
            seq = (int) (rel ? k.iss + v : v);
        } else {
            filled.add("seq");
            if (syn && !ackFlag) seq = k.synSent ? k.iss : shadow.newIss();
            else if (syn) seq = k.synRcvd && k.issKnown ? k.iss : shadow.newIss();
            else if (fin && k.finSent) seq = k.finSeq;
            else if (k.issKnown || k.irsKnown) seq = k.sndNxt;
            else seq = rst ? 0 : shadow.newIss();
        }
        int ack = 0;
        if (c.ack() != null) {
            long v = c.ack();
            boolean rel = (pd || relative) && k.irsKnown;
            ack = (int) (rel ? k.irs + v : v);
        } else if (ackFlag) {
            filled.add("ack");
            ack = k.irsKnown ? k.rcvNxt : 0;
        }
        int win;
        if (c.win() != null) {
            win = (int) (long) c.win();
        } else {
            filled.add("win");
            win = rst && !ackFlag ? 0 : Shadow.WINDOW;
        }
        List<TcpOption> options = new ArrayList<>();
        if (c.options() != null) {
            for (TcpOption o : c.options()) {
                if (o instanceof TcpOption.Timestamps t && c.tsEcr() == null) {
                    options.add(new TcpOption.Timestamps(t.val(), syn && !ackFlag ? 0 : k.peerTsVal));
                } else {
                    options.add(o);
                }
            }
        } else if (assist && syn) {
            options.add(new TcpOption.Mss(Shadow.MSS));
            filled.add("options");
        } else if (assist && k.ts && !rst) {
            options.add(TcpOption.NOP);
            options.add(TcpOption.NOP);
            options.add(new TcpOption.Timestamps((int) (nowMicros / 1000), k.peerTsVal));
            filled.add("TS");
        }
        Segment s = Segment.of(sport, dport, seq, ack, c.flags(), win, options, c.payload());
        return new Result(s, filled);
    }

    /** The connection you are in (raw mode): the last one used, while it is open or the peer's SYN waits for an answer. */
    private static Conn current(Shadow shadow, World world) {
        Conn c = shadow.last();
        if (c == null || !world.you().raw()) return null;
        Shadow.Tcb t = shadow.find(c);
        return t.state != tcptutor.tcp.State.CLOSED || t.irsKnown && !t.issKnown ? c : null;
    }

    private static Known known(Conn conn, World world, Shadow shadow) {
        if (!world.you().raw()) {
            for (ConnInfo ci : world.you().connections()) {
                if (ci.conn().equals(conn)) {
                    TcbSnapshot t = ci.tcb();
                    boolean sync = t.state().synchronized_();
                    return new Known(true, t.iss(), sync, t.irs(), t.sndNxt(), t.rcvNxt(), true, sync, false, 0, t.timestamps(), 0);
                }
            }
            return new Known(false, 0, false, 0, 0, 0, false, false, false, 0, false, 0);
        }
        Shadow.Tcb t = shadow.find(conn);
        if (t == null) return new Known(false, 0, false, 0, 0, 0, false, false, false, 0, false, 0);
        return new Known(t.issKnown, t.iss, t.irsKnown, t.irs, t.sndNxt, t.rcvNxt,
                t.state == tcptutor.tcp.State.SYN_SENT, t.state == tcptutor.tcp.State.SYN_RECEIVED, t.finSent, t.finSeq,
                t.tsOn && t.peerTs, t.peerTsVal);
    }
}
