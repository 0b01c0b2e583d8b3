package dev.criconf.io.node;

import dev.criconf.io.EditException;
import dev.criconf.io.ParseLimits;
import dev.criconf.io.SyntaxDocument;
import dev.criconf.io.args.FlagEdit;
import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.env.EnvFile;
import dev.criconf.io.internal.NodeRootFiles;
import dev.criconf.io.json.JsonData;
import dev.criconf.io.json.JsonDocument;
import dev.criconf.io.json.JsonPath;
import dev.criconf.io.json.JsonValue;
import dev.criconf.io.systemd.UnitFile;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.toml.TomlPath;
import dev.criconf.io.toml.TomlValue;
import dev.criconf.io.yaml.YamlNode;
import dev.criconf.io.yaml.YamlPath;
import dev.criconf.io.yaml.YamlScalar;
import dev.criconf.io.yaml.YamlStream;
import dev.criconf.io.yaml.YamlValue;
import dev.criconf.model.CgroupDriver;
import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.ContainerRuntime;
import dev.criconf.model.FileFormat;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.ContainerdPlugins;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdCri;
import dev.criconf.model.containerd.ContainerdRuntime;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.docker.DockerDaemonConfig;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.model.kubelet.KubeletFlags;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns {@link NodeEdit}s into minimal lossless edits of a node's files: the file that holds the
 * effective value is edited where there is one, else the conventional file is (created if needed),
 * e.g. a CRI-O drop-in {@code etc/crio/crio.conf.d/02-cgroup-manager.conf}. Every file edit is
 * verified by its format's editor (re-parsed, nothing else changed), and the whole plan by loading the
 * node as it would be afterwards (a copy of its files in a temporary directory): a typed edit that
 * would not take effect there (a flag in a file the kubelet does not read, a value a later file
 * overrides) is refused with {@link EditException}. Nothing touches the node until
 * {@link EditPlan#write()}.
 *
 * <pre>{@code
 * NodeConfig node = NodeLoader.create().load(root);
 * NodeEditor.of(root, node).setCgroupDriver(CgroupDriver.SYSTEMD).write();
 * }</pre>
 */
public final class NodeEditor {

    /** Where criconf puts CRI-O cgroup settings when no file sets them. */
    public static final String CRIO_CGROUP_DROP_IN = "etc/crio/crio.conf.d/02-cgroup-manager.conf";
    /** Where criconf puts a CRI-O pause image when no file sets it. */
    public static final String CRIO_PAUSE_DROP_IN = "etc/crio/crio.conf.d/03-pause-image.conf";
    /** Where user kubelet flags go on a kubeadm node (kubeadm never rewrites it). */
    public static final String KUBELET_EXTRA_ARGS_FILE = "etc/default/kubelet";
    /** Docker's daemon configuration. */
    public static final String DOCKER_DAEMON_JSON = "etc/docker/daemon.json";

    private final Path root;
    private final NodeConfig node;
    private final NodeRootFiles files;

    private NodeEditor(Path root, NodeConfig node, ParseLimits limits) {
        this.root = Objects.requireNonNull(root, "root");
        this.node = Objects.requireNonNull(node, "node");
        this.files = NodeRootFiles.of(root, limits);
    }

    /** An editor for a node loaded from {@code root}. */
    public static NodeEditor of(Path root, NodeConfig node) {
        return new NodeEditor(root, node, ParseLimits.DEFAULTS);
    }

    /** Plans several edits together; later edits see the files as earlier ones left them. */
    public EditPlan plan(List<NodeEdit> edits) {
        Workspace ws = new Workspace();
        for (NodeEdit edit : edits) {
            apply(ws, edit);
        }
        List<FileChange> changes = ws.changes();
        if (!changes.isEmpty()) {
            verify(edits, changes);
        }
        return new EditPlan(root, edits, changes);
    }

    /**
     * Re-loads the node as it would be after the changes and refuses the plan unless every typed
     * edit holds there: each file edit was verified alone, but only a re-load shows that the value
     * lands where the program reads it (merge order, drop-ins, flags beating files). The node's
     * files are copied to a temporary root (they are few and small) with the changes applied.
     */
    private void verify(List<NodeEdit> edits, List<FileChange> changes) {
        Path scratch;
        try {
            scratch = java.nio.file.Files.createTempDirectory("criconf-plan");
        } catch (java.io.IOException e) {
            throw new EditException("cannot verify the plan: no temporary directory: " + e.getMessage());
        }
        try {
            for (String file : node.files()) {
                NodeRootFiles.Read read = files.read(file);
                if (read.bytes().isPresent()) {
                    copyTo(scratch, file, read.bytes().get());
                }
            }
            for (FileChange c : changes) {
                copyTo(scratch, c.file(), c.after());
            }
            NodeConfig after = NodeLoader.create().load(scratch);
            for (NodeEdit edit : edits) {
                Optional<String> failure = PlanCheck.failure(edit, after);
                if (failure.isPresent()) {
                    throw new EditException("the plan for '" + edit.describe() + "' does not take effect: "
                            + failure.get() + "; nothing was changed");
                }
            }
        } finally {
            deleteTree(scratch);
        }
    }

    private static void copyTo(Path scratch, String file, byte[] bytes) {
        try {
            Path target = scratch.resolve(file).normalize();
            if (!target.startsWith(scratch)) {
                throw new EditException("cannot verify the plan: " + file + " is outside the node root");
            }
            java.nio.file.Files.createDirectories(target.getParent());
            java.nio.file.Files.write(target, bytes);
        } catch (java.io.IOException e) {
            throw new EditException("cannot verify the plan: " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            // a leftover temporary copy is harmless; the plan itself is already decided
        }
    }

    /** Plans one edit. */
    public EditPlan plan(NodeEdit edit) {
        return plan(List.of(edit));
    }

    /** Makes the kubelet and the runtime it uses agree on {@code driver} (both sides edited as needed). */
    public EditPlan setCgroupDriver(CgroupDriver driver) {
        return plan(List.of(new NodeEdit.SetCgroupDriver(NodeEdit.Side.KUBELET, driver),
                new NodeEdit.SetCgroupDriver(NodeEdit.Side.RUNTIME, driver)));
    }

    /** Sets the active runtime's sandbox (pause) image. */
    public EditPlan setSandboxImage(String image) {
        return plan(new NodeEdit.SetSandboxImage(image));
    }

    /** Sets the kubelet's container runtime endpoint. */
    public EditPlan setRuntimeEndpoint(String endpoint) {
        return plan(new NodeEdit.SetRuntimeEndpoint(endpoint));
    }

    /**
     * Removes every entry of containerd's {@code disabled_plugins} that disables the CRI plugin in some
     * release, including a short {@code "cri"} in a version-2 or later file (which containerd refuses).
     */
    public EditPlan enableContainerdCri() {
        return plan(new NodeEdit.EnableContainerdCri());
    }

    /** Sets a kubelet flag where the node sets it, else in {@code KUBELET_EXTRA_ARGS}. */
    public EditPlan setKubeletFlag(String name, String value) {
        return plan(new NodeEdit.SetKubeletFlag(name, value));
    }

    /** Removes a kubelet flag from every place that sets it. */
    public EditPlan removeKubeletFlag(String name) {
        return plan(new NodeEdit.RemoveKubeletFlag(name));
    }

    /** Sets CRI-O's {@code conmon_cgroup}. */
    public EditPlan setCrioConmonCgroup(String value) {
        return plan(new NodeEdit.SetCrioConmonCgroup(value));
    }

    private void apply(Workspace ws, NodeEdit edit) {
        if (edit instanceof NodeEdit.SetCgroupDriver e) {
            if (e.side() == NodeEdit.Side.KUBELET) {
                setKubeletField(ws, "cgroupDriver", "cgroup-driver", e.driver().value());
            } else {
                setRuntimeCgroupDriver(ws, e.driver());
            }
        } else if (edit instanceof NodeEdit.SetSandboxImage e) {
            setSandboxImage(ws, e.image());
        } else if (edit instanceof NodeEdit.SetRuntimeEndpoint e) {
            setKubeletField(ws, "containerRuntimeEndpoint", "container-runtime-endpoint", e.endpoint());
        } else if (edit instanceof NodeEdit.EnableContainerdCri) {
            enableCri(ws);
        } else if (edit instanceof NodeEdit.SetKubeletFlag e) {
            setFlag(ws, e.name(), e.value());
        } else if (edit instanceof NodeEdit.RemoveKubeletFlag e) {
            removeFlag(ws, e.name());
        } else if (edit instanceof NodeEdit.SetCrioConmonCgroup e) {
            setCrio(ws, "conmon_cgroup", e.value(), CRIO_CGROUP_DROP_IN);
        } else if (edit instanceof NodeEdit.SetValue e) {
            setValue(ws, e.file(), e.keyPath(), e.value());
        } else if (edit instanceof NodeEdit.RemoveValue e) {
            removeValue(ws, e.file(), e.keyPath());
        } else {
            throw new EditException("unsupported edit " + edit);
        }
    }

    // ---- kubelet -------------------------------------------------------------------------------

    /**
     * A kubelet setting lives in a flag or in the config file; the edit goes where the effective
     * value comes from, so the change takes effect (a flag always beats the file).
     */
    private void setKubeletField(Workspace ws, String field, String flag, String value) {
        Optional<CommandLineFlag> flagged = node.kubeletFlags().flatMap(f -> f.last(flag));
        if (flagged.isPresent()) {
            setFlag(ws, flag, value);
            return;
        }
        Optional<String> configFile = kubeletFileFor(field);
        if (configFile.isEmpty()) {
            // a kubelet run without --config takes everything from flags
            setFlag(ws, flag, value);
            return;
        }
        String file = configFile.get();
        YamlStream doc = ws.yaml(file);
        int index = kubeletDocument(doc);
        YamlPath path = YamlPath.of(field);
        if (doc.find(index, path).isPresent()) {
            ws.put(file, doc.setScalar(index, path, value));
        } else {
            ws.put(file, doc.addKey(index, YamlPath.of(), field, YamlValue.of(value)));
        }
    }

    /** The drop-in or config file whose value wins, else the config file. */
    private Optional<String> kubeletFileFor(String field) {
        List<KubeletConfiguration> dropIns = node.kubeletDropIns();
        for (int i = dropIns.size() - 1; i >= 0; i--) {
            if (dropIns.get(i).field(field).isPresent()) {
                return Optional.of(dropIns.get(i).file());
            }
        }
        return node.kubeletConfiguration().map(KubeletConfiguration::file);
    }

    private static int kubeletDocument(YamlStream doc) {
        for (int i = 0; i < doc.documents().size(); i++) {
            Optional<YamlNode> kind = doc.find(i, YamlPath.of("kind"));
            if (kind.isPresent() && kind.get() instanceof YamlScalar s && s.value().equals("KubeletConfiguration")) {
                return i;
            }
        }
        return 0;
    }

    private void setFlag(Workspace ws, String name, String value) {
        List<CommandLineFlag> set = node.kubeletFlags().map(f -> f.all(name)).orElse(List.of());
        if (set.isEmpty()) {
            addFlag(ws, name, value);
            return;
        }
        // every occurrence gets the value: an earlier one left alone would come back if the later was removed
        for (CommandLineFlag f : set) {
            editFlagAt(ws, f, FlagEdit.set(name, value));
        }
    }

    private void removeFlag(Workspace ws, String name) {
        List<CommandLineFlag> set = node.kubeletFlags().map(f -> f.all(name)).orElse(List.of());
        for (CommandLineFlag f : set) {
            editFlagAt(ws, f, FlagEdit.remove(name));
        }
    }

    private void editFlagAt(Workspace ws, CommandLineFlag flag, FlagEdit edit) {
        String file = flag.origin().file();
        Optional<String> variable = flag.variable();
        FormatKind kind = ws.kindOf(file);
        if (kind == FormatKind.ENV && variable.isPresent()) {
            ws.put(file, ws.env(file).editFlags(variable.get(), edit, FlagSpec.kubelet()));
        } else if (kind == FormatKind.UNIT && variable.isPresent()) {
            ws.put(file, ws.unit(file).editEnvironmentFlags("Service", variable.get(), edit, FlagSpec.kubelet()));
        } else if (kind == FormatKind.UNIT) {
            ws.put(file, ws.unit(file).editExecFlags("Service", "ExecStart", edit, FlagSpec.kubelet()));
        } else {
            throw new EditException("cannot edit kubelet flag --" + flagName(edit) + " in " + file);
        }
    }

    private static String flagName(FlagEdit edit) {
        if (edit instanceof FlagEdit.SetFlag s) {
            return s.name();
        }
        if (edit instanceof FlagEdit.AddFlag a) {
            return a.name();
        }
        return ((FlagEdit.RemoveFlag) edit).name();
    }

    /** New flags go to {@code KUBELET_EXTRA_ARGS}, the variable kubeadm leaves to the user. */
    private void addFlag(Workspace ws, String name, String value) {
        Optional<String> extraFile = node.kubeletEnvFiles().stream()
                .filter(e -> e.extraArgs().isPresent())
                .map(e -> e.file())
                .reduce((a, b) -> b);
        String file = extraFile.orElse(KUBELET_EXTRA_ARGS_FILE);
        EnvFile env = ws.envOrNew(file);
        if (env.get("KUBELET_EXTRA_ARGS").isEmpty()) {
            env = env.set("KUBELET_EXTRA_ARGS", "");
        }
        ws.put(file, env.editFlags("KUBELET_EXTRA_ARGS", FlagEdit.add(name, value), FlagSpec.kubelet()));
    }

    // ---- runtimes ------------------------------------------------------------------------------

    private ContainerRuntime activeRuntime() {
        if (node.kubeletRuntime().isPresent()) {
            return node.kubeletRuntime().get();
        }
        Set<ContainerRuntime> configured = node.configuredRuntimes();
        if (configured.size() == 1) {
            return configured.iterator().next();
        }
        throw new EditException(configured.isEmpty()
                ? "the node has no container runtime configuration to edit"
                : "the node configures several runtimes " + configured + " and the kubelet's endpoint names none of them");
    }

    private void setRuntimeCgroupDriver(Workspace ws, CgroupDriver driver) {
        switch (activeRuntime()) {
            case CONTAINERD -> setContainerdSystemdCgroup(ws, driver == CgroupDriver.SYSTEMD);
            case CRIO -> {
                setCrio(ws, "cgroup_manager", driver.value(), CRIO_CGROUP_DROP_IN);
                // CRI-O refuses cgroupfs unless conmon runs in the pod's cgroup
                // the two settings belong together: a new conmon_cgroup goes where cgroup_manager is
                if (driver == CgroupDriver.CGROUPFS && !node.crio().flatMap(CrioConfig::conmonCgroup)
                        .map(Setting::value).filter("pod"::equals).isPresent()) {
                    String managerFile = node.crio().flatMap(CrioConfig::cgroupManager).flatMap(Setting::origin)
                            .map(o -> o.file()).orElse(CRIO_CGROUP_DROP_IN);
                    setCrio(ws, "conmon_cgroup", "pod", managerFile);
                }
            }
            case CRI_DOCKERD -> setDockerCgroupDriver(ws, driver);
        }
    }

    private ContainerdConfig containerd() {
        return node.containerd().orElseThrow(() -> new EditException("the node has no containerd configuration"));
    }

    private void setContainerdSystemdCgroup(Workspace ws, boolean systemd) {
        ContainerdConfig config = containerd();
        ContainerdCri cri = config.cri();
        String name = cri.defaultRuntimeName().map(Setting::value).orElse("runc");
        Optional<ContainerdRuntime> runtime = Optional.ofNullable(cri.runtimes().get(name));
        String file = runtime.flatMap(r -> r.systemdCgroup().flatMap(Setting::origin).map(o -> o.file()))
                .or(() -> runtime.map(r -> r.keyOrigin().file()))
                .orElse(config.mainFile().path());
        List<String> runtimePath = List.of("plugins", cri.runtimePluginId(), "containerd", "runtimes", name);
        TomlDocument doc = ws.toml(file);
        if (runtime.isEmpty()) {
            // a runtime table that only holds options loses containerd's default runtime_type
            // (observed with containerd 1.6: runtime_type = ""), so a new runc table gets it explicitly
            if (!name.equals("runc")) {
                throw new EditException("the default runtime '" + name + "' has no runtimes." + name
                        + " table; cannot tell its runtime_type");
            }
            doc = doc.set(tomlPath(append(runtimePath, "runtime_type")), "io.containerd.runc.v2");
        }
        ws.put(file, doc.set(tomlPath(append(append(runtimePath, "options"), "SystemdCgroup")), systemd));
    }

    private static List<String> append(List<String> path, String key) {
        List<String> out = new ArrayList<>(path);
        out.add(key);
        return out;
    }

    private void setSandboxImage(Workspace ws, String image) {
        switch (activeRuntime()) {
            case CONTAINERD -> {
                ContainerdConfig config = containerd();
                ContainerdCri cri = config.cri();
                String file = cri.sandboxImage().flatMap(Setting::origin).map(o -> o.file())
                        .orElse(config.mainFile().path());
                ws.put(file, ws.toml(file).set(tomlPath(cri.sandboxImagePath()), image));
            }
            case CRIO -> setCrio(ws, "pause_image", image, CRIO_PAUSE_DROP_IN);
            case CRI_DOCKERD -> throw new EditException(
                    "cri-dockerd takes its pause image from --pod-infra-container-image in its unit; edit the unit");
        }
    }

    private void enableCri(Workspace ws) {
        ContainerdConfig config = containerd();
        List<Setting<String>> disabling = config.disabledPlugins().stream()
                .filter(s -> PlanCheck.keepsCriOff(s.value(), config.schema().orElse(ContainerdPlugins.Schema.V1)))
                .toList();
        for (Setting<String> s : disabling) {
            String file = s.origin().map(o -> o.file()).orElse(config.mainFile().path());
            TomlDocument doc = ws.toml(file);
            TomlValue list = doc.get(TomlPath.parse("disabled_plugins")).orElseThrow(
                    () -> new EditException("disabled_plugins not found in " + file));
            int index = indexOf(list, s.value());
            ws.put(file, doc.remove(TomlPath.parse("disabled_plugins[" + index + "]")));
        }
    }

    private static int indexOf(TomlValue list, String value) {
        if (list instanceof dev.criconf.io.toml.TomlArray array) {
            for (int i = 0; i < array.items().size(); i++) {
                if (array.items().get(i) instanceof dev.criconf.io.toml.TomlString s && s.value().equals(value)) {
                    return i;
                }
            }
        }
        throw new EditException("'" + value + "' is not an entry of disabled_plugins");
    }

    /** A CRI-O key in the file whose value wins, else in a drop-in criconf owns. */
    private void setCrio(Workspace ws, String key, String value, String dropIn) {
        CrioConfig crio = node.crio().orElseThrow(() -> new EditException("the node has no CRI-O configuration"));
        Optional<Setting<String>> current = switch (key) {
            case "cgroup_manager" -> crio.cgroupManager();
            case "conmon_cgroup" -> crio.conmonCgroup();
            case "pause_image" -> crio.pauseImage();
            default -> Optional.empty();
        };
        String table = key.equals("pause_image") ? "crio.image" : "crio.runtime";
        String file = current.flatMap(Setting::origin).map(o -> o.file()).orElse(dropIn);
        TomlDocument doc = ws.tomlOrNew(file);
        ws.put(file, doc.set(TomlPath.parse(table + "." + key), value));
    }

    private void setDockerCgroupDriver(Workspace ws, CgroupDriver driver) {
        String option = DockerDaemonConfig.CGROUP_DRIVER_OPTION + "=" + driver.value();
        String file = node.dockerDaemon().map(DockerDaemonConfig::file).orElse(DOCKER_DAEMON_JSON);
        JsonDocument doc = ws.jsonOrNew(file);
        Optional<JsonValue> opts = doc.find(JsonPath.of("exec-opts"));
        if (opts.isPresent() && opts.get() instanceof JsonValue.JsonArray array) {
            boolean replaced = false;
            // every occurrence: an earlier one left alone would come back if the later was removed
            for (int i = 0; i < array.items().size(); i++) {
                if (array.items().get(i) instanceof JsonValue.JsonString s
                        && s.value().replace(" ", "").startsWith(DockerDaemonConfig.CGROUP_DRIVER_OPTION + "=")) {
                    doc = doc.set(JsonPath.of("exec-opts").index(i), new JsonData.Str(option));
                    replaced = true;
                }
            }
            if (replaced) {
                ws.put(file, doc);
                return;
            }
        }
        ws.put(file, doc.append(JsonPath.of("exec-opts"), new JsonData.Str(option)));
    }

    // ---- generic -------------------------------------------------------------------------------

    private void setValue(Workspace ws, String file, List<String> keyPath, String value) {
        switch (ws.kindOf(file)) {
            case TOML -> {
                TomlDocument doc = ws.toml(file);
                TomlPath path = tomlPath(keyPath);
                Object typed = doc.get(path).map(old -> typedLike(old.toJava(), value)).orElse(value);
                ws.put(file, doc.set(path, typed));
            }
            case YAML -> {
                YamlStream doc = ws.yaml(file);
                int index = kubeletDocument(doc);
                YamlPath path = YamlPath.of(new ArrayList<Object>(keyPath));
                if (doc.find(index, path).isPresent()) {
                    ws.put(file, doc.setScalar(index, path, value));
                } else {
                    YamlPath parent = YamlPath.of(new ArrayList<Object>(keyPath.subList(0, keyPath.size() - 1)));
                    ws.put(file, doc.addKey(index, parent, keyPath.get(keyPath.size() - 1), YamlValue.of(value)));
                }
            }
            case JSON -> ws.put(file, ws.json(file).set(JsonPath.of(keyPath.toArray(String[]::new)), new JsonData.Str(value)));
            case ENV -> ws.put(file, ws.env(file).set(keyPath.get(keyPath.size() - 1), value));
            case UNIT -> ws.put(file, ws.unit(file).set(keyPath.get(0), keyPath.get(keyPath.size() - 1), value));
        }
    }

    private void removeValue(Workspace ws, String file, List<String> keyPath) {
        switch (ws.kindOf(file)) {
            case TOML -> ws.put(file, ws.toml(file).remove(tomlPath(keyPath)));
            case YAML -> {
                YamlStream doc = ws.yaml(file);
                ws.put(file, doc.remove(kubeletDocument(doc), YamlPath.of(new ArrayList<Object>(keyPath))));
            }
            case JSON -> ws.put(file, ws.json(file).remove(JsonPath.of(keyPath.toArray(String[]::new))));
            case ENV -> ws.put(file, ws.env(file).remove(keyPath.get(keyPath.size() - 1)));
            case UNIT -> ws.put(file, ws.unit(file).remove(keyPath.get(0), keyPath.get(keyPath.size() - 1)));
        }
    }

    /** A new value keeps the type of the value it replaces where the text can be read as that type. */
    private static Object typedLike(Object old, String value) {
        if (old instanceof Boolean && (value.equals("true") || value.equals("false"))) {
            return Boolean.valueOf(value);
        }
        if (old instanceof Long) {
            try {
                return Long.valueOf(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    private static TomlPath tomlPath(List<String> keys) {
        StringBuilder text = new StringBuilder();
        for (String k : keys) {
            if (!text.isEmpty()) {
                text.append('.');
            }
            text.append('"').append(k.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return TomlPath.parse(text.toString());
    }

    // ---- the files being edited ----------------------------------------------------------------

    private enum FormatKind { TOML, YAML, JSON, ENV, UNIT }

    /** The edited state of every file an edit touched, read from disk on first use. */
    private final class Workspace {
        private final Map<String, Optional<byte[]>> originals = new LinkedHashMap<>();
        private final Map<String, SyntaxDocument> documents = new LinkedHashMap<>();

        FormatKind kindOf(String file) {
            Optional<FileFormat> known = node.parsedFiles().stream().filter(p -> p.path().equals(file))
                    .map(ParsedFile::format).findFirst();
            if (known.isPresent()) {
                return switch (known.get()) {
                    case TOML -> FormatKind.TOML;
                    case YAML -> FormatKind.YAML;
                    case JSON -> FormatKind.JSON;
                    case ENVIRONMENT -> FormatKind.ENV;
                    case SYSTEMD_UNIT -> FormatKind.UNIT;
                    case SYSCTL, MODULES_LOAD -> throw new EditException("no key edits for " + file);
                };
            }
            String name = file.substring(file.lastIndexOf('/') + 1);
            if (name.endsWith(".toml") || file.startsWith("etc/crio/")) {
                return FormatKind.TOML;
            }
            if (name.endsWith(".yaml") || name.endsWith(".yml") || file.contains("kubelet.conf.d/")) {
                return FormatKind.YAML;
            }
            if (name.endsWith(".json")) {
                return FormatKind.JSON;
            }
            if (name.endsWith(".service") || name.endsWith(".socket") || file.contains(".service.d/")) {
                return FormatKind.UNIT;
            }
            if (name.endsWith(".env") || file.startsWith("etc/default/") || file.startsWith("etc/sysconfig/")) {
                return FormatKind.ENV;
            }
            throw new EditException("cannot tell the format of " + file);
        }

        TomlDocument toml(String file) {
            return (TomlDocument) load(file, false);
        }

        TomlDocument tomlOrNew(String file) {
            return (TomlDocument) load(file, true);
        }

        YamlStream yaml(String file) {
            return (YamlStream) load(file, false);
        }

        JsonDocument json(String file) {
            return (JsonDocument) load(file, false);
        }

        JsonDocument jsonOrNew(String file) {
            return (JsonDocument) load(file, true);
        }

        EnvFile env(String file) {
            return (EnvFile) load(file, false);
        }

        EnvFile envOrNew(String file) {
            return (EnvFile) load(file, true);
        }

        UnitFile unit(String file) {
            return (UnitFile) load(file, false);
        }

        private SyntaxDocument load(String file, boolean createIfMissing) {
            SyntaxDocument doc = documents.get(file);
            if (doc != null) {
                return doc;
            }
            NodeRootFiles.Resolved resolved = files.resolve(file);
            byte[] bytes;
            if (resolved.kind() == NodeRootFiles.Kind.REGULAR_FILE) {
                NodeRootFiles.Read read = files.read(file);
                bytes = read.bytes().orElseThrow(() -> new EditException(
                        "cannot read " + file + ": " + read.problem().map(p -> p.message()).orElse("unreadable")));
                originals.put(file, Optional.of(bytes));
            } else if (resolved.kind() == NodeRootFiles.Kind.MISSING && createIfMissing) {
                bytes = kindOf(file) == FormatKind.JSON ? "{}\n".getBytes(StandardCharsets.UTF_8) : new byte[0];
                originals.put(file, Optional.empty());
            } else {
                throw new EditException("cannot edit " + file + ": " + (resolved.kind() == NodeRootFiles.Kind.MISSING
                        ? "it does not exist" : resolved.message()));
            }
            doc = switch (kindOf(file)) {
                case TOML -> TomlDocument.parse(file, bytes);
                case YAML -> YamlStream.parse(file, bytes, ParseLimits.DEFAULTS);
                case JSON -> JsonDocument.parse(file, bytes);
                case ENV -> EnvFile.parse(file, bytes);
                case UNIT -> UnitFile.parse(file, bytes);
            };
            if (!doc.problems().isEmpty() && !(doc instanceof YamlStream y && !y.hasSyntaxErrors())) {
                throw new EditException("cannot edit " + file + ": it has errors (first: " + doc.problems().get(0) + ")");
            }
            documents.put(file, doc);
            return doc;
        }

        void put(String file, SyntaxDocument doc) {
            documents.put(file, doc);
        }

        List<FileChange> changes() {
            Map<String, FileChange> out = new TreeMap<>();
            for (Map.Entry<String, SyntaxDocument> e : documents.entrySet()) {
                Optional<byte[]> before = originals.get(e.getKey());
                byte[] after = e.getValue().toBytes();
                if (before.isPresent() && java.util.Arrays.equals(before.get(), after)) {
                    continue;
                }
                out.put(e.getKey(), new FileChange(e.getKey(), before, after));
            }
            return new ArrayList<>(out.values());
        }
    }
}
