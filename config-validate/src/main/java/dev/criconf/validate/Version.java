package dev.criconf.validate;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release version as rules compare it: major, minor and patch numbers. Pre-release and build
 * suffixes ({@code -rc.1}, {@code +k3s1}) are accepted by {@link #parse} and dropped: rules decide
 * by release lines, never by release candidates.
 *
 * @param major major number, {@code >= 0}
 * @param minor minor number, {@code >= 0}
 * @param patch patch number, {@code >= 0}; 0 when not given
 */
public record Version(int major, int minor, int patch) implements Comparable<Version> {

    private static final Pattern FORM =
            Pattern.compile("[vV]?(\\d{1,9})\\.(\\d{1,9})(?:\\.(\\d{1,9}))?(?:[-+][0-9A-Za-z.+-]*)?");
    private static final Comparator<Version> ORDER = Comparator.comparingInt(Version::major)
            .thenComparingInt(Version::minor)
            .thenComparingInt(Version::patch);

    /** Checks the components and copies collections; see the class description. */
    public Version {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version number " + major + "." + minor + "." + patch);
        }
    }

    /** {@code major.minor.0}. */
    public static Version of(int major, int minor) {
        return new Version(major, minor, 0);
    }

    /**
     * Parses {@code X.Y} or {@code X.Y.Z}, with an optional leading {@code v} and an optional
     * pre-release or build suffix.
     *
     * @throws IllegalArgumentException when the text is not a version
     */
    public static Version parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a version (expected X.Y or X.Y.Z)");
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch);
    }

    /** Whether this version is {@code major.minor} or later. */
    public boolean isAtLeast(int major, int minor) {
        return compareTo(of(major, minor)) >= 0;
    }

    /** Whether this version is earlier than {@code major.minor}. */
    public boolean isBefore(int major, int minor) {
        return !isAtLeast(major, minor);
    }

    @Override
    public int compareTo(Version other) {
        return ORDER.compare(this, other);
    }

    /** {@code X.Y} when the patch number is 0, else {@code X.Y.Z}. */
    @Override
    public String toString() {
        return patch == 0 ? major + "." + minor : major + "." + minor + "." + patch;
    }
}
