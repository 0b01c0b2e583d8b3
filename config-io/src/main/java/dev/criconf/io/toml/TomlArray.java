package dev.criconf.io.toml;

import dev.criconf.model.Origin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A TOML array: an array value {@code [ ... ]}, or an array of tables ({@code [[name]]} sections).
 *
 * @param items          the items in order
 * @param arrayOfTables  whether it was written as {@code [[name]]} sections
 * @param origin         the brackets of an array value; the first {@code [[name]]} header of an array of tables
 * @param keyOrigin      where its key is written, if it has one
 */
public record TomlArray(List<TomlValue> items, boolean arrayOfTables, Origin origin, Optional<Origin> keyOrigin)
        implements TomlValue {

    /** Checks that no component is null. */
    public TomlArray {
        items = List.copyOf(items);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(keyOrigin, "keyOrigin");
    }

    /** The number of items. */
    public int size() {
        return items.size();
    }

    /** The item at an index (from 0). */
    public TomlValue get(int index) {
        return items.get(index);
    }

    @Override
    public List<Object> toJava() {
        List<Object> out = new ArrayList<>(items.size());
        for (TomlValue v : items) {
            out.add(v.toJava());
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String typeName() {
        return arrayOfTables ? "array of tables" : "array";
    }
}
