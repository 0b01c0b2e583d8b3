package dev.criconf.model.internal;

import dev.criconf.model.MapSetting;
import dev.criconf.model.Setting;
import dev.criconf.model.Source;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads from trees for the component views: a value is returned only when it has the
 * expected type (type errors are the views' {@code typeMismatches()}), with the value's origin as
 * its source.
 */
public final class Trees {

    private Trees() {}

    /** How keys are matched against a component's field names. */
    public enum Match {
        /** Exact, case-sensitive (kubelet, Docker, containerd 1.x for most keys). */
        EXACT,
        /** Exact first, else ignoring case (CRI-O's BurntSushi/toml, containerd 2.x's go-toml v2). */
        EXACT_THEN_IGNORE_CASE
    }

    /** The value at a key path. */
    public static Optional<ConfigValue> find(ConfigTable t, Match m, List<String> path) {
        return entry(t, m, path).map(ConfigEntry::value);
    }

    /** The entry at a key path. */
    public static Optional<ConfigEntry> entry(ConfigTable t, Match m, List<String> path) {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        ConfigTable current = t;
        for (int i = 0; i < path.size(); i++) {
            Optional<ConfigEntry> e = m == Match.EXACT ? current.entry(path.get(i)) : current.entryIgnoringCase(path.get(i));
            if (e.isEmpty()) {
                return Optional.empty();
            }
            if (i == path.size() - 1) {
                return e;
            }
            Optional<ConfigTable> next = e.get().value().asTable();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.empty();
    }

    /** The table at a key path. */
    public static Optional<ConfigTable> table(ConfigTable t, Match m, List<String> path) {
        return path.isEmpty() ? Optional.of(t) : find(t, m, path).flatMap(ConfigValue::asTable);
    }

    /** A string at a key path. */
    public static Optional<Setting<String>> string(ConfigTable t, Match m, List<String> path) {
        return find(t, m, path).flatMap(v -> v.asString().map(s -> Setting.inFile(s, v.origin())));
    }

    /** A boolean at a key path. */
    public static Optional<Setting<Boolean>> bool(ConfigTable t, Match m, List<String> path) {
        return find(t, m, path).flatMap(v -> v.asBoolean().map(b -> Setting.inFile(b, v.origin())));
    }

    /** An integer (fitting a long) at a key path. */
    public static Optional<Setting<Long>> integer(ConfigTable t, Match m, List<String> path) {
        return find(t, m, path).flatMap(v -> v.asLong().map(l -> Setting.inFile(l, v.origin())));
    }

    /** The string elements of an array at a key path, each with its own origin; empty when absent or not an array. */
    public static List<Setting<String>> strings(ConfigTable t, Match m, List<String> path) {
        List<Setting<String>> out = new ArrayList<>();
        find(t, m, path).flatMap(ConfigValue::asArray).ifPresent(a -> {
            for (ConfigValue v : a.items()) {
                v.asString().ifPresent(s -> out.add(Setting.inFile(s, v.origin())));
            }
        });
        return List.copyOf(out);
    }

    /** An array of strings at a key path as one setting (present only when every element is a string). */
    public static Optional<Setting<List<String>>> stringList(ConfigTable t, Match m, List<String> path) {
        return find(t, m, path).flatMap(ConfigValue::asArray)
                .flatMap(a -> a.asStrings().map(l -> Setting.inFile(l, a.origin())));
    }

    /** A table of strings at a key path; entries whose value is not a string are left out. */
    public static Optional<MapSetting<String>> stringMap(ConfigTable t, Match m, List<String> path) {
        return table(t, m, path).filter(x -> !path.isEmpty()).map(tab -> {
            Map<String, Setting<String>> out = new LinkedHashMap<>();
            for (ConfigEntry e : tab.entries()) {
                e.value().asString().ifPresent(s -> out.put(e.key(), Setting.inFile(s, e.value().origin())));
            }
            return new MapSetting<>(new Source.InFile(tab.origin()), out);
        });
    }

    /** A table of booleans at a key path; entries whose value is not a boolean are left out. */
    public static Optional<MapSetting<Boolean>> boolMap(ConfigTable t, Match m, List<String> path) {
        return table(t, m, path).filter(x -> !path.isEmpty()).map(tab -> {
            Map<String, Setting<Boolean>> out = new LinkedHashMap<>();
            for (ConfigEntry e : tab.entries()) {
                e.value().asBoolean().ifPresent(b -> out.put(e.key(), Setting.inFile(b, e.value().origin())));
            }
            return new MapSetting<>(new Source.InFile(tab.origin()), out);
        });
    }

    /** The raw value at a key path as a setting. */
    public static Optional<Setting<ConfigValue>> raw(ConfigTable t, Match m, List<String> path) {
        return find(t, m, path).map(v -> Setting.inFile(v, v.origin()));
    }

    /** The sub-tables of the table at a key path, by key, in order (non-table values are left out). */
    public static Map<String, ConfigEntry> subTables(ConfigTable t, Match m, List<String> path) {
        Map<String, ConfigEntry> out = new LinkedHashMap<>();
        table(t, m, path).ifPresent(tab -> {
            for (ConfigEntry e : tab.entries()) {
                if (e.value() instanceof ConfigTable) {
                    out.put(e.key(), e);
                }
            }
        });
        return out;
    }

    /** Whether the value is an array. */
    public static boolean isArray(ConfigValue v) {
        return v instanceof ConfigArray;
    }
}
