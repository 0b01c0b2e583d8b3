package dev.criconf.model;

import dev.criconf.model.internal.VersionText;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A Kubernetes release: {@code MAJOR.MINOR} (a release line, e.g. the target of a lint run) or
 * {@code MAJOR.MINOR.PATCH}, with an optional pre-release label ({@code 1.31.0-rc.1}). Parsing
 * accepts a leading {@code v} as kubeadm's {@code kubernetesVersion} and {@code kubelet --version}
 * print it; build metadata after {@code +} is ignored.
 *
 * <p>Ordering compares numbers (a missing patch counts as 0), then pre-releases (a release is
 * later than its release candidates), then puts {@code 1.30} before {@code 1.30.0}.
 *
 * @param major      major version (1 for every Kubernetes release so far)
 * @param minor      minor version
 * @param patch      patch version, when known
 * @param preRelease pre-release label without the dash, or empty
 */
public record KubernetesVersion(int major, int minor, OptionalInt patch, String preRelease)
        implements Comparable<KubernetesVersion> {

    /** Rejects negative numbers and nulls. */
    public KubernetesVersion {
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(preRelease, "preRelease");
        if (major < 0 || minor < 0 || patch.orElse(0) < 0) {
            throw new IllegalArgumentException("negative version number");
        }
    }

    /** A release line, e.g. {@code of(1, 30)}. */
    public static KubernetesVersion of(int major, int minor) {
        return new KubernetesVersion(major, minor, OptionalInt.empty(), "");
    }

    /** A patch release, e.g. {@code of(1, 30, 2)}. */
    public static KubernetesVersion of(int major, int minor, int patch) {
        return new KubernetesVersion(major, minor, OptionalInt.of(patch), "");
    }

    /** Parses {@code 1.30}, {@code v1.30.2}, {@code 1.31.0-rc.1}; anything else is {@link Parsed.Invalid}. */
    public static Parsed<KubernetesVersion> parse(String text) {
        Objects.requireNonNull(text, "text");
        VersionText.Result r = VersionText.parse(text);
        if (r.parts().isEmpty()) {
            return Parsed.invalid(text, "not a Kubernetes version (" + r.error() + "); expected e.g. 1.30 or v1.30.2");
        }
        VersionText.Parts p = r.parts().get();
        return Parsed.ok(new KubernetesVersion(p.major(), p.minor(), p.patch(), p.preRelease()));
    }

    /** The release line this release belongs to ({@code 1.30.2} gives {@code 1.30}). */
    public KubernetesVersion releaseLine() {
        return of(major, minor);
    }

    /** Whether this release is in release line {@code major.minor} or a later one. */
    public boolean isAtLeast(int major, int minor) {
        return this.major > major || (this.major == major && this.minor >= minor);
    }

    /** Whether this release is in a release line before {@code major.minor}. */
    public boolean isBefore(int major, int minor) {
        return !isAtLeast(major, minor);
    }

    @Override
    public int compareTo(KubernetesVersion o) {
        return VersionText.compare(parts(), o.parts());
    }

    private VersionText.Parts parts() {
        return new VersionText.Parts(major, minor, patch, preRelease);
    }

    /** {@code 1.30}, {@code 1.30.2} or {@code 1.31.0-rc.1} (without a leading {@code v}). */
    @Override
    public String toString() {
        return VersionText.format(parts());
    }
}
