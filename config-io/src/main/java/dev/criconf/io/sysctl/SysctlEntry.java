package dev.criconf.io.sysctl;

import dev.criconf.model.Origin;
import java.util.Objects;
import java.util.Optional;

/**
 * One meaningful line of a sysctl.d file: an assignment {@code key = value}, optionally prefixed
 * with {@code -} (a failure to set it is ignored), or an exclusion {@code -key} (no {@code =}),
 * which keeps glob patterns from setting that key.
 *
 * @param key           the variable in dotted normal form ({@link SysctlKeys#normalize(String)})
 * @param rawKey        the key as written, without the {@code -} prefix and surrounding blanks
 * @param value         the value with surrounding blanks removed; empty for an exclusion
 * @param ignoreFailure whether the line starts with {@code -}
 * @param origin        the whole line (without its line terminator)
 * @param keyOrigin     the key as written
 * @param valueOrigin   the value as written; empty for an exclusion
 */
public record SysctlEntry(String key, String rawKey, Optional<String> value, boolean ignoreFailure,
        Origin origin, Origin keyOrigin, Optional<Origin> valueOrigin) {

    public SysctlEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rawKey, "rawKey");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(keyOrigin, "keyOrigin");
        Objects.requireNonNull(valueOrigin, "valueOrigin");
    }

    /** An exclusion line ({@code -key} without a value). */
    public boolean isExclusion() {
        return value.isEmpty();
    }

    /** Whether the key is a glob pattern that applies to every matching variable not set explicitly. */
    public boolean isPattern() {
        return SysctlKeys.isPattern(key);
    }

    /** The path below {@code /proc/sys} this entry writes to (or matches, for a pattern). */
    public String path() {
        return SysctlKeys.toPath(key);
    }
}
