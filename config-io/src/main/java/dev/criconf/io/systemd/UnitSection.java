package dev.criconf.io.systemd;

import dev.criconf.model.Origin;
import java.util.List;
import java.util.Objects;

/**
 * A {@code [Name]} section and its assignments in file order. A file may have a section name
 * more than once; each occurrence is its own {@code UnitSection}.
 *
 * @param name        the name between the brackets, as written
 * @param origin      the header line
 * @param assignments the assignments up to the next header
 */
public record UnitSection(String name, Origin origin, List<UnitAssignment> assignments) {
    /** Checks that nothing is null and copies the list. */
    public UnitSection {
        Objects.requireNonNull(name);
        Objects.requireNonNull(origin);
        assignments = List.copyOf(assignments);
    }
}
