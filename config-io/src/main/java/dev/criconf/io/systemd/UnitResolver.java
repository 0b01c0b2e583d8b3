package dev.criconf.io.systemd;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.env.EnvFile;
import dev.criconf.io.internal.FileProbe;
import dev.criconf.io.systemd.internal.RootPaths;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds a system unit and its drop-ins under a directory that stands for a node's {@code /}, the
 * way systemd's unit loader does (src/shared/path-lookup.c, src/shared/dropin.c, src/basic/conf-files.c):
 * <ul>
 *   <li>the unit file is the first {@code NAME} found in the search path {@link #SEARCH_PATH}
 *       ({@code /etc/systemd/system} before {@code /run/systemd/system} before {@code /usr/lib/systemd/system}
 *       and {@code /lib/systemd/system}); a link to {@code /dev/null} or an empty file masks the unit;</li>
 *   <li>drop-ins are every {@code NAME.d/*.conf} in every directory of the search path (for an
 *       instance {@code a@b.service} also {@code a@.service.d}); files are merged by name, a file in
 *       an earlier directory hiding a same-named one in a later directory; they apply in lexical
 *       order of file name, wherever they are; a masked drop-in hides its name and contributes nothing.</li>
 * </ul>
 * Symlinks are followed inside the root (an absolute target starts at the node root); a path that
 * would leave the root is not followed and gives an {@code OUTSIDE_ROOT} problem. Origins name
 * files relative to the root ({@code usr/lib/systemd/system/kubelet.service}). Type-wide
 * ({@code service.d/}) and name-prefix ({@code cri-.service.d/}) drop-in directories are not read.
 */
public final class UnitResolver {

    /** The system unit search path, highest priority first, relative to the node root. */
    public static final List<String> SEARCH_PATH = List.of(
            "etc/systemd/system.control",
            "run/systemd/system.control",
            "run/systemd/transient",
            "etc/systemd/system",
            "run/systemd/system",
            "usr/local/lib/systemd/system",
            "usr/lib/systemd/system",
            "lib/systemd/system");

    private final RootPaths paths;
    private final ParseLimits limits;

    /** A resolver for the node whose {@code /} is {@code root}, with default limits. */
    public UnitResolver(Path root) {
        this(root, ParseLimits.DEFAULTS);
    }

    /** A resolver for the node whose {@code /} is {@code root}. */
    public UnitResolver(Path root, ParseLimits limits) {
        this.paths = new RootPaths(Objects.requireNonNull(root));
        this.limits = Objects.requireNonNull(limits);
    }

    /** Resolves a unit such as {@code kubelet.service}. */
    public EffectiveUnit resolve(String unitName) {
        Objects.requireNonNull(unitName);
        List<Problem> problems = new ArrayList<>();
        Optional<UnitFile> fragment = Optional.empty();
        boolean masked = false;
        String fragmentPath = null;
        for (String dir : SEARCH_PATH) {
            RootPaths.Resolution r = paths.resolveIn(dir, unitName);
            if (r instanceof RootPaths.Missing) {
                continue;
            }
            if (r instanceof RootPaths.OutsideRoot o) {
                problems.add(new Problem(Problem.Kind.OUTSIDE_ROOT, Origin.ofFile(dir + "/" + unitName),
                        "not followed: " + o.detail()));
                continue;
            }
            if (r instanceof RootPaths.Failed f) {
                problems.add(new Problem(Problem.Kind.UNREADABLE, Origin.ofFile(dir + "/" + unitName), f.detail()));
                continue;
            }
            if (r instanceof RootPaths.DevNull) {
                masked = true;
                break;
            }
            RootPaths.Found found = (RootPaths.Found) r;
            if (isDirectory(found.path())) {
                continue;
            }
            if (isEmpty(found.path())) {
                masked = true;
                break;
            }
            fragment = Optional.of(UnitFile.read(found.path(), found.relative(), limits));
            fragmentPath = "/" + found.relative();
            break;
        }
        Specifiers specifiers = fragmentPath == null ? Specifiers.systemUnit(unitName)
                : Specifiers.systemUnit(unitName, fragmentPath);

        List<String> dirNames = new ArrayList<>();
        dirNames.add(unitName + ".d");
        int at = unitName.indexOf('@');
        int dot = unitName.lastIndexOf('.');
        if (at > 0 && dot > at + 1) {
            dirNames.add(unitName.substring(0, at + 1) + unitName.substring(dot) + ".d");
        }
        // name -> first (highest priority) resolution
        Map<String, Object> byName = new TreeMap<>();
        List<String> shadowed = new ArrayList<>();
        for (String dir : SEARCH_PATH) {
            for (String dn : dirNames) {
                String dropDir = dir + "/" + dn;
                RootPaths.Resolution r = paths.resolveIn(dir, dn);
                if (r instanceof RootPaths.OutsideRoot o) {
                    problems.add(new Problem(Problem.Kind.OUTSIDE_ROOT, Origin.ofFile(dropDir), "not followed: " + o.detail()));
                    continue;
                }
                if (!(r instanceof RootPaths.Found found)) {
                    continue;
                }
                List<String> names = paths.list(found.path()).orElse(List.of()).stream()
                        .filter(n -> n.endsWith(".conf")).toList();
                if (names.size() > limits.maxDropInFiles()) {
                    problems.add(new Problem(Problem.Kind.LIMIT_EXCEEDED, Origin.ofFile(dropDir),
                            names.size() + " drop-ins, more than the limit of " + limits.maxDropInFiles()
                                    + "; only the first " + limits.maxDropInFiles() + " are read"));
                    names = names.subList(0, limits.maxDropInFiles());
                }
                for (String n : names) {
                    String nodePath = dropDir + "/" + n;
                    RootPaths.Resolution fr = paths.resolve(nodePath);
                    if (byName.containsKey(n)) {
                        if (!(fr instanceof RootPaths.Missing)) {
                            shadowed.add(nodePath);
                        }
                        continue;
                    }
                    if (fr instanceof RootPaths.OutsideRoot o) {
                        problems.add(new Problem(Problem.Kind.OUTSIDE_ROOT, Origin.ofFile(nodePath),
                                "not followed: " + o.detail()));
                        continue;
                    }
                    if (fr instanceof RootPaths.Failed f) {
                        problems.add(new Problem(Problem.Kind.UNREADABLE, Origin.ofFile(nodePath), f.detail()));
                        continue;
                    }
                    if (fr instanceof RootPaths.Missing) {
                        continue;
                    }
                    if (fr instanceof RootPaths.DevNull) {
                        byName.put(n, nodePath);
                        continue;
                    }
                    RootPaths.Found ff = (RootPaths.Found) fr;
                    if (isDirectory(ff.path())) {
                        continue;
                    }
                    byName.put(n, isEmpty(ff.path()) ? nodePath : ff);
                }
            }
        }
        List<UnitFile> dropIns = new ArrayList<>();
        List<String> maskedDropIns = new ArrayList<>();
        for (Map.Entry<String, Object> e : byName.entrySet()) {
            if (e.getValue() instanceof RootPaths.Found ff) {
                dropIns.add(UnitFile.read(ff.path(), ff.relative(), limits));
            } else {
                maskedDropIns.add((String) e.getValue());
            }
        }
        EffectiveUnit partial = new EffectiveUnit(unitName, fragment, masked, dropIns, maskedDropIns, shadowed, List.of(),
                List.of(), specifiers);
        List<EnvironmentFileRef> envFiles = loadEnvironmentFiles(partial, specifiers, problems);
        return new EffectiveUnit(unitName, fragment, masked, dropIns, maskedDropIns, shadowed, envFiles, problems,
                specifiers);
    }

    /** Reads an environment file at a node path, e.g. {@code /var/lib/kubelet/kubeadm-flags.env}. */
    public Optional<EnvFile> readEnvFile(String nodePath, List<Problem> problems) {
        RootPaths.Resolution r = paths.resolve(nodePath);
        if (r instanceof RootPaths.Found f && !isDirectory(f.path())) {
            return Optional.of(EnvFile.read(f.path(), f.relative(), limits));
        }
        if (r instanceof RootPaths.OutsideRoot o) {
            problems.add(new Problem(Problem.Kind.OUTSIDE_ROOT, Origin.ofFile(strip(nodePath)), "not followed: " + o.detail()));
        } else if (r instanceof RootPaths.Failed f) {
            problems.add(new Problem(Problem.Kind.UNREADABLE, Origin.ofFile(strip(nodePath)), f.detail()));
        }
        return Optional.empty();
    }

    private List<EnvironmentFileRef> loadEnvironmentFiles(EffectiveUnit unit, Specifiers specifiers, List<Problem> problems) {
        List<EnvironmentFileRef> out = new ArrayList<>();
        for (EffectiveValue v : unit.values("Service", "EnvironmentFile")) {
            Specifiers.Expansion x = specifiers.expand(v.value());
            String p = x.value();
            boolean optional = p.startsWith("-");
            if (optional) {
                p = p.substring(1);
            }
            if (!p.startsWith("/")) {
                if (!optional) {
                    problems.add(new Problem(Problem.Kind.SYNTAX, v.origin(),
                            "EnvironmentFile= needs an absolute path: " + p));
                }
                continue;
            }
            List<EnvFile> files = new ArrayList<>();
            List<Problem> local = new ArrayList<>();
            if (hasGlob(p)) {
                files.addAll(glob(p, local));
            } else {
                readEnvFile(p, local).ifPresent(files::add);
            }
            problems.addAll(local);
            if (files.isEmpty() && !optional && local.isEmpty()) {
                problems.add(new Problem(Problem.Kind.UNREADABLE, v.origin(),
                        "EnvironmentFile=" + p + " does not exist on the node: systemd will not start the unit"));
            }
            out.add(new EnvironmentFileRef(p, optional, v.assignment(), files));
        }
        return out;
    }

    private static boolean hasGlob(String p) {
        return p.indexOf('*') >= 0 || p.indexOf('?') >= 0 || p.indexOf('[') >= 0;
    }

    /** Globs in the last path component only (the common {@code /etc/foo.d/*.env}). */
    private List<EnvFile> glob(String nodePath, List<Problem> problems) {
        int slash = nodePath.lastIndexOf('/');
        String dir = nodePath.substring(0, Math.max(1, slash));
        String pattern = nodePath.substring(slash + 1);
        if (hasGlob(dir)) {
            problems.add(new Problem(Problem.Kind.UNREADABLE, Origin.ofFile(strip(nodePath)),
                    "globs in directory names of EnvironmentFile= are not resolved"));
            return List.of();
        }
        RootPaths.Resolution r = paths.resolve(dir);
        if (!(r instanceof RootPaths.Found f)) {
            return List.of();
        }
        PathMatcher m;
        try {
            m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            problems.add(new Problem(Problem.Kind.SYNTAX, Origin.ofFile(strip(nodePath)), "bad glob: " + pattern));
            return List.of();
        }
        List<EnvFile> out = new ArrayList<>();
        for (String n : paths.list(f.path()).orElse(List.of())) {
            if (m.matches(Path.of(n))) {
                readEnvFile(dir + "/" + n, problems).ifPresent(out::add);
            }
        }
        return out;
    }

    /** {@code Files.isDirectory(p)}, answered from the node's probe when {@code p} is no link. */
    private static boolean isDirectory(Path p) {
        FileProbe.Attrs a = FileProbe.current().lstat(p);
        return a.isSymbolicLink() ? Files.isDirectory(p) : a.isDirectory();
    }

    private static boolean isEmpty(Path p) {
        FileProbe.Attrs a = FileProbe.current().lstat(p);
        if (!a.isSymbolicLink()) {
            return a.isRegularFile() && a.size() == 0;
        }
        try {
            return Files.isRegularFile(p) && Files.size(p) == 0;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static String strip(String nodePath) {
        return nodePath.startsWith("/") ? nodePath.substring(1) : nodePath;
    }
}
