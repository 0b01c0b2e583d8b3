package dev.criconf.model.catalog;

import dev.criconf.model.Component;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.Setting;
import dev.criconf.model.value.ValueType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields of {@code KubeletConfiguration} ({@code kubelet.config.k8s.io/v1beta1}): JSON name,
 * type, the first release whose v1beta1 struct has it, the command-line flag bound to it, and
 * the default the kubelet applies when the file leaves it out.
 *
 * <p>Struct-valued fields ({@code authentication}, {@code authorization}, {@code logging},
 * {@code memorySwap}, {@code crashLoopBackOff}, {@code userNamespaces}) are listed member by member
 * with dotted paths ({@code authentication.anonymous.enabled}), because flags set single members.
 *
 * <p>Sources: kubernetes/kubelet {@code config/v1beta1/types.go} at every {@code v0.N.0} tag
 * (v0.17.0 to v0.36.3; {@code defaultPodSysctls} from 1.37-dev master); defaults from
 * kubernetes/kubernetes {@code pkg/kubelet/apis/config/v1beta1/defaults.go}
 * ({@code SetDefaults_KubeletConfiguration}); flags from {@code cmd/kubelet/app/options/options.go}
 * {@code AddKubeletConfigFlags}. Research sheet {@code kubelet-kubeadm.md} §1 holds the table.
 */
public final class KubeletFieldCatalog {

    /** The only served {@code apiVersion} of KubeletConfiguration. */
    public static final String API_VERSION = "kubelet.config.k8s.io/v1beta1";
    /** The {@code kind} of a kubelet configuration file or drop-in. */
    public static final String KIND = "KubeletConfiguration";

    /** How a field's value is written and how flags and drop-ins combine it. */
    public enum FieldType {
        /** {@code true}/{@code false}. */
        BOOLEAN(Set.of(ValueType.BOOLEAN)),
        /** An integer. */
        INTEGER(Set.of(ValueType.INTEGER)),
        /** A number (an integer is accepted). */
        FLOAT(Set.of(ValueType.FLOAT, ValueType.INTEGER)),
        /** A string. */
        STRING(Set.of(ValueType.STRING)),
        /** A Go duration string such as {@code 2m} or {@code 1m0s}. */
        DURATION(Set.of(ValueType.STRING)),
        /** A duration string or an integer number of nanoseconds ({@code logging.flushFrequency}). */
        DURATION_OR_NANOS(Set.of(ValueType.STRING, ValueType.INTEGER)),
        /** {@code map[string]string}: drop-ins merge it key by key; a flag replaces it. */
        STRING_MAP(Set.of(ValueType.TABLE)),
        /** {@code map[string]bool} ({@code featureGates}): drop-ins and flags merge it key by key. */
        BOOLEAN_MAP(Set.of(ValueType.TABLE)),
        /** {@code []string}: replaced as a whole. */
        STRING_LIST(Set.of(ValueType.ARRAY)),
        /** {@code []int32}: replaced as a whole. */
        INTEGER_LIST(Set.of(ValueType.ARRAY)),
        /** A list of objects (taints, reservations, priorities): replaced as a whole. */
        OBJECT_LIST(Set.of(ValueType.ARRAY)),
        /** {@code map[string][]string} ({@code staticPodURLHeader}). */
        STRING_LIST_MAP(Set.of(ValueType.TABLE)),
        /** An object criconf does not look into ({@code tracing}, {@code logging.options}). */
        OBJECT(Set.of(ValueType.TABLE));

        private final Set<ValueType> accepted;

        FieldType(Set<ValueType> accepted) {
            this.accepted = accepted;
        }

        /** The value types the kubelet's JSON decoding accepts (null is always accepted: it means absent). */
        public Set<ValueType> accepted() {
            return accepted;
        }

        /** Whether a value of this type is merged key by key across drop-ins (JSON merge patch). */
        public boolean isMap() {
            return this == STRING_MAP || this == BOOLEAN_MAP || this == STRING_LIST_MAP;
        }
    }

    /**
     * A default that holds for a range of releases.
     *
     * @param value the default as text (a map as {@code k=v,k=v}, a list as {@code a,b}; empty string for "")
     * @param since first release with this default, empty for "as far back as criconf knows"
     * @param until first release without it, empty for "still the default"
     */
    public record DefaultValue(String value, Optional<KubernetesVersion> since, Optional<KubernetesVersion> until) {
        /** Rejects nulls. */
        public DefaultValue {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(until, "until");
        }

        boolean appliesTo(KubernetesVersion v) {
            return since.map(s -> v.isAtLeast(s.major(), s.minor())).orElse(true)
                    && until.map(u -> v.isBefore(u.major(), u.minor())).orElse(true);
        }

        String label() {
            if (since.isPresent() && until.isPresent()) {
                return since.get() + " to before " + until.get();
            }
            if (since.isPresent()) {
                return since.get() + " and later";
            }
            return until.map(u -> "before " + u).orElse("all versions");
        }
    }

    /**
     * One field.
     *
     * @param path     JSON field name, dotted for struct members ({@code authentication.anonymous.enabled})
     * @param type     its type
     * @param since    first release whose v1beta1 struct has it; empty when it predates 1.17
     * @param flag     the flag bound to it, without dashes ({@code cgroup-driver}), when there is one
     * @param defaults its defaults by release range; empty when the kubelet leaves it unset
     */
    public record Field(String path, FieldType type, Optional<KubernetesVersion> since, Optional<String> flag,
            List<DefaultValue> defaults) {
        /** Rejects nulls and copies the list. */
        public Field {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(flag, "flag");
            defaults = List.copyOf(defaults);
        }

        /** Whether the field exists in the given release. */
        public boolean existsIn(KubernetesVersion v) {
            return since.map(s -> v.isAtLeast(s.major(), s.minor())).orElse(true);
        }

        /** The kubelet's default in the given release, as text with its source. */
        public Optional<Setting<String>> defaultIn(KubernetesVersion v) {
            if (!existsIn(v)) {
                return Optional.empty();
            }
            for (DefaultValue d : defaults) {
                if (d.appliesTo(v)) {
                    return Optional.of(Setting.ofDefault(d.value(), Component.KUBELET, d.label()));
                }
            }
            return Optional.empty();
        }

        /** The top-level JSON field this path belongs to. */
        public String topLevel() {
            int dot = path.indexOf('.');
            return dot < 0 ? path : path.substring(0, dot);
        }
    }

    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    private static KubernetesVersion v(int minor) {
        return KubernetesVersion.of(1, minor);
    }

    private static void f(String path, FieldType type, Integer since, String flag, String... defaults) {
        List<DefaultValue> ds = new ArrayList<>();
        for (String d : defaults) {
            ds.add(new DefaultValue(d, Optional.empty(), Optional.empty()));
        }
        put(new Field(path, type, Optional.ofNullable(since).map(KubeletFieldCatalog::v), Optional.ofNullable(flag), ds));
    }

    private static void changed(String path, FieldType type, Integer since, String flag, String before, int changedIn, String after) {
        put(new Field(path, type, Optional.ofNullable(since).map(KubeletFieldCatalog::v), Optional.ofNullable(flag), List.of(
                new DefaultValue(before, Optional.empty(), Optional.of(v(changedIn))),
                new DefaultValue(after, Optional.of(v(changedIn)), Optional.empty()))));
    }

    private static void put(Field field) {
        FIELDS.put(field.path(), field);
    }

    static {
        final FieldType B = FieldType.BOOLEAN;
        final FieldType I = FieldType.INTEGER;
        final FieldType S = FieldType.STRING;
        final FieldType D = FieldType.DURATION;
        final FieldType M = FieldType.STRING_MAP;
        final FieldType L = FieldType.STRING_LIST;
        final FieldType OL = FieldType.OBJECT_LIST;
        f("enableServer", B, 19, "enable-server", "true");
        f("staticPodPath", S, null, "pod-manifest-path", "");
        f("podLogsDir", S, 30, null, "/var/log/pods");
        f("syncFrequency", D, null, "sync-frequency", "1m");
        f("fileCheckFrequency", D, null, "file-check-frequency", "20s");
        f("httpCheckFrequency", D, null, "http-check-frequency", "20s");
        f("staticPodURL", S, null, "manifest-url", "");
        f("staticPodURLHeader", FieldType.STRING_LIST_MAP, null, "manifest-url-header");
        f("address", S, null, "address", "0.0.0.0");
        f("port", I, null, "port", "10250");
        f("readOnlyPort", I, null, "read-only-port", "0");
        f("tlsCertFile", S, null, "tls-cert-file", "");
        f("tlsPrivateKeyFile", S, null, "tls-private-key-file", "");
        f("tlsCipherSuites", L, null, "tls-cipher-suites");
        f("tlsCurvePreferences", FieldType.INTEGER_LIST, 36, "tls-curve-preferences");
        f("tlsMinVersion", S, null, "tls-min-version", "");
        f("rotateCertificates", B, null, "rotate-certificates", "false");
        f("serverTLSBootstrap", B, null, "rotate-server-certificates", "false");
        f("authentication.x509.clientCAFile", S, null, "client-ca-file", "");
        f("authentication.webhook.enabled", B, null, "authentication-token-webhook", "true");
        f("authentication.webhook.cacheTTL", D, null, "authentication-token-webhook-cache-ttl", "2m");
        f("authentication.anonymous.enabled", B, null, "anonymous-auth", "false");
        f("authorization.mode", S, null, "authorization-mode", "Webhook");
        f("authorization.webhook.cacheAuthorizedTTL", D, null, "authorization-webhook-cache-authorized-ttl", "5m");
        f("authorization.webhook.cacheUnauthorizedTTL", D, null, "authorization-webhook-cache-unauthorized-ttl", "30s");
        f("registryPullQPS", I, null, "registry-qps", "5");
        f("registryBurst", I, null, "registry-burst", "10");
        f("imagePullCredentialsVerificationPolicy", S, 33, null);
        f("preloadedImagesVerificationAllowlist", L, 33, null);
        changed("eventRecordQPS", I, null, "event-qps", "5", 27, "50");
        changed("eventBurst", I, null, "event-burst", "10", 27, "100");
        f("enableDebuggingHandlers", B, null, "enable-debugging-handlers", "true");
        f("enableContentionProfiling", B, null, "contention-profiling", "false");
        f("healthzPort", I, null, "healthz-port", "10248");
        f("healthzBindAddress", S, null, "healthz-bind-address", "127.0.0.1");
        f("oomScoreAdj", I, null, "oom-score-adj", "-999");
        f("clusterDomain", S, null, "cluster-domain", "");
        f("clusterDNS", L, null, "cluster-dns");
        f("streamingConnectionIdleTimeout", D, null, "streaming-connection-idle-timeout", "4h");
        f("nodeStatusUpdateFrequency", D, null, "node-status-update-frequency", "10s");
        f("nodeStatusReportFrequency", D, null, null, "5m");
        f("nodeLeaseDurationSeconds", I, null, null, "40");
        f("imageMinimumGCAge", D, null, "minimum-image-ttl-duration", "2m");
        f("imageMaximumGCAge", D, 29, null, "0s");
        f("imageGCHighThresholdPercent", I, null, "image-gc-high-threshold", "85");
        f("imageGCLowThresholdPercent", I, null, "image-gc-low-threshold", "80");
        f("volumeStatsAggPeriod", D, null, "volume-stats-agg-period", "1m");
        f("kubeletCgroups", S, null, "kubelet-cgroups", "");
        f("systemCgroups", S, null, "system-cgroups", "");
        f("cgroupRoot", S, null, "cgroup-root", "");
        f("cgroupsPerQOS", B, null, "cgroups-per-qos", "true");
        f("cgroupDriver", S, null, "cgroup-driver", "cgroupfs");
        f("cpuManagerPolicy", S, null, "cpu-manager-policy", "none");
        f("singleProcessOOMKill", B, 32, null);
        f("cpuManagerPolicyOptions", M, 22, "cpu-manager-policy-options");
        f("cpuManagerReconcilePeriod", D, null, "cpu-manager-reconcile-period", "10s");
        f("memoryManagerPolicy", S, 21, "memory-manager-policy", "None");
        f("topologyManagerPolicy", S, null, "topology-manager-policy", "none");
        f("topologyManagerScope", S, 20, "topology-manager-scope", "container");
        f("topologyManagerPolicyOptions", M, 26, "topology-manager-policy-options");
        f("qosReserved", M, null, "qos-reserved");
        f("runtimeRequestTimeout", D, null, "runtime-request-timeout", "2m");
        f("hairpinMode", S, null, "hairpin-mode", "promiscuous-bridge");
        f("maxPods", I, null, "max-pods", "110");
        f("podCIDR", S, null, "pod-cidr", "");
        f("podPidsLimit", I, null, "pod-max-pids", "-1");
        f("resolvConf", S, null, "resolv-conf", "/etc/resolv.conf");
        f("runOnce", B, 19, "runonce", "false");
        f("cpuCFSQuota", B, null, "cpu-cfs-quota", "true");
        f("cpuCFSQuotaPeriod", D, null, "cpu-cfs-quota-period", "100ms");
        f("nodeStatusMaxImages", I, 19, "node-status-max-images", "50");
        f("maxOpenFiles", I, null, "max-open-files", "1000000");
        f("contentType", S, null, "kube-api-content-type", "application/vnd.kubernetes.protobuf");
        changed("kubeAPIQPS", I, null, "kube-api-qps", "5", 27, "50");
        changed("kubeAPIBurst", I, null, "kube-api-burst", "10", 27, "100");
        f("serializeImagePulls", B, null, "serialize-image-pulls", "true");
        f("maxParallelImagePulls", I, 27, null);
        f("evictionHard", M, null, "eviction-hard", "memory.available=100Mi,nodefs.available=10%,nodefs.inodesFree=5%,imagefs.available=15%");
        f("evictionSoft", M, null, "eviction-soft");
        f("evictionSoftGracePeriod", M, null, "eviction-soft-grace-period");
        f("evictionPressureTransitionPeriod", D, null, "eviction-pressure-transition-period", "5m");
        f("evictionMaxPodGracePeriod", I, null, "eviction-max-pod-grace-period", "0");
        f("evictionMinimumReclaim", M, null, "eviction-minimum-reclaim");
        f("mergeDefaultEvictionSettings", B, 33, null, "false");
        f("podsPerCore", I, null, "pods-per-core", "0");
        f("enableControllerAttachDetach", B, null, "enable-controller-attach-detach", "true");
        f("protectKernelDefaults", B, null, "protect-kernel-defaults", "false");
        f("makeIPTablesUtilChains", B, null, "make-iptables-util-chains", "true");
        f("iptablesMasqueradeBit", I, null, "iptables-masquerade-bit", "14");
        f("iptablesDropBit", I, null, "iptables-drop-bit", "15");
        f("featureGates", FieldType.BOOLEAN_MAP, null, "feature-gates");
        f("failSwapOn", B, null, "fail-swap-on", "true");
        f("memorySwap.swapBehavior", S, 22, null, "");
        f("containerLogMaxSize", S, null, "container-log-max-size", "10Mi");
        f("containerLogMaxFiles", I, null, "container-log-max-files", "5");
        f("containerLogMaxWorkers", I, 30, null, "1");
        f("containerLogMonitorInterval", D, 30, null, "10s");
        f("configMapAndSecretChangeDetectionStrategy", S, null, null, "Watch");
        f("systemReserved", M, null, "system-reserved");
        f("kubeReserved", M, null, "kube-reserved");
        f("reservedSystemCPUs", S, null, "reserved-cpus", "");
        f("showHiddenMetricsForVersion", S, 18, null, "");
        f("systemReservedCgroup", S, null, "system-reserved-cgroup", "");
        f("kubeReservedCgroup", S, null, "kube-reserved-cgroup", "");
        f("enforceNodeAllocatable", L, null, "enforce-node-allocatable", "pods");
        f("allowedUnsafeSysctls", L, null, "allowed-unsafe-sysctls");
        f("volumePluginDir", S, 19, "volume-plugin-dir", "/usr/libexec/kubernetes/kubelet-plugins/volume/exec/");
        f("providerID", S, 19, "provider-id", "");
        f("kernelMemcgNotification", B, 19, "kernel-memcg-notification", "false");
        f("logging.format", S, 19, "logging-format", "text");
        f("logging.flushFrequency", FieldType.DURATION_OR_NANOS, 19, "log-flush-frequency", "5s");
        f("logging.verbosity", I, 19, "v", "0");
        f("logging.vmodule", OL, 19, "vmodule");
        f("logging.options", FieldType.OBJECT, 19, null);
        f("enableSystemLogHandler", B, 19, null, "true");
        f("enableSystemLogQuery", B, 27, null, "false");
        f("shutdownGracePeriod", D, 20, null, "0s");
        f("shutdownGracePeriodCriticalPods", D, 20, null, "0s");
        f("shutdownGracePeriodByPodPriority", OL, 23, null);
        f("crashLoopBackOff.maxContainerRestartPeriod", D, 32, null);
        f("reservedMemory", OL, 21, "reserved-memory");
        f("enableProfilingHandler", B, 21, null, "true");
        f("enableDebugFlagsHandler", B, 21, null, "true");
        f("seccompDefault", B, 22, "seccomp-default", "false");
        put(new Field("memoryThrottlingFactor", FieldType.FLOAT, Optional.of(v(22)), Optional.empty(),
                List.of(new DefaultValue("0.9", Optional.empty(), Optional.of(v(37))))));
        f("memoryReservationPolicy", S, 36, null, "None");
        f("registerWithTaints", OL, 23, "register-with-taints");
        f("registerNode", B, 23, "register-node", "true");
        f("tracing", FieldType.OBJECT, 25, null);
        f("localStorageCapacityIsolation", B, 25, "local-storage-capacity-isolation", "true");
        put(new Field("containerRuntimeEndpoint", S, Optional.of(v(27)), Optional.of("container-runtime-endpoint"),
                List.of(new DefaultValue("unix:///run/containerd/containerd.sock", Optional.of(v(27)), Optional.empty()))));
        f("imageServiceEndpoint", S, 27, "image-service-endpoint", "");
        put(new Field("failCgroupV1", B, Optional.of(v(31)), Optional.empty(), List.of(
                new DefaultValue("false", Optional.empty(), Optional.of(v(35))),
                new DefaultValue("true", Optional.of(v(35)), Optional.empty()))));
        f("userNamespaces.idsPerPod", I, 33, null, "65536");
        f("defaultPodSysctls", M, 37, null);
    }

    /** The struct-valued top-level fields whose members are listed with dotted paths. */
    public static final Set<String> STRUCT_FIELDS = Set.of(
            "authentication", "authorization", "logging", "memorySwap", "crashLoopBackOff", "userNamespaces");

    private KubeletFieldCatalog() {}

    /** Every field in struct order (1.36 order; struct members in place of their struct). */
    public static List<Field> all() {
        return Derived.ALL;
    }

    /** Views of the (immutable after class initialisation) catalog, made once: rules ask for them per node. */
    private static final class Derived {
        static final List<Field> ALL = List.copyOf(FIELDS.values());
        static final Set<String> ALL_TOP_LEVEL = allTopLevel();
        /** Top-level names by release line (major and minor: {@link Field#existsIn} reads no more). */
        static final java.util.concurrent.ConcurrentMap<Long, Set<String>> TOP_LEVEL =
                new java.util.concurrent.ConcurrentHashMap<>();

        private static Set<String> allTopLevel() {
            Set<String> out = new TreeSet<>();
            out.add("apiVersion");
            out.add("kind");
            for (Field f : FIELDS.values()) {
                out.add(f.topLevel());
            }
            return Collections.unmodifiableSet(out);
        }
    }

    /** The field with this dotted path (exact, case-sensitive as the kubelet matches). */
    public static Optional<Field> find(String path) {
        return Optional.ofNullable(FIELDS.get(path));
    }

    /** The field a flag (with or without dashes, {@code _} or {@code -}) is bound to. */
    public static Optional<Field> forFlag(String flag) {
        String name = KubeletFlagCatalog.normalize(flag);
        for (Field f : FIELDS.values()) {
            if (f.flag().isPresent() && f.flag().get().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The top-level JSON field names of a release, plus {@code apiVersion} and {@code kind}. */
    public static Set<String> topLevelNames(KubernetesVersion version) {
        return Derived.TOP_LEVEL.computeIfAbsent(((long) version.major() << 32) | (version.minor() & 0xffffffffL),
                k -> topLevel(version));
    }

    private static Set<String> topLevel(KubernetesVersion version) {
        Set<String> out = new TreeSet<>();
        out.add("apiVersion");
        out.add("kind");
        for (Field f : FIELDS.values()) {
            if (f.existsIn(version)) {
                out.add(f.topLevel());
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** Every top-level JSON field name criconf knows in any release, plus {@code apiVersion} and {@code kind}. */
    public static Set<String> allTopLevelNames() {
        return Derived.ALL_TOP_LEVEL;
    }
}
