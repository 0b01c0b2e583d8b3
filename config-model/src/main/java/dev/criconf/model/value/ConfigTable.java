package dev.criconf.model.value;

import dev.criconf.model.Origin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table: keys and values in file order. A key written twice (a YAML duplicate the kubelet
 * tolerates, or a TOML error a codec reports as a problem) appears twice in {@link #entries()};
 * lookups return the last occurrence, which is the one YAML and JSON decoders keep.
 *
 * @param origin  where the table starts (TOML header or opening brace, YAML first key, JSON opening brace)
 * @param entries every key and value in file order, duplicates included
 */
public record ConfigTable(Origin origin, List<ConfigEntry> entries) implements ConfigValue {

    /** Rejects nulls and copies the list. */
    public ConfigTable {
        Objects.requireNonNull(origin, "origin");
        entries = List.copyOf(entries);
    }

    /** A table without entries. */
    public static ConfigTable empty(Origin origin) {
        return new ConfigTable(origin, List.of());
    }

    /** A builder for codecs and tests. */
    public static Builder builder(Origin origin) {
        return new Builder(origin);
    }

    @Override
    public ValueType type() {
        return ValueType.TABLE;
    }

    /** The number of entries, duplicates included. */
    public int size() {
        return entries.size();
    }

    /** Whether the table has no entries. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether the key is present (exact match). */
    public boolean has(String key) {
        return entry(key).isPresent();
    }

    /** The last entry with exactly this key. */
    public Optional<ConfigEntry> entry(String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).key().equals(key)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The last entry with exactly this key, else the last one whose key equals it ignoring case
     * (how CRI-O's and containerd 2.x's TOML decoders match struct fields).
     */
    public Optional<ConfigEntry> entryIgnoringCase(String key) {
        Optional<ConfigEntry> exact = entry(key);
        if (exact.isPresent()) {
            return exact;
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).key().equalsIgnoreCase(key)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** The value of the last entry with exactly this key. */
    public Optional<ConfigValue> get(String key) {
        return entry(key).map(ConfigEntry::value);
    }

    /** The value under {@code key} when it is a table. */
    public Optional<ConfigTable> table(String key) {
        return get(key).flatMap(ConfigValue::asTable);
    }

    /** The value under {@code key} when it is a string. */
    public Optional<String> string(String key) {
        return get(key).flatMap(ConfigValue::asString);
    }

    /** The entry reached by following the keys through nested tables (exact matches). */
    public Optional<ConfigEntry> findEntry(List<String> keys) {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        ConfigTable current = this;
        for (int i = 0; i < keys.size() - 1; i++) {
            Optional<ConfigTable> next = current.table(keys.get(i));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return current.entry(keys.get(keys.size() - 1));
    }

    /** The value reached by following the keys through nested tables (exact matches). */
    public Optional<ConfigValue> find(List<String> keys) {
        return keys.isEmpty() ? Optional.of(this) : findEntry(keys).map(ConfigEntry::value);
    }

    /** The value reached by following the keys through nested tables (exact matches). */
    public Optional<ConfigValue> find(String... keys) {
        return find(List.of(keys));
    }

    /** The distinct keys in order of first appearance. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigEntry e : entries) {
            if (seen.add(e.key())) {
                out.add(e.key());
            }
        }
        return List.copyOf(out);
    }

    /** Key to value with the last occurrence of each key, in order of first appearance. */
    public Map<String, ConfigValue> asMap() {
        Map<String, ConfigValue> out = new LinkedHashMap<>();
        for (ConfigEntry e : entries) {
            out.put(e.key(), e.value());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The entries whose key already appeared earlier in this table (exact match), in file order. */
    public List<ConfigEntry> duplicateEntries() {
        List<ConfigEntry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigEntry e : entries) {
            if (!seen.add(e.key())) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /** Keys of this table that differ from one of {@code known} only by letter case, with the spelling they match. */
    public Map<String, String> caseMismatches(Set<String> known) {
        Map<String, String> lower = new LinkedHashMap<>();
        for (String k : known) {
            lower.put(k.toLowerCase(Locale.ROOT), k);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : keys()) {
            if (!known.contains(key)) {
                String match = lower.get(key.toLowerCase(Locale.ROOT));
                if (match != null) {
                    out.put(key, match);
                }
            }
        }
        return out;
    }

    /** Collects entries in order; for codecs and tests. */
    public static final class Builder {
        private final Origin origin;
        private final List<ConfigEntry> entries = new ArrayList<>();

        private Builder(Origin origin) {
            this.origin = Objects.requireNonNull(origin, "origin");
        }

        /** Appends an entry. */
        public Builder put(ConfigEntry entry) {
            entries.add(Objects.requireNonNull(entry, "entry"));
            return this;
        }

        /** Appends an entry whose key is written at {@code keyOrigin}. */
        public Builder put(String key, Origin keyOrigin, ConfigValue value) {
            return put(new ConfigEntry(key, keyOrigin, value));
        }

        /** Appends an entry whose key is written where its value is (for synthesised tables). */
        public Builder put(String key, ConfigValue value) {
            return put(new ConfigEntry(key, value.origin(), value));
        }

        /** The table. */
        public ConfigTable build() {
            return new ConfigTable(origin, entries);
        }
    }
}
