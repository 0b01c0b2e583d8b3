package dev.criconf.io.toml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The address of a value in a TOML document: keys, and indexes into arrays and arrays of tables.
 *
 * <p>The text form is a TOML dotted key whose segments may be followed by {@code [index]}:
 * {@code plugins."io.containerd.grpc.v1.cri".sandbox_image} or
 * {@code plugins.'io.containerd.transfer.v1.local'.unpack_config[0].platform}. Segments are bare
 * keys, basic strings or literal strings, exactly as in a TOML key; the empty string is the root.
 *
 * @param segments the keys and indexes from the root
 */
public record TomlPath(List<Segment> segments) {

    /** One step of a path. */
    public sealed interface Segment permits Key, Index {}

    /** A table key. @param name the key, unquoted */
    public record Key(String name) implements Segment {
        /** Checks the name is not null. */
        public Key {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A position in an array or an array of tables, from 0. @param index the position */
    public record Index(int index) implements Segment {
        /** Checks the index is not negative. */
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("negative index " + index);
            }
        }
    }

    private static final TomlPath ROOT = new TomlPath(List.of());

    /** Checks that no component is null. */
    public TomlPath {
        segments = List.copyOf(segments);
    }

    /** The root table. */
    public static TomlPath root() {
        return ROOT;
    }

    /** A path of keys only. */
    public static TomlPath of(String... keys) {
        return of(List.of(keys));
    }

    /** A path of keys only. */
    public static TomlPath of(List<String> keys) {
        List<Segment> segments = new ArrayList<>(keys.size());
        for (String k : keys) {
            segments.add(new Key(k));
        }
        return new TomlPath(segments);
    }

    /**
     * Reads the text form ({@code a."b.c"[0].d}).
     *
     * @throws IllegalArgumentException if the text is not a valid path
     */
    public static TomlPath parse(String text) {
        return new PathReader(text).read();
    }

    /** This path with a key appended. */
    public TomlPath key(String name) {
        List<Segment> s = new ArrayList<>(segments);
        s.add(new Key(name));
        return new TomlPath(s);
    }

    /** This path with an index appended. */
    public TomlPath index(int index) {
        List<Segment> s = new ArrayList<>(segments);
        s.add(new Index(index));
        return new TomlPath(s);
    }

    /** The path without its last segment; the root for a one-segment path. */
    public TomlPath parent() {
        if (segments.isEmpty()) {
            throw new IllegalStateException("the root has no parent");
        }
        return new TomlPath(segments.subList(0, segments.size() - 1));
    }

    /** The first {@code count} segments. */
    public TomlPath prefix(int count) {
        return new TomlPath(segments.subList(0, count));
    }

    /** The number of segments. */
    public int size() {
        return segments.size();
    }

    /** Whether this is the root (no segments). */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The text form, with keys quoted only where TOML needs it. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Segment s : segments) {
            if (s instanceof Key) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(dev.criconf.io.toml.internal.TomlFormatter.key(((Key) s).name()));
            } else {
                b.append('[').append(((Index) s).index()).append(']');
            }
        }
        return b.toString();
    }

    /** Reads the text form. */
    private static final class PathReader {
        private final String t;
        private int p;
        private final List<Segment> out = new ArrayList<>();

        PathReader(String text) {
            this.t = Objects.requireNonNull(text, "text");
        }

        TomlPath read() {
            skipWs();
            if (p == t.length()) {
                return ROOT;
            }
            while (true) {
                out.add(new Key(key()));
                skipWs();
                while (p < t.length() && t.charAt(p) == '[') {
                    int close = t.indexOf(']', p);
                    if (close < 0) {
                        throw bad("missing `]`");
                    }
                    String digits = t.substring(p + 1, close).trim();
                    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        throw bad("an index is written [0], [1], ...");
                    }
                    try {
                        out.add(new Index(Integer.parseInt(digits)));
                    } catch (NumberFormatException e) {
                        throw bad("index too large");
                    }
                    p = close + 1;
                    skipWs();
                }
                if (p == t.length()) {
                    return new TomlPath(out);
                }
                if (t.charAt(p) != '.') {
                    throw bad("expected `.` or `[`");
                }
                p++;
                skipWs();
            }
        }

        private String key() {
            if (p >= t.length()) {
                throw bad("expected a key");
            }
            char c = t.charAt(p);
            if (c == '\'') {
                int close = t.indexOf('\'', p + 1);
                if (close < 0) {
                    throw bad("missing closing `'`");
                }
                String k = t.substring(p + 1, close);
                p = close + 1;
                return k;
            }
            if (c == '"') {
                StringBuilder b = new StringBuilder();
                p++;
                while (true) {
                    if (p >= t.length()) {
                        throw bad("missing closing `\"`");
                    }
                    char d = t.charAt(p++);
                    if (d == '"') {
                        return b.toString();
                    }
                    if (d != '\\') {
                        b.append(d);
                        continue;
                    }
                    if (p >= t.length()) {
                        throw bad("incomplete escape");
                    }
                    char e = t.charAt(p++);
                    switch (e) {
                        case '"': case '\\': b.append(e); break;
                        case 'b': b.append('\b'); break;
                        case 't': b.append('\t'); break;
                        case 'n': b.append('\n'); break;
                        case 'f': b.append('\f'); break;
                        case 'r': b.append('\r'); break;
                        case 'e': b.append('\u001b'); break;
                        case 'x': b.appendCodePoint(hex(2)); break;
                        case 'u': b.appendCodePoint(hex(4)); break;
                        case 'U': b.appendCodePoint(hex(8)); break;
                        default: throw bad("invalid escape \\" + e);
                    }
                }
            }
            int start = p;
            while (p < t.length() && isBare(t.charAt(p))) {
                p++;
            }
            if (p == start) {
                throw bad("expected a key");
            }
            return t.substring(start, p);
        }

        private int hex(int digits) {
            if (p + digits > t.length()) {
                throw bad("incomplete escape");
            }
            try {
                int cp = Integer.parseInt(t.substring(p, p + digits), 16);
                p += digits;
                if (!Character.isValidCodePoint(cp)) {
                    throw bad("invalid code point");
                }
                return cp;
            } catch (NumberFormatException e) {
                throw bad("invalid escape");
            }
        }

        private static boolean isBare(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
        }

        private void skipWs() {
            while (p < t.length() && (t.charAt(p) == ' ' || t.charAt(p) == '\t')) {
                p++;
            }
        }

        private IllegalArgumentException bad(String why) {
            return new IllegalArgumentException("invalid TOML path `" + t + "` at " + (p + 1) + ": " + why);
        }
    }
}
