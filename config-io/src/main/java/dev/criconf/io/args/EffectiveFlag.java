package dev.criconf.io.args;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value a program ends up with for one flag, after combining its occurrences the way the
 * flag's type does.
 *
 * @param name            canonical name
 * @param kind            how occurrences combined
 * @param occurrences     every occurrence, in order
 * @param value           the last occurrence's value (for scalars: the value in effect)
 * @param items           for {@link FlagKind#STRING_SLICE} and {@link FlagKind#REPEATED}: the items in effect
 * @param entries         for map kinds: each key's value and the occurrence that set it, in first-set order
 * @param replacesDefault whether setting the flag replaces the whole default (or config-file) value
 *                        rather than adding to it ({@code MapStringString}/{@code MapStringBool} clear
 *                        the map on the first {@code Set}; {@code ConfigurationMap} does not)
 */
public record EffectiveFlag(String name, FlagKind kind, List<FlagOccurrence> occurrences, String value,
        List<String> items, Map<String, Entry> entries, boolean replacesDefault) {

    /** One key of a map flag. */
    public record Entry(String key, String value, FlagOccurrence setBy) {
        /** Checks that nothing is null. */
        public Entry {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
            Objects.requireNonNull(setBy);
        }
    }

    /** Checks that nothing is null and copies the collections. */
    public EffectiveFlag {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        occurrences = List.copyOf(occurrences);
        Objects.requireNonNull(value);
        items = List.copyOf(items);
        entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }

    /** The occurrence whose value is in effect for a scalar (the last one). */
    public FlagOccurrence last() {
        return occurrences.get(occurrences.size() - 1);
    }
}
