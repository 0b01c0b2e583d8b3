package dev.criconf.io.toml;

import dev.criconf.io.ParseLimits;
import java.util.Objects;

/**
 * How to read a TOML document.
 *
 * <p>The default version is {@link TomlVersion#V1_1_0}: it accepts every document 1.0.0 accepts
 * (1.1.0 only relaxes the grammar), and CRI-O reads its configuration with BurntSushi/toml 1.6,
 * which enables TOML 1.1 by default. containerd's go-toml v1 (1.x) and v2 (2.x) read the 1.0.0
 * grammar; a validator that wants to flag 1.1-only syntax in a containerd file parses with
 * {@link TomlVersion#V1_0_0}.
 *
 * @param version the specification to follow
 * @param limits  size and nesting limits
 */
public record TomlOptions(TomlVersion version, ParseLimits limits) {

    /** TOML 1.1.0 with {@link ParseLimits#DEFAULTS}. */
    public static final TomlOptions DEFAULTS = new TomlOptions(TomlVersion.V1_1_0, ParseLimits.DEFAULTS);

    /** Checks that no component is null. */
    public TomlOptions {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(limits, "limits");
    }

    /** The defaults. */
    public static TomlOptions defaults() {
        return DEFAULTS;
    }

    /** These options with another specification version. */
    public TomlOptions withVersion(TomlVersion value) {
        return new TomlOptions(value, limits);
    }

    /** These options with other limits. */
    public TomlOptions withLimits(ParseLimits value) {
        return new TomlOptions(version, value);
    }
}
