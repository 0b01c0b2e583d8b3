package dev.criconf.io.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The address of a value in a JSON document: object keys and array indexes from the root.
 * {@code JsonPath.of("log-opts", "max-size")}, {@code JsonPath.of("exec-opts").index(0)}.
 */
public record JsonPath(List<Segment> segments) {

    /** One step. */
    public sealed interface Segment {}

    /** An object member, by key. */
    public record Key(String name) implements Segment {
        public Key {
            Objects.requireNonNull(name, "name");
        }
    }

    /** An array element, by 0-based index. */
    public record Index(int index) implements Segment {
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("negative index " + index);
            }
        }
    }

    public JsonPath {
        segments = List.copyOf(segments);
    }

    /** The root value. */
    public static JsonPath root() {
        return new JsonPath(List.of());
    }

    /** A path of object keys. */
    public static JsonPath of(String... keys) {
        List<Segment> s = new ArrayList<>(keys.length);
        for (String k : keys) {
            s.add(new Key(k));
        }
        return new JsonPath(s);
    }

    /** This path followed by an object key. */
    public JsonPath key(String name) {
        return append(new Key(name));
    }

    /** This path followed by an array index. */
    public JsonPath index(int index) {
        return append(new Index(index));
    }

    /** Whether this is the path of the root value. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The number of segments. */
    public int size() {
        return segments.size();
    }

    /** The first {@code n} segments. */
    public JsonPath prefix(int n) {
        return new JsonPath(segments.subList(0, n));
    }

    private JsonPath append(Segment s) {
        List<Segment> l = new ArrayList<>(segments);
        l.add(s);
        return new JsonPath(l);
    }

    /** The path as a JSON Pointer (RFC 6901), e.g. {@code /log-opts/max-size}; the root is {@code ""}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            sb.append('/');
            if (s instanceof Key k) {
                sb.append(k.name().replace("~", "~0").replace("/", "~1"));
            } else {
                sb.append(((Index) s).index());
            }
        }
        return sb.toString();
    }
}
