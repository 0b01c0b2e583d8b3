package dev.criconf.io.yaml;

import dev.criconf.io.yaml.internal.FrozenMap;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The data a YAML node stands for once tags are resolved under a {@link YamlSchema}: null, a
 * boolean, an integer, a float, a string, a sequence or a mapping. Aliases are already replaced by
 * the value of their anchor (shared, not copied), and YAML 1.1 merge keys ({@code <<}) are applied
 * where the schema has them.
 *
 * <p>Values are immutable. Mappings keep their key order; when a key occurs twice the later
 * occurrence wins, as in the kubelet's lenient decoding.
 */
public sealed interface YamlValue {

    /** The YAML null ({@code ~}, {@code null}, an empty node). */
    record NullValue() implements YamlValue {
        @Override
        public String toString() {
            return "null";
        }
    }

    /** A boolean. */
    record BoolValue(boolean value) implements YamlValue {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** An integer of any size. */
    record IntValue(BigInteger value) implements YamlValue {
        public IntValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    /** A floating point number, including {@code .inf}, {@code -.inf} and {@code .nan}. */
    record FloatValue(double value) implements YamlValue {
        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    /** A string. */
    record StringValue(String value) implements YamlValue {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return '"' + value + '"';
        }
    }

    /** A sequence, in document order. */
    record SequenceValue(List<YamlValue> items) implements YamlValue {
        public SequenceValue {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }
    }

    /** A mapping, in document order (keys are unique; a repeated key keeps its later value). */
    record MappingValue(Map<YamlValue, YamlValue> entries) implements YamlValue {
        public MappingValue {
            // the parser's frozen maps cannot change: no need to copy them
            entries = entries instanceof FrozenMap<YamlValue, YamlValue> frozen ? frozen
                    : Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** The value of a string key. */
        public Optional<YamlValue> get(String key) {
            return Optional.ofNullable(entries.get(new StringValue(key)));
        }
    }

    /** The one null value. */
    NullValue NULL = new NullValue();

    /** The null value. */
    static YamlValue ofNull() {
        return NULL;
    }

    /** A boolean. */
    static YamlValue of(boolean value) {
        return new BoolValue(value);
    }

    /** An integer. */
    static YamlValue of(long value) {
        return new IntValue(BigInteger.valueOf(value));
    }

    /** An integer. */
    static YamlValue of(BigInteger value) {
        return new IntValue(value);
    }

    /** A float. */
    static YamlValue of(double value) {
        return new FloatValue(value);
    }

    /** A string. */
    static YamlValue of(String value) {
        return new StringValue(value);
    }

    /** A sequence of the items, in order. */
    static YamlValue sequence(List<? extends YamlValue> items) {
        return new SequenceValue(new ArrayList<>(items));
    }

    /** A mapping with string keys, in the map's iteration order. */
    static YamlValue mapping(Map<String, ? extends YamlValue> entries) {
        Map<YamlValue, YamlValue> m = new LinkedHashMap<>();
        entries.forEach((k, v) -> m.put(new StringValue(k), v));
        return new MappingValue(m);
    }

    /**
     * This value as a mapping.
     *
     * @throws IllegalStateException if it is not one
     */
    default MappingValue asMapping() {
        if (this instanceof MappingValue m) {
            return m;
        }
        throw new IllegalStateException("not a mapping: " + this);
    }

    /** True for null, booleans, numbers and strings. */
    default boolean isScalar() {
        return !(this instanceof SequenceValue) && !(this instanceof MappingValue);
    }
}
