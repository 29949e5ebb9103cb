package tcptutor.progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child-process writer for {@link ProgressCrashTest}: writes forever, printing each round's number after all of
 * its writes returned, until the parent kills it.
 */
public final class CrashWriter {
    private CrashWriter() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int from = Integer.parseInt(args[1]);
        try (ProgressStore s = ProgressStore.open(dir)) {
            List<String> big = new ArrayList<>(s.loadJournal("w", "big"));
            for (int i = from; ; i++) {
                s.appendJournal("w", "line " + i);
                s.recordStep("w", "lesson", "step-" + i, StepStatus.DONE);
                List<QuizAnswer> answers = new ArrayList<>();
                for (int k = 0; k < 5; k++) answers.add(new QuizAnswer("q" + k, "seq", "prompt", "1", "1", true));
                s.recordQuiz("w", new QuizAttempt(i, "linux", "seq", 5, 5, answers));
                big.add("big " + big.size());
                s.saveJournal("w", "big", big);
                System.out.println(i);
                System.out.flush();
            }
        }
    }
}
