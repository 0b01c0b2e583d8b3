package dev.criconf.io.sysctl;

import dev.criconf.model.Origin;
import java.util.List;
import java.util.Objects;

/**
 * The value a sysctl variable ends up with after all files are applied, and where it comes from.
 *
 * @param key           the variable (dotted normal form); for a setting that comes from a pattern, the variable asked for
 * @param value         the value written to {@code /proc/sys}
 * @param ignoreFailure whether a failure to write it is ignored (any assignment of this value had {@code -})
 * @param entry         the assignment that takes effect: the last one (a pattern's, if {@link #viaPattern()})
 * @param assignments   every assignment of the key that was read, in the order applied, the effective one last
 */
public record SysctlSetting(String key, String value, boolean ignoreFailure, SysctlEntry entry, List<SysctlEntry> assignments) {

    public SysctlSetting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(entry, "entry");
        assignments = List.copyOf(assignments);
    }

    /** Where the effective assignment is. */
    public Origin origin() {
        return entry.origin();
    }

    /** Whether the value comes from a glob pattern rather than an assignment of the key itself. */
    public boolean viaPattern() {
        return entry.isPattern();
    }
}
