package tcptutor.drill;

import java.util.List;

/** An argument or result of a system call in a script. */
public sealed interface Expr {
    /** {@code ...}: anything. */
    record Any() implements Expr { @Override public String toString() { return "..."; } }

    record Num(long value) implements Expr { @Override public String toString() { return Long.toString(value); } }

    /** A constant such as SOL_SOCKET or ETIMEDOUT. */
    record Word(String name) implements Expr { @Override public String toString() { return name; } }

    record Str(String text) implements Expr { @Override public String toString() { return "\"" + text + "\""; } }

    /** {@code A|B}. */
    record Or(Expr left, Expr right) implements Expr { @Override public String toString() { return left + "|" + right; } }

    /** {@code [x]}: a pointer to a value (or an array). */
    record Ptr(List<Expr> items) implements Expr {
        public Ptr { items = List.copyOf(items); }
        @Override public String toString() { return items.toString(); }
    }

    /** {@code {onoff=1, linger=0}}, struct linger (also written l_onoff / l_linger). */
    record Linger(long onoff, long linger) implements Expr {
        @Override public String toString() { return "{onoff=" + onoff + ", linger=" + linger + "}"; }
    }

    /** {@code {fd=4, events=POLLIN, revents=0}}: a struct such as struct pollfd, fields by name. */
    record Struct(java.util.Map<String, Expr> fields) implements Expr {
        public Struct { fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields)); }
        @Override public String toString() {
            StringBuilder b = new StringBuilder("{");
            fields.forEach((k, v) -> b.append(b.length() == 1 ? "" : ", ").append(k).append('=').append(v));
            return b.append('}').toString();
        }
    }

    Any ANY = new Any();
}
