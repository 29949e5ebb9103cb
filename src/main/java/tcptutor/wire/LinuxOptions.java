package tcptutor.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * TCP option lists laid out as Linux writes them ({@code tcp_options_write}): every option aligned to 4 bytes
 * with NOPs, in the order MSS, SACK-permitted + timestamps (sharing a word) or NOP NOP timestamps,
 * NOP NOP SACK-permitted, NOP window scale, NOP NOP SACK blocks.
 */
public final class LinuxOptions {
    private LinuxOptions() {}

    /**
     * A SYN's or SYN-ACK's options: {@code mss} (0 for none), SACK permitted, timestamps (when {@code ts}),
     * window scale ({@code wscale} -1 for none). E.g. mss 1460,sackOK,TS val X ecr 0,nop,wscale 7.
     */
    public static List<TcpOption> syn(int mss, boolean sackOk, boolean ts, int tsVal, int tsEcr, int wscale) {
        List<TcpOption> o = new ArrayList<>();
        if (mss > 0) o.add(new TcpOption.Mss(mss));
        if (ts) {
            if (sackOk) o.add(TcpOption.SACK_PERMITTED);
            else { o.add(TcpOption.NOP); o.add(TcpOption.NOP); }
            o.add(new TcpOption.Timestamps(tsVal, tsEcr));
        } else if (sackOk) {
            o.add(TcpOption.NOP); o.add(TcpOption.NOP); o.add(TcpOption.SACK_PERMITTED);
        }
        if (wscale >= 0) { o.add(TcpOption.NOP); o.add(new TcpOption.WindowScale(wscale)); }
        return List.copyOf(o);
    }

    /** Options after the handshake: nop,nop,TS val X ecr Y when timestamps are on, then nop,nop,sack ... when there are blocks. */
    public static List<TcpOption> established(boolean ts, int tsVal, int tsEcr, List<TcpOption.SackBlock> sack) {
        List<TcpOption> o = new ArrayList<>();
        if (ts) { o.add(TcpOption.NOP); o.add(TcpOption.NOP); o.add(new TcpOption.Timestamps(tsVal, tsEcr)); }
        if (!sack.isEmpty()) { o.add(TcpOption.NOP); o.add(TcpOption.NOP); o.add(new TcpOption.Sack(sack)); }
        return List.copyOf(o);
    }
}
