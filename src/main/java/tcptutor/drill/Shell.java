package tcptutor.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tcptutor.tcp.Knob;

/**
 * Reads a {@code `shell`} block of a script without running it: {@code sysctl -q net.ipv4.tcp_X=V ...} commands
 * become settings of the simulated peer, a {@code ./name.sh} call
 * is read from the script's directory the same way, {@code exit} ends the file, and anything else is skipped
 * with a warning.
 */
final class Shell {
    private static final int MAX_DEPTH = 8;

    private final Path dir;
    private final List<String> warnings;
    private final List<Sysctl> out = new ArrayList<>();

    private Shell(Path dir, List<String> warnings) {
        this.dir = dir;
        this.warnings = warnings;
    }

    /**
     * The settings of a block whose text starts at {@code line:col} of {@code file}.
     * Relative {@code .sh} paths are resolved against {@code dir} (the script's directory; null: none allowed).
     */
    static List<Sysctl> read(String text, String file, int line, int col, Path dir, List<String> warnings) {
        Shell sh = new Shell(dir, warnings);
        sh.file(text, file, line, col, 0);
        return sh.out;
    }

    /** Returns false when the file said {@code exit}. */
    private boolean file(String text, String file, int firstLine, int firstCol, int depth) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int base = i == 0 ? firstCol : 1;
            for (List<Word> cmd : commands(lines[i], file, firstLine + i, base)) {
                if (!command(cmd, file, firstLine + i, depth)) return false;
            }
        }
        return true;
    }

    /** A word of a command line and the column it starts at. */
    private record Word(String text, int col) {}

    /** Splits one line into commands (at ; && ||), words unquoted, comments and redirections removed. */
    private static List<List<Word>> commands(String line, String file, int lineNo, int base) {
        List<List<Word>> cmds = new ArrayList<>();
        List<Word> cur = new ArrayList<>();
        int i = 0, n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') { i++; continue; }
            if (c == '#') break;
            if (c == ';' || line.startsWith("&&", i) || line.startsWith("||", i)) {
                if (!cur.isEmpty()) cmds.add(cur);
                cur = new ArrayList<>();
                i += c == ';' ? 1 : 2;
                continue;
            }
            int start = i;
            StringBuilder w = new StringBuilder();
            while (i < n) {
                char d = line.charAt(i);
                if (d == ' ' || d == '\t' || d == ';' || d == '\r' || line.startsWith("&&", i) || line.startsWith("||", i)) break;
                if (d == '"' || d == '\'') {
                    int close = line.indexOf(d, i + 1);
                    if (close < 0) throw new ScriptError(file, lineNo, base + i, "expected the closing " + d + " of this quoted word");
                    w.append(line, i + 1, close);
                    i = close + 1;
                } else {
                    w.append(d);
                    i++;
                }
            }
            cur.add(new Word(w.toString(), base + start));
        }
        if (!cur.isEmpty()) cmds.add(cur);
        List<List<Word>> clean = new ArrayList<>();
        for (List<Word> cmd : cmds) clean.add(withoutRedirections(cmd));
        return clean;
    }

    /** Drops {@code 2>/dev/null}, {@code >/dev/null}, {@code 2>&1}, {@code > file} and the like. */
    private static List<Word> withoutRedirections(List<Word> cmd) {
        List<Word> out = new ArrayList<>();
        for (int i = 0; i < cmd.size(); i++) {
            String t = cmd.get(i).text();
            if (t.matches("\\d*(>>?|<)(&\\d+)?")) { i++; continue; }
            if (t.matches("\\d*(>>?|<).+")) continue;
            out.add(cmd.get(i));
        }
        return out;
    }

    private boolean command(List<Word> cmd, String file, int line, int depth) {
        if (cmd.isEmpty()) return true;
        String head = cmd.get(0).text();
        if (head.equals("exit")) return false;
        if (head.equals("sysctl")) {
            sysctl(cmd, file, line);
        } else if (head.endsWith(".sh") || ((head.equals("sh") || head.equals("bash")) && cmd.size() > 1
                && cmd.get(1).text().endsWith(".sh"))) {
            Word script = head.endsWith(".sh") ? cmd.get(0) : cmd.get(1);
            include(script, file, line, depth);
        } else {
            warn(file, line, cmd);
        }
        return true;
    }

    private void sysctl(List<Word> cmd, String file, int line) {
        for (Word w : cmd.subList(1, cmd.size())) {
            String t = w.text();
            if (t.startsWith("-")) continue;
            int eq = t.indexOf('=');
            if (eq < 0) {
                warnings.add(file + ":" + line + ": skipped `sysctl " + t + "` (reads a setting; only assignments are applied)");
                continue;
            }
            setting(t.substring(0, eq), t.substring(eq + 1), file, line, w.col() + eq + 1);
        }
    }

    private void setting(String name, String value, String file, int line, int col) {
        String n = name.replace('/', '.');
        Knob k = Knob.named(n);
        if (k == null) {
            warnings.add(file + ":" + line + ": skipped sysctl " + name + " (tcptutor has no such setting)");
            return;
        }
        String[] parts = value.trim().split("\\s+");
        if (value.isBlank() || parts.length != k.arity()) {
            String want = k.arity() == 1 ? "one number" : k.arity() + " numbers, e.g. \"4096 131072 6291456\"";
            throw new ScriptError(file, line, col, "expected " + want + " after " + name + "=");
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                throw new ScriptError(file, line, col, "expected a number after " + name + "=, found '" + parts[i] + "'");
            }
        }
        out.add(new Sysctl(k, v, file + ":" + line));
    }

    private void include(Word script, String file, int line, int depth) {
        if (dir == null) {
            throw new ScriptError(file, line, script.col(), "cannot read " + script.text() + ": the script has no directory");
        }
        if (depth >= MAX_DEPTH) {
            throw new ScriptError(file, line, script.col(), "shell scripts call each other more than " + MAX_DEPTH + " deep");
        }
        Path p = dir.resolve(script.text()).normalize();
        String text;
        try {
            text = Files.readString(p);
        } catch (IOException e) {
            throw new ScriptError(file, line, script.col(), "cannot read " + script.text() + " (looked for " + p + ")");
        }
        Path parent = p.getParent();
        String shown = parent != null && parent.equals(dir.normalize()) ? p.getFileName().toString() : p.toString();
        file(text, shown, 1, 1, depth + 1);
    }

    private void warn(String file, int line, List<Word> cmd) {
        StringBuilder b = new StringBuilder();
        for (Word w : cmd) b.append(b.length() == 0 ? "" : " ").append(w.text());
        warnings.add(file + ":" + line + ": skipped `" + b + "` (only sysctl settings are applied)");
    }
}
