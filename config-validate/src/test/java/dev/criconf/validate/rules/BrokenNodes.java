package dev.criconf.validate.rules;

import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.validate.rules.TomlLayout.Entry;
import dev.criconf.validate.rules.TomlLayout.Raw;
import dev.criconf.validate.rules.TomlLayout.Str;
import dev.criconf.validate.rules.TomlLayout.Strs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;

/**
 * Kubeadm-style nodes written as files, with any combination of the mistakes that the fixable rules
 * report, on any runtime layout: containerd 1.x or 2.x with a version-2 file, containerd 2.x with a
 * version-3 file, CRI-O, cri-dockerd with Docker. The kubelet's settings come from its config file
 * or from kubeadm-flags.env; the runtime's TOML is written in any {@link TomlLayout}, YAML and
 * environment values quoted any way that keeps their meaning. Built like the fixture trees under
 * {@code fixtures/<rule-id>/fires} (the same files at the same node paths), of which each mistake
 * is a variation.
 */
final class BrokenNodes {

    private BrokenNodes() {
    }

    enum RuntimeKind { CONTAINERD_1X_V2, CONTAINERD_2X_V2, CONTAINERD_2X_V3, CRIO, CRI_DOCKERD }

    /** A mistake one of the fixable rules reports. */
    enum Mistake {
        /** cgroup-driver-mismatch: the kubelet and the runtime use different drivers ({@code kubeletSideWrong} says which moved). */
        DRIVER_MISMATCH,
        /** kubelet-invalid-value: the kubelet's driver spelled with capitals ({@code Systemd}, {@code CGROUPFS}). */
        DRIVER_CASING,
        /** runtime-endpoint-scheme: the kubelet's endpoint is a bare path. */
        ENDPOINT_NO_SCHEME,
        /** runtime-endpoint-scheme (error): {@code unix://run/...}, two slashes. */
        ENDPOINT_TWO_SLASHES,
        /** deprecated-registry: the runtime's sandbox image on k8s.gcr.io. */
        GCR_SANDBOX,
        /** kubelet-deprecated-flag / kubelet-unknown-flag: {@code --pod-infra-container-image} (deprecated 1.27, removed 1.35). */
        POD_INFRA_FLAG,
        /** deprecated-registry on the kubelet flag (with {@link #POD_INFRA_FLAG}). */
        GCR_POD_INFRA,
        /** kubelet-unknown-flag: {@code --network-plugin=cni}, removed in 1.24. */
        REMOVED_FLAG,
        /** kubelet-flag-split: {@code --node-labels=a=b, c=d} in KUBELET_EXTRA_ARGS. */
        FLAG_SPLIT,
        /** crio-conmon-cgroup (CRI-O only): a conmon_cgroup that does not fit the manager. */
        CONMON,
        /** containerd-cri-disabled (containerd only): disabled_plugins names the CRI plugin. */
        CRI_DISABLED
    }

    static final List<String> KUBERNETES = List.of("1.26.15", "1.29.4", "1.31.2", "1.33.4", "1.35.0");

    /**
     * One node.
     *
     * @param runtime          the runtime and its file layout
     * @param kubernetes       the release in the node profile
     * @param runtimeVersion   the runtime's release in the node profile
     * @param systemd          the driver the correct side uses
     * @param kubeletSideWrong with {@link Mistake#DRIVER_MISMATCH}: the kubelet's driver is the wrong one (else the runtime's)
     * @param driverByFlag     the kubelet's driver is {@code --cgroup-driver} in kubeadm-flags.env
     * @param endpointByFlag   the kubelet's endpoint is {@code --container-runtime-endpoint} (always before 1.27)
     * @param choice           which of the equivalent wrong spellings (disabled plugin id, conmon value)
     * @param mistakes         what is wrong
     * @param toml             the layout of the runtime's TOML
     */
    record Spec(RuntimeKind runtime, String kubernetes, String runtimeVersion, boolean systemd, boolean kubeletSideWrong,
            boolean driverByFlag, boolean endpointByFlag, int choice, Set<Mistake> mistakes, TomlLayout.Style toml) {

        boolean has(Mistake m) {
            return mistakes.contains(m);
        }

        boolean containerd() {
            return runtime == RuntimeKind.CONTAINERD_1X_V2 || runtime == RuntimeKind.CONTAINERD_2X_V2
                    || runtime == RuntimeKind.CONTAINERD_2X_V3;
        }

        private int minor() {
            return Integer.parseInt(kubernetes.split("\\.")[1]);
        }

        private String driver(boolean sd) {
            return sd ? "systemd" : "cgroupfs";
        }

        boolean kubeletSystemd() {
            return has(Mistake.DRIVER_MISMATCH) && kubeletSideWrong ? !systemd : systemd;
        }

        boolean runtimeSystemd() {
            return has(Mistake.DRIVER_MISMATCH) && !kubeletSideWrong ? !systemd : systemd;
        }

        String kubeletDriverText() {
            String d = driver(kubeletSystemd());
            return has(Mistake.DRIVER_CASING) ? (choice % 2 == 0 ? Character.toUpperCase(d.charAt(0)) + d.substring(1)
                    : d.toUpperCase(java.util.Locale.ROOT)) : d;
        }

        String socket() {
            return switch (runtime) {
                case CRIO -> "/var/run/crio/crio.sock";
                case CRI_DOCKERD -> "/run/cri-dockerd.sock";
                default -> "/run/containerd/containerd.sock";
            };
        }

        String kubeletEndpoint() {
            if (has(Mistake.ENDPOINT_TWO_SLASHES)) {
                return "unix://" + socket().substring(1);
            }
            return has(Mistake.ENDPOINT_NO_SCHEME) ? socket() : "unix://" + socket();
        }

        String pause() {
            return KnownVersions.kubeadmPauseImage(KubernetesVersion.parse(kubernetes).orElseThrow()).orElseThrow().value();
        }

        String sandboxImage() {
            return has(Mistake.GCR_SANDBOX) ? pause().replace("registry.k8s.io/", "k8s.gcr.io/") : pause();
        }

        String podInfraImage() {
            return has(Mistake.GCR_POD_INFRA) ? pause().replace("registry.k8s.io/", "k8s.gcr.io/") : pause();
        }

        @Override
        public String toString() {
            return runtime + " " + runtimeVersion + " k8s " + kubernetes + " " + driver(systemd)
                    + (has(Mistake.DRIVER_MISMATCH) ? (kubeletSideWrong ? " kubelet wrong" : " runtime wrong") : "")
                    + (driverByFlag ? " driver-flag" : "") + (endpointByFlag ? " endpoint-flag" : "") + " choice " + choice
                    + " " + mistakes + " " + toml;
        }
    }

    static Arbitrary<Spec> specs() {
        return Arbitraries.of(RuntimeKind.class).flatMap(r -> {
            Arbitrary<String> version = switch (r) {
                case CONTAINERD_1X_V2 -> Arbitraries.of("1.6.36", "1.7.22");
                case CONTAINERD_2X_V2, CONTAINERD_2X_V3 -> Arbitraries.of("2.0.5", "2.1.3");
                case CRIO -> Arbitraries.of("1.29.6", "1.32.9", "1.33.2");
                case CRI_DOCKERD -> Arbitraries.of("0.3.20");
            };
            // one to three at a time: each mistake's fixes are applied one by one, so more would cost time, not coverage
            List<Mistake> possible = java.util.Arrays.stream(Mistake.values())
                    .filter(m -> m != Mistake.CONMON || r == RuntimeKind.CRIO)
                    .filter(m -> m != Mistake.CRI_DISABLED || r.name().startsWith("CONTAINERD"))
                    .toList();
            Arbitrary<Set<Mistake>> mistakes = Arbitraries.of(possible).set().ofMinSize(1).ofMaxSize(3);
            return Builders.withBuilder(() -> new Object[10])
                    .use(Arbitraries.of(KUBERNETES)).in((a, v) -> set(a, 1, v))
                    .use(version).in((a, v) -> set(a, 2, v))
                    .use(Arbitraries.of(true, false).list().ofSize(4)).in((a, v) -> {
                        for (int i = 0; i < 4; i++) {
                            a[3 + i] = v.get(i);
                        }
                        return a;
                    })
                    .use(Arbitraries.integers().between(0, 5)).in((a, v) -> set(a, 7, v))
                    .use(mistakes).in((a, v) -> set(a, 8, v))
                    .use(TomlLayout.styles()).in((a, v) -> set(a, 9, v))
                    .build(a -> new Spec(r, (String) a[1], (String) a[2], (Boolean) a[3], (Boolean) a[4], (Boolean) a[5],
                            (Boolean) a[6], (Integer) a[7], cast(a[8]), (TomlLayout.Style) a[9]));
        });
    }

    private static Object[] set(Object[] a, int i, Object v) {
        a[i] = v;
        return a;
    }

    @SuppressWarnings("unchecked")
    private static Set<Mistake> cast(Object o) {
        return (Set<Mistake>) o;
    }

    static final String KUBEADM_DROP_IN = "[Service]\n"
            + "Environment=\"KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf "
            + "--kubeconfig=/etc/kubernetes/kubelet.conf\"\n"
            + "Environment=\"KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml\"\n"
            + "EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env\n"
            + "EnvironmentFile=-/etc/default/kubelet\n"
            + "ExecStart=\n"
            + "ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS\n";

    /** Writes the node's files under {@code root}. */
    static void write(Path root, Spec s) {
        Random random = new Random(s.toml().seed() ^ 0x5DEECE66DL);
        String versionKey = switch (s.runtime()) {
            case CRIO -> "crioVersion";
            case CRI_DOCKERD -> "criDockerdVersion";
            default -> "containerdVersion";
        };
        NodeTrees.put(root, "criconf.yaml", "kubernetesVersion: \"" + s.kubernetes() + "\"\n" + versionKey + ": \""
                + s.runtimeVersion() + "\"\n" + (s.runtime() == RuntimeKind.CRI_DOCKERD ? "dockerVersion: \"27.5.1\"\n" : "")
                + "cgroupVersion: 2\ninit: systemd\nos: linux\n");
        NodeTrees.put(root, "usr/lib/systemd/system/kubelet.service", "[Unit]\nDescription=kubelet: The Kubernetes Node Agent\n\n"
                + "[Service]\nExecStart=/usr/bin/kubelet\nRestart=always\n\n[Install]\nWantedBy=multi-user.target\n");
        NodeTrees.put(root, "usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf", KUBEADM_DROP_IN);

        List<String> yaml = new ArrayList<>(List.of("apiVersion: kubelet.config.k8s.io/v1beta1", "kind: KubeletConfiguration"));
        List<String> flags = new ArrayList<>();
        if (s.driverByFlag()) {
            flags.add("--cgroup-driver=" + s.kubeletDriverText());
        } else {
            yaml.add("cgroupDriver: " + yamlString(s.kubeletDriverText(), random));
        }
        if (s.endpointByFlag() || s.minor() < 27) {
            flags.add("--container-runtime-endpoint=" + s.kubeletEndpoint());
        } else {
            yaml.add("containerRuntimeEndpoint: " + yamlString(s.kubeletEndpoint(), random));
        }
        yaml.add("clusterDomain: cluster.local");
        yaml.add("staticPodPath: " + yamlString("/etc/kubernetes/manifests", random));
        flags.add("--node-ip=10.0.0.5");
        if (s.has(Mistake.POD_INFRA_FLAG) || s.has(Mistake.GCR_POD_INFRA)) {
            flags.add("--pod-infra-container-image=" + s.podInfraImage());
        }
        if (s.has(Mistake.REMOVED_FLAG)) {
            flags.add("--network-plugin=cni");
        }
        if (s.toml().shuffle()) {
            java.util.Collections.shuffle(flags, random);
            java.util.Collections.shuffle(yaml.subList(2, yaml.size()), random);
        }
        NodeTrees.put(root, "var/lib/kubelet/config.yaml", String.join("\n", yaml) + "\n");
        NodeTrees.put(root, "var/lib/kubelet/kubeadm-flags.env", "KUBELET_KUBEADM_ARGS=\"" + String.join(" ", flags) + "\"\n");
        String extra = s.has(Mistake.FLAG_SPLIT) ? "--node-labels=node.example.com/pool=batch, node.example.com/tier=2" : "";
        NodeTrees.put(root, "etc/default/kubelet", (s.toml().comments() ? "# user flags\n" : "") + "KUBELET_EXTRA_ARGS="
                + (extra.isEmpty() ? "" : "\"" + extra + "\"") + "\n");

        switch (s.runtime()) {
            case CRIO -> NodeTrees.put(root, "etc/crio/crio.conf", TomlLayout.render(crio(s), s.toml()));
            case CRI_DOCKERD -> criDockerd(root, s);
            default -> NodeTrees.put(root, "etc/containerd/config.toml", TomlLayout.render(containerd(s), s.toml()));
        }
    }

    private static String yamlString(String text, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> text;
            case 1 -> "'" + text + "'";
            default -> "\"" + text + "\"";
        };
    }

    static List<Entry> containerd(Spec s) {
        boolean v3 = s.runtime() == RuntimeKind.CONTAINERD_2X_V3;
        List<Entry> out = new ArrayList<>();
        out.add(Entry.of("", "version", new Raw(v3 ? "3" : "2")));
        if (s.has(Mistake.CRI_DISABLED)) {
            List<String> ids = v3 ? List.of("io.containerd.cri.v1.runtime", "io.containerd.grpc.v1.cri", "io.containerd.cri.v1.images")
                    : List.of("io.containerd.grpc.v1.cri", "cri");
            List<String> disabled = new ArrayList<>();
            disabled.add("io.containerd.snapshotter.v1.zfs");
            disabled.add(ids.get(s.choice() % ids.size()));
            out.add(Entry.of("", "disabled_plugins", new Strs(disabled)));
        }
        String runtimePlugin = v3 ? "plugins.\"io.containerd.cri.v1.runtime\"" : "plugins.\"io.containerd.grpc.v1.cri\"";
        if (v3) {
            out.add(Entry.of("plugins.\"io.containerd.cri.v1.images\".pinned_images", "sandbox", new Str(s.sandboxImage())));
        } else {
            out.add(Entry.of("plugins.\"io.containerd.grpc.v1.cri\"", "sandbox_image", new Str(s.sandboxImage())));
        }
        out.add(Entry.of(runtimePlugin + ".containerd", "default_runtime_name", new Str("runc")));
        out.add(Entry.of(runtimePlugin + ".containerd.runtimes.runc", "runtime_type", new Str("io.containerd.runc.v2")));
        // containerd's runc default is cgroupfs: sometimes left out then
        if (s.runtimeSystemd() || s.choice() % 2 == 0) {
            out.add(Entry.of(runtimePlugin + ".containerd.runtimes.runc.options", "SystemdCgroup",
                    new Raw(Boolean.toString(s.runtimeSystemd()))));
        }
        return out;
    }

    static List<Entry> crio(Spec s) {
        List<Entry> out = new ArrayList<>();
        out.add(Entry.of("crio.image", "pause_image", new Str(s.sandboxImage())));
        // CRI-O's default manager is systemd: sometimes left out then
        if (!s.runtimeSystemd() || s.choice() % 2 == 0) {
            out.add(Entry.of("crio.runtime", "cgroup_manager", new Str(s.runtimeSystemd() ? "systemd" : "cgroupfs")));
        }
        if (s.has(Mistake.CONMON)) {
            List<String> wrong = s.runtimeSystemd() ? List.of("machine", "/system") : List.of("", "system.slice", "machine.slice");
            out.add(Entry.of("crio.runtime", "conmon_cgroup", new Str(wrong.get(s.choice() % wrong.size()))));
        } else {
            out.add(Entry.of("crio.runtime", "conmon_cgroup", new Str("pod")));
        }
        out.add(Entry.of("crio.runtime", "default_runtime", new Str("crun")));
        out.add(Entry.of("crio.runtime.runtimes.crun", "runtime_path", new Str("/usr/libexec/crio/crun")));
        out.add(Entry.of("crio.runtime.runtimes.crun", "runtime_root", new Str("/run/crun")));
        return out;
    }

    private static void criDockerd(Path root, Spec s) {
        NodeTrees.put(root, "usr/lib/systemd/system/cri-docker.socket", "[Unit]\nDescription=CRI Docker Socket for the API\n"
                + "PartOf=cri-docker.service\n\n[Socket]\nListenStream=%t/cri-dockerd.sock\nSocketMode=0660\nSocketUser=root\n"
                + "SocketGroup=docker\n\n[Install]\nWantedBy=sockets.target\n");
        NodeTrees.put(root, "usr/lib/systemd/system/cri-docker.service", "[Unit]\nDescription=CRI Interface for Docker\n"
                + "Requires=cri-docker.socket\n\n[Service]\nType=notify\nExecStart=/usr/bin/cri-dockerd --container-runtime-endpoint "
                + "fd:// --pod-infra-container-image=" + s.sandboxImage() + "\nRestart=always\n\n[Install]\nWantedBy=multi-user.target\n");
        NodeTrees.put(root, "etc/docker/daemon.json", "{\n  \"exec-opts\": [\"native.cgroupdriver=" + (s.runtimeSystemd() ? "systemd"
                : "cgroupfs") + "\"],\n  \"log-driver\": \"json-file\"\n}\n");
    }
}
