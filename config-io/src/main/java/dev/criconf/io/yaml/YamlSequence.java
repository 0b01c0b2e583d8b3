package dev.criconf.io.yaml;

import dev.criconf.model.Origin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sequence, block ({@code - item} lines) or flow ({@code [a, b]}).
 *
 * @param items      the items in order
 * @param flow       true for {@code [...]}
 * @param tag        the explicit tag, if any
 * @param anchor     the anchor defined on it, if any
 * @param origin     from the first dash (or {@code [}) to the end of the last item (or {@code ]})
 * @param nodeOrigin the same, properties included
 */
public record YamlSequence(List<YamlNode> items, boolean flow, Optional<String> tag, Optional<String> anchor,
        Origin origin, Origin nodeOrigin) implements YamlNode {

    /** Copies the items; nothing may be null. */
    public YamlSequence {
        items = List.copyOf(items);
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(nodeOrigin, "nodeOrigin");
    }

    /** The item at an index. */
    public Optional<YamlNode> get(int index) {
        return index >= 0 && index < items.size() ? Optional.of(items.get(index)) : Optional.empty();
    }
}
