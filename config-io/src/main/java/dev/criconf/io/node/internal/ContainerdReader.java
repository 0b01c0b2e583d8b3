package dev.criconf.io.node.internal;

import dev.criconf.io.codec.internal.TomlTrees;
import dev.criconf.io.internal.ConfDirs;
import dev.criconf.io.internal.NodeRootFiles;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.toml.TomlOptions;
import dev.criconf.io.toml.TomlVersion;
import dev.criconf.model.Component;
import dev.criconf.model.ComponentVersion;
import dev.criconf.model.FileFormat;
import dev.criconf.model.Origin;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Problem;
import dev.criconf.model.Setting;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdFile;
import dev.criconf.model.containerd.ContainerdImport;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * containerd: the main {@code config.toml} (Linux {@code /etc/containerd/config.toml}, else Windows
 * {@code %ProgramFiles%\containerd\config.toml}) and every file its {@code imports} reach, loaded
 * breadth-first from the main file, each file at most once (containerd's {@code LoadConfig}), and
 * merged with the semantics of the release ({@link ContainerdMerge}).
 *
 * <p>Import entries: an absolute path is a node path (a Windows {@code C:\...} path is taken from
 * the root's top); a relative one is joined to the importing file's directory (containerd 1.6.29+,
 * 1.7.16+, 2.x); an entry with {@code *} is a glob ({@code filepath.Glob}: sorted, no match is no
 * error); a missing plain path is a problem (containerd refuses to start). Paths that leave the node
 * root are {@code OUTSIDE_ROOT} problems and are not read.
 */
public final class ContainerdReader {

    /** Where containerd looks for its configuration on Linux. */
    public static final String LINUX_CONFIG = "/etc/containerd/config.toml";
    /** {@code %ProgramFiles%\containerd\config.toml}, below the node root. */
    public static final String WINDOWS_CONFIG = "/Program Files/containerd/config.toml";

    /** containerd's TOML libraries (go-toml v1 and v2) read TOML 1.0. */
    static final TomlOptions TOML_1_0 = TomlOptions.DEFAULTS.withVersion(TomlVersion.V1_0_0);

    private static final Pattern WINDOWS_ABSOLUTE = Pattern.compile("^[A-Za-z]:[\\\\/].*");

    private ContainerdReader() {}

    /**
     * The release whose merge semantics apply: the profile's {@code containerdVersion}, else 2.0 when
     * the merged {@code version} is 3 or more (only 2.x reads such files), else 1.7, assumed.
     */
    public static Setting<ComponentVersion> mergeRelease(Optional<Setting<ComponentVersion>> profile, Optional<Long> mergedVersion) {
        if (profile.isPresent()) {
            return profile.get();
        }
        if (mergedVersion.isPresent() && mergedVersion.get() >= 3) {
            return Setting.ofDefault(ComponentVersion.of(2, 0), Component.CONTAINERD,
                    "2.0 or later (assumed from version = " + mergedVersion.get() + "; no containerdVersion in criconf.yaml)");
        }
        return Setting.ofDefault(ComponentVersion.of(1, 7), Component.CONTAINERD,
                "1.7 (assumed: no containerdVersion in criconf.yaml and no version = 3 or later in the files)");
    }

    /** The {@code version} in effect after merging: the last non-zero integer one, in load order. */
    public static Optional<Long> mergedVersion(List<ContainerdFile> files) {
        Optional<Long> version = Optional.empty();
        for (ContainerdFile f : files) {
            Optional<Long> v = f.tree().get("version").flatMap(ConfigValue::asLong);
            if (v.isPresent() && v.get() != 0) {
                version = v;
            }
        }
        return version;
    }

    /** Reads containerd's configuration, if the node has one. */
    public static void read(LoadContext ctx, Optional<Setting<ComponentVersion>> profileVersion) {
        String main;
        if (ctx.exists(LINUX_CONFIG)) {
            main = LINUX_CONFIG;
        } else if (ctx.exists(WINDOWS_CONFIG)) {
            main = WINDOWS_CONFIG;
        } else {
            return;
        }
        List<ContainerdFile> files = new ArrayList<>();
        List<ContainerdImport> imports = new ArrayList<>();
        Set<String> loaded = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(main);
        int budget = ctx.limits().maxDropInFiles() + 1;
        while (!pending.isEmpty()) {
            String path = pending.pollFirst();
            NodeRootFiles.Resolved r = ctx.node().resolve(path);
            if (!loaded.add(r.target())) {
                continue;
            }
            if (files.size() >= budget) {
                ctx.addProblem(new Problem(Problem.Kind.LIMIT_EXCEEDED, Origin.ofFile(LoadContext.rel(main)),
                        "imports reach more than " + ctx.limits().maxDropInFiles()
                                + " files (ParseLimits.maxDropInFiles); the rest were not read"));
                break;
            }
            Optional<byte[]> bytes = ctx.read(path);
            if (bytes.isEmpty()) {
                if (path.equals(main)) {
                    return;
                }
                continue;
            }
            String name = LoadContext.rel(path);
            TomlDocument doc = TomlDocument.parse(name, bytes.get(), TOML_1_0.withLimits(ctx.limits()));
            ctx.addProblems(doc.problems());
            ConfigTable tree = TomlTrees.of(doc);
            ctx.addParsedFile(ParsedFile.of(name, FileFormat.TOML, Component.CONTAINERD, tree));
            ContainerdFile file = new ContainerdFile(name, tree);
            files.add(file);
            for (Setting<String> entry : file.imports()) {
                List<String> matched = resolveImport(ctx, path, entry);
                imports.add(new ContainerdImport(name, entry, matched.stream().map(LoadContext::rel).toList()));
                pending.addAll(matched);
            }
        }
        ContainerdMerge.Semantics semantics = mergeRelease(profileVersion, mergedVersion(files)).value().major() >= 2
                ? ContainerdMerge.Semantics.V2 : ContainerdMerge.Semantics.V1;
        ConfigTable merged = files.get(0).tree();
        for (int i = 1; i < files.size(); i++) {
            merged = ContainerdMerge.merge(merged, files.get(i).tree(), semantics);
        }
        ctx.builder().containerd(new ContainerdConfig(files, merged, imports));
    }

    /** The node paths one {@code imports} entry names, in containerd's order. */
    private static List<String> resolveImport(LoadContext ctx, String importingFile, Setting<String> entry) {
        String written = entry.value();
        String p = written;
        if (WINDOWS_ABSOLUTE.matcher(p).matches()) {
            p = p.substring(2).replace('\\', '/');
        } else if (!p.startsWith("/")) {
            String dir = importingFile.substring(0, importingFile.lastIndexOf('/') + 1);
            p = dir + p;
        }
        Origin at = entry.origin().orElse(Origin.ofFile(LoadContext.rel(importingFile)));
        Optional<String> cleaned = clean(p);
        if (cleaned.isEmpty()) {
            ctx.addProblem(new Problem(Problem.Kind.OUTSIDE_ROOT, at, "imports entry '" + written
                    + "' climbs above the node root; not followed"));
            return List.of();
        }
        p = cleaned.get();
        if (!written.contains("*")) {
            NodeRootFiles.Resolved r = ctx.node().resolve(p);
            switch (r.kind()) {
                case OUTSIDE_ROOT:
                    ctx.addProblem(new Problem(Problem.Kind.OUTSIDE_ROOT, at, "imports entry '" + written
                            + "' resolves outside the node root; not followed"));
                    return List.of();
                case MISSING:
                    ctx.addProblem(new Problem(Problem.Kind.UNREADABLE, at, "imports entry '" + written
                            + "' does not exist on the node; containerd refuses to start when an imported file is missing"));
                    return List.of();
                default:
                    return List.of(p);
            }
        }
        return glob(ctx, p, written, at);
    }

    /**
     * Go's {@code filepath.Clean} of an absolute path ({@code filepath.Join} cleans the joined path),
     * except that a {@code ..} above {@code /} is not dropped: empty then, as it leaves the node root.
     */
    static Optional<String> clean(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String c : path.split("/")) {
            if (c.isEmpty() || c.equals(".")) {
                continue;
            }
            if (c.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(c);
            }
        }
        return Optional.of("/" + String.join("/", parts));
    }

    /** Go's {@code filepath.Glob} below the node root: each level sorted, no match is not an error. */
    private static List<String> glob(LoadContext ctx, String pattern, String written, Origin at) {
        List<String> parts = new ArrayList<>();
        for (String c : pattern.split("/")) {
            if (!c.isEmpty()) {
                parts.add(c);
            }
        }
        List<String> current = List.of("");
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean last = i == parts.size() - 1;
            List<String> next = new ArrayList<>();
            for (String dir : current) {
                if (!GoGlob.hasMeta(part)) {
                    next.add(dir + "/" + part);
                    continue;
                }
                String dirPath = dir.isEmpty() ? "/" : dir;
                NodeRootFiles.Resolved r = ctx.node().resolve(dirPath);
                if (r.kind() == NodeRootFiles.Kind.OUTSIDE_ROOT) {
                    ctx.addProblem(new Problem(Problem.Kind.OUTSIDE_ROOT, at, "imports entry '" + written
                            + "' resolves outside the node root; not followed"));
                    return List.of();
                }
                List<String> names;
                try {
                    names = new ArrayList<>(ctx.node().list(dirPath));
                } catch (IOException e) {
                    continue;
                }
                names.sort(ConfDirs.BY_BYTES);
                for (String n : names) {
                    if (GoGlob.matches(part, n)) {
                        next.add(dir + "/" + n);
                    }
                }
            }
            current = next;
            if (!last && current.size() > ctx.limits().maxDropInFiles()) {
                current = current.subList(0, ctx.limits().maxDropInFiles());
            }
        }
        List<String> out = new ArrayList<>();
        for (String p : current) {
            NodeRootFiles.Resolved r = ctx.node().resolve(p);
            if (r.kind() == NodeRootFiles.Kind.OUTSIDE_ROOT) {
                ctx.addProblem(new Problem(Problem.Kind.OUTSIDE_ROOT, at, "imports entry '" + written + "' matches "
                        + LoadContext.rel(p) + ", which resolves outside the node root; not followed"));
            } else if (r.kind() != NodeRootFiles.Kind.MISSING) {
                out.add(p);
            }
        }
        return out;
    }
}
