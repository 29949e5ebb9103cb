package tcptutor.tui;

/** The five panes, in Tab order. */
enum Pane {
    LESSON("Lesson"), LADDER("Ladder"), STATES("States"), HEADER("Header"), CONSOLE("Console");

    final String title;

    Pane(String title) { this.title = title; }

    Pane next() { return values()[(ordinal() + 1) % values().length]; }

    Pane previous() { return values()[(ordinal() + values().length - 1) % values().length]; }
}
