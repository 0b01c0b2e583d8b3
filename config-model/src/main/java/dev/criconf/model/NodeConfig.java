package dev.criconf.model;

import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.docker.CriDockerdConfig;
import dev.criconf.model.docker.DockerDaemonConfig;
import dev.criconf.model.host.ModulesLoad;
import dev.criconf.model.host.SysctlSettings;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.model.kubelet.KubeadmFlagsEnv;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.model.kubelet.KubeletFlags;
import dev.criconf.model.kubelet.KubeletSources;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything criconf knows about one node: the files found, what could not be read, each file's
 * tree, and the per-component configurations built from them. Every component is optional: a node
 * tree (or a set of loose files) has whatever it has.
 *
 * <p>Codecs assemble it with {@link #builder(String)}; the three-argument constructor gives a node
 * with files and problems only.
 *
 * @param root                 the node root as the user named it (a directory), or empty for loose files
 * @param files                every file read, relative to the root, with {@code /} separators, sorted
 * @param problems             located problems from reading (syntax errors, limits, unreadable files)
 * @param parsedFiles          the tree of every file that parsed, in {@link #files()} order
 * @param profile              the node profile ({@code criconf.yaml})
 * @param containerd           containerd's configuration
 * @param crio                 CRI-O's configuration
 * @param criDockerd           cri-dockerd's command line and socket
 * @param dockerDaemon         Docker's {@code daemon.json}
 * @param kubeletConfiguration the kubelet's {@code --config} file
 * @param kubeletDropIns       the kubelet's {@code --config-dir} drop-ins, in the order applied
 * @param kubeletFlags         the kubelet's command line from its systemd unit
 * @param kubeletEnvFiles      environment files feeding the kubelet's command line ({@code kubeadm-flags.env},
 *                             {@code /etc/default/kubelet}, {@code /etc/sysconfig/kubelet})
 * @param effectiveKubelet     the kubelet's merged configuration with the chain behind each setting
 * @param kubeadm              a kubeadm configuration file found at the root
 * @param sysctl               kernel parameters from {@code sysctl.d}
 * @param modulesLoad          modules from {@code modules-load.d}
 * @param kubeletRuntime       which runtime the kubelet talks to, once derived (endpoint match)
 * @param kubeletSources       where the kubelet's configuration comes from: its unit and drop-ins (with the
 *                             shadowed and masked ones), environment files, config file and directory,
 *                             and what was assumed
 */
public record NodeConfig(String root, List<String> files, List<Problem> problems, List<ParsedFile> parsedFiles,
        Optional<NodeProfile> profile, Optional<ContainerdConfig> containerd, Optional<CrioConfig> crio,
        Optional<CriDockerdConfig> criDockerd, Optional<DockerDaemonConfig> dockerDaemon,
        Optional<KubeletConfiguration> kubeletConfiguration, List<KubeletConfiguration> kubeletDropIns,
        Optional<KubeletFlags> kubeletFlags, List<KubeadmFlagsEnv> kubeletEnvFiles,
        Optional<EffectiveKubeletConfig> effectiveKubelet, Optional<KubeadmConfig> kubeadm,
        Optional<SysctlSettings> sysctl, Optional<ModulesLoad> modulesLoad, Optional<ContainerRuntime> kubeletRuntime,
        Optional<KubeletSources> kubeletSources) {

    /** Rejects nulls and copies the lists. */
    public NodeConfig {
        Objects.requireNonNull(root, "root");
        files = List.copyOf(files);
        problems = List.copyOf(problems);
        parsedFiles = List.copyOf(parsedFiles);
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(containerd, "containerd");
        Objects.requireNonNull(crio, "crio");
        Objects.requireNonNull(criDockerd, "criDockerd");
        Objects.requireNonNull(dockerDaemon, "dockerDaemon");
        Objects.requireNonNull(kubeletConfiguration, "kubeletConfiguration");
        kubeletDropIns = List.copyOf(kubeletDropIns);
        Objects.requireNonNull(kubeletFlags, "kubeletFlags");
        kubeletEnvFiles = List.copyOf(kubeletEnvFiles);
        Objects.requireNonNull(effectiveKubelet, "effectiveKubelet");
        Objects.requireNonNull(kubeadm, "kubeadm");
        Objects.requireNonNull(sysctl, "sysctl");
        Objects.requireNonNull(modulesLoad, "modulesLoad");
        Objects.requireNonNull(kubeletRuntime, "kubeletRuntime");
        Objects.requireNonNull(kubeletSources, "kubeletSources");
    }

    /** A node without {@link #kubeletSources()} (the constructor before that component existed). */
    public NodeConfig(String root, List<String> files, List<Problem> problems, List<ParsedFile> parsedFiles,
            Optional<NodeProfile> profile, Optional<ContainerdConfig> containerd, Optional<CrioConfig> crio,
            Optional<CriDockerdConfig> criDockerd, Optional<DockerDaemonConfig> dockerDaemon,
            Optional<KubeletConfiguration> kubeletConfiguration, List<KubeletConfiguration> kubeletDropIns,
            Optional<KubeletFlags> kubeletFlags, List<KubeadmFlagsEnv> kubeletEnvFiles,
            Optional<EffectiveKubeletConfig> effectiveKubelet, Optional<KubeadmConfig> kubeadm,
            Optional<SysctlSettings> sysctl, Optional<ModulesLoad> modulesLoad, Optional<ContainerRuntime> kubeletRuntime) {
        this(root, files, problems, parsedFiles, profile, containerd, crio, criDockerd, dockerDaemon, kubeletConfiguration,
                kubeletDropIns, kubeletFlags, kubeletEnvFiles, effectiveKubelet, kubeadm, sysctl, modulesLoad, kubeletRuntime,
                Optional.empty());
    }

    /** A node with files and problems and nothing parsed (yet). */
    public NodeConfig(String root, List<String> files, List<Problem> problems) {
        this(root, files, problems, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A builder for a node at {@code root}. */
    public static Builder builder(String root) {
        return new Builder(root);
    }

    /** A builder holding this node's values. */
    public Builder toBuilder() {
        Builder b = new Builder(root);
        b.files.addAll(files);
        b.problems.addAll(problems);
        b.parsedFiles.addAll(parsedFiles);
        b.profile = profile;
        b.containerd = containerd;
        b.crio = crio;
        b.criDockerd = criDockerd;
        b.dockerDaemon = dockerDaemon;
        b.kubeletConfiguration = kubeletConfiguration;
        b.kubeletDropIns.addAll(kubeletDropIns);
        b.kubeletFlags = kubeletFlags;
        b.kubeletEnvFiles.addAll(kubeletEnvFiles);
        b.effectiveKubelet = effectiveKubelet;
        b.kubeadm = kubeadm;
        b.sysctl = sysctl;
        b.modulesLoad = modulesLoad;
        b.kubeletRuntime = kubeletRuntime;
        b.kubeletSources = kubeletSources;
        return b;
    }

    /** The same node with the runtime the kubelet talks to. */
    public NodeConfig withKubeletRuntime(ContainerRuntime runtime) {
        return toBuilder().kubeletRuntime(runtime).build();
    }

    /** The same node with the effective kubelet configuration. */
    public NodeConfig withEffectiveKubelet(EffectiveKubeletConfig effective) {
        return toBuilder().effectiveKubelet(effective).build();
    }

    /** The same node with more problems. */
    public NodeConfig withProblems(List<Problem> more) {
        return toBuilder().addProblems(more).build();
    }

    /** The tree of a file, by its path relative to the root. */
    public Optional<ParsedFile> parsedFile(String path) {
        for (ParsedFile f : parsedFiles) {
            if (f.path().equals(path)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The Kubernetes release the node's own files state: the profile's {@code kubernetesVersion},
     * else kubeadm's {@code ClusterConfiguration.kubernetesVersion} when it is a version (not a label
     * such as {@code stable-1.30}). An explicit option given to a tool takes precedence over both.
     */
    public Optional<Setting<KubernetesVersion>> kubernetesVersion() {
        Optional<Setting<KubernetesVersion>> fromProfile = profile.flatMap(NodeProfile::kubernetesVersion);
        if (fromProfile.isPresent()) {
            return fromProfile;
        }
        return kubeadm.flatMap(KubeadmConfig::kubernetesVersion)
                .flatMap(s -> KubernetesVersion.parse(s.value()).toOptional().map(v -> new Setting<>(v, s.source())));
    }

    /** The runtimes whose configuration is present on the node. */
    public Set<ContainerRuntime> configuredRuntimes() {
        Set<ContainerRuntime> out = EnumSet.noneOf(ContainerRuntime.class);
        containerd.ifPresent(c -> out.add(ContainerRuntime.CONTAINERD));
        crio.ifPresent(c -> out.add(ContainerRuntime.CRIO));
        criDockerd.ifPresent(c -> out.add(ContainerRuntime.CRI_DOCKERD));
        return out;
    }

    /** Assembles a {@link NodeConfig}; every component starts absent. Not thread-safe. */
    public static final class Builder {
        private final String root;
        private final List<String> files = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final List<ParsedFile> parsedFiles = new ArrayList<>();
        private Optional<NodeProfile> profile = Optional.empty();
        private Optional<ContainerdConfig> containerd = Optional.empty();
        private Optional<CrioConfig> crio = Optional.empty();
        private Optional<CriDockerdConfig> criDockerd = Optional.empty();
        private Optional<DockerDaemonConfig> dockerDaemon = Optional.empty();
        private Optional<KubeletConfiguration> kubeletConfiguration = Optional.empty();
        private final List<KubeletConfiguration> kubeletDropIns = new ArrayList<>();
        private Optional<KubeletFlags> kubeletFlags = Optional.empty();
        private final List<KubeadmFlagsEnv> kubeletEnvFiles = new ArrayList<>();
        private Optional<EffectiveKubeletConfig> effectiveKubelet = Optional.empty();
        private Optional<KubeadmConfig> kubeadm = Optional.empty();
        private Optional<SysctlSettings> sysctl = Optional.empty();
        private Optional<ModulesLoad> modulesLoad = Optional.empty();
        private Optional<ContainerRuntime> kubeletRuntime = Optional.empty();
        private Optional<KubeletSources> kubeletSources = Optional.empty();

        private Builder(String root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /** Adds files read (relative paths); {@link #build()} sorts them. */
        public Builder addFiles(List<String> paths) {
            files.addAll(paths);
            return this;
        }

        /** Adds a file read. */
        public Builder addFile(String path) {
            files.add(Objects.requireNonNull(path, "path"));
            return this;
        }

        /** Adds problems. */
        public Builder addProblems(List<Problem> more) {
            problems.addAll(more);
            return this;
        }

        /** Adds a problem. */
        public Builder addProblem(Problem problem) {
            problems.add(Objects.requireNonNull(problem, "problem"));
            return this;
        }

        /** Adds a parsed file's tree. */
        public Builder addParsedFile(ParsedFile file) {
            parsedFiles.add(Objects.requireNonNull(file, "file"));
            return this;
        }

        /** Sets the node profile. */
        public Builder profile(NodeProfile value) {
            profile = Optional.of(value);
            return this;
        }

        /** Sets containerd's configuration. */
        public Builder containerd(ContainerdConfig value) {
            containerd = Optional.of(value);
            return this;
        }

        /** Sets CRI-O's configuration. */
        public Builder crio(CrioConfig value) {
            crio = Optional.of(value);
            return this;
        }

        /** Sets cri-dockerd's configuration. */
        public Builder criDockerd(CriDockerdConfig value) {
            criDockerd = Optional.of(value);
            return this;
        }

        /** Sets Docker's {@code daemon.json}. */
        public Builder dockerDaemon(DockerDaemonConfig value) {
            dockerDaemon = Optional.of(value);
            return this;
        }

        /** Sets the kubelet's {@code --config} file. */
        public Builder kubeletConfiguration(KubeletConfiguration value) {
            kubeletConfiguration = Optional.of(value);
            return this;
        }

        /** Adds a kubelet drop-in (call in the order the kubelet applies them). */
        public Builder addKubeletDropIn(KubeletConfiguration value) {
            kubeletDropIns.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the kubelet's command line. */
        public Builder kubeletFlags(KubeletFlags value) {
            kubeletFlags = Optional.of(value);
            return this;
        }

        /** Adds an environment file that feeds the kubelet's command line. */
        public Builder addKubeletEnvFile(KubeadmFlagsEnv value) {
            kubeletEnvFiles.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets the kubelet's effective configuration. */
        public Builder effectiveKubelet(EffectiveKubeletConfig value) {
            effectiveKubelet = Optional.of(value);
            return this;
        }

        /** Sets the kubeadm configuration. */
        public Builder kubeadm(KubeadmConfig value) {
            kubeadm = Optional.of(value);
            return this;
        }

        /** Sets the sysctl settings. */
        public Builder sysctl(SysctlSettings value) {
            sysctl = Optional.of(value);
            return this;
        }

        /** Sets the modules loaded at boot. */
        public Builder modulesLoad(ModulesLoad value) {
            modulesLoad = Optional.of(value);
            return this;
        }

        /** Sets the runtime the kubelet talks to. */
        public Builder kubeletRuntime(ContainerRuntime value) {
            kubeletRuntime = Optional.of(value);
            return this;
        }

        /** Sets where the kubelet's configuration comes from. */
        public Builder kubeletSources(KubeletSources value) {
            kubeletSources = Optional.of(value);
            return this;
        }

        /** The node; files are sorted and de-duplicated. */
        public NodeConfig build() {
            List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(files));
            return new NodeConfig(root, sorted, problems, parsedFiles, profile, containerd, crio, criDockerd, dockerDaemon,
                    kubeletConfiguration, kubeletDropIns, kubeletFlags, kubeletEnvFiles, effectiveKubelet, kubeadm, sysctl,
                    modulesLoad, kubeletRuntime, kubeletSources);
        }
    }
}
