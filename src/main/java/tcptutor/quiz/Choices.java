package tcptutor.quiz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Building the choices of a question: distinct distractors, none equal to the answer, in a seeded order. */
final class Choices {
    private Choices() {}

    /** The answer among the distractors, shuffled with {@code rnd}. */
    static List<String> shuffle(String answer, List<String> distractors, Random rnd) {
        List<String> all = new ArrayList<>();
        all.add(answer);
        for (String d : distractors) if (!same(d, answer) && !contains(all, d)) all.add(d);
        for (int i = all.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            String tmp = all.get(i);
            all.set(i, all.get(j));
            all.set(j, tmp);
        }
        return all;
    }

    /** Up to {@code n} distractors: first from {@code near} in order, one of them at least, then from {@code far} at random. */
    static List<String> pick(String answer, List<String> near, List<String> far, int n, Random rnd) {
        List<String> out = new ArrayList<>();
        List<String> nearOk = distinct(answer, near, out);
        int fromNear = Math.min(nearOk.size(), Math.max(1, n - 1));
        out.addAll(nearOk.subList(0, fromNear));
        List<String> rest = distinct(answer, far, out);
        for (String s : nearOk.subList(fromNear, nearOk.size())) if (!contains(rest, s)) rest.add(s);
        while (out.size() < n && !rest.isEmpty()) out.add(rest.remove(rnd.nextInt(rest.size())));
        return out;
    }

    private static List<String> distinct(String answer, List<String> items, List<String> taken) {
        List<String> out = new ArrayList<>();
        for (String s : items) if (!same(s, answer) && !contains(taken, s) && !contains(out, s)) out.add(s);
        return out;
    }

    static boolean same(String a, String b) { return Answers.fold(a).equals(Answers.fold(b)); }

    private static boolean contains(List<String> list, String s) {
        for (String x : list) if (same(x, s)) return true;
        return false;
    }
}
