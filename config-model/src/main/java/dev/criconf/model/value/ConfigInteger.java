package dev.criconf.model.value;

import dev.criconf.model.Origin;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An integer, of any size (YAML allows more than 64 bits; {@link ConfigValue#asLong()} tells
 * whether it fits).
 *
 * @param value  the number
 * @param raw    the text as written, e.g. {@code 0x1F}, {@code 1_000}, {@code 0755}
 * @param origin where it is
 */
public record ConfigInteger(BigInteger value, String raw, Origin origin) implements ConfigScalar {

    /** Rejects nulls. */
    public ConfigInteger {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(origin, "origin");
    }

    /** An integer written in decimal. */
    public static ConfigInteger of(long value, Origin origin) {
        return new ConfigInteger(BigInteger.valueOf(value), Long.toString(value), origin);
    }

    @Override
    public ValueType type() {
        return ValueType.INTEGER;
    }
}
