package dev.criconf.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The result of parsing text into a domain value: the value, or a message saying why the text is
 * not one. Parsers of domain values never throw on bad text; bad text is normal input.
 *
 * @param <T> the domain type
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Invalid {

    /** The parsed value. */
    record Ok<T>(T value) implements Parsed<T> {
        /** Rejects null. */
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The text is not a valid value.
     *
     * @param text    the text as given
     * @param message why it is not valid, without the location (callers add that)
     */
    record Invalid<T>(String text, String message) implements Parsed<T> {
        /** Rejects nulls. */
        public Invalid {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A successful result. */
    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    /** A failed result. */
    static <T> Parsed<T> invalid(String text, String message) {
        return new Invalid<>(text, message);
    }

    /** Whether parsing succeeded. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The value, when parsing succeeded. */
    default Optional<T> toOptional() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }

    /** The error message, when parsing failed. */
    default Optional<String> error() {
        return this instanceof Invalid<T> bad ? Optional.of(bad.message()) : Optional.empty();
    }

    /** The value, or a {@link CriconfException} with the error message (for text known to be valid). */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        Invalid<T> bad = (Invalid<T>) this;
        throw new CriconfException("'" + bad.text() + "': " + bad.message());
    }

    /** Transforms a successful value; a failure stays a failure. */
    default <R> Parsed<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        Invalid<T> bad = (Invalid<T>) this;
        return new Invalid<>(bad.text(), bad.message());
    }
}
