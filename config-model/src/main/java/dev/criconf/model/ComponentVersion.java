package dev.criconf.model;

import dev.criconf.model.internal.VersionText;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A release of a container runtime component: containerd ({@code 1.7.22}, {@code 2.0}),
 * CRI-O ({@code 1.31.3}), cri-dockerd ({@code 0.3.17}) or Docker Engine ({@code 27.3.1}). Which
 * component it belongs to is said by where it is held (e.g. {@link NodeProfile#containerdVersion()}).
 *
 * <p>Parsing accepts a leading {@code v}, a pre-release after {@code -}, and ignores build or
 * packaging metadata after {@code +} or {@code ~} (Debian's {@code 1.6.20~ds1-1+deb12u3} is 1.6.20).
 * Ordering is as for {@link KubernetesVersion}.
 *
 * @param major      major version
 * @param minor      minor version
 * @param patch      patch version, when known
 * @param preRelease pre-release label without the dash, or empty
 */
public record ComponentVersion(int major, int minor, OptionalInt patch, String preRelease)
        implements Comparable<ComponentVersion> {

    /** Rejects negative numbers and nulls. */
    public ComponentVersion {
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(preRelease, "preRelease");
        if (major < 0 || minor < 0 || patch.orElse(0) < 0) {
            throw new IllegalArgumentException("negative version number");
        }
    }

    /** A release line, e.g. {@code of(1, 7)}. */
    public static ComponentVersion of(int major, int minor) {
        return new ComponentVersion(major, minor, OptionalInt.empty(), "");
    }

    /** A patch release, e.g. {@code of(1, 6, 20)}. */
    public static ComponentVersion of(int major, int minor, int patch) {
        return new ComponentVersion(major, minor, OptionalInt.of(patch), "");
    }

    /** Parses {@code 1.7}, {@code v2.0.1}, {@code 1.6.20~ds1-1+deb12u3}; anything else is {@link Parsed.Invalid}. */
    public static Parsed<ComponentVersion> parse(String text) {
        Objects.requireNonNull(text, "text");
        VersionText.Result r = VersionText.parse(text);
        if (r.parts().isEmpty()) {
            return Parsed.invalid(text, "not a version (" + r.error() + "); expected e.g. 1.7 or 2.0.1");
        }
        VersionText.Parts p = r.parts().get();
        return Parsed.ok(new ComponentVersion(p.major(), p.minor(), p.patch(), p.preRelease()));
    }

    /** Whether this release is {@code major.minor} or later. */
    public boolean isAtLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    /**
     * Whether this release is {@code major.minor.patch} or later. A release line without a patch
     * (e.g. {@code 1.6}) counts as its first patch release.
     */
    public boolean isAtLeast(int major, int minor, int patch) {
        if (this.major != major) {
            return this.major > major;
        }
        if (this.minor != minor) {
            return this.minor > minor;
        }
        return this.patch.orElse(0) >= patch;
    }

    /** Whether this release is before {@code major.minor}. */
    public boolean isBefore(int major, int minor) {
        return !isAtLeast(major, minor);
    }

    /** The release line ({@code 1.6.20} gives {@code 1.6}). */
    public ComponentVersion releaseLine() {
        return of(major, minor);
    }

    @Override
    public int compareTo(ComponentVersion o) {
        return VersionText.compare(parts(), o.parts());
    }

    private VersionText.Parts parts() {
        return new VersionText.Parts(major, minor, patch, preRelease);
    }

    /** {@code 1.7}, {@code 2.0.1} or {@code 2.0.0-rc.1}. */
    @Override
    public String toString() {
        return VersionText.format(parts());
    }
}
