package dev.criconf.io.modules;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.internal.ConfDirs;
import dev.criconf.io.internal.NodeRootFiles;
import dev.criconf.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The modules a node loads at boot from its modules-load.d files, read the way
 * systemd-modules-load reads them: {@code *.conf} in {@code /etc/modules-load.d},
 * {@code /run/modules-load.d}, {@code /usr/local/lib/modules-load.d},
 * {@code /usr/lib/modules-load.d} and {@code /lib/modules-load.d}, a file name in an earlier
 * directory hiding the same name in later ones, all sorted by file name. Debian's
 * {@code /etc/modules} (same format; Debian links it in as {@code /etc/modules-load.d/modules.conf},
 * older init scripts read it directly) is read last unless a listed file already is it.
 */
public final class ModulesLoadSettings {

    /** The drop-in directories, highest priority first. */
    public static final List<String> DIRECTORIES = List.of("/etc/modules-load.d", "/run/modules-load.d",
            "/usr/local/lib/modules-load.d", "/usr/lib/modules-load.d", "/lib/modules-load.d");

    /** Debian's traditional list of modules. */
    public static final String DEBIAN_MODULES = "/etc/modules";

    /**
     * A file that was not read because another file of the same name comes first, or because it
     * is masked (a link to {@code /dev/null}; then {@code hiddenBy} is the path itself).
     */
    public record HiddenFile(String path, String hiddenBy) {}

    private final List<ModulesLoadFile> files;
    private final List<HiddenFile> hidden;
    private final List<Problem> problems;
    private final Map<String, LoadedModule> modules;

    private ModulesLoadSettings(List<ModulesLoadFile> files, List<HiddenFile> hidden, List<Problem> listingProblems) {
        this.files = List.copyOf(files);
        this.hidden = List.copyOf(hidden);
        List<Problem> all = new ArrayList<>(listingProblems);
        Map<String, List<ModuleEntry>> byName = new LinkedHashMap<>();
        for (ModulesLoadFile f : files) {
            all.addAll(f.problems());
            for (ModuleEntry m : f.modules()) {
                byName.computeIfAbsent(m.normalizedName(), k -> new ArrayList<>()).add(m);
            }
        }
        this.problems = List.copyOf(all);
        Map<String, LoadedModule> ms = new LinkedHashMap<>();
        byName.forEach((k, v) -> ms.put(k, new LoadedModule(k, v)));
        this.modules = ms;
    }

    /** Reads the files below a node root with the default limits. */
    public static ModulesLoadSettings load(Path nodeRoot) {
        return load(nodeRoot, ParseLimits.DEFAULTS);
    }

    /**
     * Reads the files below a directory that stands for the node's {@code /}. Unreadable or
     * oversized files become {@link #problems()}; nothing is thrown for bad input.
     */
    public static ModulesLoadSettings load(Path nodeRoot, ParseLimits limits) {
        Objects.requireNonNull(nodeRoot, "nodeRoot");
        NodeRootFiles node = NodeRootFiles.of(nodeRoot, limits);
        ConfDirs.Listing listing = ConfDirs.list(node, DIRECTORIES, ".conf");
        List<Problem> problems = new ArrayList<>(listing.problems());
        List<String> paths = new ArrayList<>();
        boolean debianIncluded = false;
        for (ConfDirs.ConfFile f : listing.files()) {
            paths.add(f.nodePath());
            debianIncluded |= node.resolve(f.nodePath()).target().equals(DEBIAN_MODULES);
        }
        if (!debianIncluded && node.resolve(DEBIAN_MODULES).kind() == NodeRootFiles.Kind.REGULAR_FILE) {
            paths.add(DEBIAN_MODULES);
        }
        List<ModulesLoadFile> files = new ArrayList<>();
        for (String path : paths) {
            NodeRootFiles.Read read = node.read(path);
            read.problem().ifPresent(problems::add);
            read.bytes().ifPresent(b -> files.add(ModulesLoadFile.parse(path, b, limits)));
        }
        List<HiddenFile> hidden = new ArrayList<>();
        for (ConfDirs.Hidden h : listing.hidden()) {
            hidden.add(new HiddenFile(h.nodePath(), h.by()));
        }
        return new ModulesLoadSettings(files, hidden, problems);
    }

    /** Merges files that are already parsed, in the order they are read. */
    public static ModulesLoadSettings of(List<ModulesLoadFile> files) {
        return new ModulesLoadSettings(files, List.of(), List.of());
    }

    /** The files read, in the order read. */
    public List<ModulesLoadFile> files() {
        return files;
    }

    /** Files not read because they are hidden or masked. */
    public List<HiddenFile> hidden() {
        return hidden;
    }

    /** Problems listing or reading the files, then each file's own problems. */
    public List<Problem> problems() {
        return problems;
    }

    /** Each module once, in the order first listed. */
    public List<LoadedModule> modules() {
        return List.copyOf(modules.values());
    }

    /** A module by name ({@code -} and {@code _} compare equal). */
    public Optional<LoadedModule> find(String module) {
        return Optional.ofNullable(modules.get(ModuleNames.normalize(module)));
    }

    /** Whether the node loads a module ({@code -} and {@code _} compare equal). */
    public boolean contains(String module) {
        return modules.containsKey(ModuleNames.normalize(module));
    }
}
