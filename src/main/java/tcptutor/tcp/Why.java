package tcptutor.tcp;

/**
 * Why the endpoint did something, for the learner: plain words and the rule behind them
 * (RFC section or Linux function). The world turns it into a {@code sim.Reason}.
 */
public record Why(String text, String rule) {
    public static Why of(String text, String rule) { return new Why(text, rule); }
}
