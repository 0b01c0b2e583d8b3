package dev.criconf.cli.internal;

import dev.criconf.cli.NodeSource;
import dev.criconf.model.CriconfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reading nodes through the {@link NodeSource}, with the command line's error handling. */
final class Roots {

    private Roots() {
    }

    /** How reports name a root: the argument with {@code /} separators and no trailing slash. */
    static String display(String arg) {
        String d = arg.replace('\\', '/');
        while (d.length() > 1 && d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    /** Ends the run (exit 2) unless the root is a directory. */
    static void requireDirectory(String arg) {
        Path root = FileArgs.path(arg);
        if (!Files.isDirectory(root)) {
            throw CliException.unreadable("--root " + arg + (Files.exists(root) ? " is not a directory" : " does not exist"));
        }
    }

    /** Reads one root; a root that is not a directory, or that the source cannot read, ends the run (exit 2). */
    static NodeSource.LoadedNode load(NodeSource source, String arg) {
        requireDirectory(arg);
        Path root = FileArgs.path(arg);
        try {
            return source.load(root, display(arg));
        } catch (CriconfException e) {
            throw CliException.unreadable(e.getMessage(), e);
        }
    }

    /** Reads loose files as one node; a missing file ends the run (exit 2). */
    static NodeSource.LoadedNode loadFiles(NodeSource source, List<String> args) {
        List<Path> paths = args.stream().map(FileArgs::path).toList();
        for (int i = 0; i < paths.size(); i++) {
            if (!Files.isRegularFile(paths.get(i))) {
                throw CliException.unreadable(args.get(i) + (Files.exists(paths.get(i)) ? " is not a regular file"
                        : " does not exist"));
            }
        }
        try {
            return source.loadFiles(paths);
        } catch (CriconfException e) {
            throw CliException.unreadable(e.getMessage(), e);
        }
    }
}
