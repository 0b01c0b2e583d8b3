package dev.criconf.model;

import java.util.Locale;
import java.util.Optional;

/** The two cgroup drivers the kubelet and every CRI runtime know. */
public enum CgroupDriver {
    /** systemd manages the cgroups (transient units and slices). */
    SYSTEMD("systemd"),
    /** The runtime writes the cgroup file system directly. */
    CGROUPFS("cgroupfs");

    private final String value;

    CgroupDriver(String value) {
        this.value = value;
    }

    /** The spelling the kubelet and CRI-O use in their files. */
    public String value() {
        return value;
    }

    /** Exact match only: the kubelet treats anything but exactly {@code systemd} as cgroupfs. */
    public static Optional<CgroupDriver> parseExact(String text) {
        for (CgroupDriver d : values()) {
            if (d.value.equals(text)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** Case-insensitive match, for components that lower-case the value before comparing. */
    public static Optional<CgroupDriver> parseLenient(String text) {
        return parseExact(text.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
