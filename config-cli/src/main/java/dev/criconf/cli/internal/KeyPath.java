package dev.criconf.cli.internal;

import dev.criconf.io.toml.TomlPath;
import java.util.ArrayList;
import java.util.List;

/**
 * KEY for TOML, YAML and JSON files: a TOML dotted key whose segments may be quoted
 * ({@code plugins."io.containerd.grpc.v1.cri".sandbox_image}) and followed by {@code [n]} for a
 * list item ({@code exec-opts[0]}). The empty KEY is the whole document.
 */
final class KeyPath {

    private KeyPath() {
    }

    /** The path as {@link TomlPath}. */
    static TomlPath toml(String key) {
        try {
            return TomlPath.parse(key);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage(),
                    "KEY is a dotted path: quote segments holding dots (a.\"b.c\".d), [n] selects a list item");
        }
    }

    /** The path's segments: {@code String} keys and {@code Integer} indexes. */
    static List<Object> segments(String key) {
        List<Object> out = new ArrayList<>();
        for (TomlPath.Segment s : toml(key).segments()) {
            out.add(s instanceof TomlPath.Key k ? k.name() : (Object) ((TomlPath.Index) s).index());
        }
        return out;
    }

    /** A segment list shown as KEY again. */
    static String show(List<Object> segments) {
        TomlPath p = TomlPath.root();
        for (Object o : segments) {
            p = o instanceof Integer i ? p.index(i) : p.key((String) o);
        }
        return p.toString();
    }
}
