package dev.criconf.io.args;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a program's flag parser knows about its flags: which take no value (booleans), how repeated
 * occurrences combine, the one-letter shorthands, and how names are normalised.
 *
 * <p>A spec is <em>open</em> or <em>closed</em>. In an open spec every flag exists: a name it does
 * not list is a {@link FlagKind#STRING} flag. That is what a linter wants for the kubelet, whose
 * flag set changes from version to version (unknown flags are a versioned rule, not a parse
 * error). In a closed spec an unlisted flag is reported as {@code unknown flag}, and its value is
 * skipped the way pflag's {@code ParseErrorsWhitelist.UnknownFlags} skips it: {@code --x=v}
 * consumes nothing more, {@code --x} consumes the next word unless it starts with {@code -}.
 */
public final class FlagSpec {

    private final Map<String, FlagKind> kinds;
    private final Map<Character, String> shorthands;
    private final boolean wordSeparatorNormalization;
    private final boolean closed;
    private final Predicate<String> booleans;

    private FlagSpec(Map<String, FlagKind> kinds, Map<Character, String> shorthands,
            boolean wordSeparatorNormalization, boolean closed, Predicate<String> booleans) {
        this.kinds = Map.copyOf(kinds);
        this.shorthands = Map.copyOf(shorthands);
        this.wordSeparatorNormalization = wordSeparatorNormalization;
        this.closed = closed;
        this.booleans = booleans;
    }

    /**
     * An open spec where the predicate says which flags are boolean; every other flag takes a
     * value (the next word when written without {@code =}), and the last occurrence wins.
     */
    public static FlagSpec booleans(Predicate<String> isBoolean) {
        Objects.requireNonNull(isBoolean);
        return new FlagSpec(Map.of(), Map.of(), false, false, isBoolean);
    }

    /** A builder for a spec of one's own (open unless {@link Builder#closed()} is called). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The kubelet's flags (k8s.io/kubernetes cmd/kubelet/app/options/options.go, the logging flags
     * of k8s.io/component-base/logs/api/v1, and boolean flags of releases since 1.8 that old
     * drop-ins still pass). Open: unlisted flags take a value. Names are normalised with
     * {@code cliflag.WordSepNormalizeFunc} ({@code _} is {@code -}); shorthands {@code -v} and {@code -h}.
     */
    public static FlagSpec kubelet() {
        return KUBELET;
    }

    /**
     * cri-dockerd's flags (Mirantis/cri-dockerd cmd/cri/options): boolean {@code --ipv6-dual-stack},
     * {@code --version}, {@code --buildinfo}, {@code --help}; open; no name normalisation.
     */
    public static FlagSpec criDockerd() {
        return CRI_DOCKERD;
    }

    /** The kind of a flag, by its name as written or normalised; empty for an unknown flag of a closed spec. */
    public Optional<FlagKind> kind(String name) {
        String n = normalize(name);
        FlagKind k = kinds.get(n);
        if (k != null) {
            return Optional.of(k);
        }
        if (closed) {
            return Optional.empty();
        }
        return Optional.of(booleans.test(n) ? FlagKind.BOOLEAN : FlagKind.STRING);
    }

    /** The canonical name pflag stores the flag under. */
    public String normalize(String name) {
        return wordSeparatorNormalization ? name.replace('_', '-') : name;
    }

    /** The long name a one-letter shorthand stands for. */
    public Optional<String> shorthand(char c) {
        return Optional.ofNullable(shorthands.get(c));
    }

    /** The shorthand letter of a long name, if it has one. */
    public Optional<Character> shorthandOf(String name) {
        String n = normalize(name);
        return shorthands.entrySet().stream().filter(e -> e.getValue().equals(n)).map(Map.Entry::getKey).findFirst();
    }

    /** Whether flags the spec does not list are unknown flags. */
    public boolean closed() {
        return closed;
    }

    /** Builds a spec flag by flag. */
    public static final class Builder {
        private final Map<String, FlagKind> kinds = new HashMap<>();
        private final Map<Character, String> shorthands = new HashMap<>();
        private boolean normalize;
        private boolean closed;
        private Predicate<String> booleans = n -> false;

        private Builder() {}

        /** Declares a flag by its canonical name. */
        public Builder flag(String name, FlagKind kind) {
            kinds.put(name, Objects.requireNonNull(kind));
            return this;
        }

        /** Declares several flags of one kind. */
        public Builder flags(FlagKind kind, String... names) {
            for (String n : names) {
                flag(n, kind);
            }
            return this;
        }

        /** Declares {@code -letter} as a shorthand of {@code --name}. */
        public Builder shorthand(char letter, String name) {
            shorthands.put(letter, name);
            return this;
        }

        /** Treat {@code _} as {@code -} in names, as the kubelet does. */
        public Builder normalizeWordSeparators() {
            normalize = true;
            return this;
        }

        /** Report flags the spec does not list as unknown. */
        public Builder closed() {
            closed = true;
            return this;
        }

        /** For an open spec: which unlisted flags are boolean. */
        public Builder unlistedBooleans(Predicate<String> isBoolean) {
            booleans = Objects.requireNonNull(isBoolean);
            return this;
        }

        /** The spec. */
        public FlagSpec build() {
            return new FlagSpec(kinds, shorthands, normalize, closed, booleans);
        }
    }

    private static final FlagSpec KUBELET = builder()
            .normalizeWordSeparators()
            .flags(FlagKind.BOOLEAN,
                    // cmd/kubelet/app/options/options.go (KubeletFlags, AddKubeletConfigFlags)
                    "seccomp-default", "exit-on-lock-contention", "register-schedulable", "keep-terminated-pod-volumes",
                    "experimental-allocatable-ignore-eviction", "enable-server", "fail-swap-on", "anonymous-auth",
                    "authentication-token-webhook", "rotate-server-certificates", "rotate-certificates",
                    "enable-debugging-handlers", "contention-profiling", "cgroups-per-qos", "runonce", "cpu-cfs-quota",
                    "enable-controller-attach-detach", "make-iptables-util-chains", "kernel-memcg-notification",
                    "local-storage-capacity-isolation", "serialize-image-pulls", "protect-kernel-defaults", "register-node",
                    // options_windows.go
                    "windows-service",
                    // component-base logs
                    "log-json-split-stream", "log-text-split-stream",
                    "help",
                    // removed flags that old drop-ins and kubeadm-flags.env files still pass
                    "allow-privileged", "require-kubeconfig", "logtostderr", "alsologtostderr", "one-output",
                    "skip-headers", "skip-log-headers", "add-dir-header", "experimental-dockershim",
                    "redirect-container-streaming", "enable-cadvisor-json-endpoints", "docker-disable-shared-pid",
                    "experimental-check-node-capabilities-before-mount", "experimental-kernel-memcg-notification",
                    "containerized", "really-crash-for-testing", "enable-custom-metrics", "experimental-fail-swap-on",
                    "babysit-daemons", "enable-load-reader", "cadvisor-json-endpoints", "dynamic-config-dir-enabled")
            // the version flag (component-base/version/verflag) accepts --version, --version=raw, --version=vX.Y.Z
            .flag("version", FlagKind.OPTIONAL_VALUE)
            .flag("feature-gates", FlagKind.MAP_STRING_BOOL)
            .flag("node-labels", FlagKind.CONFIGURATION_MAP)
            .flags(FlagKind.MAP_STRING_STRING, "system-reserved", "kube-reserved", "qos-reserved",
                    "eviction-soft-grace-period", "eviction-minimum-reclaim")
            .flags(FlagKind.MAP_STRING_STRING_NO_SPLIT, "cpu-manager-policy-options", "topology-manager-policy-options")
            .flags(FlagKind.LANGLE_MAP, "eviction-hard", "eviction-soft")
            .flags(FlagKind.STRING_SLICE, "tls-cipher-suites", "cluster-dns", "allowed-unsafe-sysctls",
                    "enforce-node-allocatable")
            .flags(FlagKind.REPEATED, "reserved-memory", "manifest-url-header")
            .shorthand('v', "v")
            .shorthand('h', "help")
            .build();

    private static final FlagSpec CRI_DOCKERD = builder()
            .flags(FlagKind.BOOLEAN, "ipv6-dual-stack", "version", "buildinfo", "help")
            .shorthand('h', "help")
            .build();
}
