package dev.criconf.cli.internal;

import java.util.Locale;

/** The file formats {@code get} and {@code set} read and edit; {@code --type} names them. */
public enum FileType {
    /** TOML: containerd {@code config.toml}, CRI-O {@code crio.conf} and drop-ins. */
    TOML("TOML"),
    /** YAML: KubeletConfiguration, kubeadm configuration, node profiles. */
    YAML("YAML"),
    /** JSON: Docker's {@code daemon.json}. */
    JSON("JSON"),
    /** An environment file as systemd reads it: {@code kubeadm-flags.env}, {@code /etc/default/kubelet}. */
    ENV("environment file"),
    /** A systemd unit file or drop-in. */
    UNIT("systemd unit");

    private final String description;

    FileType(String description) {
        this.description = description;
    }

    /** How messages name the format. */
    public String description() {
        return description;
    }

    /** The word {@code --type} takes. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
