package dev.criconf.io.node.internal;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.codec.internal.TomlTrees;
import dev.criconf.io.json.JsonDocument;
import dev.criconf.io.modules.ModuleEntry;
import dev.criconf.io.modules.ModulesLoadFile;
import dev.criconf.io.sysctl.SysctlFile;
import dev.criconf.io.systemd.CommandLine;
import dev.criconf.io.systemd.EnvironmentEntry;
import dev.criconf.io.systemd.ExecCommand;
import dev.criconf.io.systemd.Specifiers;
import dev.criconf.io.systemd.UnitAssignment;
import dev.criconf.io.systemd.UnitEnvironment;
import dev.criconf.io.systemd.UnitFile;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.Component;
import dev.criconf.model.catalog.CriDockerdFlagCatalog;
import dev.criconf.model.FileFormat;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Problem;
import dev.criconf.model.Setting;
import dev.criconf.model.StrayArgument;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdFile;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioFile;
import dev.criconf.model.docker.CriDockerdConfig;
import dev.criconf.model.docker.DockerDaemonConfig;
import dev.criconf.model.host.ModulesLoad;
import dev.criconf.model.host.SysctlEntry;
import dev.criconf.model.host.SysctlSettings;
import dev.criconf.model.value.ConfigTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Loose files (a config repository's files, not a node tree): each file typed by its name and
 * content and read alone; files of one component are combined in the order given (the first
 * containerd file is the main one; CRI-O files merge in order). Nothing else is looked up: no
 * imports, no drop-in directories, no environment files.
 */
public final class LooseFiles {

    /** Which reader takes a file. */
    enum Kind { CONTAINERD, CRIO, CRI_DOCKERD_UNIT, DOCKER_DAEMON, SYSCTL, MODULES_LOAD, KUBELET_SIDE, UNKNOWN }

    private static final Set<String> CONTAINERD_KEYS = Set.of("version", "root", "state", "temp", "plugin_dir", "grpc",
            "ttrpc", "debug", "metrics", "disabled_plugins", "required_plugins", "plugins", "oom_score", "cgroup",
            "proxy_plugins", "timeouts", "imports", "stream_processors");

    private LooseFiles() {}

    /** Reads the files into a node without a root. */
    public static NodeConfig load(List<Path> paths, ParseLimits limits) {
        NodeConfig.Builder b = NodeConfig.builder("");
        List<ContainerdFile> containerd = new ArrayList<>();
        List<CrioFile> crio = new ArrayList<>();
        List<SysctlEntry> sysctl = new ArrayList<>();
        boolean hasSysctl = false;
        List<Setting<String>> modules = new ArrayList<>();
        boolean hasModules = false;
        for (Path path : paths) {
            String name = path.toString().replace('\\', '/');
            Optional<byte[]> read = read(path, name, limits, b);
            if (read.isEmpty()) {
                continue;
            }
            byte[] bytes = read.get();
            b.addFile(name);
            Optional<ConfigTable> toml = Optional.empty();
            Kind kind = byName(name);
            if (kind == Kind.UNKNOWN) {
                TomlDocument doc = TomlDocument.parse(name, bytes, ContainerdReader.TOML_1_0.withLimits(limits));
                ConfigTable tree = TomlTrees.of(doc);
                kind = byContent(name, tree);
                if (kind == Kind.CRIO || kind == Kind.CONTAINERD) {
                    b.addProblems(doc.problems());
                    toml = Optional.of(tree);
                }
            }
            switch (kind) {
                case CONTAINERD -> {
                    ConfigTable tree = toml.orElseThrow();
                    b.addParsedFile(ParsedFile.of(name, FileFormat.TOML, Component.CONTAINERD, tree));
                    containerd.add(new ContainerdFile(name, tree));
                }
                case CRIO -> {
                    ConfigTable tree = toml.orElseThrow();
                    b.addParsedFile(ParsedFile.of(name, FileFormat.TOML, Component.CRIO, tree));
                    boolean main = fileName(name).equals("crio.conf") && !parentName(name).equals("crio.conf.d");
                    crio.add(new CrioFile(name, main ? CrioFile.Role.MAIN : CrioFile.Role.DROP_IN, tree));
                }
                case DOCKER_DAEMON -> {
                    JsonDocument doc = JsonDocument.parse(name, bytes, limits);
                    b.addProblems(doc.problems());
                    b.dockerDaemon(new DockerDaemonConfig(name, dockerTree(name, doc, b)));
                }
                case CRI_DOCKERD_UNIT -> criDockerd(name, bytes, limits, b);
                case SYSCTL -> {
                    hasSysctl = true;
                    SysctlFile f = SysctlFile.parse(name, bytes, limits);
                    b.addProblems(f.problems());
                    b.addParsedFile(new ParsedFile(name, FileFormat.SYSCTL, Component.HOST, List.of()));
                    for (dev.criconf.io.sysctl.SysctlEntry e : f.entries()) {
                        e.value().ifPresent(v -> sysctl.add(new SysctlEntry(e.key(), e.rawKey(), v, e.keyOrigin(), e.ignoreFailure())));
                    }
                }
                case MODULES_LOAD -> {
                    hasModules = true;
                    ModulesLoadFile f = ModulesLoadFile.parse(name, bytes, limits);
                    b.addProblems(f.problems());
                    b.addParsedFile(new ParsedFile(name, FileFormat.MODULES_LOAD, Component.HOST, List.of()));
                    for (ModuleEntry m : f.modules()) {
                        modules.add(Setting.inFile(m.name(), m.origin()));
                    }
                }
                case KUBELET_SIDE -> b.addProblem(new Problem(Problem.Kind.UNREADABLE, Origin.ofFile(name),
                        "kubelet and kubeadm files are not read as loose files yet; lint them inside a node root"));
                default -> b.addProblem(new Problem(Problem.Kind.UNREADABLE, Origin.ofFile(name),
                        "not a configuration file criconf knows: name it as on a node (config.toml, crio.conf, daemon.json, "
                                + "cri-docker.service, *.conf in sysctl.d or modules-load.d, ...)"));
            }
        }
        if (!containerd.isEmpty()) {
            ConfigTable merged = containerd.get(0).tree();
            ContainerdMerge.Semantics s = ContainerdReader.mergeRelease(Optional.empty(), ContainerdReader.mergedVersion(containerd))
                    .value().major() >= 2 ? ContainerdMerge.Semantics.V2 : ContainerdMerge.Semantics.V1;
            for (int i = 1; i < containerd.size(); i++) {
                merged = ContainerdMerge.merge(merged, containerd.get(i).tree(), s);
            }
            b.containerd(new ContainerdConfig(containerd, merged, List.of()));
        }
        if (!crio.isEmpty()) {
            ConfigTable merged = ConfigTable.empty(crio.get(0).tree().origin());
            for (CrioFile f : crio) {
                merged = CrioMerge.merge(merged, f.tree());
            }
            b.crio(new CrioConfig(crio, merged));
        }
        if (hasSysctl) {
            b.sysctl(new SysctlSettings(sysctl));
        }
        if (hasModules) {
            b.modulesLoad(new ModulesLoad(modules));
        }
        return b.build();
    }

    static Kind byName(String name) {
        String file = fileName(name).toLowerCase(Locale.ROOT);
        String parent = parentName(name).toLowerCase(Locale.ROOT);
        boolean unit = file.endsWith(".service") || file.endsWith(".socket") || parent.endsWith(".service.d");
        if (unit) {
            String unitName = parent.endsWith(".service.d") ? parent : file;
            return unitName.startsWith("cri-docker") ? Kind.CRI_DOCKERD_UNIT : unitName.startsWith("kubelet") ? Kind.KUBELET_SIDE : Kind.UNKNOWN;
        }
        if (parent.equals("sysctl.d") || file.equals("sysctl.conf")) {
            return Kind.SYSCTL;
        }
        if (parent.equals("modules-load.d")) {
            return Kind.MODULES_LOAD;
        }
        if (file.endsWith(".json")) {
            return file.equals("daemon.json") ? Kind.DOCKER_DAEMON : Kind.KUBELET_SIDE;
        }
        if (file.endsWith(".yaml") || file.endsWith(".yml") || file.endsWith(".env")
                || (file.equals("kubelet") && (parent.equals("default") || parent.equals("sysconfig")))) {
            return Kind.KUBELET_SIDE;
        }
        return Kind.UNKNOWN;
    }

    static Kind byContent(String name, ConfigTable tree) {
        for (String k : tree.keys()) {
            if (k.equalsIgnoreCase("crio")) {
                return Kind.CRIO;
            }
        }
        String file = fileName(name).toLowerCase(Locale.ROOT);
        if (file.endsWith(".toml") || tree.keys().stream().anyMatch(CONTAINERD_KEYS::contains)) {
            return Kind.CONTAINERD;
        }
        if (parentName(name).equals("crio.conf.d") || file.startsWith("crio.conf")) {
            return Kind.CRIO;
        }
        return Kind.UNKNOWN;
    }

    private static ConfigTable dockerTree(String name, JsonDocument doc, NodeConfig.Builder b) {
        var value = dev.criconf.io.codec.internal.JsonTrees.of(doc);
        b.addParsedFile(new ParsedFile(name, FileFormat.JSON, Component.DOCKER, value.map(List::of).orElse(List.of())));
        if (value.isPresent() && value.get() instanceof ConfigTable t) {
            return t;
        }
        value.ifPresent(v -> b.addProblem(Problem.syntax(v.origin(), "daemon.json must hold a JSON object")));
        return ConfigTable.empty(Origin.ofFile(name));
    }

    /** A cri-dockerd unit given alone: its own {@code Environment=} and last {@code ExecStart=}. */
    private static void criDockerd(String name, byte[] bytes, ParseLimits limits, NodeConfig.Builder b) {
        UnitFile unit = UnitFile.parse(name, bytes, limits);
        b.addProblems(unit.problems());
        b.addParsedFile(new ParsedFile(name, FileFormat.SYSTEMD_UNIT, Component.CRI_DOCKERD, List.of()));
        String unitName = fileName(name).endsWith(".service") || fileName(name).endsWith(".socket") ? fileName(name) : "cri-docker.service";
        Specifiers specifiers = Specifiers.systemUnit(unitName);
        Optional<Setting<String>> listen = Optional.empty();
        for (UnitAssignment a : unit.assignments("Socket", "ListenStream")) {
            if (a.isEmpty()) {
                listen = Optional.empty();
            } else if (listen.isEmpty()) {
                listen = Optional.of(Setting.inFile(a.value(), a.valueOrigin()));
            }
        }
        List<EnvironmentEntry> env = new ArrayList<>();
        for (UnitAssignment a : unit.assignments("Service", "Environment")) {
            if (a.isEmpty()) {
                env.clear();
            } else {
                env.addAll(EnvironmentEntry.parse(a, specifiers).entries());
            }
        }
        List<ExecCommand> commands = new ArrayList<>();
        for (UnitAssignment a : unit.assignments("Service", "ExecStart")) {
            if (a.isEmpty()) {
                commands.clear();
            } else {
                commands.addAll(ExecCommand.parse(a, specifiers).commands());
            }
        }
        List<CommandLineFlag> flags = List.of();
        List<StrayArgument> stray = List.of();
        Optional<Origin> execStart = Optional.empty();
        if (!commands.isEmpty()) {
            CommandLine line = CommandLine.expand(commands.get(commands.size() - 1), UnitEnvironment.of(env, List.of()));
            CommandLineFlags converted = CommandLineFlags.of(line, line.flags(FlagSpec.criDockerd()),
                    n -> CriDockerdFlagCatalog.find(n).isPresent());
            flags = converted.flags();
            stray = converted.strayArguments();
            b.addProblems(converted.problems());
            execStart = Optional.of(line.command().assignment().origin());
        }
        List<String> unitFiles = new ArrayList<>(List.of(name));
        Optional<CriDockerdConfig> before = b.build().criDockerd();
        if (before.isPresent()) {
            // a service and a socket given together describe one cri-dockerd
            CriDockerdConfig p = before.get();
            unitFiles.addAll(0, p.unitFiles());
            if (commands.isEmpty()) {
                flags = p.flags();
                stray = p.strayArguments();
                execStart = p.execStart();
            }
            if (listen.isEmpty()) {
                listen = p.listenStream();
            }
        }
        b.criDockerd(new CriDockerdConfig(unitFiles, flags, stray, execStart, listen));
    }

    private static Optional<byte[]> read(Path path, String name, ParseLimits limits, NodeConfig.Builder b) {
        try {
            if (!Files.isRegularFile(path)) {
                b.addProblem(new Problem(Problem.Kind.UNREADABLE, Origin.ofFile(name),
                        Files.exists(path) ? "not a regular file" : "no such file"));
                return Optional.empty();
            }
            long size = Files.size(path);
            if (size > limits.maxFileBytes()) {
                b.addProblem(new Problem(Problem.Kind.LIMIT_EXCEEDED, Origin.ofFile(name),
                        "file has " + size + " bytes, more than the limit of " + limits.maxFileBytes()));
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(path));
        } catch (IOException | RuntimeException e) {
            b.addProblem(new Problem(Problem.Kind.UNREADABLE, Origin.ofFile(name), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            return Optional.empty();
        }
    }

    private static String fileName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String parentName(String name) {
        int slash = name.lastIndexOf('/');
        if (slash <= 0) {
            return "";
        }
        String parent = name.substring(0, slash);
        return parent.substring(parent.lastIndexOf('/') + 1);
    }
}
