package dev.criconf.model.host;

import dev.criconf.model.Origin;
import java.util.Objects;

/**
 * One {@code key = value} line of a {@code sysctl.d} file.
 *
 * @param key           the key in normal form ({@link SysctlSettings#normalizeKey}), e.g. {@code net.ipv4.ip_forward}
 * @param writtenKey    the key as written (may use {@code /} separators), without the {@code -} prefix of its line
 * @param value         the value, surrounding whitespace removed
 * @param origin        where the line's key is
 * @param ignoreFailure whether the key is prefixed with {@code -} (failures to set it are ignored)
 */
public record SysctlEntry(String key, String writtenKey, String value, Origin origin, boolean ignoreFailure) {

    /** Rejects nulls. */
    public SysctlEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(writtenKey, "writtenKey");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
    }
}
