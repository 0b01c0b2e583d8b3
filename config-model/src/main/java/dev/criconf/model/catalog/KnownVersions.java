package dev.criconf.model.catalog;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.Component;
import dev.criconf.model.ComponentVersion;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.Setting;
import dev.criconf.model.internal.VersionedTable;
import java.util.Map;
import java.util.Optional;

/**
 * Defaults that depend on a component's release, returned as {@link Setting}s whose
 * {@link dev.criconf.model.Source.Default} names the release range, so a finding can say
 * "default of containerd 1.7". A release line without a patch number ({@code 1.6}) is looked up
 * as its latest patch release. Releases outside the known range give an empty result: criconf does
 * not guess defaults of releases it has not read.
 *
 * <p>Sources (details and commits in the shared research sheets {@code containerd.md},
 * {@code crio-dockerd.md}, {@code kubelet-kubeadm.md}):
 * <ul>
 *   <li>containerd sandbox image: {@code pkg/cri/config/config_unix.go} {@code SandboxImage} (1.x),
 *       {@code internal/cri/config/config.go} {@code DefaultSandboxImage} (2.x), read at each tag;</li>
 *   <li>CRI-O: {@code pkg/config/config_linux.go} / {@code config.go} {@code DefaultConfig} at each tag;</li>
 *   <li>cri-dockerd: {@code cmd/cri/options/options.go} at each tag;</li>
 *   <li>kubeadm pause image: {@code cmd/kubeadm/app/constants/constants.go} {@code PauseVersion}
 *       (1.32: 3.10, read directly), and {@code kubeadm config images list} for every release as recorded
 *       by kubernetes/minikube {@code pkg/minikube/constants/constants_kubeadm_images.go};</li>
 *   <li>kubeadm image repository: kubernetes/kubernetes PR #109938 (1.25) and the back-ports to
 *       1.22.17, 1.23.15, 1.24.9 (PRs #113388, #113393, #113395), as encoded in cluster-api
 *       {@code util/kubeadm} {@code GetDefaultRegistry};</li>
 *   <li>Docker's default cgroup driver: moby {@code daemon/config/config_linux.go} / {@code UsingSystemd}
 *       (systemd on cgroup v2 with systemd since 20.10.0, commit 4714ab5d6c).</li>
 * </ul>
 */
public final class KnownVersions {

    private KnownVersions() {}

    /** The registry Kubernetes images moved to. */
    public static final String REGISTRY_K8S_IO = "registry.k8s.io";
    /** The frozen registry Kubernetes used before {@code registry.k8s.io}. */
    public static final String K8S_GCR_IO = "k8s.gcr.io";
    /** dockershim's CRI socket (Kubernetes 1.23 and earlier; gone in 1.24). */
    public static final String DOCKERSHIM_SOCKET = "unix:///var/run/dockershim.sock";
    /** Docker Engine's own API socket, which is not a CRI endpoint. */
    public static final String DOCKER_SOCKET = "unix:///var/run/docker.sock";

    private static final VersionedTable<String> KUBEADM_PAUSE = new VersionedTable<String>()
            .line(1, 21, "3.4.1").line(1, 22, "3.5").line(1, 23, "3.6").line(1, 24, "3.7").line(1, 25, "3.8")
            .line(1, 26, "3.9").line(1, 27, "3.9").line(1, 28, "3.9").line(1, 29, "3.9").line(1, 30, "3.9")
            .line(1, 31, "3.10").line(1, 32, "3.10").line(1, 33, "3.10").line(1, 34, "3.10.1")
            .line(1, 35, "3.10.1").line(1, 36, "3.10.2");

    private static final VersionedTable<String> KUBEADM_REPOSITORY = new VersionedTable<String>()
            .from(1, 0, 0, K8S_GCR_IO, "before 1.22.17")
            .from(1, 22, 17, REGISTRY_K8S_IO, "1.22.17 and later 1.22.x")
            .from(1, 23, 0, K8S_GCR_IO, "1.23.0 to 1.23.14")
            .from(1, 23, 15, REGISTRY_K8S_IO, "1.23.15 and later 1.23.x")
            .from(1, 24, 0, K8S_GCR_IO, "1.24.0 to 1.24.8")
            .from(1, 24, 9, REGISTRY_K8S_IO, "1.24.9 and later");

    private static final VersionedTable<String> CONTAINERD_SANDBOX = new VersionedTable<String>()
            .from(1, 6, 0, "k8s.gcr.io/pause:3.6", "1.6.0 to 1.6.8")
            .from(1, 6, 9, "registry.k8s.io/pause:3.6", "1.6.9 and later 1.6.x")
            .line(1, 7, "registry.k8s.io/pause:3.8")
            .line(2, 0, "registry.k8s.io/pause:3.10")
            .line(2, 1, "registry.k8s.io/pause:3.10")
            .line(2, 2, "registry.k8s.io/pause:3.10.1")
            .line(2, 3, "registry.k8s.io/pause:3.10.2");

    private static final VersionedTable<String> CONTAINERD_REGISTRY_CONFIG_PATH = new VersionedTable<String>()
            .from(1, 0, 0, "", "before 2.2.0")
            .from(2, 2, 0, "/etc/containerd/certs.d:/etc/docker/certs.d", "2.2.0 to 2.2.1")
            .from(2, 2, 2, "", "2.2.2 and later");

    private static final VersionedTable<String> CRIO_PAUSE = new VersionedTable<String>()
            .from(1, 15, 0, "k8s.gcr.io/pause:3.1", "1.15 to 1.17")
            .from(1, 18, 0, "k8s.gcr.io/pause:3.2", "1.18 to 1.20")
            .from(1, 21, 0, "k8s.gcr.io/pause:3.5", "1.21 to 1.22")
            .from(1, 23, 0, "k8s.gcr.io/pause:3.6", "1.23")
            .from(1, 24, 0, "registry.k8s.io/pause:3.6", "1.24.0 to 1.27.0")
            .from(1, 27, 1, "registry.k8s.io/pause:3.9", "1.27.1 to 1.30.x")
            .from(1, 31, 0, "registry.k8s.io/pause:3.10", "1.31 to 1.33")
            .from(1, 34, 0, "registry.k8s.io/pause:3.10.1", "1.34 and later");

    private static final VersionedTable<String> CRI_DOCKERD_PAUSE = new VersionedTable<String>()
            .from(0, 2, 0, "k8s.gcr.io/pause:3.1", "0.2.0")
            .from(0, 2, 1, "k8s.gcr.io/pause:3.6", "0.2.1 to 0.2.5")
            .from(0, 2, 6, "registry.k8s.io/pause:3.6", "0.2.6 to 0.3.9")
            .from(0, 3, 10, "registry.k8s.io/pause:3.9", "0.3.10 to 0.3.16")
            .from(0, 3, 17, "registry.k8s.io/pause:3.10", "0.3.17 and later");

    private static final VersionedTable<String> CRIO_CGROUP_MANAGER = new VersionedTable<String>()
            .from(0, 0, 0, "cgroupfs", "before 1.18")
            .from(1, 18, 0, "systemd", "1.18 and later");

    private static final VersionedTable<String> CRIO_DEFAULT_RUNTIME = new VersionedTable<String>()
            .from(0, 0, 0, "runc", "before 1.31")
            .from(1, 31, 0, "crun", "1.31 and later");

    private static final VersionedTable<String> CRIO_CONMON_CGROUP = new VersionedTable<String>()
            .from(1, 15, 0, "pod", "1.15 to 1.16")
            .from(1, 17, 0, "system.slice", "1.17 to 1.23")
            .from(1, 24, 0, "", "1.24 and later");

    private static <V> Optional<Setting<V>> look(VersionedTable<V> table, Component c, int major, int minor,
            java.util.OptionalInt patch) {
        return table.lookup(major, minor, patch).map(r -> Setting.ofDefault(r.value(), c, r.label()));
    }

    /**
     * The pause image kubeadm expects for a Kubernetes release ({@code <imageRepository>/pause:<PauseVersion>})
     * with kubeadm's default image repository; kubeadm 1.27+ warns when the runtime's sandbox image differs.
     * Known for 1.21 to 1.36.
     */
    public static Optional<Setting<String>> kubeadmPauseImage(KubernetesVersion k8s) {
        return kubeadmPauseImage(k8s, kubeadmImageRepository(k8s).value());
    }

    /** The pause image kubeadm expects with the given {@code imageRepository} (kubeadm's own, or the one a kubeadm config names). */
    public static Optional<Setting<String>> kubeadmPauseImage(KubernetesVersion k8s, String imageRepository) {
        return KUBEADM_PAUSE.lookup(k8s.major(), k8s.minor(), k8s.patch())
                .map(r -> Setting.ofDefault(imageRepository + "/pause:" + r.value(), Component.KUBEADM, r.label()));
    }

    /**
     * kubeadm's default {@code imageRepository}: {@code registry.k8s.io} from 1.25 and from the
     * 1.22.17, 1.23.15 and 1.24.9 patch releases; {@code k8s.gcr.io} before. A release line without
     * a patch counts as its latest patch release.
     */
    public static Setting<String> kubeadmImageRepository(KubernetesVersion k8s) {
        return look(KUBEADM_REPOSITORY, Component.KUBEADM, k8s.major(), k8s.minor(), k8s.patch())
                .orElse(Setting.ofDefault(K8S_GCR_IO, Component.KUBEADM, "before 1.22.17"));
    }

    /** containerd's default CRI sandbox image. Known for 1.6 to 2.3. */
    public static Optional<Setting<String>> containerdSandboxImage(ComponentVersion containerd) {
        return look(CONTAINERD_SANDBOX, Component.CONTAINERD, containerd.major(), containerd.minor(), containerd.patch());
    }

    /**
     * containerd's default CRI {@code registry.config_path} as the CRI plugin validates it: empty,
     * except in 2.2.0 and 2.2.1, whose defaults held {@code /etc/containerd/certs.d:/etc/docker/certs.d},
     * so that any {@code registry.mirrors} failed with "`mirrors` cannot be set when `config_path` is
     * provided" (containerd issue #12612; 2.2.2 moved the value to plugin initialisation, applied only
     * when neither {@code config_path} nor {@code mirrors} is set, commit a20dead7c). Known from 1.0.
     */
    public static Optional<Setting<String>> containerdRegistryConfigPath(ComponentVersion containerd) {
        return look(CONTAINERD_REGISTRY_CONFIG_PATH, Component.CONTAINERD, containerd.major(), containerd.minor(), containerd.patch());
    }

    /** CRI-O's default {@code pause_image}. Known from 1.15. */
    public static Optional<Setting<String>> crioPauseImage(ComponentVersion crio) {
        return look(CRIO_PAUSE, Component.CRIO, crio.major(), crio.minor(), crio.patch());
    }

    /** cri-dockerd's default {@code --pod-infra-container-image}. Known from 0.2.0. */
    public static Optional<Setting<String>> criDockerdPauseImage(ComponentVersion criDockerd) {
        return look(CRI_DOCKERD_PAUSE, Component.CRI_DOCKERD, criDockerd.major(), criDockerd.minor(), criDockerd.patch());
    }

    /** The default sandbox image of a runtime component (containerd, CRI-O or cri-dockerd). */
    public static Optional<Setting<String>> defaultSandboxImage(Component runtime, ComponentVersion version) {
        switch (runtime) {
            case CONTAINERD:
                return containerdSandboxImage(version);
            case CRIO:
                return crioPauseImage(version);
            case CRI_DOCKERD:
                return criDockerdPauseImage(version);
            default:
                return Optional.empty();
        }
    }

    /** CRI-O's default {@code cgroup_manager}: {@code cgroupfs} before 1.18, {@code systemd} since. */
    public static Setting<CgroupDriver> crioCgroupManager(ComponentVersion crio) {
        return look(CRIO_CGROUP_MANAGER, Component.CRIO, crio.major(), crio.minor(), crio.patch())
                .orElseThrow().map(v -> CgroupDriver.parseExact(v).orElseThrow());
    }

    /** CRI-O's default {@code default_runtime}: {@code runc} before 1.31, {@code crun} since. */
    public static Setting<String> crioDefaultRuntime(ComponentVersion crio) {
        return look(CRIO_DEFAULT_RUNTIME, Component.CRIO, crio.major(), crio.minor(), crio.patch()).orElseThrow();
    }

    /** CRI-O's default global {@code conmon_cgroup}: {@code pod} (1.15, 1.16), {@code system.slice} (1.17 to 1.23), empty since 1.24. */
    public static Optional<Setting<String>> crioConmonCgroup(ComponentVersion crio) {
        return look(CRIO_CONMON_CGROUP, Component.CRIO, crio.major(), crio.minor(), crio.patch());
    }

    /** CRI-O's default {@code [crio.api] listen} (unchanged in every release). */
    public static Setting<String> crioListen() {
        return Setting.ofDefault("/var/run/crio/crio.sock", Component.CRIO, "all versions");
    }

    /** containerd's default {@code [grpc] address} on Linux. */
    public static Setting<String> containerdGrpcAddress() {
        return Setting.ofDefault("/run/containerd/containerd.sock", Component.CONTAINERD, "all versions on Linux");
    }

    /** containerd's default {@code [grpc] address} on Windows. */
    public static Setting<String> containerdGrpcAddressWindows() {
        return Setting.ofDefault("\\\\.\\pipe\\containerd-containerd", Component.CONTAINERD, "all versions on Windows");
    }

    /** containerd's default CRI {@code default_runtime_name}. */
    public static Setting<String> containerdDefaultRuntimeName() {
        return Setting.ofDefault("runc", Component.CONTAINERD, "all versions on Linux");
    }

    /** containerd's default runc {@code SystemdCgroup} option: false, so the runc handler uses cgroupfs. */
    public static Setting<CgroupDriver> containerdRuncCgroupDriver() {
        return Setting.ofDefault(CgroupDriver.CGROUPFS, Component.CONTAINERD, "all versions (SystemdCgroup = false)");
    }

    /** cri-dockerd's default {@code --container-runtime-endpoint} on Linux. */
    public static Setting<String> criDockerdEndpoint() {
        return Setting.ofDefault("unix:///var/run/cri-dockerd.sock", Component.CRI_DOCKERD, "all versions on Linux");
    }

    /** cri-dockerd's default {@code --docker-endpoint} on Linux: Docker's own socket. */
    public static Setting<String> criDockerdDockerEndpoint() {
        return Setting.ofDefault("unix:///var/run/docker.sock", Component.CRI_DOCKERD, "all versions on Linux");
    }

    /** The kubelet's default {@code containerRuntimeEndpoint}, a config field since 1.27. */
    public static Optional<Setting<String>> kubeletContainerRuntimeEndpoint(KubernetesVersion k8s) {
        return k8s.isAtLeast(1, 27)
                ? Optional.of(Setting.ofDefault("unix:///run/containerd/containerd.sock", Component.KUBELET, "1.27 and later"))
                : Optional.empty();
    }

    /** The kubelet's own default {@code cgroupDriver} (kubeadm writes {@code systemd} into the file since 1.22). */
    public static Setting<String> kubeletCgroupDriver() {
        return Setting.ofDefault("cgroupfs", Component.KUBELET, "all versions");
    }

    /**
     * Docker Engine's cgroup driver when {@code exec-opts} does not set {@code native.cgroupdriver}:
     * {@code systemd} on a cgroup v2 host booted with systemd (since 20.10.0), else {@code cgroupfs}.
     *
     * @param docker        Docker's release
     * @param cgroupV2      whether the host uses the unified cgroup hierarchy
     * @param systemdInit   whether systemd is the host's init ({@code /run/systemd/system} exists)
     */
    public static Setting<CgroupDriver> dockerDefaultCgroupDriver(ComponentVersion docker, boolean cgroupV2, boolean systemdInit) {
        if (docker.isAtLeast(20, 10) && cgroupV2 && systemdInit) {
            return Setting.ofDefault(CgroupDriver.SYSTEMD, Component.DOCKER, "20.10 and later on cgroup v2 with systemd");
        }
        return Setting.ofDefault(CgroupDriver.CGROUPFS, Component.DOCKER,
                docker.isAtLeast(20, 10) ? "20.10 and later on cgroup v1 or without systemd" : "before 20.10");
    }

    /**
     * The kubelet's {@code evictionHard} defaults, which apply only when the file does not set the map
     * (pkg/kubelet/eviction/defaults_linux.go, defaults_windows.go).
     */
    public static Map<String, String> kubeletEvictionHardDefaults(boolean windows) {
        return windows
                ? Map.of("memory.available", "500Mi", "nodefs.available", "10%", "imagefs.available", "15%")
                : Map.of("memory.available", "100Mi", "nodefs.available", "10%", "nodefs.inodesFree", "5%",
                        "imagefs.available", "15%");
    }

    /** Stage of a feature gate in one release. */
    public enum GateStage {
        /** The gate does not exist in this release. */
        ABSENT,
        /** Alpha, off unless enabled. */
        ALPHA_OFF,
        /** Beta, on unless disabled. */
        BETA_ON,
        /** GA: locked on, cannot be disabled. */
        GA_LOCKED
    }

    /**
     * {@code KubeletCgroupDriverFromCRI}: alpha 1.28, beta (on) 1.31, GA (locked on) 1.34
     * (pkg/features/kube_features.go; website feature-gates/KubeletCgroupDriverFromCRI.md).
     */
    public static GateStage kubeletCgroupDriverFromCri(KubernetesVersion k8s) {
        if (k8s.isBefore(1, 28)) {
            return GateStage.ABSENT;
        }
        if (k8s.isBefore(1, 31)) {
            return GateStage.ALPHA_OFF;
        }
        return k8s.isBefore(1, 34) ? GateStage.BETA_ON : GateStage.GA_LOCKED;
    }

    /**
     * Whether a runtime release answers the CRI {@code RuntimeConfig} RPC that reports its cgroup
     * driver to the kubelet: containerd 2.0, CRI-O 1.28, cri-dockerd 0.3.17 and later.
     */
    public static boolean reportsCgroupDriver(Component runtime, ComponentVersion version) {
        switch (runtime) {
            case CONTAINERD:
                return version.isAtLeast(2, 0);
            case CRIO:
                return version.isAtLeast(1, 28);
            case CRI_DOCKERD:
                return version.isAtLeast(0, 3, 17);
            default:
                return false;
        }
    }

    /** Whether Kubernetes still has dockershim (removed in 1.24). */
    public static boolean hasDockershim(KubernetesVersion k8s) {
        return k8s.isBefore(1, 24);
    }

    /**
     * Whether kubeadm's preflight checks {@code bridge-nf-call-iptables} (needs {@code br_netfilter});
     * removed in 1.30 (kubernetes/kubernetes PR #123464).
     */
    public static boolean kubeadmChecksBridgeNetfilter(KubernetesVersion k8s) {
        return k8s.isBefore(1, 30);
    }
}
