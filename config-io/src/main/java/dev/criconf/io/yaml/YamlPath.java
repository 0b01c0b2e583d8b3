package dev.criconf.io.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path from a document's root to a node: mapping keys (matched against a scalar key's text)
 * and sequence indexes. {@code YamlPath.of("nodeRegistration", "kubeletExtraArgs", 0)}.
 */
public final class YamlPath {

    /** One step of a path. */
    public sealed interface Segment permits Key, Index {}

    /** A mapping key, compared with the text of scalar keys ({@code 1:} is the key {@code "1"}). */
    public record Key(String name) implements Segment {
        /** The name may not be null. */
        public Key {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A 0-based sequence index. */
    public record Index(int index) implements Segment {
        /** The index may not be negative. */
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("negative index " + index);
            }
        }

        @Override
        public String toString() {
            return Integer.toString(index);
        }
    }

    private static final YamlPath ROOT = new YamlPath(List.of());

    private final List<Segment> segments;

    private YamlPath(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** The document's root node. */
    public static YamlPath root() {
        return ROOT;
    }

    /** A path of {@link String} keys and {@link Integer} indexes. */
    public static YamlPath of(Object... segments) {
        return of(List.of(segments));
    }

    /** A path of {@link String} keys and {@link Integer} indexes. */
    public static YamlPath of(List<?> segments) {
        List<Segment> out = new ArrayList<>(segments.size());
        for (Object o : segments) {
            if (o instanceof String s) {
                out.add(new Key(s));
            } else if (o instanceof Integer i) {
                out.add(new Index(i));
            } else if (o instanceof Segment s) {
                out.add(s);
            } else {
                throw new IllegalArgumentException("a path segment is a String key or an Integer index, not " + o);
            }
        }
        return new YamlPath(out);
    }

    /** The steps from the root, in order. */
    public List<Segment> segments() {
        return segments;
    }

    /** True for the path with no steps. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The number of steps. */
    public int size() {
        return segments.size();
    }

    /** This path extended by a key. */
    public YamlPath key(String key) {
        List<Segment> s = new ArrayList<>(segments);
        s.add(new Key(key));
        return new YamlPath(s);
    }

    /** This path extended by an index. */
    public YamlPath index(int index) {
        List<Segment> s = new ArrayList<>(segments);
        s.add(new Index(index));
        return new YamlPath(s);
    }

    /** The path without its last segment; the root is its own parent. */
    public YamlPath parent() {
        return segments.isEmpty() ? this : new YamlPath(segments.subList(0, segments.size() - 1));
    }

    /** The last segment; the root has none. */
    public java.util.Optional<Segment> last() {
        return segments.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(segments.get(segments.size() - 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YamlPath p && p.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** {@code $.a.b[0]}; keys that are not simple words are quoted: {@code $["a.b"]}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("$");
        for (Segment s : segments) {
            if (s instanceof Index i) {
                b.append('[').append(i.index()).append(']');
            } else {
                String k = ((Key) s).name();
                if (!k.isEmpty() && k.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                    b.append('.').append(k);
                } else {
                    b.append("[\"").append(k.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
                }
            }
        }
        return b.toString();
    }
}
