package dev.criconf.io.codec.internal;

import dev.criconf.io.toml.TomlArray;
import dev.criconf.io.toml.TomlBoolean;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.toml.TomlFloat;
import dev.criconf.io.toml.TomlInteger;
import dev.criconf.io.toml.TomlLocalDate;
import dev.criconf.io.toml.TomlLocalDateTime;
import dev.criconf.io.toml.TomlLocalTime;
import dev.criconf.io.toml.TomlOffsetDateTime;
import dev.criconf.io.toml.TomlString;
import dev.criconf.io.toml.TomlTable;
import dev.criconf.io.toml.TomlValue;
import dev.criconf.model.Origin;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigDateTime;
import dev.criconf.model.value.ConfigFloat;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link TomlDocument}'s semantic view as a model tree: tables keep their keys in the order they
 * were first defined, every value its origin and, for scalars, the text exactly as written (quotes,
 * escapes, number notation). For a document with problems the tree holds what the parser could read.
 */
public final class TomlTrees {

    private TomlTrees() {}

    /** The document's root table as a model tree. */
    public static ConfigTable of(TomlDocument document) {
        return (ConfigTable) convert(document.root(), document.text(), 0);
    }

    private static ConfigValue convert(TomlValue value, String text, int depth) {
        // The parser bounds nesting by ParseLimits.maxDepth, so this recursion is bounded too.
        if (value instanceof TomlTable t) {
            ConfigTable.Builder b = ConfigTable.builder(t.origin());
            for (Map.Entry<String, TomlValue> e : t.entries().entrySet()) {
                TomlValue v = e.getValue();
                b.put(e.getKey(), v.keyOrigin().orElse(v.origin()), convert(v, text, depth + 1));
            }
            return b.build();
        }
        if (value instanceof TomlArray a) {
            List<ConfigValue> items = new ArrayList<>(a.size());
            for (TomlValue item : a.items()) {
                items.add(convert(item, text, depth + 1));
            }
            return new ConfigArray(a.origin(), items);
        }
        Origin o = value.origin();
        String raw = raw(text, o);
        if (value instanceof TomlString s) {
            return new ConfigString(s.value(), raw, o);
        }
        if (value instanceof TomlInteger i) {
            return new ConfigInteger(BigInteger.valueOf(i.value()), raw, o);
        }
        if (value instanceof TomlFloat f) {
            return new ConfigFloat(f.value(), raw, o);
        }
        if (value instanceof TomlBoolean b) {
            return new ConfigBoolean(b.value(), raw, o);
        }
        if (value instanceof TomlOffsetDateTime d) {
            return new ConfigDateTime(ConfigDateTime.Kind.OFFSET_DATE_TIME, d.value(), raw, o);
        }
        if (value instanceof TomlLocalDateTime d) {
            return new ConfigDateTime(ConfigDateTime.Kind.LOCAL_DATE_TIME, d.value(), raw, o);
        }
        if (value instanceof TomlLocalDate d) {
            return new ConfigDateTime(ConfigDateTime.Kind.LOCAL_DATE, d.value(), raw, o);
        }
        TomlLocalTime t = (TomlLocalTime) value;
        return new ConfigDateTime(ConfigDateTime.Kind.LOCAL_TIME, t.value(), raw, o);
    }

    static String raw(String text, Origin o) {
        int from = Math.min(o.offset(), text.length());
        int to = Math.min(o.endOffset(), text.length());
        return text.substring(from, to);
    }
}
