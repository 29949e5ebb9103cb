package tcptutor.drill;

import java.util.Arrays;
import tcptutor.tcp.Knob;

/** One {@code net.ipv4.tcp_X=V} setting from a script's shell block; {@code where} is FILE:LINE for messages. */
public record Sysctl(Knob knob, long[] values, String where) {
    public Sysctl { values = values.clone(); }

    @Override public long[] values() { return values.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof Sysctl s && s.knob == knob && Arrays.equals(s.values, values) && s.where.equals(where);
    }

    @Override public int hashCode() { return knob.hashCode() * 31 + Arrays.hashCode(values); }

    @Override public String toString() {
        StringBuilder b = new StringBuilder(knob.name()).append('=');
        for (int i = 0; i < values.length; i++) b.append(i == 0 ? "" : " ").append(values[i]);
        return b.toString();
    }
}
