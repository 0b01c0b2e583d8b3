package dev.criconf.model.value;

import dev.criconf.model.Origin;
import java.util.Objects;
import java.util.Set;

/**
 * A known key whose value has a type the component cannot decode (e.g. {@code SystemdCgroup = "true"}).
 *
 * @param path     where it is in the tree
 * @param expected the types the component accepts there
 * @param actual   the value found
 */
public record TypeMismatch(KeyPath path, Set<ValueType> expected, ConfigValue actual) {

    /** Rejects nulls and copies the set. */
    public TypeMismatch {
        Objects.requireNonNull(path, "path");
        expected = Set.copyOf(expected);
        Objects.requireNonNull(actual, "actual");
    }

    /** Where the value is written. */
    public Origin origin() {
        return actual.origin();
    }
}
