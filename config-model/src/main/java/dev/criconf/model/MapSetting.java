package dev.criconf.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A map-valued setting ({@code evictionHard}, {@code featureGates}, {@code systemReserved}): where the
 * map as a whole comes from, and each entry with its own source (entries of one map can come from
 * different files, flags or defaults).
 *
 * @param source  where the map is written (for a merged map: the last contribution)
 * @param entries key to value, in order
 * @param <V>     the entry type
 */
public record MapSetting<V>(Source source, Map<String, Setting<V>> entries) {

    /** Rejects nulls and copies the map, keeping its order. */
    public MapSetting {
        Objects.requireNonNull(source, "source");
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The entry for {@code key}. */
    public Optional<Setting<V>> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Where to point a finding about the whole map. */
    public Optional<Origin> origin() {
        return source.origin();
    }
}
