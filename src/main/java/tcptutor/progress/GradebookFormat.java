package tcptutor.progress;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The gradebook as text: an aligned table for people, CSV for spreadsheets, JSON for programs. */
public enum GradebookFormat {
    TABLE, CSV, JSON;

    public static GradebookFormat parse(String s) {
        for (GradebookFormat f : values()) if (f.name().equalsIgnoreCase(s)) return f;
        throw new IllegalArgumentException("unknown format '" + s + "': expected table, csv or json");
    }

    /** Renders the gradebook; times in the table are local ({@code zone}), in CSV and JSON ISO-8601 UTC. */
    public String render(Gradebook g, ZoneId zone) {
        return switch (this) {
            case TABLE -> table(g, zone);
            case CSV -> csv(g);
            case JSON -> json(g);
        };
    }

    // ---- table ----

    private static String table(Gradebook g, ZoneId zone) {
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        StringBuilder out = new StringBuilder();
        if (g.learners().isEmpty()) return "No learners yet: the progress store is empty.\n";
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"LEARNER", "LESSONS DONE", "IN PROGRESS", "STEPS", "SOLUTIONS SHOWN", "QUIZZES", "LAST QUIZ", "BEST QUIZ", "LAST SEEN"});
        for (Gradebook.LearnerRow l : g.learners()) {
            rows.add(new String[] {l.id(), names(l.lessonsCompleted()), names(l.lessonsInProgress()),
                    Integer.toString(l.stepsDone()), Integer.toString(l.solutionsShown()),
                    Integer.toString(l.quizzes().size()), str(l.lastQuiz()), str(l.bestQuiz()), when.format(l.lastSeen())});
        }
        align(out, rows);
        out.append('\n');
        rows.clear();
        rows.add(new String[] {"LESSON", "STARTED", "COMPLETED", "RATE", "MOST MISSED (wrong/asked)"});
        for (Gradebook.LessonRow l : g.lessons()) {
            List<String> missed = new ArrayList<>();
            for (Gradebook.Missed m : l.mostMissed()) missed.add(m.question() + " " + m.wrong() + "/" + m.asked());
            rows.add(new String[] {l.lesson(), Integer.toString(l.started()), Integer.toString(l.completed()),
                    Math.round(100 * l.completionRate()) + "%", missed.isEmpty() ? "-" : String.join(", ", missed)});
        }
        if (g.lessons().isEmpty()) out.append("No lesson started yet.\n");
        else align(out, rows);
        if (!g.quizMisses().isEmpty()) {
            out.append('\n');
            rows.clear();
            rows.add(new String[] {"QUIZ TOPIC", "QUESTION", "WRONG/ASKED", "PROMPT"});
            for (Gradebook.Missed m : g.quizMisses()) {
                rows.add(new String[] {m.where(), m.question(), m.wrong() + "/" + m.asked(), shorten(m.prompt(), 60)});
            }
            align(out, rows);
        }
        return out.toString();
    }

    private static String names(List<String> l) { return l.isEmpty() ? "-" : l.size() + " (" + String.join(" ", l) + ")"; }

    private static String str(Object o) { return o == null ? "-" : o.toString(); }

    private static String shorten(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 3) + "...";
    }

    private static void align(StringBuilder out, List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) line.append(" ".repeat(w[i] - r[i].length() + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    // ---- CSV: two tables separated by one empty line ----

    private static String csv(Gradebook g) {
        StringBuilder out = new StringBuilder();
        out.append("learner,lessons_completed,lessons_in_progress,steps_done,solutions_shown,quizzes,last_quiz_score,last_quiz_total,best_quiz_score,best_quiz_total,last_seen\n");
        for (Gradebook.LearnerRow l : g.learners()) {
            Gradebook.QuizScore last = l.lastQuiz();
            Gradebook.QuizScore best = l.bestQuiz();
            row(out, l.id(), String.join(" ", l.lessonsCompleted()), String.join(" ", l.lessonsInProgress()),
                    l.stepsDone(), l.solutionsShown(), l.quizzes().size(),
                    last == null ? "" : last.score(), last == null ? "" : last.total(),
                    best == null ? "" : best.score(), best == null ? "" : best.total(), l.lastSeen().toString());
        }
        out.append('\n');
        out.append("lesson,started,completed,completion_rate,most_missed\n");
        for (Gradebook.LessonRow l : g.lessons()) {
            List<String> missed = new ArrayList<>();
            for (Gradebook.Missed m : l.mostMissed()) missed.add(m.question() + " " + m.wrong() + "/" + m.asked());
            row(out, l.lesson(), l.started(), l.completed(), String.format(Locale.ROOT, "%.2f", l.completionRate()),
                    String.join("; ", missed));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) out.append(',');
            String s = String.valueOf(cells[i]);
            if (s.contains(",") || s.contains("\"") || s.contains("\n")) s = '"' + s.replace("\"", "\"\"") + '"';
            out.append(s);
        }
        out.append('\n');
    }

    // ---- JSON ----

    private static String json(Gradebook g) {
        StringBuilder o = new StringBuilder("{\"learners\": [");
        String sep = "";
        for (Gradebook.LearnerRow l : g.learners()) {
            o.append(sep).append("\n  {\"id\": ").append(q(l.id()))
                    .append(", \"lessonsCompleted\": ").append(strings(l.lessonsCompleted()))
                    .append(", \"lessonsInProgress\": ").append(strings(l.lessonsInProgress()))
                    .append(", \"stepsDone\": ").append(l.stepsDone())
                    .append(", \"solutionsShown\": ").append(l.solutionsShown())
                    .append(", \"quizzes\": [");
            String qs = "";
            for (Gradebook.QuizScore s : l.quizzes()) {
                o.append(qs).append("{\"topic\": ").append(q(s.topic())).append(", \"profile\": ").append(q(s.profile()))
                        .append(", \"seed\": ").append(s.seed()).append(", \"score\": ").append(s.score())
                        .append(", \"total\": ").append(s.total()).append(", \"at\": ").append(q(s.at())).append('}');
                qs = ", ";
            }
            o.append("], \"firstSeen\": ").append(q(l.firstSeen())).append(", \"lastSeen\": ").append(q(l.lastSeen())).append('}');
            sep = ",";
        }
        o.append("\n],\n\"lessons\": [");
        sep = "";
        for (Gradebook.LessonRow l : g.lessons()) {
            o.append(sep).append("\n  {\"id\": ").append(q(l.lesson())).append(", \"started\": ").append(l.started())
                    .append(", \"completed\": ").append(l.completed())
                    .append(", \"completionRate\": ").append(String.format(Locale.ROOT, "%.4f", l.completionRate()))
                    .append(", \"mostMissed\": ").append(missed(l.mostMissed())).append('}');
            sep = ",";
        }
        o.append("\n],\n\"quizMostMissed\": ").append(missed(g.quizMisses())).append("}\n");
        return o.toString();
    }

    private static String missed(List<Gradebook.Missed> list) {
        StringBuilder o = new StringBuilder("[");
        String sep = "";
        for (Gradebook.Missed m : list) {
            o.append(sep).append("{\"in\": ").append(q(m.where())).append(", \"question\": ").append(q(m.question()))
                    .append(", \"wrong\": ").append(m.wrong()).append(", \"asked\": ").append(m.asked());
            if (!m.prompt().isEmpty()) o.append(", \"prompt\": ").append(q(m.prompt()));
            o.append('}');
            sep = ", ";
        }
        return o.append(']').toString();
    }

    private static String strings(List<String> l) {
        List<String> qs = new ArrayList<>();
        for (String s : l) qs.add(q(s));
        return "[" + String.join(", ", qs) + "]";
    }

    private static String q(Instant t) { return q(t.toString()); }

    /** A JSON string literal. */
    static String q(String s) {
        StringBuilder o = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> o.append("\\\"");
                case '\\' -> o.append("\\\\");
                case '\n' -> o.append("\\n");
                case '\r' -> o.append("\\r");
                case '\t' -> o.append("\\t");
                default -> {
                    if (c < 0x20) o.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else o.append(c);
                }
            }
        }
        return o.append('"').toString();
    }
}
