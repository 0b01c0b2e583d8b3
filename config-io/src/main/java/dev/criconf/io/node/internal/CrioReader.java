package dev.criconf.io.node.internal;

import dev.criconf.io.codec.internal.TomlTrees;
import dev.criconf.io.internal.ConfDirs;
import dev.criconf.io.internal.NodeRootFiles;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.model.Component;
import dev.criconf.model.FileFormat;
import dev.criconf.model.Origin;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.Problem;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioFile;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.io.internal.FileProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CRI-O: {@code /etc/crio/crio.conf} when present (upstream packages ship none) and every file under
 * {@code /etc/crio/crio.conf.d} in CRI-O's {@code filepath.Walk} order: byte order within each
 * directory, a subdirectory entered at its sorted place, every entry read whatever its name
 * ({@code *.bak}, {@code README}, dot files); a link is read as a file (Walk does not descend into
 * linked directories), confined to the root. Files are merged with {@link CrioMerge}.
 */
public final class CrioReader {

    /** The main file. */
    public static final String MAIN = "/etc/crio/crio.conf";
    /** The drop-in directory. */
    public static final String DROP_IN_DIR = "/etc/crio/crio.conf.d";

    private CrioReader() {}

    /** Reads CRI-O's configuration, if the node has any. */
    public static void read(LoadContext ctx) {
        List<String> paths = new ArrayList<>();
        boolean hasMain = ctx.exists(MAIN);
        if (hasMain) {
            paths.add(MAIN);
        }
        NodeRootFiles.Resolved dir = ctx.node().resolve(DROP_IN_DIR);
        if (dir.kind() == NodeRootFiles.Kind.OUTSIDE_ROOT) {
            ctx.addProblem(new Problem(Problem.Kind.OUTSIDE_ROOT, Origin.ofFile(LoadContext.rel(DROP_IN_DIR)), dir.message()));
        } else if (dir.kind() == NodeRootFiles.Kind.DIRECTORY) {
            walk(ctx, DROP_IN_DIR, 0, paths, paths.size() + ctx.limits().maxDropInFiles());
        }
        if (paths.isEmpty()) {
            return;
        }
        List<CrioFile> files = new ArrayList<>();
        for (String path : paths) {
            Optional<byte[]> bytes = ctx.read(path);
            if (bytes.isEmpty()) {
                continue;
            }
            String name = LoadContext.rel(path);
            TomlDocument doc = TomlDocument.parse(name, bytes.get(), ContainerdReader.TOML_1_0.withLimits(ctx.limits()));
            ctx.addProblems(doc.problems());
            ConfigTable tree = TomlTrees.of(doc);
            ctx.addParsedFile(ParsedFile.of(name, FileFormat.TOML, Component.CRIO, tree));
            files.add(new CrioFile(name, path.equals(MAIN) ? CrioFile.Role.MAIN : CrioFile.Role.DROP_IN, tree));
        }
        if (files.isEmpty()) {
            return;
        }
        ConfigTable merged = ConfigTable.empty(files.get(0).tree().origin());
        for (CrioFile f : files) {
            merged = CrioMerge.merge(merged, f.tree());
        }
        ctx.builder().crio(new CrioConfig(files, merged));
    }

    /** Adds the files below {@code dir} in walk order; false once the file limit stopped the walk. */
    private static boolean walk(LoadContext ctx, String dir, int depth, List<String> out, int max) {
        Origin at = Origin.ofFile(LoadContext.rel(dir));
        if (depth >= ctx.limits().maxDepth()) {
            ctx.addProblem(new Problem(Problem.Kind.LIMIT_EXCEEDED, at, "directories nested deeper than "
                    + ctx.limits().maxDepth() + " (ParseLimits.maxDepth); not read"));
            return true;
        }
        NodeRootFiles.Resolved resolved = ctx.node().resolve(dir);
        List<String> names;
        try {
            names = new ArrayList<>(ctx.node().list(dir));
        } catch (IOException e) {
            ctx.addProblem(new Problem(Problem.Kind.UNREADABLE, at, "cannot list the directory: " + e.getMessage()));
            return true;
        }
        names.sort(ConfDirs.BY_BYTES);
        for (String n : names) {
            String child = dir + "/" + n;
            Path host = resolved.hostPath().resolve(n);
            FileProbe.Attrs attrs = FileProbe.current().lstat(host);
            if (!attrs.isSymbolicLink() && attrs.isDirectory()) {
                if (!walk(ctx, child, depth + 1, out, max)) {
                    return false;
                }
                continue;
            }
            if (out.size() >= max) {
                ctx.addProblem(new Problem(Problem.Kind.LIMIT_EXCEEDED, Origin.ofFile(LoadContext.rel(DROP_IN_DIR)),
                        "more than " + ctx.limits().maxDropInFiles() + " drop-in files (ParseLimits.maxDropInFiles); the rest were not read"));
                return false;
            }
            out.add(child);
        }
        return true;
    }
}
