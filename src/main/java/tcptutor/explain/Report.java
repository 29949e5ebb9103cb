package tcptutor.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tcptutor.capture.Capture;
import tcptutor.view.Columns;

/**
 * The text of {@code tcptutor explain}: a header, the list of connections, then for each connection its ladder
 * (frame, time, both sides' states with an arrow for the direction, the tcpdump-style segment) with the notes under
 * each segment, and a summary.
 */
public final class Report {
    static final int NOTE_INDENT = 21, WIDTH = 118;

    private Report() {}

    /** Every connection of the capture explained (or only connection {@code only}, when it is not null). */
    public static List<String> render(String name, Capture capture, List<Conversation> conversations, Explainer explainer,
                                      Integer only, String numbering) {
        List<String> out = new ArrayList<>();
        int n = capture.packets().size();
        out.add(name + ": " + capture.format() + ", " + n + " TCP segment" + (n == 1 ? "" : "s") + " in " + conversations.size()
                + " connection" + (conversations.size() == 1 ? "" : "s") + "; " + numbering);
        if (!capture.skipped().isEmpty()) {
            List<String> sk = capture.skipped();
            out.add("skipped " + sk.size() + " frame" + (sk.size() == 1 ? "" : "s") + " that hold no TCP segment: "
                    + String.join("; ", sk.subList(0, Math.min(3, sk.size()))) + (sk.size() > 3 ? "; ..." : ""));
        }
        if (conversations.size() > 1 && only == null) {
            for (Conversation c : conversations) out.add(String.format(Locale.ROOT, "  %3d  %s", c.number(), title(c)));
        }
        long start = n == 0 ? 0 : capture.packets().get(0).timeMicros();
        for (Conversation c : conversations) {
            if (only != null && c.number() != only) continue;
            out.add("");
            out.addAll(ladder(explainer.explain(c, start)));
        }
        return out;
    }

    static String title(Conversation c) {
        int first = c.packets().get(0).frame(), last = c.packets().get(c.packets().size() - 1).frame();
        int n = c.packets().size();
        return "client " + c.client() + " -> server " + c.server() + ", " + n + " segment" + (n == 1 ? "" : "s")
                + (first == last ? " (frame " + first + ")" : " (frames " + first + "-" + last + ")");
    }

    /** One connection's ladder, notes and summary. */
    public static List<String> ladder(Explained e) {
        List<String> out = new ArrayList<>();
        out.add("connection " + e.conversation().number() + ": " + title(e.conversation()));
        out.add(String.format(Locale.ROOT, "%6s  %-11s  %-12s     %-12s  %s", "frame", "time (s)", "client", "server", "segment"));
        for (Explained.Row r : e.rows()) {
            out.add(String.format(Locale.ROOT, "%6d  %-11s  %-12s %s %-12s  %s", r.frame(), seconds(r.micros()), r.client(),
                    r.fromClient() ? "-->" : "<--", r.server(), r.segment()));
            for (String note : r.notes()) out.addAll(wrap("- " + note));
        }
        for (String s : e.summary()) out.add("  " + s);
        return out;
    }

    static String seconds(long micros) {
        return (micros < 0 ? "-" : "") + String.format(Locale.ROOT, "%d.%06d", Math.abs(micros) / 1_000_000, Math.abs(micros) % 1_000_000);
    }

    /** A note wrapped by display width under the segment, continuation lines indented two more. */
    static List<String> wrap(String text) {
        List<String> out = new ArrayList<>();
        String pad = " ".repeat(NOTE_INDENT);
        for (String l : Columns.wrap(text, WIDTH - NOTE_INDENT - 2)) out.add(out.isEmpty() ? pad + l : pad + "  " + l);
        return out;
    }
}
