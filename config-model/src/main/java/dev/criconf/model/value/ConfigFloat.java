package dev.criconf.model.value;

import dev.criconf.model.Origin;
import java.util.Objects;

/**
 * A floating-point number.
 *
 * @param value  the number ({@code NaN} and infinities allowed)
 * @param raw    the text as written, e.g. {@code 1e3}, {@code inf}, {@code .5}
 * @param origin where it is
 */
public record ConfigFloat(double value, String raw, Origin origin) implements ConfigScalar {

    /** Rejects nulls. */
    public ConfigFloat {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public ValueType type() {
        return ValueType.FLOAT;
    }
}
