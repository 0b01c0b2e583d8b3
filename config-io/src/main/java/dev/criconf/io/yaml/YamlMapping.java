package dev.criconf.io.yaml;

import dev.criconf.model.Origin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A mapping, block ({@code key: value} lines) or flow ({@code {a: 1}}). Entries keep their source
 * order, duplicates included (the stream reports those as problems).
 *
 * @param entries    the key/value pairs in order
 * @param flow       true for {@code {...}}
 * @param tag        the explicit tag, if any
 * @param anchor     the anchor defined on it, if any
 * @param origin     from the first key (or the opening brace) to the end of the last value (or the closing brace)
 * @param nodeOrigin the same, properties included
 */
public record YamlMapping(List<Entry> entries, boolean flow, Optional<String> tag, Optional<String> anchor,
        Origin origin, Origin nodeOrigin) implements YamlNode {

    /** Copies the entries; nothing may be null. */
    public YamlMapping {
        entries = List.copyOf(entries);
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(nodeOrigin, "nodeOrigin");
    }

    /** One {@code key: value} pair. */
    public record Entry(YamlNode key, YamlNode value) {

        /** Neither part may be null. */
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }

        /** Where the key is written (for a scalar key: its text). */
        public Origin keyOrigin() {
            return key.origin();
        }

        /** Where the value is written; an empty value is a zero-length origin just after the colon. */
        public Origin valueOrigin() {
            return value.origin();
        }

        /** The key's text when the key is a scalar. */
        public Optional<String> keyText() {
            return key instanceof YamlScalar s ? Optional.of(s.value()) : Optional.empty();
        }
    }

    /**
     * The entry whose key is a scalar with this text. When the key occurs more than once the last
     * one is returned: that is the one the kubelet's lenient decoding keeps.
     */
    public Optional<Entry> entry(String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.key() instanceof YamlScalar s && s.value().equals(key)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The value of {@link #entry(String)}. */
    public Optional<YamlNode> get(String key) {
        return entry(key).map(Entry::value);
    }
}
