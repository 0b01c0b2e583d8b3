package dev.criconf.validate;

import dev.criconf.model.ComponentVersion;
import java.util.Objects;

/**
 * The version of one component that rules check against, and where it came from.
 *
 * @param component whose version it is
 * @param version   the version
 * @param source    where it came from
 * @param basis     a short human note on the source, e.g. {@code --containerd-version},
 *                  {@code criconf.yaml}, {@code etc/containerd/config.toml:1:1 (version = 3)}; may be empty
 */
public record TargetVersion(TargetComponent component, ComponentVersion version, VersionSource source, String basis) {

    /** Checks the components and copies collections; see the class description. */
    public TargetVersion {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(basis, "basis");
    }

    /**
     * A version given as an option, e.g. {@code option(KUBERNETES, "1.31", "--kubernetes-version")}.
     *
     * @throws IllegalArgumentException when {@code version} is not a version
     */
    public static TargetVersion option(TargetComponent component, String version, String optionName) {
        ComponentVersion parsed = ComponentVersion.parse(version).toOptional().orElseThrow(() ->
                new IllegalArgumentException(optionName + ": '" + version + "' is not a version (expected X.Y or X.Y.Z)"));
        return new TargetVersion(component, parsed, VersionSource.OPTION, optionName);
    }

    /** A version a rule assumes because nothing said otherwise. */
    public static TargetVersion assumed(TargetComponent component, ComponentVersion version) {
        return new TargetVersion(component, version, VersionSource.ASSUMPTION, "");
    }

    /** Whether the version is an assumption rather than something the user or the files said. */
    public boolean isAssumed() {
        return source == VersionSource.ASSUMPTION;
    }

    /**
     * The phrase a message uses: {@code containerd 1.7}, or {@code assuming containerd 1.7} when
     * the version is an assumption, so every finding that rests on a guess says so.
     */
    public String describe() {
        String name = component.displayName() + " " + version;
        return isAssumed() ? "assuming " + name : name;
    }

    @Override
    public String toString() {
        return describe() + (basis.isEmpty() ? "" : " (from " + basis + ")");
    }
}
