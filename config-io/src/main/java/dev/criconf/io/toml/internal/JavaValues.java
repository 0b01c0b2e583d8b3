package dev.criconf.io.toml.internal;

import dev.criconf.io.EditException;
import dev.criconf.io.toml.TomlPath;
import dev.criconf.io.toml.TomlValue;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Plain Java document values (the {@code toJava()} forms): normalising what callers pass to edits,
 * and applying an edit to a copy so the re-parsed result can be compared with the intended one.
 */
final class JavaValues {

    private JavaValues() {}

    /** The canonical form of a value an edit may write; throws for anything TOML cannot hold. */
    static Object normalize(Object v) {
        if (v == null) {
            throw new EditException("TOML has no null; remove the key instead");
        }
        if (v instanceof TomlValue) {
            return normalize(((TomlValue) v).toJava());
        }
        if (v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double
                || v instanceof OffsetDateTime || v instanceof LocalDateTime || v instanceof LocalDate
                || v instanceof LocalTime) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float) {
            return ((Float) v).doubleValue();
        }
        if (v instanceof BigInteger) {
            BigInteger b = (BigInteger) v;
            if (b.bitLength() >= 64) {
                throw new EditException("TOML integers are 64-bit; " + b + " does not fit");
            }
            return b.longValue();
        }
        if (v instanceof CharSequence) {
            return v.toString();
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object item : (List<?>) v) {
                out.add(normalize(item));
            }
            return out;
        }
        if (v instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new EditException("TOML keys are strings, not " + e.getKey());
                }
                out.put((String) e.getKey(), normalize(e.getValue()));
            }
            return out;
        }
        throw new EditException("cannot write a " + v.getClass().getName() + " as TOML");
    }

    /**
     * A copy of a document value that an edit along {@code path} may change in place: the root and
     * every map and list the path goes through (including what it ends at) are fresh mutable
     * copies; everything beside the path is shared with {@code root}, which is left as it was.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copyAlong(Map<String, Object> root, TomlPath path) {
        Map<String, Object> top = new LinkedHashMap<>(root);
        Object cur = top;
        for (TomlPath.Segment seg : path.segments()) {
            Object child;
            if (seg instanceof TomlPath.Key) {
                if (!(cur instanceof Map)) {
                    break;
                }
                child = ((Map<String, Object>) cur).get(((TomlPath.Key) seg).name());
            } else {
                int i = ((TomlPath.Index) seg).index();
                if (!(cur instanceof List) || i >= ((List<Object>) cur).size()) {
                    break;
                }
                child = ((List<Object>) cur).get(i);
            }
            Object copy;
            if (child instanceof Map) {
                copy = new LinkedHashMap<>((Map<String, Object>) child);
            } else if (child instanceof List) {
                copy = new ArrayList<>((List<Object>) child);
            } else {
                break;
            }
            if (seg instanceof TomlPath.Key) {
                ((Map<String, Object>) cur).put(((TomlPath.Key) seg).name(), copy);
            } else {
                ((List<Object>) cur).set(((TomlPath.Index) seg).index(), copy);
            }
            cur = copy;
        }
        return top;
    }

    /** The value at a path, or null. */
    @SuppressWarnings("unchecked")
    static Object get(Object root, TomlPath path) {
        Object cur = root;
        for (TomlPath.Segment seg : path.segments()) {
            if (seg instanceof TomlPath.Key) {
                if (!(cur instanceof Map)) {
                    return null;
                }
                cur = ((Map<String, Object>) cur).get(((TomlPath.Key) seg).name());
            } else {
                int i = ((TomlPath.Index) seg).index();
                if (!(cur instanceof List) || i >= ((List<Object>) cur).size()) {
                    return null;
                }
                cur = ((List<Object>) cur).get(i);
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    /** Sets a value, creating missing tables on the way. */
    @SuppressWarnings("unchecked")
    static void set(Map<String, Object> root, TomlPath path, Object value) {
        Object cur = root;
        List<TomlPath.Segment> segs = path.segments();
        for (int i = 0; i < segs.size(); i++) {
            TomlPath.Segment seg = segs.get(i);
            boolean last = i == segs.size() - 1;
            if (seg instanceof TomlPath.Key) {
                Map<String, Object> map = (Map<String, Object>) cur;
                String name = ((TomlPath.Key) seg).name();
                if (last) {
                    map.put(name, value);
                    return;
                }
                cur = map.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
            } else {
                List<Object> list = (List<Object>) cur;
                int index = ((TomlPath.Index) seg).index();
                if (last) {
                    list.set(index, value);
                    return;
                }
                cur = list.get(index);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static void remove(Map<String, Object> root, TomlPath path) {
        Object parent = get(root, path.parent());
        TomlPath.Segment seg = path.segments().get(path.size() - 1);
        if (seg instanceof TomlPath.Key) {
            ((Map<String, Object>) parent).remove(((TomlPath.Key) seg).name());
        } else {
            ((List<Object>) parent).remove(((TomlPath.Index) seg).index());
        }
    }

    @SuppressWarnings("unchecked")
    static void append(Map<String, Object> root, TomlPath path, Object value) {
        ((List<Object>) get(root, path)).add(value);
    }

    /** Where two document values first differ, as {@code path: what}; empty when they are equal. */
    static Optional<String> firstDifference(Object expected, Object actual) {
        // Almost always there is none: one equals() pass says so without building a path per key.
        if (Objects.equals(expected, actual)) {
            return Optional.empty();
        }
        return difference(expected, actual, TomlPath.root());
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> difference(Object expected, Object actual, TomlPath at) {
        if (expected instanceof Map && actual instanceof Map) {
            Map<String, Object> e = (Map<String, Object>) expected;
            Map<String, Object> a = (Map<String, Object>) actual;
            for (Map.Entry<String, Object> entry : e.entrySet()) {
                TomlPath p = at.key(entry.getKey());
                if (!a.containsKey(entry.getKey())) {
                    return Optional.of("`" + p + "`: the key is missing");
                }
                Optional<String> d = difference(entry.getValue(), a.get(entry.getKey()), p);
                if (d.isPresent()) {
                    return d;
                }
            }
            for (String key : a.keySet()) {
                if (!e.containsKey(key)) {
                    return Optional.of("`" + at.key(key) + "`: an unexpected key appeared");
                }
            }
            return Optional.empty();
        }
        if (expected instanceof List && actual instanceof List) {
            List<Object> e = (List<Object>) expected;
            List<Object> a = (List<Object>) actual;
            if (e.size() != a.size()) {
                return Optional.of("`" + at + "`: expected " + e.size() + " items, found " + a.size());
            }
            Iterator<Object> ai = a.iterator();
            int i = 0;
            for (Object item : e) {
                Optional<String> d = difference(item, ai.next(), at.index(i++));
                if (d.isPresent()) {
                    return d;
                }
            }
            return Optional.empty();
        }
        if (Objects.equals(expected, actual)) {
            return Optional.empty();
        }
        return Optional.of("`" + at + "`: expected " + expected + ", found " + actual);
    }
}
