package dev.criconf.model.internal;

import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigNull;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.KeyPath;
import dev.criconf.model.value.TypeMismatch;
import dev.criconf.model.value.UnknownKey;
import dev.criconf.model.value.ValueType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What keys and value types a component accepts, for finding unknown keys and type mismatches.
 * A schema only describes what criconf knows; parts it does not describe are {@link Any} and never
 * reported.
 */
public sealed interface KeySchema permits KeySchema.Leaf, KeySchema.Table, KeySchema.Any, KeySchema.ListOf {

    /** A scalar or opaque value of one of the given types. */
    record Leaf(Set<ValueType> accepted) implements KeySchema {}

    /** An array whose elements follow a schema. */
    record ListOf(KeySchema element) implements KeySchema {}

    /**
     * A table with known fields; {@code entries}, when present, describes every key not in
     * {@code fields} (a map such as {@code runtimes}); without it unknown keys are reported.
     */
    record Table(Map<String, KeySchema> fields, Optional<KeySchema> entries, Map<String, String> lowerCaseFields)
            implements KeySchema {

        /**
         * A table; {@code lowerCaseFields} (each field by its lower-case name, first one wins) is
         * derived once here rather than on every check of every table.
         */
        public Table(Map<String, KeySchema> fields, Optional<KeySchema> entries) {
            this(fields, entries, lowerCase(fields));
        }

        private static Map<String, String> lowerCase(Map<String, KeySchema> fields) {
            Map<String, String> lower = new LinkedHashMap<>();
            for (String k : fields.keySet()) {
                lower.putIfAbsent(k.toLowerCase(Locale.ROOT), k);
            }
            return java.util.Collections.unmodifiableMap(lower);
        }

        /** A table whose keys are all known fields. */
        public static Table of(Map<String, KeySchema> fields) {
            return new Table(fields, Optional.empty());
        }

        /** A map: every key allowed, every value following {@code entries}. */
        public static Table mapOf(KeySchema entries) {
            return new Table(Map.of(), Optional.of(entries));
        }
    }

    /** Anything: criconf does not check this part. */
    record Any() implements KeySchema {}

    /** A leaf accepting one type. */
    static KeySchema leaf(ValueType type) {
        return new Leaf(Set.of(type));
    }

    /** Collected results. */
    record Result(List<UnknownKey> unknownKeys, List<TypeMismatch> typeMismatches) {}

    /**
     * Checks a tree. With {@code ignoreCase} a key that matches a field only ignoring case is
     * accepted (the component reads it); otherwise it is reported with the field as suggestion.
     */
    static Result check(ConfigValue root, KeySchema schema, boolean ignoreCase) {
        List<UnknownKey> unknown = new java.util.ArrayList<>();
        List<TypeMismatch> mismatches = new java.util.ArrayList<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, schema, null});
        while (!stack.isEmpty()) {
            Object[] item = stack.pop();
            ConfigValue v = (ConfigValue) item[0];
            KeySchema s = (KeySchema) item[1];
            PathStep path = (PathStep) item[2];
            if (v instanceof ConfigNull || s instanceof Any) {
                continue;
            }
            if (s instanceof Leaf leaf) {
                if (!leaf.accepted().contains(v.type())) {
                    mismatches.add(new TypeMismatch(PathStep.toPath(path), leaf.accepted(), v));
                }
            } else if (s instanceof ListOf list) {
                if (!(v instanceof ConfigArray a)) {
                    mismatches.add(new TypeMismatch(PathStep.toPath(path), Set.of(ValueType.ARRAY), v));
                } else {
                    for (int i = a.size() - 1; i >= 0; i--) {
                        stack.push(new Object[] {a.items().get(i), list.element(), new PathStep(path, null, i)});
                    }
                }
            } else {
                Table table = (Table) s;
                if (!(v instanceof ConfigTable t)) {
                    mismatches.add(new TypeMismatch(PathStep.toPath(path), Set.of(ValueType.TABLE), v));
                    continue;
                }
                Map<String, String> lower = table.lowerCaseFields();
                List<ConfigEntry> es = t.entries();
                for (int i = es.size() - 1; i >= 0; i--) {
                    ConfigEntry e = es.get(i);
                    PathStep child = new PathStep(path, e.key(), 0);
                    KeySchema field = table.fields().get(e.key());
                    if (field == null) {
                        // the case-folded name is needed to accept a key (ignoreCase) or to suggest one,
                        // not for the keys of a map (entries), the most common unlisted keys
                        String folded = ignoreCase || table.entries().isEmpty()
                                ? lower.get(e.key().toLowerCase(Locale.ROOT)) : null;
                        if (folded != null && ignoreCase) {
                            field = table.fields().get(folded);
                        } else if (table.entries().isPresent()) {
                            field = table.entries().get();
                        } else {
                            unknown.add(new UnknownKey(PathStep.toPath(child), e.keyOrigin(),
                                    Optional.ofNullable(folded).or(() -> closest(e.key(), table.fields().keySet()))));
                            continue;
                        }
                    }
                    stack.push(new Object[] {e.value(), field, child});
                }
            }
        }
        unknown.sort(java.util.Comparator.comparingInt(u -> u.origin().offset()));
        return new Result(List.copyOf(unknown), List.copyOf(mismatches));
    }

    /** The known name within two edits of {@code key} (case-insensitive), if exactly one is closest. */
    static Optional<String> closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        String k = key.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            int d = Strings.editDistance(k, candidate.toLowerCase(Locale.ROOT), bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }
}
