package tcptutor.sim;

/**
 * The wire between the hosts: per-direction delay and scripted, seeded faults.
 * CONTRACT (the engine fills the bodies).
 */
public final class Link {
    /** One-way delay for segments sent by {@code from}, microseconds. */
    public void delay(Side from, long micros) { throw new UnsupportedOperationException(); }

    /** Loses the next segment sent by {@code from}. */
    public void dropNext(Side from) { throw new UnsupportedOperationException(); }

    /** Delivers the next segment sent by {@code from} twice. */
    public void duplicateNext(Side from) { throw new UnsupportedOperationException(); }

    /** Adds {@code micros} of extra delay to the next segment sent by {@code from} (reordering it behind later ones). */
    public void delayNext(Side from, long micros) { throw new UnsupportedOperationException(); }

    /** Seeded random loss, 0..1, in both directions. */
    public void lossRate(double p) { throw new UnsupportedOperationException(); }
}
