package dev.criconf.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A value together with where it came from.
 *
 * @param value  the value; never null
 * @param source where it came from
 * @param <T>    the value's type
 */
public record Setting<T>(T value, Source source) {

    /** Rejects nulls. */
    public Setting {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    /** A value written in a file at {@code origin}. */
    public static <T> Setting<T> inFile(T value, Origin origin) {
        return new Setting<>(value, new Source.InFile(origin));
    }

    /** A component's built-in default; see {@link Source.Default} for {@code version}. */
    public static <T> Setting<T> ofDefault(T value, Component component, String version) {
        return new Setting<>(value, new Source.Default(component, version));
    }

    /** A value given by a command-line flag whose word is at {@code origin}. */
    public static <T> Setting<T> ofFlag(T value, String flag, Origin origin) {
        return new Setting<>(value, new Source.Flag(flag, origin));
    }

    /** Where to point a finding, when the value was written somewhere. */
    public Optional<Origin> origin() {
        return source.origin();
    }

    /** Whether a person wrote this value, as opposed to a default. */
    public boolean isExplicit() {
        return source.isExplicit();
    }

    /** The same source with a value derived from this one. */
    public <R> Setting<R> map(Function<? super T, ? extends R> f) {
        return new Setting<>(f.apply(value), source);
    }

    /** {@code value (source)}, for messages and debugging. */
    @Override
    public String toString() {
        return value + " (" + source.describe() + ")";
    }
}
