package dev.criconf.io.codec.internal;

import dev.criconf.io.json.JsonDocument;
import dev.criconf.io.json.JsonValue;
import dev.criconf.model.Origin;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigFloat;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigNull;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link JsonDocument} as a model tree. Objects keep every member in file order, duplicates
 * included (lookups take the last, as Go's encoding/json does); numbers without a fraction or
 * exponent are integers of any size, the others floats; scalars keep their text as written.
 */
public final class JsonTrees {

    private JsonTrees() {}

    /** The document's value as a model tree; empty for an empty file or one that did not parse. */
    public static Optional<ConfigValue> of(JsonDocument document) {
        return document.root().map(v -> convert(v, document.text()));
    }

    private static ConfigValue convert(JsonValue value, String text) {
        // The parser bounds nesting by ParseLimits.maxDepth, so this recursion is bounded too.
        Origin o = value.origin();
        if (value instanceof JsonValue.JsonObject obj) {
            ConfigTable.Builder b = ConfigTable.builder(o);
            for (JsonValue.JsonMember m : obj.members()) {
                b.put(m.key(), m.keyOrigin(), convert(m.value(), text));
            }
            return b.build();
        }
        if (value instanceof JsonValue.JsonArray arr) {
            List<ConfigValue> items = new ArrayList<>(arr.items().size());
            for (JsonValue item : arr.items()) {
                items.add(convert(item, text));
            }
            return new ConfigArray(o, items);
        }
        String raw = TomlTrees.raw(text, o);
        if (value instanceof JsonValue.JsonString s) {
            return new ConfigString(s.value(), raw, o);
        }
        if (value instanceof JsonValue.JsonNumber n) {
            String r = n.raw();
            if (r.indexOf('.') < 0 && r.indexOf('e') < 0 && r.indexOf('E') < 0) {
                return new ConfigInteger(new java.math.BigInteger(r), raw, o);
            }
            BigDecimal d = n.decimal();
            return new ConfigFloat(d.doubleValue(), raw, o);
        }
        if (value instanceof JsonValue.JsonBoolean b) {
            return new ConfigBoolean(b.value(), raw, o);
        }
        return new ConfigNull(raw, o);
    }
}
