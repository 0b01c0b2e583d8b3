package dev.criconf.io.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The file-system questions node readers ask ({@code lstat}, {@code readlink}, directory listings),
 * answered once per path while one node is loaded. A node load asks the same things many times:
 * every unit the systemd resolver looks for walks the eight directories of the search path and their
 * parents, each sysctl/modules-load directory is probed, each file is resolved component by component
 * before it is read. Without a cache that is hundreds of system calls per node, most of them for
 * paths that do not exist (each such {@code lstat} also costs a {@code NoSuchFileException}).
 *
 * <p>Caching is scoped: {@link #open()} starts a scope on the current thread (the node loader opens
 * one per node and closes it when the node is read), and only inside it are answers remembered.
 * Outside a scope {@link #current()} answers every question afresh, so long-lived API objects
 * ({@code UnitResolver}, ...) never see stale answers. Nothing is kept across nodes.
 */
public final class FileProbe {

    private static final ThreadLocal<FileProbe> SCOPE = new ThreadLocal<>();
    /** Answers without remembering: used outside any scope. */
    private static final FileProbe UNCACHED = new FileProbe(false);

    /** What {@code lstat} says about a path; {@link #absent()} when it fails (missing or unreadable). */
    public static final class Attrs {
        private static final Attrs ABSENT = new Attrs(null);
        private final BasicFileAttributes attrs;

        private Attrs(BasicFileAttributes attrs) {
            this.attrs = attrs;
        }

        /** Whether {@code lstat} failed: {@code Files.exists(p, NOFOLLOW_LINKS)} is false. */
        public boolean absent() {
            return attrs == null;
        }

        public boolean isSymbolicLink() {
            return attrs != null && attrs.isSymbolicLink();
        }

        public boolean isRegularFile() {
            return attrs != null && attrs.isRegularFile();
        }

        public boolean isDirectory() {
            return attrs != null && attrs.isDirectory();
        }

        /** The size {@code lstat} reported (0 when absent). */
        public long size() {
            return attrs == null ? 0 : attrs.size();
        }
    }

    /** A directory listing: the entry names in the order the directory stream gave them, or why it failed. */
    record Listing(List<String> names, IOException error, Set<String> folded) {
        Listing(List<String> names, IOException error) {
            this(names, error, names != null && allAscii(names) ? folded(names) : null);
        }

        /**
         * Whether the listing shows that {@code name} is not in the directory: no entry equals it, even
         * ignoring case (a case-insensitive file system would find a name that differs only in case).
         * Only plain ASCII names in a directory of plain ASCII names are answered, and none a file
         * system might map onto another entry (DOS short names with {@code ~}, trailing dots or
         * spaces); anything else is left to {@code lstat}.
         */
        boolean shows(String name) {
            return folded != null && plain(name) && !folded.contains(name.toLowerCase(Locale.ROOT));
        }

        private static boolean plain(String name) {
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.endsWith(".") || name.endsWith(" ")) {
                return false;
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c >= 0x80 || c == '~' || c == '/' || c == '\\' || c == 0) {
                    return false;
                }
            }
            return true;
        }

        private static Set<String> folded(List<String> names) {
            Set<String> out = new HashSet<>();
            for (String n : names) {
                out.add(n.toLowerCase(Locale.ROOT));
            }
            return out;
        }
    }

    private final boolean caching;
    private final Map<Path, Attrs> attrs;
    private final Map<Path, Object> links;
    private final Map<Path, Listing> listings;
    private final Map<Path, byte[]> contents;
    private final Map<Object, Object> memo;

    private FileProbe(boolean caching) {
        this.caching = caching;
        this.attrs = caching ? new HashMap<>() : Map.of();
        this.links = caching ? new HashMap<>() : Map.of();
        this.listings = caching ? new HashMap<>() : Map.of();
        this.contents = caching ? new HashMap<>() : Map.of();
        this.memo = caching ? new HashMap<>() : Map.of();
    }

    /**
     * A value derived only from file-system answers, remembered for the scope under {@code key} (a
     * value with {@code equals}, naming what was derived and from which root); outside a scope
     * {@code compute} runs every time.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, java.util.function.Supplier<T> compute) {
        if (!caching) {
            return compute.get();
        }
        Object v = memo.get(key);
        if (v == null) {
            v = compute.get();
            memo.put(key, v);
        }
        return (T) v;
    }

    /** The probe of the scope open on this thread, else one that remembers nothing. */
    public static FileProbe current() {
        FileProbe p = SCOPE.get();
        return p != null ? p : UNCACHED;
    }

    /** A scope; closing it forgets every answer. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Opens a caching scope on this thread, for one node's reading. Inside an open scope this opens
     * nothing new (the outer scope's answers stay valid) and closing it does nothing.
     */
    public static Scope open() {
        if (SCOPE.get() != null) {
            return () -> { };
        }
        SCOPE.set(new FileProbe(true));
        return SCOPE::remove;
    }

    /** {@code lstat}: what is at {@code p} itself, links not followed. */
    public Attrs lstat(Path p) {
        if (caching) {
            Attrs a = attrs.get(p);
            if (a == null) {
                a = lstatNow(p);
                attrs.put(p, a);
            }
            return a;
        }
        return lstatNow(p);
    }

    private Attrs lstatNow(Path p) {
        if (caching) {
            Path parent = p.getParent();
            if (parent != null) {
                // a path under a directory known to be absent is absent too: no system call
                Attrs pa = attrs.get(parent);
                if (pa != null && (pa.absent() || (!pa.isDirectory() && !pa.isSymbolicLink()))) {
                    return Attrs.ABSENT;
                }
                // nor a name that the directory's listing, taken in this scope, does not hold
                Listing l = listings.get(parent);
                Path name = p.getFileName();
                if (l != null && l.names() != null && name != null && l.shows(name.toString())) {
                    return Attrs.ABSENT;
                }
            }
        }
        try {
            return new Attrs(Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | SecurityException e) {
            return Attrs.ABSENT;
        }
    }

    /** {@code Files.readSymbolicLink(p)}. */
    public Path readSymbolicLink(Path p) throws IOException {
        if (!caching) {
            return Files.readSymbolicLink(p);
        }
        Object r = links.get(p);
        if (r == null) {
            try {
                r = Files.readSymbolicLink(p);
            } catch (IOException e) {
                r = e;
            }
            links.put(p, r);
        }
        if (r instanceof IOException e) {
            throw e;
        }
        return (Path) r;
    }

    /**
     * {@code Files.size(p)}: from the cached {@code lstat} when {@code p} is a regular file (no link
     * to follow), else asked afresh.
     */
    public long size(Path p) throws IOException {
        if (caching) {
            Attrs a = lstat(p);
            if (a.isRegularFile()) {
                return a.size();
            }
        }
        return Files.size(p);
    }

    /**
     * {@code Files.readAllBytes(p)}; inside a scope a file is read once (a node's profile is read by two
     * readers) and every caller gets its own copy of the bytes.
     */
    public byte[] readAllBytes(Path p) throws IOException {
        if (!caching) {
            return Files.readAllBytes(p);
        }
        byte[] b = contents.get(p);
        if (b == null) {
            Attrs a = lstat(p);
            b = a.isRegularFile() ? readSized(p, a.size()) : Files.readAllBytes(p);
            contents.put(p, b);
        }
        return b.clone();
    }

    /**
     * What {@code Files.readAllBytes} gives for a regular file whose size {@code lstat} already told:
     * every byte up to the end of the file, however much it grew or shrank since. Knowing the size saves
     * the {@code fstat} that {@code Files.readAllBytes} asks for (open, read, read to see the end, close).
     */
    static byte[] readSized(Path p, long size) throws IOException {
        if (size >= Integer.MAX_VALUE - 8) {
            return Files.readAllBytes(p); // which says why such a file cannot be one array
        }
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            byte[] buf = new byte[(int) size];
            ByteBuffer bb = ByteBuffer.wrap(buf);
            while (bb.hasRemaining()) {
                if (ch.read(bb) < 0) {
                    return Arrays.copyOf(buf, bb.position()); // shrank since lstat
                }
            }
            ByteBuffer one = ByteBuffer.allocate(1);
            if (ch.read(one) < 0) {
                return buf;
            }
            // grew since lstat: read on to the end, as Files.readAllBytes would
            ByteArrayOutputStream out = new ByteArrayOutputStream(buf.length + 8192);
            out.write(buf, 0, buf.length);
            out.write(one.get(0));
            ByteBuffer more = ByteBuffer.allocate(8192);
            while (ch.read(more) >= 0) {
                out.write(more.array(), 0, more.position());
                more.clear();
            }
            return out.toByteArray();
        }
    }

    /**
     * Lists {@code dir} now, when it is a directory (not through a link) and the scope has no listing
     * of it yet, so that {@link #lstat} can answer names that are not there without a system call. A
     * listing costs about what two or three {@code lstat}s of missing names cost (each of those also
     * builds a {@code NoSuchFileException}): callers ask this only for directories in which many
     * absent names are looked up, as systemd does when it enumerates each directory of the unit search
     * path once. Outside a scope it does nothing.
     */
    public void listForLookups(Path dir) {
        if (caching && !listings.containsKey(dir) && lstat(dir).isDirectory()) {
            listQuietly(dir);
        }
    }

    /**
     * {@link #listForLookups} of a node root, which the caller knows to be a directory (or a link to
     * one, given by the user and followed like every path below it): no {@code lstat} of it first.
     */
    public void listRootForLookups(Path root) {
        if (caching && !listings.containsKey(root)) {
            listQuietly(root);
        }
    }

    private void listQuietly(Path dir) {
        try {
            list(dir);
        } catch (IOException e) {
            // remembered as a failed listing: lstat goes on asking the file system
        }
    }

    /**
     * The names of a directory's entries ({@code Files.newDirectoryStream}, in its order).
     *
     * @throws IOException when the directory cannot be listed (the same failure every time in a scope)
     */
    public List<String> list(Path dir) throws IOException {
        if (!caching) {
            return listNow(dir);
        }
        Listing l = listings.get(dir);
        if (l == null) {
            try {
                l = new Listing(List.copyOf(listNow(dir)), null);
            } catch (IOException e) {
                l = new Listing(null, e);
            }
            listings.put(dir, l);
        }
        if (l.error() != null) {
            throw l.error();
        }
        return l.names();
    }

    private static List<String> listNow(Path dir) throws IOException {
        // java.io.File#list is opendir/readdir/closedir: 5 system calls where a DirectoryStream takes 9
        // (open, dup, fdopendir's fstat and two fcntl, two closes), and no Path per entry. It says
        // nothing about failures, and it turns file-name bytes into strings its own way: the stream
        // answers whenever the listing failed or a name is not plain ASCII, so callers see the same
        // names and the same exceptions either way.
        String[] quick = dir.getFileSystem() == FileSystems.getDefault() ? new File(dir.toString()).list() : null;
        if (quick != null && allAscii(quick)) {
            return new ArrayList<>(Arrays.asList(quick));
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                names.add(p.getFileName().toString());
            }
        }
        return names;
    }

    /** No character beyond ASCII, and no {@code ?}, which java.io puts for bytes it cannot decode. */
    static boolean allAscii(String[] names) {
        return allAscii(Arrays.asList(names));
    }

    static boolean allAscii(List<String> names) {
        for (String n : names) {
            for (int i = 0; i < n.length(); i++) {
                char c = n.charAt(i);
                if (c >= 0x80 || c == '?') {
                    return false;
                }
            }
        }
        return true;
    }
}
