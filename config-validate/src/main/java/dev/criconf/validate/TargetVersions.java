package dev.criconf.validate;

import dev.criconf.model.ComponentVersion;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions rules check against, at most one per {@link TargetComponent}, each with its source.
 * Immutable.
 *
 * @param byComponent the known versions; every key is its value's component
 */
public record TargetVersions(Map<TargetComponent, TargetVersion> byComponent) {

    private static final TargetVersions NONE = new TargetVersions(Map.of());

    /** Checks the components and copies collections; see the class description. */
    public TargetVersions {
        EnumMap<TargetComponent, TargetVersion> copy = new EnumMap<>(TargetComponent.class);
        for (Map.Entry<TargetComponent, TargetVersion> e : byComponent.entrySet()) {
            Objects.requireNonNull(e.getValue(), "version");
            if (e.getKey() != e.getValue().component()) {
                throw new IllegalArgumentException(e.getValue() + " filed under " + e.getKey());
            }
            copy.put(e.getKey(), e.getValue());
        }
        byComponent = Collections.unmodifiableMap(copy);
    }

    /** No known versions: rules that need one assume it and say so. */
    public static TargetVersions none() {
        return NONE;
    }

    /** The given versions; a later one for the same component replaces an earlier one. */
    public static TargetVersions of(TargetVersion... versions) {
        EnumMap<TargetComponent, TargetVersion> map = new EnumMap<>(TargetComponent.class);
        for (TargetVersion v : versions) {
            map.put(v.component(), v);
        }
        return new TargetVersions(map);
    }

    /** The known version of a component. */
    public Optional<TargetVersion> get(TargetComponent component) {
        return Optional.ofNullable(byComponent.get(component));
    }

    /** The Kubernetes version, if known. */
    public Optional<TargetVersion> kubernetes() {
        return get(TargetComponent.KUBERNETES);
    }

    /** The containerd version, if known. */
    public Optional<TargetVersion> containerd() {
        return get(TargetComponent.CONTAINERD);
    }

    /** The CRI-O version, if known. */
    public Optional<TargetVersion> crio() {
        return get(TargetComponent.CRIO);
    }

    /** The cri-dockerd version, if known. */
    public Optional<TargetVersion> criDockerd() {
        return get(TargetComponent.CRI_DOCKERD);
    }

    /** The Docker version, if known. */
    public Optional<TargetVersion> docker() {
        return get(TargetComponent.DOCKER);
    }

    /**
     * The known version of a component, or {@code assumed} marked as an assumption. A rule that
     * uses the result in a message should use {@link TargetVersion#describe()}, which says
     * "assuming" when it has to.
     */
    public TargetVersion orAssume(TargetComponent component, ComponentVersion assumed) {
        return get(component).orElseGet(() -> TargetVersion.assumed(component, assumed));
    }

    /** A copy with {@code version} set, replacing any version of the same component. */
    public TargetVersions with(TargetVersion version) {
        EnumMap<TargetComponent, TargetVersion> map = new EnumMap<>(TargetComponent.class);
        map.putAll(byComponent);
        map.put(version.component(), version);
        return new TargetVersions(map);
    }

    /**
     * Per component, the version whose source takes precedence ({@link VersionSource}); on a tie,
     * this one's. Used to lay per-node versions (profile, files) under explicit options.
     */
    public TargetVersions merge(TargetVersions other) {
        EnumMap<TargetComponent, TargetVersion> map = new EnumMap<>(TargetComponent.class);
        map.putAll(other.byComponent);
        for (TargetVersion mine : byComponent.values()) {
            TargetVersion theirs = map.get(mine.component());
            if (theirs == null || !theirs.source().takesPrecedenceOver(mine.source())) {
                map.put(mine.component(), mine);
            }
        }
        return new TargetVersions(map);
    }
}
