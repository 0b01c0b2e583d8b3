package dev.criconf.io.toml.internal;

import dev.criconf.io.toml.internal.TomlTree.Entry;
import dev.criconf.io.toml.internal.TomlTree.InlineTable;
import dev.criconf.io.toml.internal.TomlTree.Scalar;
import dev.criconf.io.toml.internal.TomlTree.ScalarKind;
import dev.criconf.io.toml.internal.TomlTree.Table;
import dev.criconf.io.toml.internal.TomlTree.TableArray;
import dev.criconf.io.toml.internal.TomlTree.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plain Java value of a parse tree ({@code toJava()} forms) straight from the tree, without the
 * typed view: what an edit needs to check its result and what {@code TomlDocument.toJava()} caches.
 */
public final class TomlJava {

    private final char[] s;

    private TomlJava(char[] s) {
        this.s = s;
    }

    /**
     * The document value of a parse result: unmodifiable insertion-ordered maps and unmodifiable
     * lists, equal to what the typed view's {@code toJava()} gives.
     */
    public static Map<String, Object> of(TomlParser.Result result) {
        return new TomlJava(result.chars).table(result.root);
    }

    /**
     * Whether a parse result reads back as exactly this document value (map equality: key order
     * does not matter), without building the result's own value.
     */
    public static boolean matches(Map<String, Object> expected, TomlParser.Result result) {
        return new TomlJava(result.chars).matchesTable(expected, result.root);
    }

    // ---------------------------------------------------------------- building

    private Map<String, Object> table(Table t) {
        Map<String, Object> out = new LinkedHashMap<>(Math.max(4, t.entries.size() * 4 / 3 + 1));
        for (Entry e : t.entries.values()) {
            out.put(e.name, node(e.node));
        }
        return Collections.unmodifiableMap(out);
    }

    private Object node(Object node) {
        if (node instanceof Table) {
            return table((Table) node);
        }
        if (node instanceof TableArray) {
            List<Table> elements = ((TableArray) node).elements;
            List<Object> items = new ArrayList<>(elements.size());
            for (Table element : elements) {
                items.add(table(element));
            }
            return Collections.unmodifiableList(items);
        }
        return value((Value) node);
    }

    private Object value(Value v) {
        if (v instanceof InlineTable) {
            return table(((InlineTable) v).table);
        }
        if (v instanceof TomlTree.Array) {
            List<Value> raw = ((TomlTree.Array) v).items;
            List<Object> items = new ArrayList<>(raw.size());
            for (Value item : raw) {
                items.add(value(item));
            }
            return Collections.unmodifiableList(items);
        }
        return ScalarDecoder.decode(s, (Scalar) v);
    }

    // ---------------------------------------------------------------- comparing

    @SuppressWarnings("unchecked")
    private boolean matchesTable(Object expected, Table t) {
        if (!(expected instanceof Map)) {
            return false;
        }
        Map<String, Object> map = (Map<String, Object>) expected;
        if (map.size() != t.entries.size()) {
            return false;
        }
        // Same size and every actual key present with an equal value: the key sets are equal.
        // Both sides are usually in the same order, so walk them together and only look a key up
        // where the orders part.
        Iterator<Map.Entry<String, Object>> walk = map.entrySet().iterator();
        for (Entry e : t.entries.values()) {
            Object ev;
            Map.Entry<String, Object> next = walk.hasNext() ? walk.next() : null;
            if (next != null && next.getKey().equals(e.name)) {
                ev = next.getValue();
            } else {
                ev = map.get(e.name);
                if (ev == null) {
                    return false;
                }
            }
            if (!matchesNode(ev, e.node)) {
                return false;
            }
        }
        return true;
    }

    private boolean matchesNode(Object expected, Object node) {
        if (node instanceof Table) {
            return matchesTable(expected, (Table) node);
        }
        if (node instanceof TableArray) {
            List<Table> elements = ((TableArray) node).elements;
            if (!(expected instanceof List) || ((List<?>) expected).size() != elements.size()) {
                return false;
            }
            Iterator<?> items = ((List<?>) expected).iterator();
            for (Table element : elements) {
                if (!matchesTable(items.next(), element)) {
                    return false;
                }
            }
            return true;
        }
        return matchesValue(expected, (Value) node);
    }

    private boolean matchesValue(Object expected, Value v) {
        if (v instanceof InlineTable) {
            return matchesTable(expected, ((InlineTable) v).table);
        }
        if (v instanceof TomlTree.Array) {
            List<Value> raw = ((TomlTree.Array) v).items;
            if (!(expected instanceof List) || ((List<?>) expected).size() != raw.size()) {
                return false;
            }
            Iterator<?> items = ((List<?>) expected).iterator();
            for (Value item : raw) {
                if (!matchesValue(items.next(), item)) {
                    return false;
                }
            }
            return true;
        }
        Scalar sc = (Scalar) v;
        if (sc.kind == ScalarKind.LITERAL_STRING || sc.kind == ScalarKind.BASIC_STRING && !sc.escapes) {
            // The text between the quotes is the value: compare in place instead of decoding.
            return expected instanceof String && sameChars((String) expected, sc.start + 1, sc.end - 1);
        }
        if (sc.kind == ScalarKind.INTEGER) {
            return expected instanceof Long && (Long) expected == sc.longValue;
        }
        if (sc.kind == ScalarKind.BOOLEAN) {
            return expected instanceof Boolean && (Boolean) expected == (sc.longValue != 0);
        }
        return Objects.equals(expected, ScalarDecoder.decode(s, sc));
    }

    private boolean sameChars(String expected, int from, int to) {
        if (expected.length() != to - from) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if (expected.charAt(i) != s[from + i]) {
                return false;
            }
        }
        return true;
    }
}
