package dev.criconf.io.args;

import dev.criconf.model.Origin;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One flag as the parser met it.
 *
 * @param name        the canonical name (normalised; a shorthand resolved to its long name)
 * @param written     the flag as written, up to any {@code =}: {@code --node_ip}, {@code -v}
 * @param value       the value the program sets: the written value, or the implicit one of a
 *                    boolean written without a value ({@code true}); empty when a required value is
 *                    missing
 * @param form        how it was written
 * @param kind        the kind the spec gives it
 * @param nameIndex   index of the argument holding the name
 * @param valueIndex  index of the separate argument holding the value ({@code --x v}), if any
 * @param origin      where the name is written
 * @param valueOrigin where the value is written (the name's argument for {@code --x=v})
 */
public record FlagOccurrence(String name, String written, Optional<String> value, Form form, FlagKind kind,
        int nameIndex, OptionalInt valueIndex, Origin origin, Optional<Origin> valueOrigin) {

    /** How a flag was written. */
    public enum Form {
        /** {@code --name=value} */
        EQUALS,
        /** {@code --name value} (two arguments) */
        SEPARATE,
        /** {@code --name} for a flag whose value is optional */
        IMPLICIT,
        /** {@code -x=value} */
        SHORTHAND_EQUALS,
        /** {@code -xvalue} */
        SHORTHAND_ATTACHED,
        /** {@code -x value} */
        SHORTHAND_SEPARATE,
        /** {@code -x} for a flag whose value is optional, possibly in a group ({@code -abc}) */
        SHORTHAND_IMPLICIT,
        /** a value-taking flag that is the last argument: pflag fails with {@code flag needs an argument} */
        MISSING_VALUE
    }

    /** Checks that nothing is null. */
    public FlagOccurrence {
        Objects.requireNonNull(name);
        Objects.requireNonNull(written);
        Objects.requireNonNull(value);
        Objects.requireNonNull(form);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(valueIndex);
        Objects.requireNonNull(origin);
        Objects.requireNonNull(valueOrigin);
    }

    /** Whether the value is in an argument of its own. */
    public boolean separateValue() {
        return valueIndex.isPresent();
    }
}
