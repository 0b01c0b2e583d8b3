package dev.criconf.testing;

import dev.criconf.model.Origin;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigFloat;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigNull;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.KeyPath;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link ConfigTable}s for tests without a parser: {@code tree("f.toml", "a.b", 1, "a.c", "x")}.
 * Keys use {@link KeyPath#parse} syntax ({@code plugins."io.containerd.grpc.v1.cri".sandbox_image});
 * values are {@code String}, {@code Boolean}, {@code Integer}/{@code Long}, {@code Double},
 * {@code List} (of such values), {@link ConfigValue}, or {@link #NULL}. The n-th key/value pair is
 * placed on line n of the file, so origins are distinct and predictable: the value at column 10.
 */
public final class TestTrees {

    /** Stands for a YAML/JSON null. */
    public static final Object NULL = new Object();

    private TestTrees() {}

    /** The origin of the n-th pair's value. */
    public static Origin valueAt(String file, int line) {
        return new Origin(file, line, 10, line * 100 + 9, 1);
    }

    /** The origin of the n-th pair's key. */
    public static Origin keyAt(String file, int line) {
        return new Origin(file, line, 1, line * 100, 1);
    }

    /** A table from key paths and values. */
    public static ConfigTable tree(String file, Object... pathsAndValues) {
        if (pathsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("pairs of key path and value expected");
        }
        Node root = new Node(new Origin(file, 1, 1, 0, 0));
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            int line = i / 2 + 1;
            List<String> keys = KeyPath.parse((String) pathsAndValues[i]).orElseThrow().keys().orElseThrow();
            Node n = root;
            for (int k = 0; k < keys.size() - 1; k++) {
                n = n.child(keys.get(k), keyAt(file, line));
            }
            n.entries.put(keys.get(keys.size() - 1), new Object[] {keyAt(file, line), value(pathsAndValues[i + 1], valueAt(file, line))});
        }
        return root.build();
    }

    /** A value at an origin. */
    public static ConfigValue value(Object v, Origin at) {
        if (v == NULL) {
            return new ConfigNull("null", at);
        }
        if (v instanceof ConfigValue c) {
            return c;
        }
        if (v instanceof String s) {
            return new ConfigString(s, "\"" + s + "\"", at);
        }
        if (v instanceof Boolean b) {
            return ConfigBoolean.of(b, at);
        }
        if (v instanceof Integer || v instanceof Long) {
            return new ConfigInteger(BigInteger.valueOf(((Number) v).longValue()), v.toString(), at);
        }
        if (v instanceof Double d) {
            return new ConfigFloat(d, d.toString(), at);
        }
        if (v instanceof List<?> l) {
            List<ConfigValue> items = new ArrayList<>();
            for (Object o : l) {
                items.add(value(o, at));
            }
            return new ConfigArray(at, items);
        }
        throw new IllegalArgumentException("unsupported value " + v);
    }

    private static final class Node {
        final Origin origin;
        final Map<String, Object[]> entries = new LinkedHashMap<>();

        Node(Origin origin) {
            this.origin = origin;
        }

        Node child(String key, Origin at) {
            Object[] e = entries.get(key);
            if (e == null) {
                Node n = new Node(at);
                entries.put(key, new Object[] {at, n});
                return n;
            }
            if (!(e[1] instanceof Node n)) {
                throw new IllegalArgumentException(key + " is not a table");
            }
            return n;
        }

        ConfigTable build() {
            ConfigTable.Builder b = ConfigTable.builder(origin);
            for (Map.Entry<String, Object[]> e : entries.entrySet()) {
                Object v = e.getValue()[1];
                b.put(e.getKey(), (Origin) e.getValue()[0], v instanceof Node n ? n.build() : (ConfigValue) v);
            }
            return b.build();
        }
    }
}
