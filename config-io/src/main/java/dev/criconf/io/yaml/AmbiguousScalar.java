package dev.criconf.io.yaml;

import dev.criconf.model.Origin;
import java.util.Objects;

/**
 * An unquoted scalar that means one thing to the kubelet (YAML 1.1) and another to a YAML 1.2
 * reader: {@code yes}, {@code on}, {@code y} (booleans vs strings), {@code 0755} (493 vs 755),
 * {@code 1_000}, {@code 0b101}, {@code -0x1F} and the like.
 *
 * @param document the 0-based document index in the stream
 * @param path     where it is: the value's path, or for a key, the path of its entry
 * @param isKey    true when the scalar is a mapping key (the kubelet turns a boolean key into {@code "true"})
 * @param text     the scalar as written
 * @param origin   where it is written
 * @param yaml11   what the kubelet reads ({@link YamlSchema#YAML_1_1_KUBELET})
 * @param yaml12   what a YAML 1.2 reader reads ({@link YamlSchema#YAML_1_2_CORE})
 */
public record AmbiguousScalar(int document, YamlPath path, boolean isKey, String text, Origin origin,
        YamlValue yaml11, YamlValue yaml12) {

    /** Nothing may be null. */
    public AmbiguousScalar {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(yaml11, "yaml11");
        Objects.requireNonNull(yaml12, "yaml12");
    }
}
