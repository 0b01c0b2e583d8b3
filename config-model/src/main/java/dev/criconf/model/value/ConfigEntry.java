package dev.criconf.model.value;

import dev.criconf.model.Origin;
import java.util.Objects;

/**
 * One key of a table and its value.
 *
 * @param key       the key after unquoting ({@code io.containerd.grpc.v1.cri} for {@code "io.containerd.grpc.v1.cri"})
 * @param keyOrigin where the key is written (for a key implied by a TOML header, the header's key segment)
 * @param value     the value
 */
public record ConfigEntry(String key, Origin keyOrigin, ConfigValue value) {

    /** Rejects nulls. */
    public ConfigEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keyOrigin, "keyOrigin");
        Objects.requireNonNull(value, "value");
    }
}
