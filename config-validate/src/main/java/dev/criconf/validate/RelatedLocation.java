package dev.criconf.validate;

import dev.criconf.model.Origin;
import java.util.Objects;

/**
 * Another place that matters to a finding, e.g. the other side of a cross-file mismatch.
 *
 * @param location where it is
 * @param message  what is there, briefly, e.g. {@code SystemdCgroup = true}
 */
public record RelatedLocation(Origin location, String message) {

    /** Checks the components and copies collections; see the class description. */
    public RelatedLocation {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }
}
