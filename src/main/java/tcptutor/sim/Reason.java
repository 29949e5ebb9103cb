package tcptutor.sim;

/**
 * Why something happened, for the learner: plain words and the rule behind them,
 * e.g. ("ACK of our SYN", "RFC 9293 3.10.7.4") or ("close() with unread data", "Linux tcp_close").
 */
public record Reason(String text, String rule) {
    public static Reason of(String text, String rule) { return new Reason(text, rule); }

    @Override public String toString() { return rule.isEmpty() ? text : text + "; " + rule; }
}
