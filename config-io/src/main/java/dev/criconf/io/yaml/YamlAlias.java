package dev.criconf.io.yaml;

import dev.criconf.model.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * An alias ({@code *name}) to an anchored node earlier in the same document; see
 * {@link YamlDocument#resolve(YamlAlias)}.
 *
 * @param name   the anchor name, without the {@code *}
 * @param origin where the alias is written
 */
public record YamlAlias(String name, Origin origin) implements YamlNode {

    /** Nothing may be null. */
    public YamlAlias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public Origin nodeOrigin() {
        return origin;
    }

    /** Aliases have no anchor of their own. */
    @Override
    public Optional<String> anchor() {
        return Optional.empty();
    }

    /** Aliases have no tag of their own. */
    @Override
    public Optional<String> tag() {
        return Optional.empty();
    }
}
