package dev.criconf.io.toml;

import dev.criconf.model.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * A TOML local date: a calendar date without a time or an offset.
 *
 * @param value     the value
 * @param origin    where the value is written
 * @param keyOrigin where its key is written, if it has one
 */
public record TomlLocalDate(java.time.LocalDate value, Origin origin, Optional<Origin> keyOrigin) implements TomlValue {

    /** Checks that no component is null. */
    public TomlLocalDate {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(keyOrigin, "keyOrigin");
    }

    @Override
    public Object toJava() {
        return value;
    }

    @Override
    public String typeName() {
        return "local date";
    }
}
