package dev.criconf.io.sysctl;

import java.util.List;

/**
 * The program that applies sysctl files at boot; they read slightly different file sets.
 * Both take {@code *.conf} from the directories below, a file name in an earlier directory hiding
 * the same name in later ones, and apply the files sorted by file name, whichever directory they
 * are in; a later assignment of a key overrides an earlier one.
 */
public enum SysctlTool {

    /**
     * {@code systemd-sysctl} (systemd-sysctl.service, every systemd distribution): directories
     * {@code /etc/sysctl.d}, {@code /run/sysctl.d}, {@code /usr/local/lib/sysctl.d},
     * {@code /usr/lib/sysctl.d} and, on split-/usr systems, {@code /lib/sysctl.d}. It does
     * <em>not</em> read {@code /etc/sysctl.conf} (Debian and Ubuntu link it in as
     * {@code /etc/sysctl.d/99-sysctl.conf}).
     */
    SYSTEMD_SYSCTL(List.of("/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d"),
            false),

    /**
     * procps {@code sysctl --system} (current procps-ng): the same directories, then
     * {@code /etc/sysctl.conf} last, so it overrides every directory.
     */
    PROCPS_SYSCTL_SYSTEM(List.of("/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d", "/usr/lib/sysctl.d", "/lib/sysctl.d"),
            true);

    private final List<String> directories;
    private final boolean readsSysctlConf;

    SysctlTool(List<String> directories, boolean readsSysctlConf) {
        this.directories = directories;
        this.readsSysctlConf = readsSysctlConf;
    }

    /** The drop-in directories, highest priority first. */
    public List<String> directories() {
        return directories;
    }

    /** Whether {@code /etc/sysctl.conf} is applied after the directories. */
    public boolean readsSysctlConf() {
        return readsSysctlConf;
    }
}
