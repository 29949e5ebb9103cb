package tcptutor.view;

/**
 * How a stretch of rendered text should look, by meaning. The text UI maps each tone to
 * 16-colour attributes, or without colour to reverse / bold / underline, so a view never
 * names a colour and every mark it makes also shows in the characters themselves.
 */
public enum Tone {
    PLAIN, DIM, HEADING, YOU, PEER, STATE, LOST, SELECTED, HIGHLIGHT, ERROR, GOOD,
    /** A current state in the state diagram: yours, the peer's, or both sides'. */
    YOU_MARK, PEER_MARK, BOTH_MARK
}
