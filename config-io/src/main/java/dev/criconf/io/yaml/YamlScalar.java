package dev.criconf.io.yaml;

import dev.criconf.model.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * A scalar: its content after unquoting, unescaping and folding, and how it was written.
 *
 * @param value      the content, e.g. {@code systemd} for {@code "systemd"}
 * @param style      how it was written
 * @param tag        the explicit tag, if any
 * @param anchor     the anchor defined on it, if any
 * @param origin     the written value: quotes and block header included, properties excluded
 * @param nodeOrigin the whole node, properties included
 */
public record YamlScalar(String value, ScalarStyle style, Optional<String> tag, Optional<String> anchor,
        Origin origin, Origin nodeOrigin) implements YamlNode {

    /** Nothing may be null. */
    public YamlScalar {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(nodeOrigin, "nodeOrigin");
    }

    /** A plain scalar without a tag: the only kind whose type depends on the schema. */
    public boolean isPlainUntagged() {
        return style == ScalarStyle.PLAIN && tag.isEmpty();
    }
}
