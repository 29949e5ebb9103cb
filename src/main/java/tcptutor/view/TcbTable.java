package tcptutor.view;

import java.util.ArrayList;
import java.util.List;
import tcptutor.tcp.TcbSnapshot;
import tcptutor.wire.Seq;

/**
 * A TCB as a table of RFC 9293 3.3.1 variables, one or two columns (you, peer), plain text:
 * <pre>
 *                 you                    peer
 * state           ESTABLISHED            ESTABLISHED
 * ISS             0 (3081592951)         0 (1527336391)
 * SND.NXT         1 (3081592952)         1 (1527336392)
 * </pre>
 * Send-side numbers count from the side's ISS, receive-side numbers from its IRS when {@code relative}.
 */
public final class TcbTable {
    private TcbTable() {}

    /** One column per snapshot; a null snapshot prints "(no connection)". */
    public static List<String> render(List<String> titles, List<TcbSnapshot> tcbs, boolean relative) {
        String[] names = {"state", "ISS", "IRS", "SND.UNA", "SND.NXT", "SND.WND", "SND.WL1", "SND.WL2", "RCV.NXT", "RCV.WND",
                "MSS (send)", "window scale", "timestamps", "SACK", "RTO", "unread bytes", "unsent bytes"};
        List<List<String>> cols = new ArrayList<>();
        for (TcbSnapshot t : tcbs) cols.add(column(t, relative));
        int w0 = 14;
        List<Integer> widths = new ArrayList<>();
        for (int c = 0; c < cols.size(); c++) {
            int w = titles.get(c).length();
            for (String v : cols.get(c)) w = Math.max(w, v.length());
            widths.add(w + 3);
        }
        List<String> out = new ArrayList<>();
        StringBuilder head = new StringBuilder(pad("", w0));
        for (int c = 0; c < cols.size(); c++) head.append(pad(titles.get(c), widths.get(c)));
        out.add(head.toString().stripTrailing());
        for (int r = 0; r < names.length; r++) {
            StringBuilder b = new StringBuilder(pad(names[r], w0));
            for (int c = 0; c < cols.size(); c++) {
                List<String> col = cols.get(c);
                b.append(pad(r < col.size() ? col.get(r) : "", widths.get(c)));
            }
            out.add(b.toString().stripTrailing());
        }
        return out;
    }

    private static List<String> column(TcbSnapshot t, boolean rel) {
        if (t == null) return List.of("(no connection)");
        boolean sync = t.state().synchronized_() || t.irs() != 0;
        List<String> v = new ArrayList<>();
        v.add(t.state().rfcName());
        v.add(num(t.iss(), t.iss(), rel));
        v.add(sync ? num(t.irs(), t.irs(), rel) : "-");
        v.add(num(t.sndUna(), t.iss(), rel));
        v.add(num(t.sndNxt(), t.iss(), rel));
        v.add(Integer.toString(t.sndWnd()));
        v.add(sync ? num(t.sndWl1(), t.irs(), rel) : "-");
        v.add(sync ? num(t.sndWl2(), t.iss(), rel) : "-");
        v.add(sync ? num(t.rcvNxt(), t.irs(), rel) : "-");
        v.add(Integer.toString(t.rcvWnd()));
        v.add(Integer.toString(t.sndMss()));
        v.add(t.sndWscale() == 0 && t.rcvWscale() == 0 ? "off" : "send " + t.sndWscale() + ", receive " + t.rcvWscale());
        v.add(t.timestamps() ? "on" : "off");
        v.add(t.sack() ? "on" : "off");
        v.add(t.rtoMicros() == 0 ? "-" : EventLines.duration(t.rtoMicros()));
        v.add(Integer.toString(t.unreadBytes()));
        v.add(Integer.toString(t.unsentBytes()));
        return v;
    }

    private static String num(int value, int base, boolean rel) {
        return rel ? Seq.str(value - base) + " (" + Seq.str(value) + ")" : Seq.str(value);
    }

    private static String pad(String s, int w) { return s.length() >= w ? s + " " : s + " ".repeat(w - s.length()); }
}
