package dev.criconf.io.node.internal;

import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigFloat;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.ConfigValues;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for merging model trees; the merge rules themselves are in the component mergers. */
final class TreeMerge {

    private TreeMerge() {}

    /** Go's zero value: {@code ""}, {@code 0}, {@code 0.0}, {@code false}, an empty array or table. */
    static boolean isZero(ConfigValue v) {
        if (v instanceof ConfigString s) {
            return s.value().isEmpty();
        }
        if (v instanceof ConfigInteger i) {
            return i.value().signum() == 0;
        }
        if (v instanceof ConfigFloat f) {
            return f.value() == 0.0;
        }
        if (v instanceof ConfigBoolean b) {
            return !b.value();
        }
        if (v instanceof ConfigArray a) {
            return a.items().isEmpty();
        }
        if (v instanceof ConfigTable t) {
            return t.isEmpty();
        }
        return v.isNull();
    }

    /** The index of the last entry with exactly this key, or -1. */
    static int indexOf(List<ConfigEntry> entries, String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the last entry with exactly this key, else the last one equal ignoring case, or -1. */
    static int indexOfIgnoringCase(List<ConfigEntry> entries, String key) {
        int exact = indexOf(entries, key);
        if (exact >= 0) {
            return exact;
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).key().equalsIgnoreCase(key)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code a}'s items then {@code b}'s; with {@code dedup}, items of {@code b} already present are left out (containerd 2.x). */
    static ConfigArray append(ConfigArray a, ConfigArray b, boolean dedup) {
        List<ConfigValue> items = new ArrayList<>(a.items());
        for (ConfigValue v : b.items()) {
            if (dedup && items.stream().anyMatch(x -> ConfigValues.sameContent(x, v))) {
                continue;
            }
            items.add(v);
        }
        return new ConfigArray(a.origin(), items);
    }
}
