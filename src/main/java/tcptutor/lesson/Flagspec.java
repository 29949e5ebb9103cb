package tcptutor.lesson;

import java.util.Locale;
import tcptutor.wire.Flags;

/** Reads flags as lessons write them: tcpdump letters ("S.", "FP.", ".", "R") or words ("SYN+ACK", "fin ack"). */
final class Flagspec {
    private Flagspec() {}

    /** The flag mask, or null when the text is neither form. */
    static Integer parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) return null;
        if (t.equals("none") || t.equals("-")) return 0;
        if (t.matches("[FSRPUEW.]+")) {
            int f = 0;
            for (char c : t.toCharArray()) {
                f |= switch (c) {
                    case 'F' -> Flags.FIN; case 'S' -> Flags.SYN; case 'R' -> Flags.RST; case 'P' -> Flags.PSH;
                    case '.' -> Flags.ACK; case 'U' -> Flags.URG; case 'E' -> Flags.ECE; default -> Flags.CWR;
                };
            }
            return f;
        }
        int f = 0;
        for (String w : t.toUpperCase(Locale.ROOT).split("[+,\\s/|]+")) {
            int bit = switch (w) {
                case "FIN" -> Flags.FIN; case "SYN" -> Flags.SYN; case "RST" -> Flags.RST; case "PSH" -> Flags.PSH;
                case "ACK" -> Flags.ACK; case "URG" -> Flags.URG; case "ECE" -> Flags.ECE; case "CWR" -> Flags.CWR;
                default -> -1;
            };
            if (bit < 0) return null;
            f |= bit;
        }
        return f;
    }
}
