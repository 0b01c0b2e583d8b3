package dev.criconf.model.value;

import dev.criconf.model.Origin;
import java.util.Objects;

/**
 * An explicit null (YAML {@code ~}, {@code null}, an empty value; JSON {@code null}). In a kubelet
 * drop-in a null deletes the key (JSON merge patch), so it is kept, not dropped.
 *
 * @param raw    the text as written ({@code ""} for an empty YAML value)
 * @param origin where it is
 */
public record ConfigNull(String raw, Origin origin) implements ConfigScalar {

    /** Rejects nulls. */
    public ConfigNull {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public ValueType type() {
        return ValueType.NULL;
    }
}
