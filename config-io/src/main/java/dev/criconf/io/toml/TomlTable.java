package dev.criconf.io.toml;

import dev.criconf.model.Origin;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A TOML table: the root, a {@code [header]} table, a table made by dotted keys or implied by a
 * deeper header, an inline table, or one table of an array of tables.
 *
 * @param entries   the keys in the order they were first defined
 * @param origin    the header, the braces, or the key segment that made the table
 * @param keyOrigin where its key is written; empty for the root and array items
 */
public record TomlTable(Map<String, TomlValue> entries, Origin origin, Optional<Origin> keyOrigin)
        implements TomlValue, TomlLookup {

    /** Checks that no component is null. */
    public TomlTable {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(keyOrigin, "keyOrigin");
    }

    @Override
    public Optional<TomlValue> get(TomlPath path) {
        TomlValue current = this;
        for (TomlPath.Segment segment : path.segments()) {
            if (segment instanceof TomlPath.Key) {
                if (!(current instanceof TomlTable)) {
                    return Optional.empty();
                }
                current = ((TomlTable) current).entries.get(((TomlPath.Key) segment).name());
            } else {
                int index = ((TomlPath.Index) segment).index();
                if (!(current instanceof TomlArray) || index >= ((TomlArray) current).size()) {
                    return Optional.empty();
                }
                current = ((TomlArray) current).get(index);
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The number of keys. */
    public int size() {
        return entries.size();
    }

    @Override
    public Map<String, Object> toJava() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, TomlValue> e : entries.entrySet()) {
            out.put(e.getKey(), e.getValue().toJava());
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String typeName() {
        return "table";
    }
}
