package dev.criconf.io.node.internal;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.args.ArgIssue;
import dev.criconf.io.args.Argument;
import dev.criconf.io.args.FlagOccurrence;
import dev.criconf.io.args.FlagSpec;
import dev.criconf.io.args.ParsedArgs;
import dev.criconf.io.args.Positional;
import dev.criconf.io.codec.internal.YamlTrees;
import dev.criconf.io.env.EnvFile;
import dev.criconf.io.internal.ConfDirs;
import dev.criconf.io.internal.NodeRootFiles;
import dev.criconf.io.systemd.ArgWord;
import dev.criconf.io.systemd.CommandLine;
import dev.criconf.io.systemd.EffectiveUnit;
import dev.criconf.io.systemd.EnvVariable;
import dev.criconf.io.systemd.EnvironmentFileRef;
import dev.criconf.io.systemd.UnitEnvironment;
import dev.criconf.io.systemd.UnitFile;
import dev.criconf.io.systemd.UnitResolver;
import dev.criconf.io.yaml.YamlStream;
import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.Component;
import dev.criconf.model.FileFormat;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.Origin;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Problem;
import dev.criconf.model.Setting;
import dev.criconf.model.StrayArgument;
import dev.criconf.model.catalog.KubeletFlagCatalog;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.EnvAssignment;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.model.kubelet.KubeadmFlagsEnv;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.model.kubelet.KubeletFlags;
import dev.criconf.model.kubelet.KubeletSources;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.io.internal.FileProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the kubelet's and kubeadm's files of a node the way the kubelet gets them:
 * <ol>
 *   <li>the node profile {@code criconf.yaml} at the root, and a kubeadm configuration file at one of
 *       {@link #KUBEADM_CONFIGS} (kubeadm keeps none on the node itself; these are where provisioning
 *       tools put the file they ran {@code kubeadm init/join --config} with);</li>
 *   <li>{@code kubelet.service} and its drop-ins as systemd resolves them ({@link UnitResolver}), the
 *       environment files they load, and the effective {@code ExecStart=} expanded as systemd expands
 *       it: each flag keeps where it is written and the variable it came from, and words a
 *       {@code $VAR} split left over are {@link StrayArgument}s. Without any unit but with kubeadm's
 *       environment files, the command line kubeadm's drop-in would build from them is assumed
 *       ({@code $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS}) and the assumption recorded;</li>
 *   <li>the {@code --config} file (without the flag, {@code /var/lib/kubelet/config.yaml} when it
 *       exists, recorded as an assumption) and the {@code --config-dir} drop-ins ({@code *.conf},
 *       walked like Go's {@code filepath.WalkDir}: lexical per directory, subdirectories included),
 *       each as YAML 1.1 with its tree registered as a {@link ParsedFile};</li>
 *   <li>the effective configuration for the node's Kubernetes release (profile, else kubeadm's
 *       {@code kubernetesVersion}, else {@link #ASSUMED_VERSION}, recorded).</li>
 * </ol>
 * Files are named relative to the root ({@code var/lib/kubelet/config.yaml}). Nothing is read outside
 * the root: paths and links that lead out become {@code OUTSIDE_ROOT} problems. Bad input never
 * throws; problems go to the builder and reading goes on.
 */
public final class KubeletReader {

    /** The kubelet's unit. */
    public static final String UNIT = "kubelet.service";
    /** kubeadm's flags file ({@code KUBELET_KUBEADM_ARGS}). */
    public static final String KUBEADM_FLAGS_ENV = "var/lib/kubelet/kubeadm-flags.env";
    /** The packages' files for {@code KUBELET_EXTRA_ARGS}: DEB, then RPM. */
    public static final List<String> EXTRA_ARGS_FILES = List.of("etc/default/kubelet", "etc/sysconfig/kubelet");
    /** Where kubeadm writes the kubelet's configuration (the {@code --config} of its drop-in). */
    public static final String DEFAULT_CONFIG = "var/lib/kubelet/config.yaml";
    /** The node profile. */
    public static final String PROFILE = "criconf.yaml";
    /**
     * Places a kubeadm configuration file is commonly kept on a node, first found wins: kubespray's
     * {@code /etc/kubernetes/kubeadm-config.yaml}, a plain {@code /etc/kubernetes/kubeadm.yaml},
     * kind's {@code /kind/kubeadm.conf}, minikube's {@code /var/tmp/minikube/kubeadm.yaml}.
     */
    public static final List<String> KUBEADM_CONFIGS = List.of("etc/kubernetes/kubeadm-config.yaml",
            "etc/kubernetes/kubeadm.yaml", "kind/kubeadm.conf", "var/tmp/minikube/kubeadm.yaml");
    /** The release whose defaults apply when nothing on the node names one. */
    public static final KubernetesVersion ASSUMED_VERSION = KubernetesVersion.of(1, 35);

    /** How deep {@code --config-dir} is walked. */
    static final int MAX_DIR_DEPTH = 32;

    private final NodeRootFiles node;
    /** The node load this reader is part of, when there is one: shares its parses. */
    private final Optional<LoadContext> load;
    private final UnitResolver units;
    private final ParseLimits limits;
    private final NodeConfig.Builder builder;
    private final List<String> assumptions = new ArrayList<>();
    /** The directory relative flag paths start from: the unit's {@code WorkingDirectory=}, else systemd's {@code /}. */
    private String workingDirectory = "/";
    /** Whether the command line is the one kubeadm's drop-in would build (no unit on the node). */
    private boolean assumedDropIn;

    private KubeletReader(Path root, ParseLimits limits, NodeConfig.Builder builder) {
        this(NodeRootFiles.of(root, limits), Optional.empty(), limits, builder);
    }

    private KubeletReader(NodeRootFiles node, Optional<LoadContext> load, ParseLimits limits, NodeConfig.Builder builder) {
        this.node = node;
        this.load = load;
        this.units = new UnitResolver(node.root(), limits);
        this.limits = limits;
        this.builder = builder;
    }

    /** Reads every kubelet/kubeadm file of the node under root and adds them to the builder. */
    public static void readInto(Path root, ParseLimits limits, NodeConfig.Builder builder) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(builder, "builder");
        new KubeletReader(root, limits, builder).run();
    }

    /** Reads every kubelet/kubeadm file of the node being loaded into the context's builder. */
    public static void readInto(LoadContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        new KubeletReader(ctx.node(), Optional.of(ctx), ctx.limits(), ctx.builder()).run();
    }

    private void run() {
        Optional<NodeProfile> profile = readProfile();
        Optional<KubeadmConfig> kubeadm = readKubeadm();

        CommandLineResult cmd = readCommandLine();
        Optional<KubeletFlags> flags = cmd.flags();
        flags.ifPresent(builder::kubeletFlags);

        Optional<KubeletConfiguration> configFile = readConfigFile(flags);
        configFile.ifPresent(builder::kubeletConfiguration);
        Optional<String> configDir = Optional.empty();
        List<KubeletConfiguration> dropIns = new ArrayList<>();
        Optional<CommandLineFlag> dirFlag = flags.flatMap(f -> f.last("config-dir")).filter(f -> f.value().isPresent()
                && !f.value().get().isEmpty());
        if (dirFlag.isPresent()) {
            configDir = Optional.of(nodePath(dirFlag.get().value().get()));
            dropIns = readDropIns(configDir.get(), dirFlag.get());
            dropIns.forEach(builder::addKubeletDropIn);
        }

        KubernetesVersion version = version(profile, kubeadm);
        if (configFile.isPresent() || !dropIns.isEmpty() || flags.isPresent()) {
            builder.effectiveKubelet(EffectiveKubeletConfig.compute(version, configFile, dropIns, flags));
        }
        builder.kubeletSources(new KubeletSources(cmd.unitFile(), cmd.unitMasked(), cmd.dropIns(), cmd.shadowed(),
                cmd.masked(), cmd.envFiles(), configFile.map(KubeletConfiguration::file), configDir.map(KubeletReader::relative),
                assumptions));
    }

    // ------------------------------------------------------------------ profile and kubeadm

    private Optional<NodeProfile> readProfile() {
        Optional<Loaded> loaded = readYaml(PROFILE, Optional.empty(), Component.CRICONF, false);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        Loaded l = loaded.get();
        NodeProfile p = l.trees().first().map(d -> NodeProfile.fromTree(l.name(), d)).orElse(NodeProfile.empty(l.name()));
        builder.addProblems(p.problems());
        builder.profile(p);
        return Optional.of(p);
    }

    private Optional<KubeadmConfig> readKubeadm() {
        for (String path : KUBEADM_CONFIGS) {
            Optional<Loaded> loaded = readYaml(path, Optional.empty(), Component.KUBEADM, false);
            if (loaded.isPresent()) {
                KubeadmConfig k = new KubeadmConfig(loaded.get().name(), loaded.get().trees().documents());
                builder.kubeadm(k);
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private KubernetesVersion version(Optional<NodeProfile> profile, Optional<KubeadmConfig> kubeadm) {
        Optional<KubernetesVersion> fromProfile = profile.flatMap(NodeProfile::kubernetesVersion).map(Setting::value);
        if (fromProfile.isPresent()) {
            return fromProfile.get();
        }
        Optional<Setting<String>> written = kubeadm.flatMap(KubeadmConfig::kubernetesVersion);
        Optional<KubernetesVersion> fromKubeadm = written.flatMap(s -> KubernetesVersion.parse(s.value()).toOptional());
        if (fromKubeadm.isPresent()) {
            return fromKubeadm.get();
        }
        assumptions.add("the kubelet's defaults are those of Kubernetes " + ASSUMED_VERSION
                + ": neither " + PROFILE + " nor a kubeadm configuration names the release"
                + written.map(s -> " (kubeadm's kubernetesVersion '" + s.value() + "' is not a release number)").orElse(""));
        return ASSUMED_VERSION;
    }

    // ------------------------------------------------------------------ command line

    /** What the unit (or its absence) gave. */
    private record CommandLineResult(Optional<KubeletFlags> flags, Optional<String> unitFile, boolean unitMasked,
            List<String> dropIns, List<KubeletSources.ShadowedDropIn> shadowed, List<String> masked, List<String> envFiles) {
    }

    private CommandLineResult readCommandLine() {
        EffectiveUnit unit = units.resolve(UNIT);
        List<String> dropIns = unit.dropIns().stream().map(UnitFile::sourceName).toList();
        boolean found = unit.exists() || !dropIns.isEmpty() || !unit.maskedDropIns().isEmpty()
                || !unit.shadowedDropIns().isEmpty();
        builder.addProblems(unit.problems());
        if (!found) {
            return commandLineWithoutUnit();
        }
        unit.files().forEach(f -> builder.addFile(f.sourceName()));
        List<KubeletSources.ShadowedDropIn> shadowed = new ArrayList<>();
        for (String s : unit.shadowedDropIns()) {
            builder.addFile(s);
            shadowed.add(new KubeletSources.ShadowedDropIn(s, winnerOf(s, dropIns, unit.maskedDropIns())));
        }
        List<String> envFiles = new ArrayList<>();
        for (EnvironmentFileRef ref : unit.environmentFiles()) {
            for (EnvFile f : ref.files()) {
                builder.addFile(f.sourceName());
                builder.addKubeletEnvFile(toModel(f));
                envFiles.add(f.sourceName());
            }
        }
        Optional<String> unitFile = unit.fragment().map(UnitFile::sourceName);
        if (unit.masked()) {
            assumptions.add(UNIT + " is masked: systemd does not start the kubelet; its files are read as they are");
            return new CommandLineResult(Optional.empty(), unitFile, true, dropIns, shadowed, unit.maskedDropIns(), envFiles);
        }
        Optional<CommandLine> exec = unit.execStart();
        if (exec.isEmpty()) {
            return new CommandLineResult(Optional.empty(), unitFile, false, dropIns, shadowed, unit.maskedDropIns(), envFiles);
        }
        unit.value("Service", "WorkingDirectory").map(v -> v.value().startsWith("-") ? v.value().substring(1) : v.value())
                .filter(v -> v.startsWith("/")).ifPresent(v -> workingDirectory = v);
        CommandLine cl = exec.get();
        List<Argument> args = cl.arguments();
        List<Optional<String>> variables = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            variables.add(variableOf(cl.wordOf(i)));
        }
        KubeletFlags flags = toFlags(args, variables, Optional.of(cl.command().assignment().origin()));
        return new CommandLineResult(Optional.of(flags), unitFile, false, dropIns, shadowed, unit.maskedDropIns(), envFiles);
    }

    /** The drop-in of the same file name that systemd uses instead of {@code shadowedPath}. */
    private static String winnerOf(String shadowedPath, List<String> used, List<String> masked) {
        String name = shadowedPath.substring(shadowedPath.lastIndexOf('/') + 1);
        for (String u : used) {
            if (u.substring(u.lastIndexOf('/') + 1).equals(name)) {
                return u;
            }
        }
        for (String m : masked) {
            if (m.substring(m.lastIndexOf('/') + 1).equals(name)) {
                return m;
            }
        }
        return shadowedPath;
    }

    private static Optional<String> variableOf(ArgWord w) {
        if (w.kind() == ArgWord.Kind.SPLIT) {
            return w.splitFrom();
        }
        if (w.kind() == ArgWord.Kind.EXPANDED && w.variables().size() == 1) {
            return Optional.of(w.variables().get(0));
        }
        return Optional.empty();
    }

    /**
     * No kubelet unit on the node: read kubeadm's environment files and assume the command line
     * kubeadm's drop-in builds from them.
     */
    private CommandLineResult commandLineWithoutUnit() {
        List<EnvFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Optional<EnvFile> kubeadmFlags = units.readEnvFile(KUBEADM_FLAGS_ENV, problems);
        kubeadmFlags.ifPresent(files::add);
        // RPM file first: when both exist the DEB file is the one a DEB drop-in names, and it wins here
        List<EnvFile> extra = new ArrayList<>();
        for (int i = EXTRA_ARGS_FILES.size() - 1; i >= 0; i--) {
            units.readEnvFile(EXTRA_ARGS_FILES.get(i), problems).ifPresent(extra::add);
        }
        files.addAll(extra);
        builder.addProblems(problems);
        List<String> envFiles = new ArrayList<>();
        for (EnvFile f : files) {
            builder.addFile(f.sourceName());
            builder.addProblems(f.problems());
            builder.addKubeletEnvFile(toModel(f));
            envFiles.add(f.sourceName());
        }
        if (files.isEmpty()) {
            return new CommandLineResult(Optional.empty(), Optional.empty(), false, List.of(), List.of(), List.of(), List.of());
        }
        UnitEnvironment env = UnitEnvironment.of(List.of(), files);
        List<Argument> args = new ArrayList<>();
        List<Optional<String>> variables = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (String var : List.of(KubeadmFlagsEnv.KUBEADM_ARGS, KubeadmFlagsEnv.EXTRA_ARGS)) {
            Optional<EnvVariable> v = env.get(var);
            if (v.isPresent()) {
                used.add("$" + var + " (" + v.get().file() + ")");
                for (Argument a : v.get().words()) {
                    args.add(a);
                    variables.add(Optional.of(var));
                }
            }
        }
        assumedDropIn = true;
        assumptions.add("no " + UNIT + " unit or drop-in under the root: the kubelet's command line is assumed to be"
                + " the one kubeadm's drop-in builds, " + (used.isEmpty() ? "which here has no flags" : String.join(" then ", used)));
        return new CommandLineResult(Optional.of(toFlags(args, variables, Optional.empty())), Optional.empty(), false,
                List.of(), List.of(), List.of(), envFiles);
    }

    private KubeletFlags toFlags(List<Argument> args, List<Optional<String>> variables, Optional<Origin> execStart) {
        ParsedArgs parsed = ParsedArgs.parse(args, FlagSpec.kubelet());
        List<CommandLineFlag> flags = new ArrayList<>();
        for (FlagOccurrence o : parsed.flags()) {
            Argument word = args.get(o.nameIndex());
            Optional<String> value;
            CommandLineFlag.Form form;
            Optional<Origin> valueOrigin;
            switch (o.form()) {
                case EQUALS:
                case SHORTHAND_EQUALS:
                case SHORTHAND_ATTACHED:
                    value = o.value();
                    form = CommandLineFlag.Form.EQUALS;
                    valueOrigin = Optional.of(valueInWord(word, word.text().length() - o.value().orElse("").length()));
                    break;
                case SEPARATE:
                case SHORTHAND_SEPARATE:
                    value = o.value();
                    form = CommandLineFlag.Form.SEPARATE;
                    valueOrigin = o.valueOrigin();
                    break;
                default:
                    // IMPLICIT (a boolean written bare) and MISSING_VALUE: no value written
                    value = Optional.empty();
                    form = CommandLineFlag.Form.BARE;
                    valueOrigin = Optional.empty();
                    break;
            }
            flags.add(new CommandLineFlag(KubeletFlagCatalog.normalize(o.name()), word.text(), value, form, word.origin(),
                    valueOrigin, variables.get(o.nameIndex())));
        }
        List<StrayArgument> strays = new ArrayList<>();
        for (Positional p : parsed.positionals()) {
            strays.add(new StrayArgument(p.argument().text(), p.argument().origin(), variables.get(p.index())));
        }
        for (ArgIssue issue : parsed.issues()) {
            // missing values and bad values of known flags are the effective configuration's problems;
            // these two leave no flag behind, so they would be lost
            if (issue.kind() == ArgIssue.Kind.UNKNOWN_SHORTHAND || issue.kind() == ArgIssue.Kind.BAD_SYNTAX) {
                builder.addProblem(Problem.syntax(issue.origin(), "the kubelet exits on its command line: " + issue.message()));
            }
        }
        return new KubeletFlags(flags, strays, execStart);
    }

    /**
     * Where the value part of a word is, when the word is written as-is (no quotes or escapes inside),
     * so that the characters map one to one; otherwise the whole word.
     */
    static Origin valueInWord(Argument word, int from) {
        Origin o = word.origin();
        String t = word.text();
        if (from <= 0 || from > t.length() || o.length() != t.length() || t.substring(0, from).indexOf('\n') >= 0) {
            return o;
        }
        return new Origin(o.file(), o.line(), o.column() + from, o.offset() + from, t.length() - from);
    }

    /** An environment file as the model's {@link KubeadmFlagsEnv}, raw value text included. */
    static KubeadmFlagsEnv toModel(EnvFile f) {
        List<EnvAssignment> out = new ArrayList<>();
        String text = f.text();
        for (dev.criconf.io.env.EnvAssignment a : f.assignments()) {
            Origin vo = a.valueOrigin();
            String raw = text.substring(Math.min(vo.offset(), text.length()), Math.min(vo.endOffset(), text.length()));
            out.add(new EnvAssignment(a.name(), a.value(), raw, a.nameOrigin(), vo));
        }
        return new KubeadmFlagsEnv(f.sourceName(), out);
    }

    // ------------------------------------------------------------------ KubeletConfiguration files

    private Optional<KubeletConfiguration> readConfigFile(Optional<KubeletFlags> flags) {
        Optional<CommandLineFlag> flag = flags.flatMap(f -> f.last("config"));
        if (flag.isPresent() && flag.get().value().map(String::isEmpty).orElse(true)) {
            // --config= (or a bare --config): the kubelet runs on flags and defaults
            return Optional.empty();
        }
        if (flag.isPresent()) {
            CommandLineFlag f = flag.get();
            Origin at = f.valueOrigin().orElse(f.origin());
            String path = nodePath(f.value().get());
            Optional<Loaded> l = readYaml(path, Optional.of(at), Component.KUBELET, true);
            if (l.isEmpty() && node.resolve(path).kind() == NodeRootFiles.Kind.MISSING) {
                builder.addProblem(new Problem(Problem.Kind.UNREADABLE, at, "--config names " + path
                        + ", which is not on the node: the kubelet exits with 'failed to load kubelet config file'"));
            }
            return l.map(this::kubeletConfiguration);
        }
        Optional<Loaded> l = readYaml(DEFAULT_CONFIG, Optional.empty(), Component.KUBELET, false);
        if (l.isPresent()) {
            assumptions.add(assumedDropIn
                    ? "/" + DEFAULT_CONFIG + " is read as the --config file kubeadm's drop-in names"
                    : "the kubelet's command line has no --config; /" + DEFAULT_CONFIG
                            + " (where kubeadm writes the kubelet's configuration) is read as its configuration file");
        }
        return l.map(this::kubeletConfiguration);
    }

    private KubeletConfiguration kubeletConfiguration(Loaded l) {
        Optional<ConfigValue> first = l.trees().first();
        if (first.isPresent() && first.get() instanceof ConfigTable t) {
            return new KubeletConfiguration(l.name(), t);
        }
        if (!l.stream().hasSyntaxErrors()) {
            Origin at = first.map(ConfigValue::origin).orElse(Origin.ofFile(l.name()));
            String what = first.isEmpty() || first.get().isNull() ? "has no content" : "is not a mapping";
            builder.addProblem(Problem.syntax(at, "the kubelet configuration " + what
                    + ": the kubelet exits (a KubeletConfiguration needs at least apiVersion and kind)"));
        }
        return new KubeletConfiguration(l.name(), ConfigTable.empty(Origin.ofFile(l.name())));
    }

    /** The {@code --config-dir} drop-ins in the order the kubelet merges them. */
    private List<KubeletConfiguration> readDropIns(String dir, CommandLineFlag flag) {
        Origin at = flag.valueOrigin().orElse(flag.origin());
        NodeRootFiles.Resolved r = node.resolve(dir);
        switch (r.kind()) {
            case DIRECTORY:
                break;
            case MISSING:
                // filepath.WalkDir hands the error for its root to the callback, which returns it
                builder.addProblem(new Problem(Problem.Kind.UNREADABLE, at, "--config-dir names " + dir
                        + ", which is not on the node: the kubelet exits with 'failed to walk through kubelet dropin directory'"));
                return List.of();
            case OUTSIDE_ROOT:
                builder.addProblem(new Problem(Problem.Kind.OUTSIDE_ROOT, at, "--config-dir " + dir + ": " + r.message()));
                return List.of();
            default:
                builder.addProblem(new Problem(Problem.Kind.UNREADABLE, at, "--config-dir " + dir + " is not a directory"
                        + (r.message().isEmpty() ? "" : ": " + r.message())));
                return List.of();
        }
        List<String> found = new ArrayList<>();
        walk(r, 0, found, at);
        List<KubeletConfiguration> out = new ArrayList<>();
        for (String path : found) {
            readYaml(path, Optional.of(at), Component.KUBELET, true).map(this::kubeletConfiguration).ifPresent(out::add);
        }
        return out;
    }

    /**
     * Go's {@code filepath.WalkDir}: names in byte order per directory, depth first; links to
     * directories are not descended; only names ending in {@code .conf} are kept.
     */
    private void walk(NodeRootFiles.Resolved dir, int depth, List<String> found, Origin at) {
        if (depth > MAX_DIR_DEPTH) {
            builder.addProblem(new Problem(Problem.Kind.LIMIT_EXCEEDED, at, "--config-dir: " + dir.target()
                    + " is nested more than " + MAX_DIR_DEPTH + " directories deep; not read further"));
            return;
        }
        List<String> names;
        try {
            names = new ArrayList<>(node.list(dir.target()));
        } catch (IOException | RuntimeException e) {
            builder.addProblem(new Problem(Problem.Kind.UNREADABLE, at, "--config-dir: cannot list " + dir.target()));
            return;
        }
        names.sort(ConfDirs.BY_BYTES);
        for (String name : names) {
            String child = dir.target().equals("/") ? "/" + name : dir.target() + "/" + name;
            Path host = dir.hostPath().resolve(name);
            FileProbe.Attrs attrs = FileProbe.current().lstat(host);
            if (!attrs.isSymbolicLink() && attrs.isDirectory()) {
                walk(node.resolve(child), depth + 1, found, at);
                continue;
            }
            if (!name.endsWith(".conf")) {
                continue;
            }
            if (found.size() >= limits.maxDropInFiles()) {
                builder.addProblem(new Problem(Problem.Kind.LIMIT_EXCEEDED, at, "--config-dir has more than "
                        + limits.maxDropInFiles() + " drop-ins; only the first " + limits.maxDropInFiles() + " are read"));
                return;
            }
            found.add(child);
        }
    }

    // ------------------------------------------------------------------ YAML files

    /** A YAML file read and converted. */
    private record Loaded(String name, YamlStream stream, YamlTrees.Trees trees) {
    }

    /**
     * Reads a YAML file of the node. Missing files give nothing; a path or link leading outside the
     * root, or a file that cannot be read, gives a problem located at {@code referencedAt} (the flag
     * naming it) or at the file.
     */
    private Optional<Loaded> readYaml(String nodePath, Optional<Origin> referencedAt, Component component,
            boolean reportUnreadable) {
        NodeRootFiles.Resolved r = node.resolve(nodePath);
        String asked = relative(nodePath);
        switch (r.kind()) {
            case MISSING:
                return Optional.empty();
            case REGULAR_FILE:
            case NULL_DEVICE:
                break;
            case OUTSIDE_ROOT:
                builder.addProblem(new Problem(Problem.Kind.OUTSIDE_ROOT, referencedAt.orElse(Origin.ofFile(asked)),
                        "/" + asked + " leads outside the node root; not read (" + r.message() + ")"));
                return Optional.empty();
            case DIRECTORY:
                if (reportUnreadable) {
                    builder.addProblem(new Problem(Problem.Kind.UNREADABLE, referencedAt.orElse(Origin.ofFile(asked)),
                            "/" + asked + " is a directory, not a file"));
                }
                return Optional.empty();
            default:
                builder.addProblem(new Problem(Problem.Kind.UNREADABLE, referencedAt.orElse(Origin.ofFile(asked)),
                        "/" + asked + " cannot be read: " + r.message()));
                return Optional.empty();
        }
        String name = r.kind() == NodeRootFiles.Kind.NULL_DEVICE ? asked : relative(r.target());
        NodeRootFiles.Read read = node.read(nodePath);
        builder.addFile(name);
        if (read.bytes().isEmpty()) {
            read.problem().ifPresent(p -> builder.addProblem(new Problem(p.kind(), Origin.ofFile(name), p.message())));
            return Optional.empty();
        }
        YamlStream stream = load.isPresent() ? load.get().parseYaml(name, read.bytes().get())
                : YamlStream.parse(name, read.bytes().get(), limits);
        builder.addProblems(stream.problems());
        YamlTrees.Trees trees = YamlTrees.of(stream);
        builder.addProblems(trees.problems());
        builder.addParsedFile(new ParsedFile(name, FileFormat.YAML, component, trees.documents()));
        return Optional.of(new Loaded(name, stream, trees));
    }

    /**
     * A path the kubelet is given, as a node path: the kubelet makes a relative one absolute against
     * its working directory (the unit's {@code WorkingDirectory=}, by default {@code /}).
     */
    private String nodePath(String path) {
        if (path.startsWith("/")) {
            return path;
        }
        return workingDirectory.endsWith("/") ? workingDirectory + path : workingDirectory + "/" + path;
    }

    /** A node path relative to the root, without a leading {@code /}. */
    static String relative(String nodePath) {
        String s = nodePath;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        return s;
    }
}
