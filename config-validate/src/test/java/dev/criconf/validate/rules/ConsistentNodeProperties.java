package dev.criconf.validate.rules;

import static dev.criconf.testing.TestTrees.keyAt;
import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.testing.TestTrees.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioFile;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.model.kubelet.KubeletFlags;
import dev.criconf.validate.Finding;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.Severity;
import dev.criconf.validate.Validator;
import dev.criconf.validate.internal.rules.CgroupDriverMismatchRule;
import dev.criconf.validate.internal.rules.CgroupfsOnSystemdHostRule;
import dev.criconf.validate.internal.rules.CriDockerdUnlinksDockerSocketRule;
import dev.criconf.validate.internal.rules.DeprecatedRegistryRule;
import dev.criconf.validate.internal.rules.DockerRegistryNotMigratedRule;
import dev.criconf.validate.internal.rules.DockershimRemovedRule;
import dev.criconf.validate.internal.rules.RuntimeAmbiguousRule;
import dev.criconf.validate.internal.rules.RuntimeEndpointMismatchRule;
import dev.criconf.validate.internal.rules.RuntimeEndpointSchemeRule;
import dev.criconf.validate.internal.rules.SandboxImageMismatchRule;
import dev.criconf.validate.internal.rules.SandboxImageVersionRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated nodes whose kubelet and runtime (containerd with a version-2 or version-3 file, or
 * CRI-O) agree on the cgroup driver, the CRI socket and the sandbox image, written in the many ways
 * the files allow (config field or flag, explicit value or default, {@code /var/run} or {@code /run},
 * with or without {@code --pod-infra-container-image}, known or unknown runtime release). Such a
 * node gets no error from the cross-component rules; changing exactly one side of one of the three
 * settings brings exactly the rule that compares it.
 */
class ConsistentNodeProperties {

    private static final RuleSet CROSS = RuleSet.of(new CgroupDriverMismatchRule(), new RuntimeEndpointMismatchRule(),
            new RuntimeEndpointSchemeRule(), new RuntimeAmbiguousRule(), new SandboxImageMismatchRule(), new SandboxImageVersionRule(),
            new DeprecatedRegistryRule(), new DockershimRemovedRule(), new CriDockerdUnlinksDockerSocketRule(),
            new DockerRegistryNotMigratedRule(), new CgroupfsOnSystemdHostRule());

    enum Runtime { CONTAINERD_V2, CONTAINERD_V3, CRIO }

    /** What to change on one side of a consistent node. */
    enum Change {
        NONE, KUBELET_DRIVER, RUNTIME_DRIVER, KUBELET_ENDPOINT, RUNTIME_LISTEN, KUBELET_IMAGE, RUNTIME_IMAGE
    }

    /**
     * A node description.
     *
     * @param runtime          which runtime and file layout
     * @param k8sMinor         Kubernetes 1.x
     * @param k8sPatch         patch release, -1 for a release line
     * @param runtimeVersion   the runtime release in the profile, empty when unknown
     * @param systemd          the cgroup driver both sides use
     * @param writeDriver      whether the driver is written (else both rely on their default, when the defaults agree)
     * @param driverByFlag     the kubelet's driver given as {@code --cgroup-driver}
     * @param customSocket     the runtime listens on a non-default path (written)
     * @param writeListen      the runtime's listen address is written even when it is the default
     * @param varRun           the kubelet spells the socket under {@code /var/run}
     * @param endpointByFlag   the kubelet's endpoint given as {@code --container-runtime-endpoint}
     * @param podInfraFlag     the kubelet also has {@code --pod-infra-container-image} (1.34 and earlier)
     * @param systemdHost      the profile says init is systemd and cgroup v2 (else other and v1)
     * @param change           what one side changes
     */
    record Spec(Runtime runtime, int k8sMinor, int k8sPatch, Optional<String> runtimeVersion, boolean systemd, boolean writeDriver,
            boolean driverByFlag, boolean customSocket, boolean writeListen, boolean varRun, boolean endpointByFlag,
            boolean podInfraFlag, boolean systemdHost, Change change) {

        String k8s() {
            return "1." + k8sMinor + (k8sPatch >= 0 ? "." + k8sPatch : "");
        }

        Spec with(Change c) {
            return new Spec(runtime, k8sMinor, k8sPatch, runtimeVersion, systemd, writeDriver, driverByFlag, customSocket, writeListen,
                    varRun, endpointByFlag, podInfraFlag, systemdHost, c);
        }

        boolean hasPodInfraFlag() {
            return podInfraFlag && k8sMinor <= 34;
        }

        String pause() {
            return KnownVersions.kubeadmPauseImage(KubernetesVersion.parse(k8s()).orElseThrow()).orElseThrow().value();
        }

        String socket() {
            if (customSocket) {
                return runtime == Runtime.CRIO ? "/run/crio/kubernetes.sock" : "/run/k8s/containerd.sock";
            }
            return runtime == Runtime.CRIO ? "/var/run/crio/crio.sock" : "/run/containerd/containerd.sock";
        }

        String kubeletSocket() {
            if (change == Change.KUBELET_ENDPOINT) {
                return "/run/other-runtime/cri.sock";
            }
            String s = socket();
            if (varRun && s.startsWith("/run/")) {
                return "/var" + s;
            }
            if (!varRun && s.startsWith("/var/run/")) {
                return s.substring("/var".length());
            }
            return s;
        }

        String runtimeListen() {
            return change == Change.RUNTIME_LISTEN ? "/run/elsewhere/cri.sock" : socket();
        }

        boolean kubeletSystemd() {
            return change == Change.KUBELET_DRIVER ? !systemd : systemd;
        }

        boolean runtimeSystemd() {
            return change == Change.RUNTIME_DRIVER ? !systemd : systemd;
        }

        String runtimeImage() {
            return change == Change.RUNTIME_IMAGE ? "registry.k8s.io/pause:3.5" : pause();
        }

        String flagImage() {
            return change == Change.KUBELET_IMAGE ? "registry.example.internal/k8s/pause:3.5" : pause();
        }

        NodeConfig node() {
            NodeConfig.Builder b = NodeConfig.builder("generated");
            List<Object> profile = new ArrayList<>(List.of("kubernetesVersion", k8s(), "cgroupVersion", systemdHost ? 2 : 1,
                    "init", systemdHost ? "systemd" : "other"));
            runtimeVersion.ifPresent(v -> {
                profile.add(runtime == Runtime.CRIO ? "crioVersion" : "containerdVersion");
                profile.add(v);
            });
            b.profile(NodeProfile.fromTree("criconf.yaml", tree("criconf.yaml", profile.toArray())));

            String yaml = "var/lib/kubelet/config.yaml";
            String env = "var/lib/kubelet/kubeadm-flags.env";
            List<Object> kubelet = new ArrayList<>(List.of("apiVersion", "kubelet.config.k8s.io/v1beta1", "kind", "KubeletConfiguration"));
            List<CommandLineFlag> flags = new ArrayList<>();
            boolean kubeletWritesDriver = writeDriver || kubeletSystemd() || change == Change.KUBELET_DRIVER;
            if (kubeletWritesDriver) {
                String d = kubeletSystemd() ? "systemd" : "cgroupfs";
                if (driverByFlag) {
                    flags.add(flag(env, flags.size() + 1, "cgroup-driver", d));
                } else {
                    kubelet.add("cgroupDriver");
                    kubelet.add(d);
                }
            }
            String endpoint = "unix://" + kubeletSocket();
            if (endpointByFlag || k8sMinor < 27) {
                flags.add(flag(env, flags.size() + 1, "container-runtime-endpoint", endpoint));
            } else {
                kubelet.add("containerRuntimeEndpoint");
                kubelet.add(endpoint);
            }
            if (hasPodInfraFlag()) {
                flags.add(flag(env, flags.size() + 1, "pod-infra-container-image", flagImage()));
            }
            KubeletConfiguration config = new KubeletConfiguration(yaml, tree(yaml, kubelet.toArray()));
            KubeletFlags commandLine = new KubeletFlags(flags, List.of(), Optional.empty());
            b.kubeletConfiguration(config);
            b.kubeletFlags(commandLine);
            // as NodeLoader does: the effective configuration for the node's release, computed once
            b.effectiveKubelet(EffectiveKubeletConfig.compute(KubernetesVersion.parse(k8s()).orElseThrow(), Optional.of(config),
                    List.of(), Optional.of(commandLine)));

            if (runtime == Runtime.CRIO) {
                String f = "etc/crio/crio.conf";
                List<Object> c = new ArrayList<>();
                if (customSocket || writeListen || change == Change.RUNTIME_LISTEN) {
                    c.add("crio.api.listen");
                    c.add(runtimeListen());
                }
                // CRI-O's default is systemd: written when cgroupfs, or when asked to
                if (writeDriver || !runtimeSystemd()) {
                    c.add("crio.runtime.cgroup_manager");
                    c.add(runtimeSystemd() ? "systemd" : "cgroupfs");
                }
                c.add("crio.image.pause_image");
                c.add(runtimeImage());
                b.crio(CrioConfig.single(f, CrioFile.Role.MAIN, tree(f, c.toArray())));
            } else {
                String f = "etc/containerd/config.toml";
                boolean v3 = runtime == Runtime.CONTAINERD_V3;
                String rt = v3 ? "plugins.\"io.containerd.cri.v1.runtime\"." : "plugins.\"io.containerd.grpc.v1.cri\".";
                String img = v3 ? "plugins.\"io.containerd.cri.v1.images\".pinned_images.sandbox" : "plugins.\"io.containerd.grpc.v1.cri\".sandbox_image";
                List<Object> c = new ArrayList<>(List.of("version", v3 ? 3 : 2));
                if (customSocket || writeListen || change == Change.RUNTIME_LISTEN) {
                    c.add("grpc.address");
                    c.add(runtimeListen());
                }
                c.add(img);
                c.add(runtimeImage());
                c.add(rt + "containerd.runtimes.runc.runtime_type");
                c.add("io.containerd.runc.v2");
                // containerd's default is cgroupfs: written when systemd, or when asked to
                if (writeDriver || runtimeSystemd()) {
                    c.add(rt + "containerd.runtimes.runc.options.SystemdCgroup");
                    c.add(runtimeSystemd());
                }
                b.containerd(ContainerdConfig.single(f, tree(f, c.toArray())));
            }
            return b.build();
        }

        private static CommandLineFlag flag(String file, int line, String name, String value) {
            return new CommandLineFlag(name, "--" + name + "=" + value, Optional.of(value), CommandLineFlag.Form.EQUALS,
                    keyAt(file, line), Optional.of(valueAt(file, line)), Optional.of("KUBELET_KUBEADM_ARGS"));
        }
    }

    @Provide
    Arbitrary<Spec> consistentNodes() {
        Arbitrary<Runtime> runtime = Arbitraries.of(Runtime.class);
        return runtime.flatMap(r -> {
            Arbitrary<Optional<String>> version;
            switch (r) {
                case CRIO:
                    version = Arbitraries.integers().between(25, 35).map(m -> "1." + m + ".0").optional(0.7);
                    break;
                case CONTAINERD_V3:
                    version = Arbitraries.of("2.0.0", "2.0.5", "2.1.3", "2.2.0").optional(0.7);
                    break;
                default:
                    version = Arbitraries.of("1.6.20", "1.7.22", "2.0.5", "2.1.3").optional(0.7);
            }
            return Builders.withBuilder(() -> new Object[14])
                    .use(Arbitraries.integers().between(25, 35)).in((a, v) -> set(a, 1, v))
                    .use(Arbitraries.integers().between(-1, 12)).in((a, v) -> set(a, 2, v))
                    .use(version).in((a, v) -> set(a, 3, v))
                    .use(bools(10)).in((a, v) -> {
                        for (int i = 0; i < 10; i++) {
                            a[4 + i] = v.get(i);
                        }
                        return a;
                    })
                    .build(a -> new Spec(r, (Integer) a[1], (Integer) a[2], castOptional(a[3]), (Boolean) a[4], (Boolean) a[5],
                            (Boolean) a[6], (Boolean) a[7], (Boolean) a[8], (Boolean) a[9], (Boolean) a[10], (Boolean) a[11],
                            (Boolean) a[12], Change.NONE));
        });
    }

    private static Object[] set(Object[] a, int i, Object v) {
        a[i] = v;
        return a;
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> castOptional(Object o) {
        return (Optional<String>) o;
    }

    private static Arbitrary<List<Boolean>> bools(int n) {
        return Arbitraries.of(true, false).list().ofSize(n);
    }

    private static List<Finding> findings(Spec s) {
        return Validator.builder().ruleSet(CROSS).build().validate(s.node()).findings();
    }

    @Property(tries = 1000)
    void aConsistentNodeHasNoErrorsAndOnlyTheHostWarning(@ForAll("consistentNodes") Spec s) {
        List<Finding> f = findings(s);
        assertTrue(f.stream().noneMatch(x -> x.severity() == Severity.ERROR), () -> s + "\n" + f);
        Set<String> ids = f.stream().map(Finding::ruleId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = !s.systemd() && s.systemdHost() ? Set.of("cgroupfs-on-systemd-host") : Set.of();
        assertEquals(expected, ids, () -> s + "\n" + f);
    }

    @Property(tries = 1000)
    void changingOneSideBringsExactlyTheRuleThatComparesIt(@ForAll("consistentNodes") Spec consistent,
            @ForAll Change change) {
        if (change == Change.NONE || ((change == Change.KUBELET_IMAGE) && !consistent.hasPodInfraFlag())) {
            return; // nothing to change on that side
        }
        Spec s = consistent.with(change);
        Set<String> ids = findings(s).stream().map(Finding::ruleId)
                .filter(id -> !id.equals("cgroupfs-on-systemd-host")) // follows the driver by design; checked above
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected;
        switch (change) {
            case KUBELET_DRIVER:
            case RUNTIME_DRIVER:
                expected = Set.of("cgroup-driver-mismatch");
                break;
            case KUBELET_ENDPOINT:
            case RUNTIME_LISTEN:
                expected = Set.of("runtime-endpoint-mismatch");
                break;
            case KUBELET_IMAGE:
                expected = Set.of("sandbox-image-mismatch");
                break;
            default:
                // the runtime's image is compared with kubeadm's, and with the kubelet's flag when there is one
                expected = s.hasPodInfraFlag() ? Set.of("sandbox-image-version", "sandbox-image-mismatch") : Set.of("sandbox-image-version");
        }
        assertEquals(new TreeSet<>(expected), ids, () -> s + "\n" + findings(s));
    }
}
