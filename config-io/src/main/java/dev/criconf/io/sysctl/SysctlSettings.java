package dev.criconf.io.sysctl;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.internal.ConfDirs;
import dev.criconf.io.internal.NodeRootFiles;
import dev.criconf.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sysctl files of a node merged the way the boot-time tool merges them ({@link SysctlTool}):
 * which files are read in which order, and the value each variable ends up with, with the line it
 * comes from.
 *
 * <p>Merging follows systemd-sysctl: a later assignment of a key replaces an earlier one (an
 * assignment of the same value only adds its {@code -}); an exclusion {@code -key} replaces an
 * assignment too; glob patterns apply to every matching variable that has no assignment or
 * exclusion of its own, the pattern applied last winning. Patterns can only be matched against
 * names asked for ({@link #effective(String)}), since the node's {@code /proc/sys} is not read.
 */
public final class SysctlSettings {

    /**
     * A file that was not read because another file of the same name comes first, or because it
     * is masked (a link to {@code /dev/null}; then {@code hiddenBy} is the path itself).
     */
    public record HiddenFile(String path, String hiddenBy) {}

    private final List<SysctlFile> files;
    private final List<HiddenFile> hidden;
    private final List<Problem> problems;
    private final Map<String, Option> options;

    private SysctlSettings(List<SysctlFile> files, List<HiddenFile> hidden, List<Problem> listingProblems) {
        this.files = List.copyOf(files);
        this.hidden = List.copyOf(hidden);
        List<Problem> all = new ArrayList<>(listingProblems);
        for (SysctlFile f : files) {
            all.addAll(f.problems());
        }
        this.problems = List.copyOf(all);
        this.options = merge(this.files);
    }

    /** Reads the files systemd-sysctl would read below a node root, with the default limits. */
    public static SysctlSettings load(Path nodeRoot) {
        return load(nodeRoot, SysctlTool.SYSTEMD_SYSCTL, ParseLimits.DEFAULTS);
    }

    /**
     * Reads the files a tool would read below a directory that stands for the node's {@code /}.
     * Unreadable or oversized files become {@link #problems()}; nothing is thrown for bad input.
     */
    public static SysctlSettings load(Path nodeRoot, SysctlTool tool, ParseLimits limits) {
        Objects.requireNonNull(nodeRoot, "nodeRoot");
        Objects.requireNonNull(tool, "tool");
        NodeRootFiles node = NodeRootFiles.of(nodeRoot, limits);
        ConfDirs.Listing listing = ConfDirs.list(node, tool.directories(), ".conf");
        List<Problem> problems = new ArrayList<>(listing.problems());
        List<String> paths = new ArrayList<>();
        for (ConfDirs.ConfFile f : listing.files()) {
            paths.add(f.nodePath());
        }
        if (tool.readsSysctlConf() && node.resolve("/etc/sysctl.conf").kind() == NodeRootFiles.Kind.REGULAR_FILE) {
            paths.add("/etc/sysctl.conf");
        }
        List<SysctlFile> files = new ArrayList<>();
        for (String path : paths) {
            NodeRootFiles.Read read = node.read(path);
            read.problem().ifPresent(problems::add);
            read.bytes().ifPresent(b -> files.add(SysctlFile.parse(path, b, limits)));
        }
        List<HiddenFile> hidden = new ArrayList<>();
        for (ConfDirs.Hidden h : listing.hidden()) {
            hidden.add(new HiddenFile(h.nodePath(), h.by()));
        }
        return new SysctlSettings(files, hidden, problems);
    }

    /** Merges files that are already parsed, given in the order they are applied. */
    public static SysctlSettings of(List<SysctlFile> filesInApplyOrder) {
        return new SysctlSettings(filesInApplyOrder, List.of(), List.of());
    }

    /** The files read, in the order applied. */
    public List<SysctlFile> files() {
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

    /**
     * The value a variable (any spelling) gets: its own last assignment, or else the last pattern
     * that matches it. Empty when nothing sets it or an exclusion {@code -key} keeps patterns off it.
     */
    public Optional<SysctlSetting> effective(String key) {
        String k = SysctlKeys.normalize(key);
        Option own = options.get(k);
        if (own != null) {
            return own.value.map(v -> own.toSetting(k));
        }
        Option last = null;
        for (Option o : options.values()) {
            if (o.value.isPresent() && SysctlKeys.isPattern(o.key) && SysctlKeys.matches(o.key, k)) {
                last = o;
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        return Optional.of(last.toSetting(k));
    }

    /** The effective value of a variable, if anything sets it. */
    public Optional<String> value(String key) {
        return effective(key).map(SysctlSetting::value);
    }

    /** Every variable assigned by name (not by pattern), in the order systemd-sysctl would write them. */
    public Map<String, SysctlSetting> settings() {
        Map<String, SysctlSetting> out = new LinkedHashMap<>();
        for (Option o : options.values()) {
            if (o.value.isPresent() && !SysctlKeys.isPattern(o.key)) {
                out.put(o.key, o.toSetting(o.key));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The glob patterns in effect, each as a setting whose key is the pattern. */
    public List<SysctlSetting> patterns() {
        List<SysctlSetting> out = new ArrayList<>();
        for (Option o : options.values()) {
            if (o.value.isPresent() && SysctlKeys.isPattern(o.key)) {
                out.add(o.toSetting(o.key));
            }
        }
        return List.copyOf(out);
    }

    private static final class Option {
        final String key;
        final Optional<String> value;
        boolean ignoreFailure;
        final List<SysctlEntry> history;

        Option(String key, Optional<String> value, boolean ignoreFailure, List<SysctlEntry> history) {
            this.key = key;
            this.value = value;
            this.ignoreFailure = ignoreFailure;
            this.history = history;
        }

        SysctlSetting toSetting(String asked) {
            List<SysctlEntry> assigned = new ArrayList<>();
            for (SysctlEntry e : history) {
                if (!e.isExclusion()) {
                    assigned.add(e);
                }
            }
            return new SysctlSetting(asked, value.orElseThrow(), ignoreFailure, assigned.get(assigned.size() - 1), assigned);
        }
    }

    // systemd-sysctl's parse_line(): an equal value keeps the option (OR-ing ignore_failure);
    // a different one removes it and appends a new one at the end of the ordered map.
    private static Map<String, Option> merge(List<SysctlFile> files) {
        Map<String, Option> options = new LinkedHashMap<>();
        for (SysctlFile f : files) {
            for (SysctlEntry e : f.entries()) {
                Option existing = options.get(e.key());
                if (existing != null && existing.value.equals(e.value())) {
                    existing.ignoreFailure |= e.ignoreFailure();
                    existing.history.add(e);
                    continue;
                }
                List<SysctlEntry> history = new ArrayList<>();
                if (existing != null) {
                    history.addAll(existing.history);
                    options.remove(e.key());
                }
                history.add(e);
                options.put(e.key(), new Option(e.key(), e.value(), e.ignoreFailure(), history));
            }
        }
        return options;
    }
}
