package tcptutor.drill;

import java.util.List;

/**
 * A parsed packetdrill script: the settings of its init command (the {@code `...`} block before the first
 * event), its events in order, packetdrill's time tolerance ({@code --tolerance_usecs}, {@code --tolerance_percent})
 * and the warnings the parser gave (shell commands skipped, options ignored).
 */
public record Script(String file, List<Sysctl> init, List<Event> events, long toleranceUsecs, double tolerancePercent,
                     List<String> warnings) {
    public static final long DEFAULT_TOLERANCE_USECS = 4000;
    public static final double DEFAULT_TOLERANCE_PERCENT = 12.5;

    public Script {
        init = List.copyOf(init);
        events = List.copyOf(events);
        warnings = List.copyOf(warnings);
    }
}
