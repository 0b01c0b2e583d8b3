package dev.criconf.model.value;

import dev.criconf.model.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * A key the component does not know: it ignores it (kubelet, containerd, CRI-O) or refuses to start
 * (Docker), depending on the component.
 *
 * @param path       where it is in the tree
 * @param origin     where the key is written
 * @param suggestion the known key it probably means: same letters in another case, or a close spelling
 */
public record UnknownKey(KeyPath path, Origin origin, Optional<String> suggestion) {

    /** Rejects nulls. */
    public UnknownKey {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(suggestion, "suggestion");
    }
}
