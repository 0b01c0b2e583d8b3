package dev.criconf.model.value;

import dev.criconf.model.Parsed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A path to a value inside a tree: table keys and array indices. {@link #toString()} writes it the
 * way TOML writes dotted keys, with {@code [n]} for indices:
 * {@code plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options.SystemdCgroup}.
 * {@link #parse(String)} reads that form back (it is the {@code KEY} syntax of {@code criconf get/set}).
 *
 * @param segments keys and indices from the root
 */
public record KeyPath(List<Segment> segments) {

    /** One step of a path. */
    public sealed interface Segment permits Key, Index {}

    /**
     * A table key.
     *
     * @param name the key after unquoting
     */
    public record Key(String name) implements Segment {
        /** Rejects null. */
        public Key {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * An array index.
     *
     * @param index 0-based
     */
    public record Index(int index) implements Segment {
        /** Rejects negative indices. */
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("negative index " + index);
            }
        }
    }

    /** The root. */
    public static final KeyPath ROOT = new KeyPath(List.of());

    /** Rejects null and copies the list. */
    public KeyPath {
        segments = List.copyOf(segments);
    }

    /** A path of table keys. */
    public static KeyPath of(String... keys) {
        return of(List.of(keys));
    }

    /** A path of table keys. */
    public static KeyPath of(List<String> keys) {
        List<Segment> s = new ArrayList<>(keys.size());
        for (String k : keys) {
            s.add(new Key(k));
        }
        return new KeyPath(s);
    }

    /** This path extended by a key. */
    public KeyPath child(String key) {
        return append(new Key(key));
    }

    /** This path extended by an array index. */
    public KeyPath index(int index) {
        return append(new Index(index));
    }

    // tree walks extend a path for every value: one array copy into an immutable list, which the
    // canonical constructor keeps as it is (List.copyOf of an immutable list is the list itself)
    private KeyPath append(Segment last) {
        Segment[] s = segments.toArray(new Segment[segments.size() + 1]);
        s[s.length - 1] = last;
        return new KeyPath(List.of(s));
    }

    /** The path without its last segment (the root's parent is the root). */
    public KeyPath parent() {
        return segments.isEmpty() ? this : new KeyPath(segments.subList(0, segments.size() - 1));
    }

    /** The last segment, unless this is the root. */
    public Optional<Segment> last() {
        return segments.isEmpty() ? Optional.empty() : Optional.of(segments.get(segments.size() - 1));
    }

    /** The last key, when the last segment is a key. */
    public Optional<String> lastKey() {
        return last().filter(Key.class::isInstance).map(s -> ((Key) s).name());
    }

    /** The number of segments. */
    public int depth() {
        return segments.size();
    }

    /** Whether this path begins with {@code prefix}. */
    public boolean startsWith(KeyPath prefix) {
        return segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /** The keys, when the path has no array index (the form {@code NodeEdit.SetValue} takes). */
    public Optional<List<String>> keys() {
        List<String> out = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            if (!(s instanceof Key k)) {
                return Optional.empty();
            }
            out.add(k.name());
        }
        return Optional.of(Collections.unmodifiableList(out));
    }

    /** Follows the path from {@code root}. */
    public Optional<ConfigValue> resolve(ConfigValue root) {
        ConfigValue current = root;
        for (Segment s : segments) {
            if (s instanceof Key k) {
                Optional<ConfigValue> next = current.asTable().flatMap(t -> t.get(k.name()));
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                current = next.get();
            } else {
                int i = ((Index) s).index();
                Optional<ConfigValue> next = current.asArray().flatMap(a -> a.get(i));
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                current = next.get();
            }
        }
        return Optional.of(current);
    }

    /**
     * Reads {@code a."b.c".d[0]}: bare keys ({@code A-Za-z0-9_-}), basic strings with TOML escapes
     * ({@code \" \\ \b \t \n \f \r \e \\uXXXX \\UXXXXXXXX}), literal strings ({@code 'x'}), dots
     * between keys, {@code [n]} for indices. The empty string is the root.
     */
    public static Parsed<KeyPath> parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Segment> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        boolean needKey = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '[') {
                if (needKey && i > 0) {
                    return Parsed.invalid(text, "unexpected '[' at " + (i + 1));
                }
                int close = text.indexOf(']', i);
                if (close < 0) {
                    return Parsed.invalid(text, "missing ']' after index at " + (i + 1));
                }
                String digits = text.substring(i + 1, close).strip();
                if (!digits.matches("[0-9]{1,9}")) {
                    return Parsed.invalid(text, "array index must be a number: [" + digits + "]");
                }
                out.add(new Index(Integer.parseInt(digits)));
                i = close + 1;
                needKey = false;
                continue;
            }
            if (c == '.') {
                if (needKey) {
                    return Parsed.invalid(text, "empty key at " + (i + 1));
                }
                needKey = true;
                i++;
                continue;
            }
            if (!needKey) {
                return Parsed.invalid(text, "expected '.' or '[' at " + (i + 1));
            }
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\') {
                        if (i + 1 >= n) {
                            return Parsed.invalid(text, "unfinished escape");
                        }
                        char e = text.charAt(i + 1);
                        int consumed = 2;
                        switch (e) {
                            case '"': sb.append('"'); break;
                            case '\\': sb.append('\\'); break;
                            case 'b': sb.append('\b'); break;
                            case 't': sb.append('\t'); break;
                            case 'n': sb.append('\n'); break;
                            case 'f': sb.append('\f'); break;
                            case 'r': sb.append('\r'); break;
                            case 'e': sb.append('\u001b'); break;
                            case 'u':
                            case 'U': {
                                int len = e == 'u' ? 4 : 8;
                                if (i + 2 + len > n || !text.substring(i + 2, i + 2 + len).matches("[0-9A-Fa-f]+")) {
                                    return Parsed.invalid(text, "bad unicode escape at " + (i + 1));
                                }
                                int cp = Integer.parseUnsignedInt(text.substring(i + 2, i + 2 + len), 16);
                                if (!Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                                    return Parsed.invalid(text, "bad unicode escape at " + (i + 1));
                                }
                                sb.appendCodePoint(cp);
                                consumed = 2 + len;
                                break;
                            }
                            default:
                                return Parsed.invalid(text, "unknown escape \\" + e + " at " + (i + 1));
                        }
                        i += consumed;
                        continue;
                    }
                    sb.append(d);
                    i++;
                }
                if (!closed) {
                    return Parsed.invalid(text, "missing closing '\"'");
                }
                out.add(new Key(sb.toString()));
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) {
                    return Parsed.invalid(text, "missing closing \"'\"");
                }
                out.add(new Key(text.substring(i + 1, close)));
                i = close + 1;
            } else {
                int start = i;
                while (i < n && isBare(text.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return Parsed.invalid(text, "unexpected '" + c + "' at " + (i + 1));
                }
                out.add(new Key(text.substring(start, i)));
            }
            needKey = false;
        }
        if (needKey && !out.isEmpty()) {
            return Parsed.invalid(text, "path ends with '.'");
        }
        return Parsed.ok(new KeyPath(out));
    }

    private static boolean isBare(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** The TOML-style dotted form, e.g. {@code plugins."io.containerd.grpc.v1.cri".sandbox_image} or {@code a.b[2].c}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments) {
            if (s instanceof Index idx) {
                sb.append('[').append(idx.index()).append(']');
                continue;
            }
            String name = ((Key) s).name();
            if (sb.length() > 0) {
                sb.append('.');
            }
            if (!name.isEmpty() && name.chars().allMatch(ch -> isBare((char) ch))) {
                sb.append(name);
            } else {
                sb.append('"');
                for (int i = 0; i < name.length(); i++) {
                    char ch = name.charAt(i);
                    switch (ch) {
                        case '"': sb.append("\\\""); break;
                        case '\\': sb.append("\\\\"); break;
                        case '\n': sb.append("\\n"); break;
                        case '\t': sb.append("\\t"); break;
                        case '\r': sb.append("\\r"); break;
                        case '\b': sb.append("\\b"); break;
                        case '\f': sb.append("\\f"); break;
                        default:
                            if (ch < 0x20 || ch == 0x7f) {
                                sb.append(String.format("\\u%04X", (int) ch));
                            } else {
                                sb.append(ch);
                            }
                    }
                }
                sb.append('"');
            }
        }
        return sb.toString();
    }
}
