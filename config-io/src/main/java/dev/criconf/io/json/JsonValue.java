package dev.criconf.io.json;

import dev.criconf.model.Origin;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A value in a parsed JSON document, with the span of its text ({@link #origin()}: offset and
 * length cover the whole value, brackets and quotes included).
 */
public sealed interface JsonValue {

    /** The value's text: offset and length cover it whole, brackets and quotes included. */
    Origin origin();

    /** What the value means (for an object with a duplicate key, the last member wins, as in Go). */
    JsonData data();

    /** A short name of the kind of value, for messages: "object", "array", "string", ... */
    String kind();

    /** An object; members in source order, duplicates included. */
    record JsonObject(Origin origin, List<JsonMember> members) implements JsonValue {
        public JsonObject {
            Objects.requireNonNull(origin, "origin");
            members = List.copyOf(members);
        }

        /** The member that counts for a key: the last one, as Go's encoding/json (and so dockerd) decides. */
        public Optional<JsonMember> member(String key) {
            for (int i = members.size() - 1; i >= 0; i--) {
                if (members.get(i).key().equals(key)) {
                    return Optional.of(members.get(i));
                }
            }
            return Optional.empty();
        }

        /** The value of the member that counts for a key (the last one). */
        public Optional<JsonValue> get(String key) {
            return member(key).map(JsonMember::value);
        }

        @Override
        public JsonData data() {
            Map<String, JsonData> m = new LinkedHashMap<>();
            for (JsonMember member : members) {
                m.put(member.key(), member.value().data());
            }
            return new JsonData.Obj(m);
        }

        @Override
        public String kind() {
            return "object";
        }
    }

    /** An array. */
    record JsonArray(Origin origin, List<JsonValue> items) implements JsonValue {
        public JsonArray {
            Objects.requireNonNull(origin, "origin");
            items = List.copyOf(items);
        }

        @Override
        public JsonData data() {
            List<JsonData> l = new ArrayList<>(items.size());
            for (JsonValue v : items) {
                l.add(v.data());
            }
            return new JsonData.Arr(l);
        }

        @Override
        public String kind() {
            return "array";
        }
    }

    /** A string, with escapes resolved. */
    record JsonString(Origin origin, String value) implements JsonValue {
        public JsonString {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public JsonData data() {
            return new JsonData.Str(value);
        }

        @Override
        public String kind() {
            return "string";
        }
    }

    /** A number, kept as written. */
    record JsonNumber(Origin origin, String raw) implements JsonValue {
        public JsonNumber {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(raw, "raw");
        }

        /** The exact value of the number as written. */
        public BigDecimal decimal() {
            return new BigDecimal(raw);
        }

        @Override
        public JsonData data() {
            return new JsonData.Num(decimal());
        }

        @Override
        public String kind() {
            return "number";
        }
    }

    /** {@code true} or {@code false}. */
    record JsonBoolean(Origin origin, boolean value) implements JsonValue {
        public JsonBoolean {
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public JsonData data() {
            return new JsonData.Bool(value);
        }

        @Override
        public String kind() {
            return "boolean";
        }
    }

    /** {@code null}. */
    record JsonNull(Origin origin) implements JsonValue {
        public JsonNull {
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public JsonData data() {
            return new JsonData.Null();
        }

        @Override
        public String kind() {
            return "null";
        }
    }

    /**
     * An object member.
     *
     * @param key       the key with escapes resolved
     * @param keyOrigin the key's span, quotes included
     * @param value     the value
     */
    record JsonMember(String key, Origin keyOrigin, JsonValue value) {
        public JsonMember {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyOrigin, "keyOrigin");
            Objects.requireNonNull(value, "value");
        }
    }
}
