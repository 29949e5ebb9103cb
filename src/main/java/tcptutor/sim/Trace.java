package tcptutor.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/** The append-only log of a world. Listeners see each event as it is appended. */
public final class Trace {
    private final List<TraceEvent> events = new ArrayList<>();
    private final List<Consumer<TraceEvent>> listeners = new ArrayList<>();

    public void append(TraceEvent e) {
        events.add(e);
        for (Consumer<TraceEvent> l : listeners) l.accept(e);
    }

    public List<TraceEvent> events() { return Collections.unmodifiableList(events); }

    public int size() { return events.size(); }

    /** Events from index {@code from} on, e.g. what one command caused. */
    public List<TraceEvent> since(int from) { return Collections.unmodifiableList(events.subList(from, events.size())); }

    public void listen(Consumer<TraceEvent> l) { listeners.add(l); }

    /** The segment sent with this id, or null. */
    public TraceEvent.Sent segment(int id) {
        for (TraceEvent e : events) if (e instanceof TraceEvent.Sent s && s.id() == id) return s;
        return null;
    }

    public <T extends TraceEvent> List<T> of(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (TraceEvent e : events) if (type.isInstance(e)) out.add(type.cast(e));
        return out;
    }
}
