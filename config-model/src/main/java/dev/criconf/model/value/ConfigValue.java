package dev.criconf.model.value;

import dev.criconf.model.Origin;
import java.math.BigInteger;
import java.util.Optional;

/**
 * One value in a configuration file, with the location of its text. Tables keep their entries in
 * file order ({@link ConfigTable}); scalars keep the text as written ({@link ConfigScalar#raw()}),
 * so a rule can tell {@code yes} from {@code true} or {@code 0755} from {@code 493}.
 */
public sealed interface ConfigValue permits ConfigTable, ConfigArray, ConfigScalar {

    /** Where the value's text is (for a table: its header, opening brace, or first key). */
    Origin origin();

    /** What kind of value this is. */
    ValueType type();

    /** This value as a table, when it is one. */
    default Optional<ConfigTable> asTable() {
        return this instanceof ConfigTable t ? Optional.of(t) : Optional.empty();
    }

    /** This value as an array, when it is one. */
    default Optional<ConfigArray> asArray() {
        return this instanceof ConfigArray a ? Optional.of(a) : Optional.empty();
    }

    /** The string, when this is a string. */
    default Optional<String> asString() {
        return this instanceof ConfigString s ? Optional.of(s.value()) : Optional.empty();
    }

    /** The boolean, when this is a boolean. */
    default Optional<Boolean> asBoolean() {
        return this instanceof ConfigBoolean b ? Optional.of(b.value()) : Optional.empty();
    }

    /** The integer, when this is an integer that fits in a {@code long}. */
    default Optional<Long> asLong() {
        if (this instanceof ConfigInteger i && i.value().bitLength() < 64) {
            return Optional.of(i.value().longValueExact());
        }
        return Optional.empty();
    }

    /** The integer, when this is an integer of any size. */
    default Optional<BigInteger> asBigInteger() {
        return this instanceof ConfigInteger i ? Optional.of(i.value()) : Optional.empty();
    }

    /** The number, when this is a float or an integer. */
    default Optional<Double> asDouble() {
        if (this instanceof ConfigFloat f) {
            return Optional.of(f.value());
        }
        if (this instanceof ConfigInteger i) {
            return Optional.of(i.value().doubleValue());
        }
        return Optional.empty();
    }

    /** Whether this is a null. */
    default boolean isNull() {
        return this instanceof ConfigNull;
    }
}
