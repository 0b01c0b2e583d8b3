package dev.criconf.io.toml;

import dev.criconf.model.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * A TOML string value.
 *
 * @param value     the value
 * @param origin    where the value is written
 * @param keyOrigin where its key is written, if it has one
 */
public record TomlString(String value, Origin origin, Optional<Origin> keyOrigin) implements TomlValue {

    /** Checks that no component is null. */
    public TomlString {
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
        return "string";
    }
}
