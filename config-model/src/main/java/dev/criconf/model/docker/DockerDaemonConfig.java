package dev.criconf.model.docker;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.Setting;
import dev.criconf.model.internal.Trees;
import dev.criconf.model.internal.Trees.Match;
import dev.criconf.model.value.ConfigTable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Docker Engine's {@code /etc/docker/daemon.json}. Key names are dockerd's flag names (plural for
 * multi-value flags: {@code exec-opts}, {@code registry-mirrors}, {@code insecure-registries});
 * unlike CRI-O and containerd, dockerd refuses to start on an unknown key, and on a key that is
 * also given as a flag ({@code hosts} with systemd's {@code -H fd://}).
 *
 * <p>Source: moby/moby {@code daemon/config/config.go}, {@code daemon/command/config.go},
 * {@code daemon/daemon_unix.go}; research sheet {@code crio-dockerd.md} §6.
 *
 * @param file the file, relative to the node root
 * @param tree the JSON object
 */
public record DockerDaemonConfig(String file, ConfigTable tree) {

    /** The exec option that selects the cgroup driver. */
    public static final String CGROUP_DRIVER_OPTION = "native.cgroupdriver";

    /** Rejects nulls. */
    public DockerDaemonConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tree, "tree");
    }

    /** {@code exec-opts}, each {@code opt=value} with its origin. */
    public List<Setting<String>> execOpts() {
        return Trees.strings(tree, Match.EXACT, List.of("exec-opts"));
    }

    /**
     * The value of {@code native.cgroupdriver} in {@code exec-opts} as written (the option name is
     * compared lower-cased and trimmed, as dockerd does; the last occurrence wins).
     */
    public Optional<Setting<String>> cgroupDriverOption() {
        Setting<String> found = null;
        for (Setting<String> opt : execOpts()) {
            int eq = opt.value().indexOf('=');
            if (eq > 0 && opt.value().substring(0, eq).strip().toLowerCase(Locale.ROOT).equals(CGROUP_DRIVER_OPTION)) {
                String v = opt.value().substring(eq + 1).strip();
                found = new Setting<>(v, opt.source());
            }
        }
        return Optional.ofNullable(found);
    }

    /** The cgroup driver {@code exec-opts} selects, when it names {@code systemd} or {@code cgroupfs}. */
    public Optional<Setting<CgroupDriver>> cgroupDriver() {
        return cgroupDriverOption().flatMap(s -> CgroupDriver.parseExact(s.value()).map(d -> new Setting<>(d, s.source())));
    }

    /** {@code registry-mirrors} (used only for Docker Hub). */
    public List<Setting<String>> registryMirrors() {
        return Trees.strings(tree, Match.EXACT, List.of("registry-mirrors"));
    }

    /** {@code insecure-registries}. */
    public List<Setting<String>> insecureRegistries() {
        return Trees.strings(tree, Match.EXACT, List.of("insecure-registries"));
    }

    /** {@code hosts} (fatal together with a {@code -H} flag in the unit). */
    public List<Setting<String>> hosts() {
        return Trees.strings(tree, Match.EXACT, List.of("hosts"));
    }

    /** {@code data-root}. */
    public Optional<Setting<String>> dataRoot() {
        return Trees.string(tree, Match.EXACT, List.of("data-root"));
    }

    /** {@code exec-root}. */
    public Optional<Setting<String>> execRoot() {
        return Trees.string(tree, Match.EXACT, List.of("exec-root"));
    }

    /** {@code log-driver} (the kubelet's log paths under cri-dockerd need {@code json-file}). */
    public Optional<Setting<String>> logDriver() {
        return Trees.string(tree, Match.EXACT, List.of("log-driver"));
    }

    /** {@code log-opts} (string values only). */
    public Optional<ConfigTable> logOpts() {
        return tree.table("log-opts");
    }

    /** {@code cgroup-parent} (must be a {@code .slice} with the systemd driver). */
    public Optional<Setting<String>> cgroupParent() {
        return Trees.string(tree, Match.EXACT, List.of("cgroup-parent"));
    }

    /** {@code default-runtime}. */
    public Optional<Setting<String>> defaultRuntime() {
        return Trees.string(tree, Match.EXACT, List.of("default-runtime"));
    }

    /** {@code runtimes}. */
    public Optional<ConfigTable> runtimes() {
        return tree.table("runtimes");
    }
}
