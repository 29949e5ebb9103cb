package tcptutor.quiz;

/**
 * How a question was made: the parameters of the scenario played on the engine (or the lesson step an
 * authored question comes from). {@link #key()} is stable across runs and machines and names the question;
 * tests replay a scenario from its fields to check the stated answer.
 */
public interface Scenario {
    /** A short stable name such as "fin-wait-1/fin-ack/next-state/linux". */
    String key();
}
