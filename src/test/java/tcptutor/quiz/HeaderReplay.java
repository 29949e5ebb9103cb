package tcptutor.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a header question the way a learner must: takes the hex dump out of the prompt and works the answer
 * out from the bytes by hand (RFC 9293 3.1 offsets, RFC 1071 checksum), independently of the generator and codec.
 */
final class HeaderReplay {
    private HeaderReplay() {}

    static byte[] bytes(String prompt) {
        List<Byte> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s+0x[0-9a-f]{4}:\\s+(.*)$").matcher(prompt);
        while (m.find()) {
            for (String g : m.group(1).trim().split("\\s+")) {
                for (int i = 0; i < g.length(); i += 2) out.add((byte) Integer.parseInt(g.substring(i, i + 2), 16));
            }
        }
        byte[] b = new byte[out.size()];
        for (int i = 0; i < b.length; i++) b[i] = out.get(i);
        return b;
    }

    static int u16(byte[] b, int at) { return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF); }

    static long u32(byte[] b, int at) { return ((long) u16(b, at) << 16) | u16(b, at + 2); }

    /** The answer worked out from the dump: "SYN+ACK", "1229824", "mss 1460, sackOK, ...", "yes"/"no", "40", "4294967295". */
    static String answer(Question q) {
        HeaderQuestions.Case c = (HeaderQuestions.Case) q.scenario();
        byte[] b = bytes(q.prompt());
        int headerLen = b.length == 0 ? 0 : ((b[12] & 0xFF) >> 4) * 4;
        int flags = b.length == 0 ? 0 : b[13] & 0xFF;
        return switch (c.ask()) {
            case FLAGS -> {
                String[] names = {"CWR", "ECE", "URG", "ACK", "PSH", "RST", "SYN", "FIN"};
                List<String> set = new ArrayList<>();
                for (int i = 0; i < 8; i++) if ((flags & (0x80 >> i)) != 0) set.add(names[i]);
                yield String.join("+", set);
            }
            case WINDOW -> {
                Matcher m = Pattern.compile("announced shift (\\d+)").matcher(q.prompt());
                if (!m.find()) throw new AssertionError("no shift in " + q.prompt());
                int shift = Integer.parseInt(m.group(1));
                if (b.length == 0) { // the field-tree form
                    Matcher w = Pattern.compile("Window: (\\d+)").matcher(q.prompt());
                    Matcher f = Pattern.compile("Flags: 0x[0-9a-f]+ \\(([A-Z, ]+)\\)").matcher(q.prompt());
                    if (!w.find() || !f.find()) throw new AssertionError("no window or flags in " + q.prompt());
                    boolean syn = List.of(f.group(1).split(", ")).contains("SYN");
                    yield Long.toString(syn ? Long.parseLong(w.group(1)) : Long.parseLong(w.group(1)) << shift);
                }
                boolean syn = (flags & 0x02) != 0;
                yield Long.toString(syn ? u16(b, 14) : (long) u16(b, 14) << shift);
            }
            case OPTIONS -> {
                List<String> out = new ArrayList<>();
                for (int i = 20; i < headerLen; ) {
                    int kind = b[i] & 0xFF;
                    if (kind == 0) break;
                    if (kind == 1) { out.add("nop"); i++; continue; }
                    int len = b[i + 1] & 0xFF;
                    out.add(switch (kind) {
                        case 2 -> "mss " + u16(b, i + 2);
                        case 3 -> "wscale " + (b[i + 2] & 0xFF);
                        case 4 -> "sackOK";
                        case 8 -> "TS";
                        default -> "kind " + kind;
                    });
                    i += len;
                }
                yield out.isEmpty() ? "none" : String.join(", ", out);
            }
            case CHECKSUM -> {
                long sum = 0xC000 + 0x0201 + 0xC000 + 0x0202 + 6 + b.length; // 192.0.2.1 -> 192.0.2.2, proto 6, TCP length
                for (int i = 0; i < b.length; i += 2) sum += ((b[i] & 0xFF) << 8) | (i + 1 < b.length ? b[i + 1] & 0xFF : 0);
                while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
                yield sum == 0xFFFF ? "yes" : "no";
            }
            case HEADER_LENGTH -> Integer.toString(headerLen);
            case SEQ -> Long.toString(u32(b, 4));
        };
    }
}
