package dev.criconf.model.value;

import dev.criconf.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An array (TOML array or array of tables, YAML sequence, JSON array).
 *
 * @param origin where it starts (the {@code [} or the first {@code -}; for a TOML array of
 *               tables, the first {@code [[header]]})
 * @param items  the elements in file order
 */
public record ConfigArray(Origin origin, List<ConfigValue> items) implements ConfigValue {

    /** Rejects nulls and copies the list. */
    public ConfigArray {
        Objects.requireNonNull(origin, "origin");
        items = List.copyOf(items);
    }

    @Override
    public ValueType type() {
        return ValueType.ARRAY;
    }

    /** The number of elements. */
    public int size() {
        return items.size();
    }

    /** The element at {@code index}, when there is one. */
    public Optional<ConfigValue> get(int index) {
        return index >= 0 && index < items.size() ? Optional.of(items.get(index)) : Optional.empty();
    }

    /** The string elements, in order, when every element is a string; otherwise empty. */
    public Optional<List<String>> asStrings() {
        List<String> out = new ArrayList<>(items.size());
        for (ConfigValue v : items) {
            Optional<String> s = v.asString();
            if (s.isEmpty()) {
                return Optional.empty();
            }
            out.add(s.get());
        }
        return Optional.of(List.copyOf(out));
    }
}
