package dev.criconf.io.internal;

import dev.criconf.io.ParseLimits;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Files of a node seen through a directory that stands for the node's {@code /}. Node paths are
 * absolute ({@code /etc/sysctl.d}); symbolic links are followed the way the node would follow
 * them, with absolute targets taken relative to the root (as in a chroot). A relative link that
 * climbs above the root is not followed: it is reported as {@code OUTSIDE_ROOT}.
 */
public final class NodeRootFiles {

    /** Linux gives up after 40 links (ELOOP); so do we. */
    private static final int MAX_LINKS = 40;

    private final Path root;
    private final Path etc;
    private final ParseLimits limits;

    private NodeRootFiles(Path root, ParseLimits limits) {
        this.root = root;
        this.etc = root.resolve("etc");
        this.limits = limits;
    }

    public static NodeRootFiles of(Path root, ParseLimits limits) {
        return new NodeRootFiles(root.toAbsolutePath().normalize(), limits);
    }

    public Path root() {
        return root;
    }

    public ParseLimits limits() {
        return limits;
    }

    /** What a node path turned out to be after following links. */
    public enum Kind { REGULAR_FILE, DIRECTORY, OTHER, MISSING, NULL_DEVICE, OUTSIDE_ROOT, LINK_LOOP, ERROR }

    /**
     * A resolved node path.
     *
     * @param kind     what is there
     * @param nodePath the path asked for
     * @param target   the node path after following links
     * @param hostPath where it is on this machine (meaningless for OUTSIDE_ROOT and LINK_LOOP)
     * @param message  why it could not be resolved, for the error kinds
     */
    public record Resolved(Kind kind, String nodePath, String target, Path hostPath, String message) {}

    /** The key under which a resolution is remembered for the node's probe scope. */
    private record ResolveKey(Path root, String nodePath) {}

    /**
     * Follows a node path component by component, confined to the root. Inside a probe scope the
     * answer is remembered: readers ask for the same path more than once (whether it exists, then its
     * bytes), and a resolution depends only on the scope's file-system answers.
     */
    public Resolved resolve(String nodePath) {
        return FileProbe.current().memo(new ResolveKey(root, nodePath), () -> resolveNow(nodePath));
    }

    private Resolved resolveNow(String nodePath) {
        // every reader looks for its files in / and /etc, and on a node most of the names asked there
        // are absent (the systemd search path's /run and /lib, other runtimes' /etc/crio, /etc/docker,
        // ...): one listing of each answers them all
        FileProbe probe = FileProbe.current();
        probe.listRootForLookups(root);
        if (nodePath.startsWith("/etc/")) {
            probe.listForLookups(etc);
        }
        if (nodePath.indexOf('\0') >= 0) {
            // a path from a file (a flag, an import) can hold a NUL, which no file name can: the
            // file system API would throw InvalidPathException, so it is a problem like a missing file
            return new Resolved(Kind.ERROR, nodePath, nodePath, root, "a path with a NUL character names no file");
        }
        try {
            return follow(nodePath);
        } catch (InvalidPathException e) {
            return new Resolved(Kind.ERROR, nodePath, nodePath, root, describe(e));
        }
    }

    private Resolved follow(String nodePath) {
        FileProbe probe = FileProbe.current();
        Deque<String> todo = new ArrayDeque<>(components(nodePath));
        List<String> done = new ArrayList<>();
        Path current = root; // hostPath(done, null), kept up to date
        int links = 0;
        try {
            while (!todo.isEmpty()) {
                String c = todo.pollFirst();
                if (c.equals("..")) {
                    if (done.isEmpty()) {
                        return new Resolved(Kind.OUTSIDE_ROOT, nodePath, "/", root,
                                "a link climbs above the node root; not followed");
                    }
                    done.remove(done.size() - 1);
                    current = hostPath(done, null);
                    continue;
                }
                Path host = current.resolve(c);
                if (probe.lstat(host).isSymbolicLink()) {
                    if (++links > MAX_LINKS) {
                        return new Resolved(Kind.LINK_LOOP, nodePath, join(done, c), host, "too many levels of symbolic links");
                    }
                    String target = probe.readSymbolicLink(host).toString().replace('\\', '/');
                    if (target.startsWith("/")) {
                        done.clear();
                        current = root;
                    }
                    List<String> parts = components(target);
                    for (int i = parts.size() - 1; i >= 0; i--) {
                        todo.addFirst(parts.get(i));
                    }
                    continue;
                }
                done.add(c);
                current = host;
            }
        } catch (IOException e) {
            return new Resolved(Kind.ERROR, nodePath, join(done, null), hostPath(done, null), describe(e));
        }
        String target = join(done, null);
        Path host = current;
        if (target.equals("/dev/null")) {
            return new Resolved(Kind.NULL_DEVICE, nodePath, target, host, "");
        }
        FileProbe.Attrs attrs = probe.lstat(host);
        if (attrs.isRegularFile()) {
            return new Resolved(Kind.REGULAR_FILE, nodePath, target, host, "");
        }
        if (attrs.isDirectory()) {
            return new Resolved(Kind.DIRECTORY, nodePath, target, host, "");
        }
        if (!attrs.absent()) {
            return new Resolved(Kind.OTHER, nodePath, target, host, "not a regular file");
        }
        return new Resolved(Kind.MISSING, nodePath, target, host, "no such file");
    }

    /** The bytes of a file, or the problem that kept them from being read. */
    public record Read(Optional<byte[]> bytes, Optional<Problem> problem) {}

    /** Reads a regular file of the node, honouring {@link ParseLimits#maxFileBytes()}. */
    public Read read(String nodePath) {
        Resolved r = resolve(nodePath);
        Origin at = Origin.ofFile(nodePath);
        switch (r.kind()) {
            case REGULAR_FILE:
                break;
            case NULL_DEVICE:
                return new Read(Optional.of(new byte[0]), Optional.empty());
            case OUTSIDE_ROOT:
                return new Read(Optional.empty(), Optional.of(new Problem(Problem.Kind.OUTSIDE_ROOT, at, r.message())));
            default:
                return new Read(Optional.empty(), Optional.of(new Problem(Problem.Kind.UNREADABLE, at, r.message())));
        }
        try {
            // the resolved path is no link: lstat's size is the file's
            FileProbe.Attrs attrs = FileProbe.current().lstat(r.hostPath());
            long size = attrs.isRegularFile() ? attrs.size() : Files.size(r.hostPath());
            if (size > limits.maxFileBytes()) {
                return new Read(Optional.empty(), Optional.of(new Problem(Problem.Kind.LIMIT_EXCEEDED, at,
                        "file has " + size + " bytes, more than the limit of " + limits.maxFileBytes())));
            }
            byte[] bytes = FileProbe.current().readAllBytes(r.hostPath());
            if (bytes.length > limits.maxFileBytes()) {
                return new Read(Optional.empty(), Optional.of(new Problem(Problem.Kind.LIMIT_EXCEEDED, at,
                        "file grew past the limit of " + limits.maxFileBytes() + " bytes while being read")));
            }
            return new Read(Optional.of(bytes), Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new Read(Optional.empty(), Optional.of(new Problem(Problem.Kind.UNREADABLE, at, describe(e))));
        }
    }

    /** Names of the entries of a node directory; empty when it does not exist or is not a directory. */
    public List<String> list(String nodeDir) throws IOException {
        Resolved r = resolve(nodeDir);
        if (r.kind() != Kind.DIRECTORY) {
            return List.of();
        }
        return FileProbe.current().list(r.hostPath());
    }

    private Path hostPath(List<String> done, String last) {
        Path p = root;
        for (String c : done) {
            p = p.resolve(c);
        }
        return last == null ? p : p.resolve(last);
    }

    private static String join(List<String> done, String last) {
        StringBuilder sb = new StringBuilder();
        for (String c : done) {
            sb.append('/').append(c);
        }
        if (last != null) {
            sb.append('/').append(last);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static List<String> components(String path) {
        List<String> out = new ArrayList<>();
        for (String c : path.split("/")) {
            if (!c.isEmpty() && !c.equals(".")) {
                out.add(c);
            }
        }
        return out;
    }

    static String describe(Exception e) {
        String m = e.getMessage();
        String type = e.getClass().getSimpleName();
        return m == null ? type : type + ": " + m;
    }
}
