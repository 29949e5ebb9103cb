package tcptutor.quiz;

import java.util.Random;

/** Makes questions of one topic; all randomness comes from the Random passed in. */
interface QuestionSource {
    Topic topic();

    Question next(Random rnd);
}
