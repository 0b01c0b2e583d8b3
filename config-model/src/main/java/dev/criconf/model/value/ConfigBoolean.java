package dev.criconf.model.value;

import dev.criconf.model.Origin;
import java.util.Objects;

/**
 * A boolean.
 *
 * @param value  the truth value
 * @param raw    the text as written: {@code true}, or a YAML 1.1 word such as {@code yes} or {@code On}
 * @param origin where it is
 */
public record ConfigBoolean(boolean value, String raw, Origin origin) implements ConfigScalar {

    /** Rejects nulls. */
    public ConfigBoolean {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(origin, "origin");
    }

    /** A boolean written {@code true} or {@code false}. */
    public static ConfigBoolean of(boolean value, Origin origin) {
        return new ConfigBoolean(value, Boolean.toString(value), origin);
    }

    @Override
    public ValueType type() {
        return ValueType.BOOLEAN;
    }
}
