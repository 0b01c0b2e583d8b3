package dev.criconf.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces a configuration file so that it holds either the old content or the new one, never a
 * mix, even if the machine stops half-way:
 *
 * <ol>
 *   <li>a document with errors is refused ({@link WriteException.Reason#DOCUMENT_HAS_ERRORS});</li>
 *   <li>a symbolic link is followed to the real file, which is what gets replaced: the link stays
 *       a link (Debian's {@code /etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf});</li>
 *   <li>the file is checked against what the caller expects ({@link ExpectedOriginal}), so that an
 *       edit made by someone else since it was read is not overwritten
 *       ({@link WriteException.Reason#CHANGED_ON_DISK}); the check is repeated just before the
 *       rename, which leaves only a very short window (no lock is taken: editors and provisioning
 *       tools do not take any either);</li>
 *   <li>the new content goes to a temporary file in the same directory (same file system, created
 *       readable by its owner only), gets the old file's POSIX permissions and, where the process
 *       may set them, its owner and group (a new file gets {@code rw-r--r--} by default), and is
 *       flushed to disk ({@link FileChannel#force(boolean)});</li>
 *   <li>it is renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}. Only if the file
 *       system refuses atomic moves ({@link AtomicMoveNotSupportedException}: some network and
 *       FUSE file systems) is a plain replacing move used, and {@link WriteResult#atomic()} says
 *       so;</li>
 *   <li>the directory is flushed too, where the platform allows opening a directory
 *       (Linux does; Windows does not).</li>
 * </ol>
 *
 * <p>A failure at any step before the rename leaves the original file untouched and removes the
 * temporary file. Not kept: ACLs, extended attributes and SELinux labels (the new file gets the
 * directory's defaults), setuid/setgid/sticky bits, and other hard links to the old file (they
 * keep the old content; {@link WriteResult#notes()} mentions them).
 */
public final class SafeFileWriter {

    /** Points at which the test seam is called. */
    enum Step { TEMP_CREATED, WRITTEN, ATTRIBUTES_SET, SYNCED, BEFORE_RENAME }

    /** A test seam: called at each step with the temporary file; throwing simulates a failure there. */
    interface StepHook {
        void reached(Step step, Path temp) throws IOException;
    }

    private static final Set<PosixFilePermission> DEFAULT_NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final int MAX_LINKS = 40;

    private final Set<PosixFilePermission> newFilePermissions;
    private final StepHook hook;

    private SafeFileWriter(Set<PosixFilePermission> newFilePermissions, StepHook hook) {
        this.newFilePermissions = Set.copyOf(newFilePermissions);
        this.hook = hook;
    }

    /** A writer that gives new files {@code rw-r--r--}. */
    public static SafeFileWriter create() {
        return new SafeFileWriter(DEFAULT_NEW_FILE, (step, temp) -> { });
    }

    /** The same writer giving new files these permissions, e.g. {@code PosixFilePermissions.fromString("rw-------")}. */
    public SafeFileWriter withNewFilePermissions(Set<PosixFilePermission> permissions) {
        return new SafeFileWriter(Objects.requireNonNull(permissions, "permissions"), hook);
    }

    SafeFileWriter withHook(StepHook stepHook) {
        return new SafeFileWriter(newFilePermissions, Objects.requireNonNull(stepHook, "stepHook"));
    }

    /** Writes a document whatever the file holds now. */
    public WriteResult write(Path target, SyntaxDocument document) {
        return write(target, document, ExpectedOriginal.any());
    }

    /**
     * Writes a document if the file still matches what the caller read.
     *
     * @throws WriteException when the document has errors, the file changed, or an I/O step failed
     */
    public WriteResult write(Path target, SyntaxDocument document, ExpectedOriginal expected) {
        Objects.requireNonNull(document, "document");
        if (document.hasErrors()) {
            throw new WriteException(WriteException.Reason.DOCUMENT_HAS_ERRORS, "not writing " + target + ": "
                    + document.sourceName() + " has problems, first " + document.problems().get(0));
        }
        return write(target, document.toBytes(), expected);
    }

    /**
     * Writes bytes if the file still matches what the caller read.
     *
     * @throws WriteException when the file changed or an I/O step failed
     */
    public WriteResult write(Path target, byte[] content, ExpectedOriginal expected) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(expected, "expected");
        Path real = resolve(target);
        Path dir = real.getParent();
        boolean existed = Files.exists(real, LinkOption.NOFOLLOW_LINKS);
        if (existed && !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new WriteException(WriteException.Reason.NOT_A_REGULAR_FILE, real + " is not a regular file");
        }
        check(real, expected);
        List<String> notes = new ArrayList<>();
        PosixFileAttributes old = existed ? oldAttributes(real, notes) : null;
        if (existed) {
            noteHardLinks(real, notes);
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + real.getFileName() + ".", ".criconf-tmp");
            hook.reached(Step.TEMP_CREATED, temp);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                hook.reached(Step.WRITTEN, temp);
                applyAttributes(temp, old, notes);
                hook.reached(Step.ATTRIBUTES_SET, temp);
                ch.force(true);
            }
            hook.reached(Step.SYNCED, temp);
            check(real, expected);
            hook.reached(Step.BEFORE_RENAME, temp);
            boolean atomic = move(temp, real, notes);
            temp = null;
            boolean dirSynced = syncDirectory(dir, notes);
            return new WriteResult(target, real, !existed, atomic, dirSynced, notes);
        } catch (IOException | RuntimeException e) {
            String cleanup = "";
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException d) {
                    cleanup = "; the temporary file " + temp + " could not be removed: " + d.getMessage();
                }
            }
            if (e instanceof WriteException w) {
                if (cleanup.isEmpty()) {
                    throw w;
                }
                throw new WriteException(w.reason(), w.getMessage() + cleanup, w);
            }
            throw new WriteException(WriteException.Reason.IO_FAILURE, "could not write " + real + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "; the file is unchanged" + cleanup, e);
        }
    }

    /** The file to replace: the target with every symbolic link (of the file and its directories) resolved. */
    private static Path resolve(Path target) {
        try {
            Path p = target.toAbsolutePath();
            if (Files.exists(p)) {
                return p.toRealPath();
            }
            // missing file, or a link to a file not yet created: follow the links by hand
            for (int links = 0; Files.isSymbolicLink(p); links++) {
                if (links >= MAX_LINKS) {
                    throw new WriteException(WriteException.Reason.IO_FAILURE, "too many levels of symbolic links at " + target);
                }
                p = p.getParent().resolve(Files.readSymbolicLink(p));
            }
            Path parent = p.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new WriteException(WriteException.Reason.IO_FAILURE, "cannot write " + target
                        + ": directory " + parent + " does not exist");
            }
            return parent.toRealPath().resolve(p.getFileName());
        } catch (IOException e) {
            throw new WriteException(WriteException.Reason.IO_FAILURE, "cannot resolve " + target + ": " + e.getMessage(), e);
        }
    }

    private static void check(Path real, ExpectedOriginal expected) {
        byte[] current = null;
        try {
            if (Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
                current = expected.needsContent() ? Files.readAllBytes(real) : new byte[0];
            }
        } catch (NoSuchFileException e) {
            current = null;
        } catch (IOException e) {
            throw new WriteException(WriteException.Reason.IO_FAILURE, "cannot read " + real + " to check it: " + e.getMessage(), e);
        }
        if (!expected.matches(current)) {
            String now = current == null ? "the file does not exist" : "the file exists"
                    + (expected.needsContent() ? " with other content (SHA-256 " + ExpectedOriginal.digestHex(current) + ")" : "");
            throw new WriteException(WriteException.Reason.CHANGED_ON_DISK, "not writing " + real + ": expected "
                    + expected.describe() + " but " + now + "; it changed since it was read");
        }
    }

    private static PosixFileAttributes oldAttributes(Path real, List<String> notes) {
        PosixFileAttributeView view = Files.getFileAttributeView(real, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            notes.add("the file system has no POSIX permissions; the new file has the directory's defaults");
            return null;
        }
        try {
            return view.readAttributes();
        } catch (IOException e) {
            throw new WriteException(WriteException.Reason.IO_FAILURE, "cannot read the permissions of " + real + ": " + e.getMessage(), e);
        }
    }

    private static void noteHardLinks(Path real, List<String> notes) {
        try {
            Object n = Files.getAttribute(real, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
            if (n instanceof Integer links && links > 1) {
                notes.add(real + " had " + links + " hard links; the other names still show the old content");
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no link count on this platform: nothing to report
        }
    }

    private void applyAttributes(Path temp, PosixFileAttributes old, List<String> notes) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        if (old != null) {
            PosixFileAttributes now = view.readAttributes();
            // owner before permissions: changing the owner may clear permission bits
            UserPrincipal owner = old.owner();
            if (!owner.equals(now.owner())) {
                try {
                    view.setOwner(owner);
                } catch (IOException e) {
                    notes.add("owner " + owner.getName() + " not kept (only root may give a file away): " + e.getMessage());
                }
            }
            GroupPrincipal group = old.group();
            if (!group.equals(now.group())) {
                try {
                    view.setGroup(group);
                } catch (IOException e) {
                    notes.add("group " + group.getName() + " not kept: " + e.getMessage());
                }
            }
        }
        view.setPermissions(old != null ? old.permissions() : newFilePermissions);
    }

    private static boolean move(Path temp, Path real, List<String> notes) throws IOException {
        try {
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
            notes.add("the file system refused an atomic rename; the file was replaced with a plain move");
            return false;
        }
    }

    private static boolean syncDirectory(Path dir, List<String> notes) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            notes.add("the directory " + dir + " could not be flushed (" + e.getClass().getSimpleName()
                    + "); the new content is in place but its name may not survive a crash right now");
            return false;
        }
    }
}
