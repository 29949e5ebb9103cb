package tcptutor.tcp;

import static tcptutor.wire.Flags.FIN;

import java.util.Arrays;
import tcptutor.wire.Segment;
import tcptutor.wire.Seq;

/** What comes in: in-order and out-of-order data, the FIN, D-SACK, and when to acknowledge (Linux delayed ACK). */
abstract class Receiver extends Sender {
    Receiver(Stack stack) { super(stack); }

    /** RFC 9293 3.10.7.4 seventh and eighth steps for a segment with data or a FIN, in a state that accepts text. */
    final void dataArrives(Segment s) {
        ackScheduled = true;
        segHeaderLen = s.dataOffset() * 4;
        segRemnant = (s.flags() & (FIN | tcptutor.wire.Flags.URG | tcptutor.wire.Flags.SYN | tcptutor.wire.Flags.PSH)) != 0;
        byte[] data = s.payload();
        int seq = s.seq();
        boolean fin = s.has(FIN);
        int end = s.end();
        if (Seq.le(end, rcvNxt)) {
            if (sackOk && data.length > 0) dsack(seq, seq + data.length);
            enterQuickack();
            sendAck(Why.of("duplicate data (already received): immediate ACK" + (sackOk ? " with a D-SACK block" : ""),
                    "RFC 9293 3.10.7.4; RFC 2883; Linux tcp_data_queue"));
            return;
        }
        if (Seq.lt(seq, rcvNxt)) {
            int cut = rcvNxt - seq;
            if (sackOk) dsack(seq, rcvNxt);
            data = Arrays.copyOfRange(data, Math.min(cut, data.length), data.length);
            seq = rcvNxt;
        }
        if (data.length > 0 && (linux ? curWin() : rcvWindowNow()) == 0 && seq == rcvNxt) {
            enterQuickack();
            sendAck(Why.of("receive window is zero: data dropped, immediate ACK", "RFC 9293 3.8.6.2; Linux tcp_data_queue"));
            return;
        }
        if (seq != rcvNxt) {
            holdOutOfOrder(seq, data, fin, linux ? truesize(s.dataOffset() * 4, s.payloadLength()) : 0);
            if (!linux) enterQuickack();   // Linux tcp_data_queue_ofo only schedules the ACK (sent at once below)
            sendAck(Why.of("out-of-order segment held for reassembly: immediate duplicate ACK"
                    + (sackOk ? " with SACK blocks" : ""), "RFC 9293 3.10.7.4; RFC 5681 4.2; RFC 2018"));
            return;
        }
        rcvBuf.append(data, 0, data.length);
        rcvNxt += data.length;
        if (linux) charge(rcvNxt, truesize(s.dataOffset() * 4, s.payloadLength()), data.length == 0);
        noteDataReceived(data.length, s.has(tcptutor.wire.Flags.PSH));
        boolean filled = !ooo.isEmpty();
        boolean finNow = fin;
        while (!ooo.isEmpty() && Seq.le(ooo.get(0).seq(), rcvNxt)) {
            Ooo o = ooo.remove(0);
            int skip = rcvNxt - o.seq();
            if (skip < o.data().length) {
                rcvBuf.append(o.data(), skip, o.data().length - skip);
                rcvNxt += o.data().length - skip;
                if (linux) rmemQueue.addLast(new long[]{rcvNxt & 0xffffffffL, o.truesize(), 0});   // charged when held
            } else {
                rmemAlloc -= o.truesize();
            }
            if (o.fin() && Seq.ge(rcvNxt, o.seq() + o.data().length)) finNow = true;
        }
        if (finNow) {
            finArrives();
            return;
        }
        ackCheck(filled, data.length);
    }

    private void dsack(int left, int right) {
        hasDsack = true;
        dsackLeft = left;
        dsackRight = right;
    }

    /**
     * Out-of-order data is kept, and Linux counts its memory (tcp_data_queue_ofo: tcp_measure_rcv_mss, then
     * tcp_grow_window on SACK connections, then the skb is charged).
     */
    private void holdOutOfOrder(int seq, byte[] data, boolean fin, long truesize) {
        int i = 0;
        while (i < ooo.size() && Seq.lt(ooo.get(i).seq(), seq)) i++;
        for (Ooo o : ooo) {
            if (Seq.le(o.seq(), seq) && Seq.ge(o.end(), seq + data.length + (fin ? 1 : 0))) {
                if (sackOk) dsack(seq, seq + data.length);
                return;
            }
        }
        if (linux && data.length > 0) {
            measureRcvMss(data.length, truesize);
            if (sackOk) growWindow(data.length, truesize);
        }
        rmemAlloc += truesize;
        ooo.add(i, new Ooo(seq, data, fin, ++oooArrivals, truesize));
    }

    /** Linux tcp_event_data_recv: the first data starts quick-ACK mode (tcp_incr_quickack); so does a long idle gap. */
    private void noteDataReceived(int len, boolean psh) {
        if (len == 0) return;
        long truesize = rmemQueue.isEmpty() ? truesize(20, len) : rmemQueue.peekLast()[1];
        if (linux) {
            measureRcvMss(len, truesize);                          // first, as tcp_event_data_recv does
        } else if (len > rcvMss) {
            rcvMss = Math.min(len, advMss);
        }
        long atoMin = cfg.get(Knob.tcp_delack_min) * 1000;
        if (ato == 0) {
            incrQuickack();
            ato = atoMin;
        } else if (linux) {
            long m = now() - lrcvTime;
            if (m <= atoMin / 2) ato = (ato >> 1) + atoMin / 2;
            else if (m < ato) ato = Math.min((ato >> 1) + m, rto);
            else if (m > rto) incrQuickack();
        } else if (now() - lrcvTime > rto) {
            incrQuickack();
        }
        lrcvTime = now();
        if (linux && len >= 128) growWindow(len, truesize);
    }

    /**
     * Linux tcp_measure_rcv_mss: a segment of at least rcv_mss bytes sets rcv_mss; when its size is new, the
     * ratio of data to memory (len / truesize) is measured again and window_clamp follows it (tcp_set_window_clamp).
     */
    private void measureRcvMss(int len, long truesize) {
        int lss = lastSegSize;
        lastSegSize = 0;
        if (len < rcvMss) {
            // a short segment: with its header it may still be a full one of a smaller MSS (SACK jitter aside);
            // two such in a row of the same size set rcv_mss (Linux's last_seg_size)
            int withHeader = len + segHeaderLen;
            if (withHeader >= 536 + 20 || (withHeader >= 88 + 20 && !segRemnant)) {
                int l = withHeader - 20 - (tsOk ? 12 : 0);
                lastSegSize = l;
                if (l == lss) {
                    rcvMss = l;
                    return;
                }
            }
            pushed = true;
            return;
        }
        if (segRemnant) pushed = true;
        if (len != rcvMss) {
            int old = scalingRatio;
            scalingRatio = (int) Math.max((((long) len) << 8) / truesize, 1);
            if (old != scalingRatio) {
                int clamp = Math.max(winFromSpace(rcvBufBytes), 2304);   // SOCK_MIN_RCVBUF / 2
                if (clamp < windowClamp) rcvSsthresh = Math.min(rcvSsthresh, clamp);
                else if (clamp > windowClamp) rcvSsthresh = Math.max(Math.min(rcvAdvWnd, clamp), rcvSsthresh);
                windowClamp = clamp;
            }
        }
        rcvMss = Math.min(len, advMss);
    }

    /** Linux tcp_grow_window: rcv_ssthresh grows by two segments while data arrives with little memory overhead. */
    private void growWindow(int len, long truesize) {
        int room = Math.min(windowClamp, winFromSpace(rcvBufBytes - rmemAlloc)) - rcvSsthresh;
        if (room <= 0) return;
        int incr;
        if (winFromSpace(truesize) <= len) {
            incr = 2 * advMss;
        } else {
            incr = 0;
            int t = winFromSpace(truesize) >> 1;
            int window = winFromSpace(cfg.all(Knob.tcp_rmem)[2]) >> 1;
            while (rcvSsthresh <= window) {
                if (t <= len) { incr = 2 * rcvMss; break; }
                t >>= 1;
                window >>= 1;
            }
        }
        if (incr > 0) {
            rcvSsthresh += Math.min(room, Math.max(incr, 2 * len));
            quickAcks |= 1;   // icsk_ack.quick |= 1
        }
    }

    private void incrQuickack() {
        int max = cfg.getInt(Knob.tcp_quickacks);
        if (max == 0) return;
        int q = (linux ? rcvAdvWnd : rcvSpace) / (2 * Math.max(rcvMss, 1));   // Linux: tp->rcv_wnd
        if (q == 0) q = 2;
        q = Math.min(q, max);
        if (q > quickAcks) quickAcks = q;
    }

    /** Linux tcp_enter_quickack_mode: out-of-order, duplicate or zero-window data is ACKed at once. */
    final void enterQuickack() {
        incrQuickack();
        pingpong = false;
        ato = cfg.get(Knob.tcp_delack_min) * 1000;
    }

    /**
     * Whether to ACK now or later (Linux __tcp_ack_snd_check; RFC 9293 3.8.6.3): at once after a gap was filled,
     * in quick-ACK mode, or when more than one full-sized segment is unacknowledged; otherwise arm the delayed ACK.
     */
    final void ackCheck(boolean filledGap, int len) {
        if (filledGap) {
            sendAck(Why.of("segment filled a gap in the sequence space: immediate ACK", "RFC 5681 4.2; Linux tcp_data_queue"));
        } else if (quickAcks > 0 && !pingpong) {
            sendAck(QUICK_ACK);
        } else if (rcvNxt - rcvWup > rcvMss && (!linux || rcvBuf.size() == 0 || selectWindowRaw() >= rcvAdvWnd)) {
            sendAck(SECOND_SEGMENT_ACK);
        } else {
            scheduleAck();
        }
    }

    private static final Why QUICK_ACK = Why.of("ACK of data, sent at once (quick-ACK mode at the start of a connection)",
            "Linux tcp_in_quickack_mode (TCP_MAX_QUICKACKS)");
    private static final Why SECOND_SEGMENT_ACK = Why.of("more than one full-sized segment unacknowledged: ACK at once",
            "RFC 9293 3.8.6.3 (ACK at least every second full-sized segment)");

    /** Arms the delayed-ACK timer for a pending ACK. */
    final void scheduleAck() {
        ackPending = true;
        if (armed(TcpTimer.DELAYED_ACK)) return;
        // Linux tcp_send_delayed_ack: ato (40 ms once data was seen; before that the next timer tick), bounded by
        // the RTT (at least 40 ms) and by 200 ms in ping-pong mode or after a pushed segment, else 500 ms
        long min = cfg.get(Knob.tcp_delack_min) * 1000;
        long t = !linux ? min : ato > 0 ? ato : 1000;
        if (linux && t > min) {
            long max = pingpong || pushed ? 200_000 : 500_000;
            if (srtt >= 0) max = Math.min(max, Math.max(srtt, min));   // an RTT was measured
            t = Math.min(t, max);
        }
        arm(TcpTimer.DELAYED_ACK, now() + t);
    }

    /** RFC 9293 3.10.7.4 eighth: the FIN (in order) advances RCV.NXT, is acknowledged, and moves the state on. */
    final void finArrives() {
        rcvNxt += 1;
        finRcvd = true;
        switch (state) {
            // ESTABLISHED / SYN-RECEIVED: enter CLOSE-WAIT; Linux only schedules the ACK (tcp_fin: ping-pong mode)
            case ESTABLISHED, SYN_RECEIVED -> {
                enter(State.CLOSE_WAIT, Why.of("the peer's FIN arrived: it will send no more data", "RFC 9293 3.10.7.4 eighth"));
                if (linux) {
                    pingpong = true;
                    scheduleAck();
                    env.note(Why.of("the ACK of the FIN is delayed, hoping to ride on our own FIN or data", "Linux tcp_fin"));
                } else {
                    sendAck(Why.of("ACK of the peer's FIN", "RFC 9293 3.10.7.4 eighth"));
                }
            }
            // FIN-WAIT-1 (our FIN not yet acknowledged): simultaneous close, enter CLOSING
            case FIN_WAIT_1 -> {
                sendAck(Why.of("ACK of the peer's FIN (our own FIN is not yet acknowledged)", "RFC 9293 3.10.7.4 eighth"));
                enter(State.CLOSING, Why.of("FIN received while our FIN is unacknowledged: simultaneous close", "RFC 9293 3.10.7.4 eighth; figure 13"));
            }
            // FIN-WAIT-2: ACK it and enter TIME-WAIT
            case FIN_WAIT_2 -> {
                sendAck(Why.of("ACK of the peer's FIN", "RFC 9293 3.10.7.4 eighth"));
                enter(State.TIME_WAIT, Why.of("the peer's FIN after ours was acknowledged", "RFC 9293 3.10.7.4 eighth"));
            }
            // CLOSE-WAIT, CLOSING, LAST-ACK, TIME-WAIT: a retransmitted FIN, acknowledge it again
            default -> sendAck(Why.of("ACK of a retransmitted FIN", "RFC 9293 3.10.7.4 eighth"));
        }
    }

    /**
     * Linux tcp_cleanup_rbuf after a read: a pending ACK goes out now if more than one segment is unacknowledged,
     * or if all data was read after a pushed segment (not in ping-pong mode); a window update goes out if the
     * window can now at least double.
     */
    private void cleanupRbuf() {
        if (!synchronizedState() || frozenWnd >= 0) return;
        if (ackPending && (rcvNxt - rcvWup > rcvMss || (!pingpong && rcvBuf.size() == 0 && pushed))) {
            sendAck(Why.of("the application read the data: the pending ACK goes out now", "Linux tcp_cleanup_rbuf"));
            return;
        }
        if (finRcvd) return;   // RCV_SHUTDOWN: no window updates
        int cur = curWin();
        if (2L * cur <= windowClamp) {
            int w = selectWindowRaw();
            if (w != 0 && w >= 2L * cur) {
                sendAck(Why.of("window update: the application read data and the window at least doubles",
                        "RFC 9293 3.8.6.2.2; Linux tcp_cleanup_rbuf"));
            }
        }
    }

    /** The application reads up to {@code max} bytes. A read that opens the window enough sends a window update. */
    final byte[] take(int max) {
        int n = Math.min(max, rcvBuf.size());
        byte[] out = rcvBuf.take(n);
        if (linux) {
            uncharge(n == 0 && finRcvd);
            if (n > 0) cleanupRbuf();
            return out;
        }
        if (n > 0 && synchronizedState() && frozenWnd < 0 && !finRcvd) {
            int now = rcvWup + rcvAdvWnd - rcvNxt;
            if (2L * now <= rcvSpace && rcvWindowNow() >= 2L * now) {
                sendAck(Why.of("window update: the application read " + n + " bytes and the window grew", "RFC 9293 3.8.6.2.2; Linux tcp_cleanup_rbuf"));
            }
        }
        return out;
    }
}
