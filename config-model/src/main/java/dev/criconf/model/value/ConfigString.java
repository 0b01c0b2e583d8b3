package dev.criconf.model.value;

import dev.criconf.model.Origin;
import java.util.Objects;

/**
 * A string.
 *
 * @param value  the string after unquoting and unescaping
 * @param raw    the text as written (see {@link ConfigScalar#raw()})
 * @param origin where it is
 */
public record ConfigString(String value, String raw, Origin origin) implements ConfigScalar {

    /** Rejects nulls. */
    public ConfigString {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public ValueType type() {
        return ValueType.STRING;
    }
}
