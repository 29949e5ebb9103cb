package tcptutor.sim;

/** The two hosts of a world: the learner ("you", 192.0.2.1) and the simulated peer (192.0.2.2). */
public enum Side {
    YOU("you"), PEER("peer");

    private final String label;

    Side(String label) { this.label = label; }

    public String label() { return label; }

    public Side other() { return this == YOU ? PEER : YOU; }

    @Override public String toString() { return label; }
}
