package tcptutor.tcp;

import java.util.EnumMap;
import java.util.Map;

/** An immutable set of knob values: a profile's defaults with any single knob overridden. */
public final class Settings {
    private final Profile profile;
    private final EnumMap<Knob, long[]> values;

    private Settings(Profile profile, EnumMap<Knob, long[]> values) {
        this.profile = profile;
        this.values = values;
    }

    public static Settings of(Profile profile) {
        EnumMap<Knob, long[]> v = new EnumMap<>(Knob.class);
        for (Knob k : Knob.values()) v.put(k, k.defaultFor(profile));
        return new Settings(profile, v);
    }

    public static Settings linux() { return of(Profile.LINUX); }

    public static Settings rfc9293() { return of(Profile.RFC9293); }

    public Profile profile() { return profile; }

    /** The knob's (first) value. */
    public long get(Knob k) { return values.get(k)[0]; }

    public int getInt(Knob k) { return (int) Math.min(Integer.MAX_VALUE, get(k)); }

    /** All values of a triple knob such as tcp_rmem. */
    public long[] all(Knob k) { return values.get(k).clone(); }

    public Settings with(Knob k, long... v) {
        if (v.length != k.arity()) {
            throw new IllegalArgumentException(k + " takes " + k.arity() + " value(s), got " + v.length);
        }
        EnumMap<Knob, long[]> copy = new EnumMap<>(values);
        copy.put(k, v.clone());
        return new Settings(profile, copy);
    }

    /** The knobs whose value differs from the profile's default. */
    public Map<Knob, long[]> overrides() {
        Settings base = of(profile);
        Map<Knob, long[]> out = new EnumMap<>(Knob.class);
        values.forEach((k, v) -> { if (!java.util.Arrays.equals(v, base.values.get(k))) out.put(k, v.clone()); });
        return out;
    }
}
