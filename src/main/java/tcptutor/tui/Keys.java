package tcptutor.tui;

import java.util.List;

/** Every key of the text UI with what it does: the F1 help screen and the README table come from here. */
final class Keys {
    record Key(String keys, String does) {}

    static final List<Key> ALL = List.of(
            new Key("Tab / Shift-Tab", "next / previous pane (in the console, Tab completes a word you began; in a quiz, quiz pane / console)"),
            new Key("F1", "this help (any key closes it)"),
            new Key("F2", "sequence numbers relative / absolute"),
            new Key("Space or F5", "advance virtual time to the next event (Space: console empty or another pane; not while a quiz waits for an answer)"),
            new Key("Enter", "run the command typed in the console"),
            new Key("Up / Down", "console: history; Ladder: select segment; Header: select field; others: scroll"),
            new Key("PgUp / PgDn", "scroll the focused pane a page (Ladder: select a page on)"),
            new Key("Home / End", "console: start / end of line; Ladder: first / newest segment"),
            new Key("Left / Right", "move in the command line"),
            new Key("Ctrl-A/E/U/K/W", "line start / end, delete to start / to end / word before"),
            new Key("any letter", "in another pane: jumps to the console and types it"),
            new Key("Esc or Ctrl-C", "quit (asks first; the session journal is saved)"));

    private Keys() {}
}
