package tcptutor.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tcptutor.tcp.Profile;
import tcptutor.tcp.State;

/**
 * Over 10,000 seeds (-Dquiz.seeds=N to change): every generated question's stated answer is what the engine
 * does when its scenario is replayed apart from the generator; the stated answer is graded right and no
 * distractor is; the same seed gives the same quiz.
 */
class QuizProperties {
    static final int SEEDS = Integer.getInteger("quiz.seeds", 10_000);

    static QuizMaker.Spec spec(long seed) {
        return new QuizMaker.Spec(Topic.generated(), 10, seed, seed % 2 == 0 ? Profile.LINUX : Profile.RFC9293, List.of());
    }

    @Test void tenThousandSeeds_statedAnswersAreWhatTheStackDoes_distractorsAreWrong_sameSeedSameQuiz() {
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime(), wall0 = System.nanoTime();
        List<String> failures = new ArrayList<>();
        int questions = 0;
        for (long seed = 0; seed < SEEDS && failures.size() < 20; seed++) {
            Quiz quiz = QuizMaker.make(spec(seed));
            if (!quiz.equals(QuizMaker.make(spec(seed)))) failures.add("seed " + seed + ": a second make gave another quiz");
            if (quiz.size() != 10) failures.add("seed " + seed + ": " + quiz.size() + " questions");
            Set<String> ids = new HashSet<>();
            for (Question q : quiz.questions()) {
                questions++;
                if (!ids.add(q.id())) failures.add("seed " + seed + ": id twice: " + q.id());
                String problem = check(q);
                if (problem != null) failures.add("seed " + seed + " " + q.id() + ": " + problem);
            }
        }
        System.out.printf("QuizProperties: %d seeds, %d questions, %.1f s CPU, %.1f s wall%n", SEEDS, questions,
                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9, (System.nanoTime() - wall0) / 1e9);
        assertThat(failures).as("checked %d questions", questions).isEmpty();
    }

    /** Null if the question is sound; else what is wrong. */
    static String check(Question q) {
        String correct = q.correct();
        if (!q.id().startsWith(q.topic().id() + "/")) return "id does not start with its topic";
        if (Answers.problem(q, correct) != null || !Answers.isRight(q, correct)) return "stated answer '" + correct + "' is not graded right";
        if (q.hasChoices()) {
            if (q.choices().size() < 2) return "fewer than two choices";
            Set<String> folded = new HashSet<>();
            for (String ch : q.choices()) if (!folded.add(Answers.fold(ch))) return "two choices read the same: " + q.choices();
            for (int i = 0; i < q.choices().size(); i++) {
                if (q.choices().get(i).equals(correct)) continue;
                if (Answers.isRight(q, q.choices().get(i))) return "distractor '" + q.choices().get(i) + "' is graded right";
                if (Answers.isRight(q, String.valueOf(Answers.letterOf(i)))) return "distractor letter " + Answers.letterOf(i) + " is graded right";
            }
        }
        return replayDiffers(q);
    }

    private static String replayDiffers(Question q) {
        if (q.scenario() instanceof HeaderQuestions.Case) {
            String mine = HeaderReplay.answer(q);
            return Answers.isRight(q, mine) ? null : "the bytes say " + mine + ", the question " + q.correct();
        }
        if (q.scenario() instanceof StateQuestions.Case c) {
            EngineReplay.StateSeen seen = EngineReplay.state(c);
            if (seen.sent() != null && !q.prompt().contains(EngineReplay.shown(seen.sent()))) {
                return "the prompt does not show the segment replayed: " + EngineReplay.shown(seen.sent());
            }
            if (c.ask() == StateQuestions.Ask.NEXT_STATE) {
                State stated = Answers.state(q.correct());
                return stated == seen.after() ? null : "replay ends in " + seen.after() + ", the question says " + q.correct();
            }
            String replies = EngineReplay.describe(seen.replies());
            return Answers.fold(replies).equals(Answers.fold(q.correct())) ? null : "replay sends " + replies + ", the question says " + q.correct();
        }
        if (q.scenario() instanceof SeqQuestions.Case c) {
            EngineReplay.SeqSeen seen = EngineReplay.seq(c);
            if (!q.prompt().contains(Long.toString(seen.clientIsn()))) return "the prompt does not give the client ISN " + seen.clientIsn();
            if (seen.serverIsn() != 0 && q.prompt().contains("your (the server's) ISN") && !q.prompt().contains(Long.toString(seen.serverIsn()))) {
                return "the prompt does not give the server ISN " + seen.serverIsn();
            }
            OptionalDouble v = Answers.number(q.correct());
            return v.isPresent() && v.getAsDouble() == seen.value() ? null : "replay gives " + seen.value() + ", the question " + q.correct();
        }
        if (q.scenario() instanceof TimerQuestions.Case c) {
            double seen = EngineReplay.timer(c);
            OptionalDouble v = Answers.number(q.correct());
            return v.isPresent() && Math.abs(v.getAsDouble() - seen) < 1e-6 ? null : "replay measures " + seen + ", the question " + q.correct();
        }
        return "no replay for " + q.scenario();
    }
}
