package dev.criconf.model;

/** The syntax of a configuration file. */
public enum FileFormat {
    /** TOML (containerd, CRI-O). */
    TOML,
    /** YAML (kubelet, kubeadm, criconf.yaml). */
    YAML,
    /** JSON (Docker's daemon.json; kubelet files may be JSON too). */
    JSON,
    /** A systemd unit or drop-in ({@code .service}, {@code .socket}, {@code .conf} in a {@code .d} directory). */
    SYSTEMD_UNIT,
    /** A systemd {@code EnvironmentFile} ({@code kubeadm-flags.env}, {@code /etc/default/kubelet}). */
    ENVIRONMENT,
    /** A {@code sysctl.d} file. */
    SYSCTL,
    /** A {@code modules-load.d} file. */
    MODULES_LOAD
}
