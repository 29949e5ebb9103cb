package tcptutor.wire;

import java.util.function.Function;

/** The result of decoding bytes: a value, or the decoder's own {@link DecodeError} (never an exception). */
public sealed interface Decoded<T> {

    record Ok<T>(T value) implements Decoded<T> {}

    record Failed<T>(DecodeError error) implements Decoded<T> {}

    static <T> Decoded<T> ok(T value) { return new Ok<>(value); }

    static <T> Decoded<T> fail(int offset, String field, String problem) {
        return new Failed<>(new DecodeError(offset, field, problem));
    }

    static <T> Decoded<T> fail(DecodeError error) { return new Failed<>(error); }

    default boolean isOk() { return this instanceof Ok; }

    /** The value; a bug to call on a failure (check {@link #isOk()} first). */
    default T value() {
        if (this instanceof Ok<T> ok) return ok.value();
        throw new IllegalStateException("no value: " + error().message());
    }

    /** The error; null on success. */
    default DecodeError error() { return this instanceof Failed<T> f ? f.error() : null; }

    default <U> Decoded<U> map(Function<T, U> f) {
        return this instanceof Ok<T> ok ? new Ok<>(f.apply(ok.value())) : new Failed<>(error());
    }
}
