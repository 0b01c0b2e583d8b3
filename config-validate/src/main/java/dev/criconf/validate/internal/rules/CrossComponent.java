package dev.criconf.validate.internal.rules;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.Component;
import dev.criconf.model.ComponentVersion;
import dev.criconf.model.ContainerRuntime;
import dev.criconf.model.CriEndpoint;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.Source;
import dev.criconf.model.catalog.ContainerdPlugins;
import dev.criconf.model.catalog.ContainerdPlugins.Schema;
import dev.criconf.model.catalog.KnownVersions;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdCri;
import dev.criconf.model.containerd.ContainerdRuntime;
import dev.criconf.model.containerd.TomlKeyMatching;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.docker.CriDockerdConfig;
import dev.criconf.model.docker.DockerDaemonConfig;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.EffectiveSetting;
import dev.criconf.model.kubelet.KubeletFlags;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.ConfigValues;
import dev.criconf.validate.NodeVersions;
import dev.criconf.validate.RuleContext;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.TargetVersions;
import dev.criconf.validate.Validator;
import dev.criconf.validate.VersionSource;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The two sides the cross-component rules compare, read once per rule run: the kubelet (its
 * effective configuration for the target Kubernetes release) and each configured container
 * runtime (containerd, CRI-O, cri-dockerd with Docker Engine behind it), each value with the place
 * a finding points at.
 *
 * <p>Conventions shared by these rules (examples/README.md):
 * <ul>
 *   <li>containerd whose CRI plugin is disabled is not a CRI runtime: the cgroup, sandbox image and
 *       registry rules do not read its (default) CRI settings; the endpoint rules still see its socket;</li>
 *   <li>the kubelet's runtime is the configured runtime listening where the kubelet dials; when none
 *       does, every CRI runtime is a candidate;</li>
 *   <li>a runtime's default is used only when its release is known exactly (profile or option): the
 *       schema of a containerd file proves only a minimum release;</li>
 *   <li>when the Kubernetes release is unknown the rules assume {@link #ASSUMED_KUBERNETES} and say so.</li>
 * </ul>
 */
final class CrossComponent {

    /** The Kubernetes release assumed when neither an option, the profile nor the files say: the newest line criconf's catalogs cover completely. */
    static final ComponentVersion ASSUMED_KUBERNETES = ComponentVersion.of(1, 35);

    /** dockershim's socket, parsed once (endpoints are immutable values). */
    static final CriEndpoint DOCKERSHIM_ENDPOINT = CriEndpoint.parse(KnownVersions.DOCKERSHIM_SOCKET).orElseThrow();

    /** Docker Engine's standard API socket, parsed once. */
    static final CriEndpoint DOCKER_ENDPOINT = CriEndpoint.parse(KnownVersions.DOCKER_SOCKET).orElseThrow();

    /**
     * A value one side uses and where a finding points for it.
     *
     * @param value    the value in effect
     * @param location the value as written, or for a default the table or mapping that would hold it
     * @param explicit whether a file or flag sets it (false: a built-in default)
     * @param shown    how a message shows it, e.g. {@code SystemdCgroup = true} or
     *                 {@code no cgroupDriver (kubelet default cgroupfs)}
     */
    record Fact<T>(T value, Origin location, boolean explicit, String shown) {
        Fact {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(shown, "shown");
        }
    }

    /** Where to add a key when a side relies on its default: file and key path for {@link dev.criconf.model.edit.NodeEdit.SetValue}. */
    record KeyInFile(String file, List<String> keyPath) {
        KeyInFile {
            Objects.requireNonNull(file, "file");
            keyPath = List.copyOf(keyPath);
        }
    }

    /**
     * One configured container runtime.
     *
     * @param kind         which runtime
     * @param version      its release when an option, the profile or the files state it
     * @param criEnabled   whether it serves CRI at all (false only for containerd with the CRI plugin disabled)
     * @param home         where to point about the runtime as a whole (its main file)
     * @param listen       the socket it serves CRI on
     * @param cgroupDriver the cgroup driver its containers get, when criconf can tell
     * @param driverOwner  who owns that driver, for messages ({@code containerd}, {@code Docker Engine (behind cri-dockerd)})
     * @param sandboxImage its sandbox (pause) image, when criconf can tell
     * @param sandboxKey   where the sandbox image is (or would be) written
     */
    record Runtime(ContainerRuntime kind, Optional<TargetVersion> version, boolean criEnabled, Origin home,
            Optional<Fact<CriEndpoint>> listen, Optional<Fact<CgroupDriver>> cgroupDriver, String driverOwner,
            Optional<Fact<String>> sandboxImage, Optional<KeyInFile> sandboxKey) {

        /** The name people use, e.g. {@code CRI-O}. */
        String name() {
            return kind.toString();
        }

        /** Whether the release is known exactly (not only a minimum proved by the files). */
        Optional<ComponentVersion> exactVersion() {
            return version.filter(v -> v.source() != VersionSource.FILES && !v.isAssumed()).map(TargetVersion::version);
        }

        /** Whether the runtime answers the CRI RuntimeConfig call with its cgroup driver. */
        boolean reportsCgroupDriver() {
            if (kind == ContainerRuntime.CRI_DOCKERD) {
                return version.map(v -> KnownVersions.reportsCgroupDriver(Component.CRI_DOCKERD, v.version())).orElse(false);
            }
            return version.map(v -> KnownVersions.reportsCgroupDriver(kind.component(), v.version())).orElse(false);
        }
    }

    /**
     * The kubelet's side.
     *
     * @param effective its configuration for the target release
     * @param home      where a key the kubelet lacks belongs: its {@code --config} file's mapping,
     *                  else its command line
     * @param flags     its command line
     */
    record Kubelet(EffectiveKubeletConfig effective, Origin home, Optional<KubeletFlags> flags) {

        /**
         * The effective runtime endpoint: a file or flag, else the release's default (the config
         * field's from 1.27; before, the flag's: containerd's socket from 1.24, dockershim's before).
         */
        Optional<Fact<String>> endpoint() {
            Optional<Fact<String>> v = value("containerRuntimeEndpoint", "container-runtime-endpoint");
            if (v.isPresent() || effective.version().isAtLeast(1, 27)) {
                return v;
            }
            if (effective.version().isAtLeast(1, 24)) {
                return Optional.of(new Fact<>("unix:///run/containerd/containerd.sock", home, false,
                        "no --container-runtime-endpoint (default of kubelet 1.24 to 1.26: unix:///run/containerd/containerd.sock)"));
            }
            return Optional.of(new Fact<>(KnownVersions.DOCKERSHIM_SOCKET, home, false,
                    "no --container-runtime-endpoint (default of kubelet 1.23 and earlier: dockershim, " + KnownVersions.DOCKERSHIM_SOCKET + ")"));
        }

        /** The effective image service endpoint when set explicitly to something non-empty. */
        Optional<Fact<String>> imageEndpoint() {
            return value("imageServiceEndpoint", "image-service-endpoint").filter(f -> f.explicit() && !f.value().isEmpty());
        }

        /** {@code --pod-infra-container-image}, when given. */
        Optional<Fact<String>> podInfraImage() {
            return flagOnly("pod-infra-container-image");
        }

        /** The driver the kubelet's own setting selects (anything but exactly {@code systemd} is cgroupfs). */
        Optional<Fact<CgroupDriver>> cgroupDriver() {
            return value("cgroupDriver", "cgroup-driver").map(f -> {
                CgroupDriver d = f.value().equals("systemd") ? CgroupDriver.SYSTEMD : CgroupDriver.CGROUPFS;
                String shown = f.shown();
                if (f.explicit() && CgroupDriver.parseExact(f.value()).isEmpty()) {
                    shown += " (the kubelet reads anything but exactly \"systemd\" as cgroupfs)";
                }
                return new Fact<>(d, f.location(), f.explicit(), shown);
            });
        }

        /**
         * Whether this kubelet takes the cgroup driver from a runtime that reports it
         * ({@code KubeletCgroupDriverFromCRI}: alpha off 1.28-1.30, beta on 1.31-1.33, locked on from 1.34).
         */
        boolean takesDriverFromCri() {
            Optional<Boolean> gate = effective.featureGate("KubeletCgroupDriverFromCRI").map(Setting::value);
            switch (KnownVersions.kubeletCgroupDriverFromCri(effective.version())) {
                case ALPHA_OFF:
                    return gate.orElse(false);
                case BETA_ON:
                    return gate.orElse(true);
                case GA_LOCKED:
                    return true;
                default:
                    return false;
            }
        }

        private Optional<Fact<String>> value(String field, String flag) {
            Optional<EffectiveSetting> s = effective.setting(field);
            if (s.isPresent() && s.get().isExplicit()) {
                Setting<ConfigValue> e = s.get().explicitValue().orElseThrow();
                return e.value().asString().map(v -> new Fact<>(v, e.value().origin(), true, shown(field, e.source(), v)));
            }
            Optional<Fact<String>> fromFlag = flagOnly(flag);
            if (fromFlag.isPresent()) {
                return fromFlag;
            }
            return s.flatMap(EffectiveSetting::defaultValue)
                    .map(d -> new Fact<>(d.value(), home, false, "no " + field + " (" + d.source().describe() + ": " + d.value() + ")"));
        }

        private Optional<Fact<String>> flagOnly(String flag) {
            Setting<String> s = effective.flagOnly().get(flag);
            if (s == null) {
                return Optional.empty();
            }
            Origin at = flags.flatMap(f -> f.last(flag)).flatMap(CommandLineFlag::valueOrigin)
                    .orElseGet(() -> s.origin().orElse(home));
            return Optional.of(new Fact<>(s.value(), at, true, "--" + flag + "=" + s.value()));
        }

        private static String shown(String field, Source source, String value) {
            if (source instanceof Source.Flag f) {
                return f.flag() + "=" + value;
            }
            return field + ": " + (value.isEmpty() ? "\"\"" : value);
        }
    }

    /**
     * The last one read on this thread: about ten rules read both sides of the same node, one after
     * the other, with the same versions. Weak, so that it never keeps a node alive.
     */
    private static final ThreadLocal<WeakReference<CrossComponent>> LAST = new ThreadLocal<>();

    private final NodeConfig node;
    private final TargetVersions versions;
    private final TargetVersion kubernetes;
    private final Optional<Kubelet> kubelet;
    private final List<Runtime> runtimes;

    private CrossComponent(NodeConfig node, TargetVersions versions, TargetVersion kubernetes, Optional<Kubelet> kubelet,
            List<Runtime> runtimes) {
        this.node = node;
        this.versions = versions;
        this.kubernetes = kubernetes;
        this.kubelet = kubelet;
        this.runtimes = List.copyOf(runtimes);
    }

    /** Reads both sides of a node for one rule run. */
    static CrossComponent of(NodeConfig node, RuleContext ctx) {
        TargetVersions versions = ctx.versions();
        // nodes and versions are immutable: the same objects give the same reading
        WeakReference<CrossComponent> ref = LAST.get();
        CrossComponent last = ref == null ? null : ref.get();
        if (last != null && last.node == node && last.versions == versions) {
            return last;
        }
        CrossComponent read = read(node, versions);
        LAST.set(new WeakReference<>(read));
        return read;
    }

    private static CrossComponent read(NodeConfig node, TargetVersions versions) {
        TargetVersion k8s = versions.orAssume(TargetComponent.KUBERNETES, ASSUMED_KUBERNETES);
        KubernetesVersion kv = NodeVersions.toKubernetesVersion(k8s.version());
        Optional<Kubelet> kubelet = kubelet(node, kv);
        List<Runtime> runtimes = new ArrayList<>();
        boolean windows = node.profile().flatMap(NodeProfile::os).map(o -> o.value() == NodeProfile.NodeOs.WINDOWS).orElse(false);
        // containerd's Windows default config lives under Program Files
        node.containerd().ifPresent(c -> runtimes.add(containerd(c, versions.containerd(),
                windows || c.mainFile().path().startsWith("Program Files/"))));
        node.crio().ifPresent(c -> runtimes.add(crio(c, versions.crio())));
        node.criDockerd().ifPresent(c -> runtimes.add(criDockerd(node, c, versions)));
        return new CrossComponent(node, versions, k8s, kubelet, runtimes);
    }

    /** The node being checked. */
    NodeConfig node() {
        return node;
    }

    /** The Kubernetes release the rules check against: stated, or {@link #ASSUMED_KUBERNETES} marked as assumed. */
    TargetVersion kubernetes() {
        return kubernetes;
    }

    /** The same as a model version. */
    KubernetesVersion kubernetesVersion() {
        return NodeVersions.toKubernetesVersion(kubernetes.version());
    }

    /** A clause for messages that rest on the Kubernetes release, e.g. {@code Kubernetes 1.35.0} or {@code assuming Kubernetes 1.35}. */
    String kubernetesPhrase() {
        return kubernetes.describe();
    }

    /** The kubelet, when the node has any of its files. */
    Optional<Kubelet> kubelet() {
        return kubelet;
    }

    /** Every configured runtime, containerd included when its CRI plugin is disabled. */
    List<Runtime> runtimes() {
        return runtimes;
    }

    /** The runtimes that serve CRI. */
    List<Runtime> criRuntimes() {
        return runtimes.stream().filter(Runtime::criEnabled).toList();
    }

    /**
     * The CRI runtimes the kubelet talks to: the one listening where the kubelet dials; when none
     * does (or there is no kubelet), every CRI runtime. Empty when the kubelet dials a containerd
     * whose CRI plugin is disabled.
     */
    List<Runtime> kubeletRuntimes() {
        Optional<ContainerRuntime> derived = node.kubeletRuntime();
        if (derived.isPresent()) {
            List<Runtime> match = runtimes.stream().filter(r -> r.kind() == derived.get()).toList();
            if (!match.isEmpty()) {
                return match.stream().filter(Runtime::criEnabled).toList();
            }
        }
        Optional<CriEndpoint> dialed = kubelet.flatMap(Kubelet::endpoint).flatMap(f -> CriEndpoint.parse(f.value()).toOptional());
        if (dialed.isPresent()) {
            List<Runtime> match = runtimes.stream()
                    .filter(r -> r.listen().map(l -> l.value().sameSocketAs(dialed.get())).orElse(false)).toList();
            if (!match.isEmpty()) {
                return match.stream().filter(Runtime::criEnabled).toList();
            }
        }
        return criRuntimes();
    }

    /** The node profile's host facts: whether systemd is init or the host uses cgroup v2, with where the profile says so. */
    Optional<Setting<String>> systemdHost() {
        Optional<NodeProfile> p = node.profile();
        if (p.isEmpty()) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        Origin at = null;
        Optional<Setting<NodeProfile.InitSystem>> init = p.get().init();
        if (init.isPresent() && init.get().value() == NodeProfile.InitSystem.SYSTEMD) {
            why.add("its init is systemd");
            at = init.get().origin().orElse(null);
        }
        Optional<Setting<NodeProfile.CgroupVersion>> cg = p.get().cgroupVersion();
        if (cg.isPresent() && cg.get().value() == NodeProfile.CgroupVersion.V2) {
            why.add("it uses cgroup v2");
            if (at == null) {
                at = cg.get().origin().orElse(null);
            }
        }
        if (why.isEmpty()) {
            return Optional.empty();
        }
        Origin where = at != null ? at : Origin.ofFile(p.get().file());
        return Optional.of(Setting.inFile(String.join(" and ", why) + " (" + p.get().file() + ")", where));
    }

    /** Whether the profile says the node runs Windows. */
    boolean isWindows() {
        return node.profile().flatMap(NodeProfile::os).map(o -> o.value() == NodeProfile.NodeOs.WINDOWS).orElse(false);
    }

    /** Whether the profile states the operating system. */
    boolean knowsOs() {
        return node.profile().flatMap(NodeProfile::os).isPresent();
    }

    // ---------------------------------------------------------------- kubelet

    private static Optional<Kubelet> kubelet(NodeConfig node, KubernetesVersion k8s) {
        boolean hasFiles = node.kubeletConfiguration().isPresent() || !node.kubeletDropIns().isEmpty()
                || node.kubeletFlags().isPresent();
        Optional<EffectiveKubeletConfig> given = node.effectiveKubelet();
        EffectiveKubeletConfig effective;
        if (given.isPresent() && (!hasFiles || given.get().version().releaseLine().equals(k8s.releaseLine()))) {
            effective = given.get();
        } else if (hasFiles) {
            effective = EffectiveKubeletConfig.compute(k8s, node.kubeletConfiguration(), node.kubeletDropIns(), node.kubeletFlags());
        } else {
            return Optional.empty();
        }
        Origin home = node.kubeletConfiguration().map(c -> c.tree().origin())
                .or(() -> node.kubeletFlags().flatMap(KubeletFlags::execStart))
                .orElseGet(() -> effective.configFile().map(Origin::ofFile).orElse(Origin.ofFile(Validator.NODE_FILE)));
        return Optional.of(new Kubelet(effective, home, node.kubeletFlags()));
    }

    // ---------------------------------------------------------------- containerd

    /** Whether containerd's CRI plugin is on: no {@code disabled_plugins} entry names it (2.x migrates version-1 names first). */
    static boolean criEnabled(ContainerdConfig c, Optional<TargetVersion> version) {
        Schema schema = c.schema().orElse(Schema.V1);
        boolean v2Release = version.map(v -> v.version().major() >= 2).orElse(false);
        for (Setting<String> d : c.disabledPlugins()) {
            if (ContainerdPlugins.disablesCri(d.value(), schema)) {
                return false;
            }
            if (schema == Schema.V1 && v2Release && ContainerdPlugins.disablesCri(ContainerdPlugins.migrateV1Id(d.value()), Schema.V2)) {
                return false;
            }
        }
        return true;
    }

    private static Runtime containerd(ContainerdConfig c, Optional<TargetVersion> version, boolean windows) {
        String main = c.mainFile().path();
        Origin home = Origin.ofFile(main);
        ContainerdCri cri = c.cri();
        Setting<String> address = c.grpcAddress()
                .orElse(windows ? KnownVersions.containerdGrpcAddressWindows() : KnownVersions.containerdGrpcAddress());
        Optional<Fact<CriEndpoint>> listen = CriEndpoint.parse(address.value()).toOptional()
                .map(e -> new Fact<>(e, address.origin().orElse(home), address.isExplicit(),
                        address.isExplicit() ? "address = \"" + address.value() + "\"" : "no [grpc] address (" + address.source().describe()
                                + ": " + address.value() + ")"));
        Origin runtimeTable = cri.runtimePluginTable().map(ConfigTable::origin).orElse(home);
        Origin imagesTable = cri.imagesPluginTable().map(ConfigTable::origin).orElse(home);
        boolean release2 = version.map(v -> v.version().major() >= 2).orElse(c.schema().map(s -> s.number() >= 3).orElse(false));
        Optional<Fact<CgroupDriver>> driver = containerdDriver(cri, release2, runtimeTable);
        Optional<ComponentVersion> exact = version.filter(v -> v.source() != VersionSource.FILES && !v.isAssumed()).map(TargetVersion::version);
        // each of these accessors looks its keys up in the tree again: read them once
        Optional<Setting<String>> sandboxImage = cri.sandboxImage();
        List<String> sandboxImagePath = cri.sandboxImagePath();
        Optional<Fact<String>> image = sandboxImage
                .map(s -> new Fact<>(s.value(), s.origin().orElse(imagesTable), true,
                        String.join(".", sandboxImagePath.subList(2, sandboxImagePath.size())) + " = \"" + s.value() + "\""))
                .or(() -> exact.flatMap(KnownVersions::containerdSandboxImage)
                        .map(d -> new Fact<>(d.value(), imagesTable, false,
                                "no " + String.join(".", sandboxImagePath.subList(2, sandboxImagePath.size()))
                                        + " (" + d.source().describe() + ": " + d.value() + ")")));
        String imageFile = sandboxImage.flatMap(Setting::origin).map(Origin::file).orElse(main);
        return new Runtime(ContainerRuntime.CONTAINERD, version, criEnabled(c, version), home, listen, driver, "containerd", image,
                Optional.of(new KeyInFile(imageFile, sandboxImagePath)));
    }

    // The driver runc gets for pods of the default handler: its SystemdCgroup option (default false).
    private static Optional<Fact<CgroupDriver>> containerdDriver(ContainerdCri cri, boolean release2, Origin runtimeTable) {
        String name = cri.defaultRuntimeName().map(Setting::value).orElse("runc");
        Map<String, ContainerdRuntime> runtimes = cri.runtimes(); // built from the tree on each call
        Optional<ContainerdRuntime> handler = Optional.ofNullable(runtimes.get(name));
        TomlKeyMatching matching = release2 ? TomlKeyMatching.GO_TOML_V2 : TomlKeyMatching.GO_TOML_V1;
        if (handler.isPresent()) {
            ContainerdRuntime h = handler.get();
            if (h.runtimeType().isPresent() && !h.isRunc()) {
                return Optional.empty();
            }
            Optional<ConfigValue> option = h.option("SystemdCgroup", matching);
            if (option.isPresent()) {
                Optional<Boolean> b = option.get().asBoolean();
                if (b.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Fact<>(b.get() ? CgroupDriver.SYSTEMD : CgroupDriver.CGROUPFS, option.get().origin(), true,
                        "SystemdCgroup = " + b.get() + " (runtime \"" + name + "\")"));
            }
            Origin where = h.options().map(ConfigTable::origin).orElse(h.keyOrigin());
            return Optional.of(new Fact<>(CgroupDriver.CGROUPFS, where, false,
                    "no SystemdCgroup in runtime \"" + name + "\" (containerd's default false: cgroupfs)"));
        }
        boolean hasRuntimes = !runtimes.isEmpty();
        // containerd 1.x rebuilds the runtimes map from the file: a map without the default handler
        // fails CRI validation, so the driver is unknown; 2.x merges with its default runc handler
        if (!name.equals("runc") || (hasRuntimes && !release2)) {
            return Optional.empty();
        }
        return Optional.of(new Fact<>(CgroupDriver.CGROUPFS, runtimeTable, false,
                "no runtime \"runc\" with SystemdCgroup (containerd's default runc handler uses cgroupfs)"));
    }

    // ---------------------------------------------------------------- CRI-O

    private static Runtime crio(CrioConfig c, Optional<TargetVersion> version) {
        String main = c.files().isEmpty() ? "etc/crio/crio.conf" : c.files().get(0).path();
        Origin home = Origin.ofFile(main);
        Origin runtimeTable = table(c.merged(), "crio", "runtime").orElse(home);
        Origin imageTable = table(c.merged(), "crio", "image").orElse(home);
        Setting<String> listenSetting = c.listen().orElse(KnownVersions.crioListen());
        Optional<Fact<CriEndpoint>> listen = CriEndpoint.parse(listenSetting.value()).toOptional()
                .map(e -> new Fact<>(e, listenSetting.origin().orElse(table(c.merged(), "crio", "api").orElse(home)),
                        listenSetting.isExplicit(), listenSetting.isExplicit() ? "listen = \"" + listenSetting.value() + "\""
                                : "no listen (" + listenSetting.source().describe() + ": " + listenSetting.value() + ")"));
        Optional<Fact<CgroupDriver>> driver;
        if (c.cgroupManager().isPresent()) {
            Setting<String> m = c.cgroupManager().get();
            driver = c.cgroupDriver().map(d -> new Fact<>(d.value(), m.origin().orElse(runtimeTable), true,
                    "cgroup_manager = \"" + m.value() + "\""));
        } else {
            // every CRI-O since 1.18 (2020) defaults to systemd; older releases to cgroupfs
            ComponentVersion v = version.map(TargetVersion::version).orElse(ComponentVersion.of(1, 18));
            Setting<CgroupDriver> d = KnownVersions.crioCgroupManager(v);
            String assumed = version.isEmpty() ? ", assuming CRI-O 1.18 or later" : "";
            driver = Optional.of(new Fact<>(d.value(), runtimeTable, false,
                    "no cgroup_manager (" + d.source().describe() + ": " + d.value() + assumed + ")"));
        }
        Optional<ComponentVersion> exact = version.filter(v -> !v.isAssumed()).map(TargetVersion::version);
        Optional<Fact<String>> image = c.pauseImage()
                .map(s -> new Fact<>(s.value(), s.origin().orElse(imageTable), true, "pause_image = \"" + s.value() + "\""))
                .or(() -> exact.flatMap(KnownVersions::crioPauseImage)
                        .map(d -> new Fact<>(d.value(), imageTable, false, "no pause_image (" + d.source().describe() + ": " + d.value() + ")")));
        String imageFile = c.pauseImage().flatMap(Setting::origin).map(Origin::file).orElse(imageTable.file());
        return new Runtime(ContainerRuntime.CRIO, version, true, home, listen, driver, "CRI-O", image,
                Optional.of(new KeyInFile(imageFile, List.of("crio", "image", "pause_image"))));
    }

    private static Optional<Origin> table(ConfigTable root, String... keys) {
        return root.find(keys).flatMap(ConfigValue::asTable).map(ConfigTable::origin);
    }

    // ---------------------------------------------------------------- cri-dockerd and Docker Engine

    private static Runtime criDockerd(NodeConfig node, CriDockerdConfig c, TargetVersions versions) {
        Origin home = c.execStart().orElseGet(() -> Origin.ofFile(c.unitFiles().isEmpty() ? "etc/systemd/system/cri-docker.service"
                : c.unitFiles().get(0)));
        Optional<TargetVersion> version = versions.criDockerd();
        Optional<Fact<CriEndpoint>> listen = criDockerdListen(c, home);
        Optional<Fact<CgroupDriver>> driver = dockerDriver(node, versions.docker(), home);
        Optional<ComponentVersion> exact = version.filter(v -> !v.isAssumed()).map(TargetVersion::version);
        Optional<Fact<String>> image = flagValue(c, "pod-infra-container-image")
                .map(f -> new Fact<>(f.value().orElseThrow(), f.valueOrigin().orElse(f.origin()), true,
                        "--pod-infra-container-image=" + f.value().orElseThrow()))
                .or(() -> exact.flatMap(KnownVersions::criDockerdPauseImage)
                        .map(d -> new Fact<>(d.value(), home, false,
                                "no --pod-infra-container-image (" + d.source().describe() + ": " + d.value() + ")")));
        return new Runtime(ContainerRuntime.CRI_DOCKERD, version, true, home, listen, driver, "Docker Engine (behind cri-dockerd)",
                image, Optional.empty());
    }

    /** The last occurrence of a cri-dockerd flag that has a value. */
    static Optional<CommandLineFlag> flagValue(CriDockerdConfig c, String name) {
        for (int i = c.flags().size() - 1; i >= 0; i--) {
            CommandLineFlag f = c.flags().get(i);
            if (f.name().equals(name)) {
                return f.value().isPresent() ? Optional.of(f) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Fact<CriEndpoint>> criDockerdListen(CriDockerdConfig c, Origin home) {
        Optional<CommandLineFlag> flag = flagValue(c, "container-runtime-endpoint");
        if (flag.isPresent()) {
            String v = flag.get().value().orElseThrow();
            Origin at = flag.get().valueOrigin().orElse(flag.get().origin());
            if (v.startsWith("fd://")) {
                // socket activation: systemd listens where the socket unit says and hands the socket over
                return c.listenStream().flatMap(ls -> CriEndpoint.fromListenStream(ls.value()).toOptional()
                        .map(e -> new Fact<>(e, ls.origin().orElse(at), true,
                                "ListenStream=" + ls.value() + " (socket unit; --container-runtime-endpoint " + v + ")")));
            }
            return CriEndpoint.parse(v).toOptional().map(e -> new Fact<>(e, at, true, "--container-runtime-endpoint " + v));
        }
        Setting<String> d = KnownVersions.criDockerdEndpoint();
        return CriEndpoint.parse(d.value()).toOptional()
                .map(e -> new Fact<>(e, home, false, "no --container-runtime-endpoint (" + d.source().describe() + ": " + d.value() + ")"));
    }

    private static Optional<Fact<CgroupDriver>> dockerDriver(NodeConfig node, Optional<TargetVersion> docker, Origin criDockerdHome) {
        Optional<DockerDaemonConfig> daemon = node.dockerDaemon();
        if (daemon.isPresent() && daemon.get().cgroupDriverOption().isPresent()) {
            Setting<String> opt = daemon.get().cgroupDriverOption().get();
            return daemon.get().cgroupDriver().map(d -> new Fact<>(d.value(), opt.origin().orElse(daemon.get().tree().origin()), true,
                    "\"exec-opts\": [\"native.cgroupdriver=" + opt.value() + "\"]"));
        }
        Optional<NodeProfile> p = node.profile();
        Optional<NodeProfile.CgroupVersion> cg = p.flatMap(NodeProfile::cgroupVersion).map(Setting::value);
        Optional<NodeProfile.InitSystem> init = p.flatMap(NodeProfile::init).map(Setting::value);
        if (cg.isEmpty() || init.isEmpty()) {
            // Docker's default depends on the host, which only the profile states
            return Optional.empty();
        }
        ComponentVersion v = docker.map(TargetVersion::version).orElse(ComponentVersion.of(20, 10));
        Setting<CgroupDriver> d = KnownVersions.dockerDefaultCgroupDriver(v, cg.get() == NodeProfile.CgroupVersion.V2,
                init.get() == NodeProfile.InitSystem.SYSTEMD);
        Origin where = daemon.map(x -> x.tree().origin()).orElse(criDockerdHome);
        String assumed = docker.isEmpty() ? ", assuming Docker 20.10 or later" : "";
        return Optional.of(new Fact<>(d.value(), where, false,
                "no native.cgroupdriver in daemon.json (" + d.source().describe() + assumed + ": " + d.value() + ")"));
    }

    /** Every Unix socket Docker Engine's API is served on: its standard socket, cri-dockerd's {@code --docker-endpoint}, daemon.json {@code hosts}. */
    static List<Fact<CriEndpoint>> dockerSockets(NodeConfig node) {
        List<Fact<CriEndpoint>> out = new ArrayList<>();
        out.add(new Fact<>(DOCKER_ENDPOINT, Origin.ofFile(Validator.NODE_FILE), false, "Docker Engine's socket " + KnownVersions.DOCKER_SOCKET));
        node.criDockerd().flatMap(c -> flagValue(c, "docker-endpoint")).ifPresent(f -> CriEndpoint.parse(f.value().orElseThrow())
                .toOptional().filter(CriEndpoint::isUnixSocket)
                .ifPresent(e -> out.add(new Fact<>(e, f.valueOrigin().orElse(f.origin()), true,
                        "--docker-endpoint " + f.value().orElseThrow()))));
        node.dockerDaemon().ifPresent(d -> {
            for (Setting<String> h : d.hosts()) {
                if (h.value().startsWith("unix://")) {
                    CriEndpoint.parse(h.value()).toOptional().ifPresent(e -> out.add(new Fact<>(e,
                            h.origin().orElse(d.tree().origin()), true, "\"hosts\": [\"" + h.value() + "\"] in " + d.file())));
                }
            }
        });
        return out;
    }

    /** Whether a tree holds a value equal to {@code text} anywhere (used to find hosts in files criconf does not model). */
    static boolean mentions(ConfigValue tree, String text) {
        for (ConfigValues.Node n : ConfigValues.walk(tree)) {
            if (n.value().asString().map(text::equals).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
