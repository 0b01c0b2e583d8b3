package dev.criconf.model.catalog;

import dev.criconf.model.KubernetesVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The kubelet's command-line flags: which exist in which release, which were removed and when,
 * which are deprecated, which are booleans (pflag lets {@code --flag} stand alone and never takes the
 * next word as its value), which are maps or lists, and which {@code KubeletConfiguration} field a
 * flag sets.
 *
 * <p>Names are compared the way the kubelet's flag set normalises them ({@code WordSepNormalizeFunc}):
 * {@code _} is {@code -}, so {@code --cgroup_driver} is {@code --cgroup-driver}.
 *
 * <p>Sources: kubernetes/kubernetes {@code cmd/kubelet/app/options/options.go} ({@code AddFlags},
 * {@code AddKubeletConfigFlags}; every config-backed flag is marked deprecated with "This parameter
 * should be set via the config file" except {@code -v}, {@code --vmodule}, {@code --log-flush-frequency},
 * {@code --provider-id}), {@code pkg/kubelet/config/flags.go} ({@code ContainerRuntimeOptions});
 * removals: CHANGELOG-1.24 (dockershim flags, PR #106907; {@code --dynamic-config-dir}, PR #106932;
 * {@code --non-masquerade-cidr}, PR #107096), CHANGELOG-1.26 (klog flags, PR #112120), CHANGELOG-1.27
 * ({@code --container-runtime}, PR #114017), CHANGELOG-1.31 ({@code --keep-terminated-pod-volumes},
 * PR #122082), CHANGELOG-1.34 ({@code --register-schedulable}, PR #122384), CHANGELOG-1.35
 * ({@code --pod-infra-container-image}, PR #133779). Research sheet {@code kubelet-kubeadm.md} §4, §5.
 */
public final class KubeletFlagCatalog {

    /**
     * One flag.
     *
     * @param name            the flag without dashes, e.g. {@code cgroup-driver} ({@code v} for {@code -v})
     * @param kind            how its value is written
     * @param configField     the {@code KubeletConfiguration} field it sets, when it is config-backed
     * @param addedIn         first release that has it; empty when it predates the releases criconf tracks
     * @param deprecatedSince first release that prints a deprecation warning for it; empty when not deprecated
     * @param removedIn       first release that no longer knows it (the kubelet then refuses to start)
     * @param note            why it is deprecated or removed, and what replaces it; empty when nothing to say
     */
    public record Flag(String name, FlagValueKind kind, Optional<String> configField, Optional<KubernetesVersion> addedIn,
            Optional<KubernetesVersion> deprecatedSince, Optional<KubernetesVersion> removedIn, String note) {
        /** Rejects nulls. */
        public Flag {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(configField, "configField");
            Objects.requireNonNull(addedIn, "addedIn");
            Objects.requireNonNull(deprecatedSince, "deprecatedSince");
            Objects.requireNonNull(removedIn, "removedIn");
            Objects.requireNonNull(note, "note");
        }

        /** Whether the kubelet of this release accepts the flag. */
        public boolean existsIn(KubernetesVersion v) {
            return addedIn.map(a -> v.isAtLeast(a.major(), a.minor())).orElse(true)
                    && removedIn.map(r -> v.isBefore(r.major(), r.minor())).orElse(true);
        }

        /** Whether the kubelet of this release accepts the flag but warns that it is deprecated. */
        public boolean isDeprecatedIn(KubernetesVersion v) {
            return existsIn(v) && deprecatedSince.map(d -> v.isAtLeast(d.major(), d.minor())).orElse(false);
        }

        /** Whether pflag treats it as a boolean ({@code --flag} alone; {@code --flag value} leaves {@code value} as a stray word). */
        public boolean isBoolean() {
            return kind == FlagValueKind.BOOLEAN;
        }

        /** The flag as written on a command line, e.g. {@code --cgroup-driver} or {@code -v}. */
        public String spelled() {
            return (name.length() == 1 ? "-" : "--") + name;
        }
    }

    private static final Map<String, Flag> FLAGS = new LinkedHashMap<>();
    // The oldest release whose deprecation of config-backed flags criconf can name; earlier ones date from 1.10.
    private static final KubernetesVersion CONFIG_FILE_ERA = KubernetesVersion.of(1, 10);

    private static KubernetesVersion v(int minor) {
        return KubernetesVersion.of(1, minor);
    }

    private static void put(String name, FlagValueKind kind, String field, Integer added, Integer deprecated, Integer removed, String note) {
        FLAGS.put(name, new Flag(name, kind, Optional.ofNullable(field), Optional.ofNullable(added).map(KubeletFlagCatalog::v),
                Optional.ofNullable(deprecated).map(KubeletFlagCatalog::v), Optional.ofNullable(removed).map(KubeletFlagCatalog::v), note));
    }

    private static FlagValueKind kindOf(KubeletFieldCatalog.Field f) {
        switch (f.type()) {
            case BOOLEAN:
                return FlagValueKind.BOOLEAN;
            case INTEGER:
                return FlagValueKind.INTEGER;
            case DURATION:
            case DURATION_OR_NANOS:
                return FlagValueKind.DURATION;
            case STRING_MAP:
                return f.path().equals("evictionHard") || f.path().equals("evictionSoft")
                        ? FlagValueKind.THRESHOLD_MAP : FlagValueKind.KEY_VALUE_MAP;
            case BOOLEAN_MAP:
                return FlagValueKind.FEATURE_GATES;
            case STRING_LIST:
            case INTEGER_LIST:
                return FlagValueKind.LIST;
            case STRING:
                return FlagValueKind.STRING;
            default:
                return f.path().equals("registerWithTaints") ? FlagValueKind.LIST : FlagValueKind.OTHER;
        }
    }

    static {
        String configFile = "set the field in the KubeletConfiguration file (--config) instead";
        for (KubeletFieldCatalog.Field f : KubeletFieldCatalog.all()) {
            if (f.flag().isEmpty()) {
                continue;
            }
            String name = f.flag().get();
            boolean stays = name.equals("v") || name.equals("vmodule") || name.equals("log-flush-frequency")
                    || name.equals("provider-id") || name.equals("logging-format") || name.equals("seccomp-default");
            Integer deprecated = stays ? null : f.since().filter(s -> s.isAtLeast(1, 11)).map(KubernetesVersion::minor).orElse(CONFIG_FILE_ERA.minor());
            Integer added = null;
            if (name.equals("tls-curve-preferences")) {
                added = 36;
            }
            put(name, kindOf(f), f.path(), added, deprecated, null, stays ? "" : configFile + " (" + f.path() + ")");
        }
        // Flag-only settings (KubeletFlags, ContainerRuntimeOptions, globals).
        put("config", FlagValueKind.STRING, null, null, null, null, "");
        put("config-dir", FlagValueKind.STRING, null, 28, null, null, "");
        put("kubeconfig", FlagValueKind.STRING, null, null, null, null, "");
        put("bootstrap-kubeconfig", FlagValueKind.STRING, null, null, null, null, "");
        put("cert-dir", FlagValueKind.STRING, null, null, null, null, "");
        put("root-dir", FlagValueKind.STRING, null, null, null, null, "");
        put("hostname-override", FlagValueKind.STRING, null, null, null, null, "");
        put("node-ip", FlagValueKind.STRING, null, null, null, null, "");
        put("node-labels", FlagValueKind.KEY_VALUE_MAP, null, null, null, null, "");
        put("cloud-provider", FlagValueKind.STRING, null, null, null, null, "");
        put("lock-file", FlagValueKind.STRING, null, null, null, null, "");
        put("exit-on-lock-contention", FlagValueKind.BOOLEAN, null, null, null, null, "");
        put("runtime-cgroups", FlagValueKind.STRING, null, null, null, null, "");
        put("image-credential-provider-config", FlagValueKind.STRING, null, null, null, null, "");
        put("image-credential-provider-bin-dir", FlagValueKind.STRING, null, null, null, null, "");
        put("windows-service", FlagValueKind.BOOLEAN, null, null, null, null, "");
        put("windows-priorityclass", FlagValueKind.STRING, null, null, null, null, "");
        put("log-json-split-stream", FlagValueKind.BOOLEAN, null, null, null, null, "");
        put("log-json-info-buffer-size", FlagValueKind.STRING, null, null, null, null, "");
        put("log-text-split-stream", FlagValueKind.BOOLEAN, null, null, null, null, "");
        put("log-text-info-buffer-size", FlagValueKind.STRING, null, null, null, null, "");
        put("version", FlagValueKind.BOOLEAN, null, null, null, null, "");
        put("help", FlagValueKind.BOOLEAN, null, null, null, null, "");
        put("h", FlagValueKind.BOOLEAN, null, null, null, null, "");
        // 1.24-1.26 accept it without a pflag deprecation (only a log line); deprecated from 1.27
        put("pod-infra-container-image", FlagValueKind.STRING, null, null, 27, 35,
                "has no effect since 1.29 (the runtime's sandbox image is used and pinned); set the sandbox image in the runtime's configuration");
        put("minimum-container-ttl-duration", FlagValueKind.DURATION, null, null, CONFIG_FILE_ERA.minor(), null, "use eviction settings instead");
        put("maximum-dead-containers-per-container", FlagValueKind.INTEGER, null, null, CONFIG_FILE_ERA.minor(), null, "use eviction settings instead");
        put("maximum-dead-containers", FlagValueKind.INTEGER, null, null, CONFIG_FILE_ERA.minor(), null, "use eviction settings instead");
        put("experimental-mounter-path", FlagValueKind.STRING, null, null, CONFIG_FILE_ERA.minor(), null, "will be removed");
        put("cloud-config", FlagValueKind.STRING, null, null, CONFIG_FILE_ERA.minor(), null, "will be removed");
        put("experimental-allocatable-ignore-eviction", FlagValueKind.BOOLEAN, null, null, CONFIG_FILE_ERA.minor(), null, "will be removed");
        put("register-schedulable", FlagValueKind.BOOLEAN, null, null, CONFIG_FILE_ERA.minor(), 34, "use registerWithTaints instead");
        put("keep-terminated-pod-volumes", FlagValueKind.BOOLEAN, null, null, CONFIG_FILE_ERA.minor(), 31, "deprecated since 1.8 without replacement");
        // Removed with dockershim or before.
        String dockershim = "dockershim was removed in 1.24; configure the CRI runtime instead";
        put("container-runtime", FlagValueKind.STRING, null, null, 24, 27, "the only remaining value was 'remote'; delete the flag");
        for (String n : List.of("network-plugin", "cni-conf-dir", "cni-bin-dir", "cni-cache-dir", "network-plugin-mtu", "docker-endpoint",
                "image-pull-progress-deadline", "experimental-dockershim-root-directory")) {
            put(n, n.equals("network-plugin-mtu") ? FlagValueKind.INTEGER : n.equals("image-pull-progress-deadline") ? FlagValueKind.DURATION
                    : FlagValueKind.STRING, null, null, 20, 24, dockershim);
        }
        put("dynamic-config-dir", FlagValueKind.STRING, null, null, 22, 24, "dynamic kubelet configuration was removed in 1.24");
        put("non-masquerade-cidr", FlagValueKind.STRING, null, null, CONFIG_FILE_ERA.minor(), 24, "only dockershim's kubenet used it");
        for (String n : List.of("log-dir", "log-file", "log-file-max-size", "stderrthreshold", "log-backtrace-at")) {
            put(n, FlagValueKind.STRING, null, null, 23, 26, "klog flags were removed in 1.26 (KEP-2845); log to stderr and let systemd collect it");
        }
        for (String n : List.of("logtostderr", "alsologtostderr", "one-output", "skip-headers", "skip-log-headers", "add-dir-header")) {
            put(n, FlagValueKind.BOOLEAN, null, null, 23, 26, "klog flags were removed in 1.26 (KEP-2845); log to stderr and let systemd collect it");
        }
        for (String n : List.of("require-kubeconfig", "allow-privileged")) {
            put(n, FlagValueKind.BOOLEAN, null, null, null, 15, "removed before 1.15");
        }
        for (String n : List.of("cadvisor-port", "experimental-bootstrap-kubeconfig", "api-servers")) {
            put(n, FlagValueKind.STRING, null, null, null, 15, "removed before 1.15");
        }
    }

    private KubeletFlagCatalog() {}

    /** The flag name as the kubelet compares it: no leading dashes, {@code _} turned into {@code -}. */
    public static String normalize(String flag) {
        String s = flag;
        while (s.startsWith("-")) {
            s = s.substring(1);
        }
        return s.replace('_', '-');
    }

    /** The flag, by any spelling the kubelet accepts ({@code --cgroup_driver}, {@code cgroup-driver}). */
    public static Optional<Flag> find(String flag) {
        return Optional.ofNullable(FLAGS.get(normalize(flag)));
    }

    /** Every flag criconf knows, including removed ones. */
    public static List<Flag> all() {
        return List.copyOf(FLAGS.values());
    }

    /** Whether the kubelet of this release accepts the flag; a flag criconf does not know counts as unknown. */
    public static boolean existsIn(String flag, KubernetesVersion v) {
        return find(flag).map(f -> f.existsIn(v)).orElse(false);
    }

    /** Whether pflag treats the flag as a boolean (see {@link Flag#isBoolean()}); unknown flags are not. */
    public static boolean isBoolean(String flag) {
        return find(flag).map(Flag::isBoolean).orElse(false);
    }

    /** Flags that exist in {@code from} but no longer in {@code to}: what an upgrade breaks. */
    public static List<Flag> removedBetween(KubernetesVersion from, KubernetesVersion to) {
        List<Flag> out = new ArrayList<>();
        for (Flag f : FLAGS.values()) {
            if (f.existsIn(from) && !f.existsIn(to)) {
                out.add(f);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** A suggestion for a misspelt flag: a known flag within two edits, or one that differs only in case. */
    public static Optional<String> suggest(String flag) {
        String n = normalize(flag);
        String best = null;
        int bestDistance = 3;
        for (String k : FLAGS.keySet()) {
            if (k.equalsIgnoreCase(n) && !k.equals(n)) {
                return Optional.of("--" + k);
            }
            int d = dev.criconf.model.internal.Strings.editDistance(n.toLowerCase(Locale.ROOT), k, bestDistance);
            if (d < bestDistance && FLAGS.get(k).removedIn().isEmpty()) {
                bestDistance = d;
                best = k;
            }
        }
        return Optional.ofNullable(best).map(b -> (b.length() == 1 ? "-" : "--") + b);
    }
}
