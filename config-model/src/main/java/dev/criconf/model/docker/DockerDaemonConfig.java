package dev.criconf.model.docker;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.Setting;
import dev.criconf.model.internal.KeySchema;
import dev.criconf.model.internal.Trees;
import dev.criconf.model.internal.Trees.Match;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.TypeMismatch;
import dev.criconf.model.value.UnknownKey;
import dev.criconf.model.value.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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

    /**
     * The keys {@code daemon.json} may have: the documented Linux list (docker/cli
     * {@code docs/reference/dockerd.md} at 28f75608, "full example of the allowed configuration
     * options on Linux"), keys moby skips in its check ({@code features}, {@code builder},
     * {@code min-api-version}, {@code deprecated-key-path}, {@code allow-nondistributable-artifacts}),
     * and keys of earlier or Windows releases ({@code metrics-addr}, {@code default-ipc-mode},
     * {@code cpu-rt-period}, {@code cpu-rt-runtime}, {@code oom-score-adjust}, {@code api-cors-header},
     * {@code cluster-store}, {@code cluster-advertise}, {@code cluster-store-opts}, {@code nri-opts},
     * {@code network-control-plane-mtu}, {@code default-isolation}).
     */
    public static final Set<String> KNOWN_KEYS = Set.of("allow-direct-routing", "authorization-plugins", "bip", "bip6", "bridge",
            "bridge-accept-fwmark", "builder", "cgroup-parent", "containerd", "containerd-namespace", "containerd-plugins-namespace",
            "data-root", "debug", "default-address-pools", "default-cgroupns-mode", "default-gateway", "default-gateway-v6",
            "default-network-opts", "default-runtime", "default-shm-size", "default-ulimits", "dns", "dns-opts", "dns-search",
            "exec-opts", "exec-root", "experimental", "features", "firewall-backend", "fixed-cidr", "fixed-cidr-v6", "group",
            "host-gateway-ip", "hosts", "proxies", "icc", "init", "init-path", "insecure-registries", "ip", "ip-forward", "ip-masq",
            "iptables", "ip6tables", "ipv6", "labels", "live-restore", "log-driver", "log-format", "log-level", "log-opts",
            "max-concurrent-downloads", "max-concurrent-uploads", "max-download-attempts", "mtu", "no-new-privileges",
            "node-generic-resources", "pidfile", "raw-logs", "registry-mirrors", "runtimes", "seccomp-profile", "selinux-enabled",
            "shutdown-timeout", "storage-driver", "storage-opts", "swarm-default-advertise-addr", "tls", "tlscacert", "tlscert",
            "tlskey", "tlsverify", "userland-proxy", "userland-proxy-path", "userns-remap",
            "min-api-version", "deprecated-key-path", "allow-nondistributable-artifacts",
            "metrics-addr", "default-ipc-mode", "cpu-rt-period", "cpu-rt-runtime", "oom-score-adjust", "api-cors-header",
            "cluster-store", "cluster-advertise", "cluster-store-opts", "nri-opts", "network-control-plane-mtu", "default-isolation");

    private static final KeySchema SCHEMA;

    static {
        Map<String, KeySchema> fields = new LinkedHashMap<>();
        for (String k : KNOWN_KEYS) {
            fields.put(k, new KeySchema.Any());
        }
        KeySchema strings = new KeySchema.ListOf(KeySchema.leaf(ValueType.STRING));
        for (String k : List.of("exec-opts", "registry-mirrors", "insecure-registries", "hosts", "dns", "dns-opts", "dns-search",
                "labels", "storage-opts", "authorization-plugins", "node-generic-resources")) {
            fields.put(k, strings);
        }
        for (String k : List.of("data-root", "exec-root", "log-driver", "cgroup-parent", "default-runtime", "storage-driver")) {
            fields.put(k, KeySchema.leaf(ValueType.STRING));
        }
        fields.put("log-opts", KeySchema.Table.mapOf(KeySchema.leaf(ValueType.STRING)));
        fields.put("proxies", KeySchema.Table.of(Map.of("http-proxy", KeySchema.leaf(ValueType.STRING),
                "https-proxy", KeySchema.leaf(ValueType.STRING), "no-proxy", KeySchema.leaf(ValueType.STRING))));
        SCHEMA = KeySchema.Table.of(fields);
    }

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

    /**
     * Keys no Docker release criconf knows: dockerd refuses to start with
     * {@code the following directives don't match any configuration option}. Letter case matters.
     */
    public List<UnknownKey> unknownKeys() {
        return KeySchema.check(tree, SCHEMA, false).unknownKeys();
    }

    /**
     * Values of the wrong type for the keys criconf types ({@code exec-opts} and the other lists of
     * strings, the paths and names, {@code log-opts} values, which must be strings): dockerd fails to
     * decode the file.
     */
    public List<TypeMismatch> typeMismatches() {
        return KeySchema.check(tree, SCHEMA, false).typeMismatches();
    }

    /** {@code runtimes}. */
    public Optional<ConfigTable> runtimes() {
        return tree.table("runtimes");
    }
}
