package tcptutor.tcp;

import java.util.ArrayList;
import java.util.List;
import tcptutor.wire.Segment;
import tcptutor.wire.Seq;
import tcptutor.wire.TcpOption;

/**
 * Linux's loss detection from SACK information (RACK, RFC 8985; tcp_recovery.c): a segment is lost when one
 * sent after it was SACKed and it stays unacknowledged a reordering window (min RTT / 4, none once three
 * segments are SACKed) past the RTT of that later one. Until then the reordering timer (tcp_rack_reo_timeout,
 * armed in whole jiffies plus TCP_TIMEOUT_MIN) waits. The segments sent are remembered with their send times.
 */
final class Rack {
    /** One segment of new data as sent (Linux: an skb in the retransmission queue). */
    static final class Sent {
        final int seq, end;
        long xmit;
        boolean sacked;

        Sent(int seq, int end, long xmit) { this.seq = seq; this.end = end; this.xmit = xmit; }
    }

    private static final long JIFFY = 4_000, TIMEOUT_MIN = 2 * JIFFY;   // HZ=250

    final List<Sent> sent = new ArrayList<>();
    /** Send time of the most recently sent segment known delivered (SACKed); -1 if none. */
    long rackXmit = -1;
    /** The RTT of that segment, measured when its SACK arrived (Linux rack.rtt_us). */
    long rackRtt;
    long minRtt = Long.MAX_VALUE;

    void sentNew(int seq, int end, long now) { sent.add(new Sent(seq, end, now)); }

    /** A retransmission of [from, end) resends the segments in it: their send time is now. */
    void resent(int from, int end, long now) {
        for (Sent s : sent) if (Seq.ge(s.seq, from) && Seq.le(s.end, end)) s.xmit = now;
    }

    void acked(int sndUna) { sent.removeIf(s -> Seq.le(s.end, sndUna)); }

    void rtt(long sample) { minRtt = Math.min(minRtt, sample); }

    /** Marks what the segment's SACK blocks cover; returns whether anything new was SACKed. */
    boolean sack(Segment seg, long now) {
        TcpOption.Sack opt = seg.option(TcpOption.Sack.class).orElse(null);
        if (opt == null) return false;
        boolean news = false;
        for (TcpOption.SackBlock b : opt.blocks()) {
            for (Sent s : sent) {
                if (!s.sacked && Seq.ge(s.seq, b.left()) && Seq.le(s.end, b.right())) {
                    s.sacked = true;
                    news = true;
                    if (s.xmit >= rackXmit) {
                        rackXmit = s.xmit;
                        rackRtt = now - s.xmit;
                    }
                }
            }
        }
        return news;
    }

    /** The segments to retransmit now (their seq), and when to look again (-1: no timer). */
    record Verdict(List<Integer> lost, long recheckAt) {}

    Verdict detect(long now) {
        List<Integer> lost = new ArrayList<>();
        if (rackXmit < 0) return new Verdict(lost, -1);
        int sacked = 0;
        for (Sent s : sent) if (s.sacked) sacked++;
        long reo = sacked >= 3 || minRtt == Long.MAX_VALUE ? 0 : minRtt / 4;
        long wait = Long.MAX_VALUE;
        for (Sent s : sent) {
            if (s.sacked || s.xmit > rackXmit) continue;
            long remaining = s.xmit + rackRtt + reo - now;
            if (remaining <= 0) lost.add(s.seq);
            else wait = Math.min(wait, remaining);
        }
        long at = wait == Long.MAX_VALUE ? -1 : now + (wait + JIFFY - 1) / JIFFY * JIFFY + TIMEOUT_MIN;
        return new Verdict(lost, lost.isEmpty() ? at : -1);
    }
}
