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
     * {@link #resolve} of {@code dir + "/" + name}, with the walk to {@code dir} remembered for the
     * node's probe scope: when the directory is missing, so is everything under it (the walk to the
     * child passes through the same components and stops at the same one); when it was found, the
     * walk goes on from where it ended (same components, same links followed so far). Most of
     * systemd's search path is missing on a node, and each unit is looked for in all of it.
     */
    public Resolution resolveIn(String dir, String name) {
        Walk d = FileProbe.current().memo(new DirKey(root, dir), () -> {
            Walk w = walk(components(dir), null);
            if (w.result() instanceof Found f) {
                // like systemd, which enumerates each directory of the search path once: the unit
                // names and drop-in directories looked for in it are mostly absent
                FileProbe.current().listForLookups(f.path());
            }
            return w;
        });
        if (d.result() instanceof Missing) {
            return d.result();
        }
        List<String> parts = components(dir + "/" + name);
        if (!(d.result() instanceof Found) || parts.size() <= d.asked()) {
            return walk(parts, null).result();
        }
        return walk(parts.subList(d.asked(), parts.size()), d).result();
    }

    /** Resolves a node path such as {@code /etc/systemd/system/kubelet.service}. */
    public Resolution resolve(String nodePath) {
        return walk(components(nodePath), null).result();
    }

    /**
     * Where a walk ended: its result and, when it found something, the state to go on from (the
     * components resolved, their host path, links followed, and how many components were asked).
     */
    private record Walk(Resolution result, List<String> cur, Path curPath, int links, int asked, String askedText) {
    }

    /** Walks {@code parts} from the root, or from where {@code from} (a walk that found a directory) ended. */
    private Walk walk(List<String> parts, Walk from) {
        FileProbe probe = FileProbe.current();
        Deque<String> todo = new ArrayDeque<>(parts);
        List<String> cur = from == null ? new ArrayList<>() : new ArrayList<>(from.cur());
        Path curPath = from == null ? root : from.curPath(); // resolveAll(cur), kept up to date
        int links = from == null ? 0 : from.links();
        int askedCount = (from == null ? 0 : from.asked()) + parts.size();
        String asked = from == null ? String.join("/", parts)
                : (parts.isEmpty() ? from.askedText() : from.askedText() + "/" + String.join("/", parts));
        while (!todo.isEmpty()) {
            String c = todo.pollFirst();
            if (c.equals("..")) {
                if (cur.isEmpty()) {
                    return done(new OutsideRoot(asked, "'..' above the node root"));
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
                        return done(new Failed(asked, "too many levels of symbolic links"));
                    }
                    String target = probe.readSymbolicLink(candidate).toString().replace('\\', '/');
                    if (target.startsWith("/")) {
                        if (target.equals("/dev/null") && todo.isEmpty()) {
                            return done(new DevNull(joined(cur, c)));
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
                    return done(new Missing(joined(cur, c)));
                }
                curPath = candidate;
            } catch (IOException | SecurityException | java.nio.file.InvalidPathException e) {
                return done(new Failed(asked, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            cur.add(c);
        }
        try {
            return new Walk(new Found(curPath, String.join("/", cur)), List.copyOf(cur), curPath, links, askedCount, asked);
        } catch (java.nio.file.InvalidPathException e) {
            return done(new Failed(asked, e.getMessage()));
        }
    }

    private static Walk done(Resolution r) {
        return new Walk(r, List.of(), null, 0, 0, "");
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
