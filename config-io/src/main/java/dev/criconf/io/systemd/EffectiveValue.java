package dev.criconf.io.systemd;

import dev.criconf.model.Origin;
import java.util.Objects;

/**
 * One value of a setting as it stands after the unit and its drop-ins are combined.
 *
 * @param value      the value
 * @param assignment the assignment that gave it
 */
public record EffectiveValue(String value, UnitAssignment assignment) {
    /** Checks that nothing is null. */
    public EffectiveValue {
        Objects.requireNonNull(value);
        Objects.requireNonNull(assignment);
    }

    /** Where the value is written (file relative to the node root). */
    public Origin origin() {
        return assignment.valueOrigin();
    }

    /** The file (relative to the node root). */
    public String file() {
        return assignment.file();
    }
}
