package dev.criconf.validate;

/**
 * Where a target version came from, in order of precedence: an explicit option beats a node
 * profile, which beats what the files prove, which beats an assumption.
 */
public enum VersionSource {
    /** An explicit option: a CLI flag or an API call. */
    OPTION,
    /** The node profile ({@code criconf.yaml} at the node root). */
    PROFILE,
    /** What the configuration files prove, e.g. containerd's {@code version = 3} means 2.0 or later. */
    FILES,
    /** Nothing said; a rule assumed a version and its message says so. */
    ASSUMPTION;

    /** Whether a version from this source wins over one from {@code other}. */
    public boolean takesPrecedenceOver(VersionSource other) {
        return compareTo(other) < 0;
    }
}
