package dev.criconf.io.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON value without source positions: what a document means, and what edits put into one.
 * Equality is semantic: numbers compare by value ({@code 1}, {@code 1.0} and {@code 1e0} are
 * equal), objects compare as maps (member order does not matter).
 */
public sealed interface JsonData {

    /** A string. */
    record Str(String value) implements JsonData {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number, compared by numeric value. */
    record Num(BigDecimal value) implements JsonData {
        public Num {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Num n && value.compareTo(n.value) == 0;
        }

        @Override
        public int hashCode() {
            return value.stripTrailingZeros().hashCode();
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements JsonData {}

    /** {@code null}. */
    record Null() implements JsonData {}

    /** An array. */
    record Arr(List<JsonData> items) implements JsonData {
        public Arr {
            items = List.copyOf(items);
        }
    }

    /** An object; member order is kept but does not take part in equality. */
    record Obj(Map<String, JsonData> members) implements JsonData {
        public Obj {
            for (Map.Entry<String, JsonData> e : members.entrySet()) {
                Objects.requireNonNull(e.getKey(), "key");
                Objects.requireNonNull(e.getValue(), "value");
            }
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }
    }

    /** A string value. */
    static JsonData string(String value) {
        return new Str(value);
    }

    /** An integer value. */
    static JsonData number(long value) {
        return new Num(BigDecimal.valueOf(value));
    }

    /** A number, written as {@link BigDecimal#toString()} spells it (scale kept: {@code 1.50} stays {@code 1.50}). */
    static JsonData number(BigDecimal value) {
        return new Num(value);
    }

    /** {@code true} or {@code false}. */
    static JsonData bool(boolean value) {
        return new Bool(value);
    }

    /** {@code null}. */
    static JsonData nullValue() {
        return new Null();
    }

    /** An array of values. */
    static JsonData array(List<JsonData> items) {
        return new Arr(items);
    }

    /** An array of strings, e.g. {@code strings("native.cgroupdriver=systemd")} for {@code exec-opts}. */
    static JsonData strings(String... values) {
        return strings(List.of(values));
    }

    /** An array of strings. */
    static JsonData strings(List<String> values) {
        List<JsonData> items = new ArrayList<>(values.size());
        for (String v : values) {
            items.add(new Str(v));
        }
        return new Arr(items);
    }

    /** An object; members are written in the map's iteration order. */
    static JsonData object(Map<String, JsonData> members) {
        return new Obj(members);
    }

    /** Whether this is a string, number, boolean or null. */
    default boolean isScalar() {
        return !(this instanceof Arr) && !(this instanceof Obj);
    }
}
