package dev.criconf.io.systemd.internal;

import dev.criconf.io.internal.FileProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Resolves node paths ({@code /etc/...} as the node sees them) inside a directory that stands for
 * the node's {@code /}, following symlinks the way the node would: an absolute link target starts
 * again at the node root (like systemd's {@code chase()} with a root directory), a relative one
 * goes on from the link's directory. A {@code ..} above the root is never followed.
 */
public final class RootPaths {

    private static final int MAX_LINKS = 32;

    private final Path root;

    public RootPaths(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** What a node path resolved to. */
    public sealed interface Resolution {
    }

    /** An existing file or directory: where it is under the root, and its node path relative to {@code /}. */
    public record Found(Path path, String relative) implements Resolution {
    }

    /** Nothing there (the relative path is where the lookup stopped). */
    public record Missing(String relative) implements Resolution {
    }

    /** A symlink to {@code /dev/null}: systemd's way of masking a unit or drop-in. */
    public record DevNull(String relative) implements Resolution {
    }

    /** The path (or a symlink on it) leads above the root. */
    public record OutsideRoot(String relative, String detail) implements Resolution {
    }

    /** The path could not be examined (a symlink loop, an I/O error). */
    public record Failed(String relative, String detail) implements Resolution {
    }

    private record DirKey(Path root, String dir) {
    }

    /**
     * {@link #resolve} of {@code dir + "/" + name}, with {@code dir}'s own resolution remembered for the
     * node's probe scope: when the directory is missing, so is everything under it (the walk to the
     * child passes through the same components and stops at the same one), and most of systemd's
     * search path is missing on a node.
     */
    public Resolution resolveIn(String dir, String name) {
        Resolution d = FileProbe.current().memo(new DirKey(root, dir), () -> resolve(dir));
        if (d instanceof Missing) {
            return d;
        }
        return resolve(dir + "/" + name);
    }

    /** Resolves a node path such as {@code /etc/systemd/system/kubelet.service}. */
    public Resolution resolve(String nodePath) {
        FileProbe probe = FileProbe.current();
        List<String> parts = components(nodePath);
        Deque<String> todo = new ArrayDeque<>(parts);
        List<String> cur = new ArrayList<>();
        Path curPath = root; // resolveAll(cur), kept up to date
        int links = 0;
        String asked = String.join("/", parts);
        while (!todo.isEmpty()) {
            String c = todo.pollFirst();
            if (c.equals("..")) {
                if (cur.isEmpty()) {
                    return new OutsideRoot(asked, "'..' above the node root");
                }
                cur.remove(cur.size() - 1);
                curPath = resolveAll(cur);
                continue;
            }
            try {
                Path candidate = curPath.resolve(c);
                FileProbe.Attrs attrs = probe.lstat(candidate);
                if (attrs.isSymbolicLink()) {
                    if (++links > MAX_LINKS) {
                        return new Failed(asked, "too many levels of symbolic links");
                    }
                    String target = probe.readSymbolicLink(candidate).toString().replace('\\', '/');
                    if (target.startsWith("/")) {
                        if (target.equals("/dev/null") && todo.isEmpty()) {
                            return new DevNull(joined(cur, c));
                        }
                        cur.clear();
                        curPath = root;
                    }
                    List<String> t = components(target);
                    for (int i = t.size() - 1; i >= 0; i--) {
                        todo.addFirst(t.get(i));
                    }
                    continue;
                }
                if (attrs.absent()) {
                    return new Missing(joined(cur, c));
                }
                curPath = candidate;
            } catch (IOException | SecurityException | java.nio.file.InvalidPathException e) {
                return new Failed(asked, e.getMessage() == null ? e.toString() : e.getMessage());
            }
            cur.add(c);
        }
        try {
            return new Found(curPath, String.join("/", cur));
        } catch (java.nio.file.InvalidPathException e) {
            return new Failed(asked, e.getMessage());
        }
    }

    /** The names in a directory (not hidden), sorted; empty when it cannot be listed. */
    public Optional<List<String>> list(Path dir) {
        FileProbe probe = FileProbe.current();
        FileProbe.Attrs attrs = probe.lstat(dir);
        if (!(attrs.isDirectory() || (attrs.isSymbolicLink() && Files.isDirectory(dir)))) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        try {
            for (String n : probe.list(dir)) {
                if (!n.startsWith(".")) {
                    out.add(n);
                }
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        out.sort(null);
        return Optional.of(out);
    }

    private static String joined(List<String> parts, String last) {
        return parts.isEmpty() ? last : String.join("/", parts) + "/" + last;
    }

    private Path resolveAll(List<String> parts) {
        Path p = root;
        for (String s : parts) {
            p = p.resolve(s);
        }
        return p;
    }

    static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String s : Arrays.asList(path.replace('\\', '/').split("/"))) {
            if (!s.isEmpty() && !s.equals(".")) {
                out.add(s);
            }
        }
        return out;
    }
}
