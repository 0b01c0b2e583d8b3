package dev.criconf.io.node;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.internal.FileProbe;
import dev.criconf.io.node.internal.ContainerdReader;
import dev.criconf.io.node.internal.CriDockerdReader;
import dev.criconf.io.node.internal.CrioReader;
import dev.criconf.io.node.internal.DockerReader;
import dev.criconf.io.node.internal.HostReader;
import dev.criconf.io.node.internal.KubeletReader;
import dev.criconf.io.node.internal.LoadContext;
import dev.criconf.io.node.internal.LooseFiles;
import dev.criconf.io.node.internal.ProfileFacts;
import dev.criconf.io.node.internal.RuntimeMatch;
import dev.criconf.model.ComponentVersion;
import dev.criconf.model.ContainerRuntime;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.Setting;
import dev.criconf.model.containerd.ContainerdConfig;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a node's configuration into a {@link NodeConfig}: every file at its well-known path below a
 * directory that stands for the node's {@code /} ({@link #load(Path)}), or a list of loose files
 * ({@link #loadFiles(List)}). Nothing is executed and nothing is written.
 *
 * <p>What {@link #load(Path)} reads, with each program's merge rules:
 * <ul>
 *   <li>containerd: {@code etc/containerd/config.toml} (else Windows
 *       {@code Program Files/containerd/config.toml}) and the files its {@code imports} reach, merged
 *       with the semantics of the release ({@link #containerdMergeRelease(NodeConfig)}): 1.x replaces
 *       whole {@code plugins."<id>"} tables, 2.x merges them key by key;</li>
 *   <li>CRI-O: {@code etc/crio/crio.conf} (optional) and every file under {@code etc/crio/crio.conf.d},
 *       recursively, in byte order: tables merge key by key, a re-declared
 *       {@code [crio.runtime.runtimes.<name>]} replaces that handler;</li>
 *   <li>cri-dockerd: {@code cri-docker.service} with its drop-ins as systemd resolves them, the flags
 *       of the effective {@code ExecStart=}, and {@code cri-docker.socket}'s {@code ListenStream=};</li>
 *   <li>Docker: {@code etc/docker/daemon.json};</li>
 *   <li>the host: {@code sysctl.d} and {@code modules-load.d} files in systemd's order;</li>
 *   <li>the kubelet side (unit, flags, config file and drop-ins, kubeadm, the profile {@code criconf.yaml});</li>
 *   <li>which runtime the kubelet's effective endpoint points at ({@link NodeConfig#kubeletRuntime()}).</li>
 * </ul>
 *
 * <p>Names: {@link NodeConfig#root()} is the root as given; {@link NodeConfig#files()} and every
 * origin name files relative to it with {@code /} separators and no leading slash
 * ({@code etc/containerd/config.toml}). The root confines every read: a symbolic link or an
 * {@code imports} path that leaves it is an {@code OUTSIDE_ROOT} problem and is not followed
 * (absolute link targets and absolute imports are taken from the root, as in a chroot).
 *
 * <p>Bad input never throws: a file that cannot be read or parsed becomes {@link NodeConfig#problems()}
 * and loading goes on with the rest (a file with syntax errors contributes what its parser could
 * read). Only a root that is not a directory throws ({@link NodeRootException}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class NodeLoader {

    private final ParseLimits limits;

    private NodeLoader(ParseLimits limits) {
        this.limits = limits;
    }

    /** A loader with {@link ParseLimits#DEFAULTS}. */
    public static NodeLoader create() {
        return new NodeLoader(ParseLimits.DEFAULTS);
    }

    /** The same loader with other limits (file size, nesting depth, YAML aliases, drop-in count). */
    public NodeLoader withLimits(ParseLimits limits) {
        return new NodeLoader(Objects.requireNonNull(limits, "limits"));
    }

    /**
     * Loads the node whose {@code /} is {@code root}.
     *
     * @throws NodeRootException if {@code root} is not a directory
     */
    public NodeConfig load(Path root) {
        Objects.requireNonNull(root, "root");
        if (!Files.isDirectory(root)) {
            throw new NodeRootException("not a directory, so it cannot be a node root: " + root
                    + (Files.exists(root, LinkOption.NOFOLLOW_LINKS) ? "" : " (it does not exist)"));
        }
        NodeConfig.Builder builder = NodeConfig.builder(root.toString());
        // every reader below asks the file system about the same paths: answer each once per node
        try (FileProbe.Scope scope = FileProbe.open()) {
            LoadContext ctx = new LoadContext(root, limits, builder);
            ContainerdReader.read(ctx, ProfileFacts.containerdVersion(ctx));
            CrioReader.read(ctx);
            CriDockerdReader.read(ctx);
            DockerReader.read(ctx);
            HostReader.read(ctx);
            KubeletReader.readInto(ctx);
        }
        NodeConfig node = builder.build();
        Optional<ContainerRuntime> runtime = RuntimeMatch.kubeletRuntime(node);
        return runtime.isPresent() ? node.withKubeletRuntime(runtime.get()) : node;
    }

    /**
     * Loads loose files (a config repository's), each typed by its name and content and read alone:
     * no imports, no drop-in directories, no {@code EnvironmentFile=} lookups. Files of one program
     * combine in the order given: the first containerd file is the main one and later ones merge like
     * imports; CRI-O files merge like drop-ins ({@code crio.conf} is the main file); the first
     * {@code KubeletConfiguration} is the {@code --config} file and later ones (and {@code *.conf}
     * ones) are drop-ins; {@code kubelet.service} and its drop-ins give the command line, with the
     * environment files given ({@code kubeadm-flags.env}, {@code default/kubelet}) as its variables.
     * {@link NodeConfig#root()} is empty; files and origins are named by the paths as given
     * ({@code Path.toString()}, {@code /} separators). A file of no known kind is an
     * {@code UNREADABLE} problem.
     */
    public NodeConfig loadFiles(List<Path> files) {
        Objects.requireNonNull(files, "files");
        return LooseFiles.load(files, limits);
    }

    /**
     * The containerd release whose merge semantics the loader applied to a node's containerd files:
     * the profile's {@code containerdVersion}; else 2.0 when the merged {@code version} is 3 or more
     * (a file only 2.x reads); else 1.7, assumed (a {@link dev.criconf.model.Source.Default} whose
     * text says so). Empty when the node has no containerd configuration.
     */
    public static Optional<Setting<ComponentVersion>> containerdMergeRelease(NodeConfig node) {
        Optional<ContainerdConfig> c = node.containerd();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ContainerdReader.mergeRelease(node.profile().flatMap(NodeProfile::containerdVersion),
                ContainerdReader.mergedVersion(c.get().files())));
    }
}
