package dev.criconf.io.node;

import dev.criconf.io.ExpectedOriginal;
import dev.criconf.io.SafeFileWriter;
import dev.criconf.io.WriteException;
import dev.criconf.io.WriteResult;
import dev.criconf.io.UnifiedDiff;
import dev.criconf.model.edit.NodeEdit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The file changes that carry out a list of {@link NodeEdit}s on one node, computed in memory and
 * verified (every changed file was re-parsed by its format's editor). Nothing is written until
 * {@link #write()}; {@link #unifiedDiff()} shows what would be.
 */
public final class EditPlan {

    private final Path root;
    private final List<NodeEdit> edits;
    private final List<FileChange> changes;

    EditPlan(Path root, List<NodeEdit> edits, List<FileChange> changes) {
        this.root = Objects.requireNonNull(root, "root");
        this.edits = List.copyOf(edits);
        this.changes = List.copyOf(changes);
    }

    /** The edits this plan carries out, in order. */
    public List<NodeEdit> edits() {
        return edits;
    }

    /** The files it changes or creates, sorted by path. */
    public List<FileChange> changes() {
        return changes;
    }

    /** Whether the edits were already true of the node (no file changes). */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** A unified diff of every change, paths as {@code a/FILE} and {@code b/FILE} like git prints them. */
    public String unifiedDiff() {
        StringBuilder out = new StringBuilder();
        for (FileChange c : changes) {
            out.append(UnifiedDiff.of(c.creates() ? "/dev/null" : "a/" + c.file(), "b/" + c.file(),
                    c.beforeText(), c.afterText()));
        }
        return out.toString();
    }

    /**
     * Writes every change atomically ({@link SafeFileWriter}), each only if the file on disk still
     * holds the bytes the plan was computed from. Every file is checked before the first is written,
     * so a file changed since the plan leaves the whole node untouched (half of a cgroup-driver fix
     * would be worse than none).
     *
     * @return what was written, in the order of {@link #changes()}
     * @throws dev.criconf.io.WriteException when a file changed on disk or could not be written; only
     *         a change racing the write itself, or an I/O failure, can leave files written before the
     *         failing one (each write is atomic on its own)
     */
    public List<WriteResult> write() {
        for (FileChange c : changes) {
            checkUnchanged(c);
        }
        SafeFileWriter writer = SafeFileWriter.create();
        List<WriteResult> results = new ArrayList<>();
        for (FileChange c : changes) {
            Path target = root.resolve(c.file());
            if (c.creates()) {
                createParent(target);
            }
            ExpectedOriginal expected = c.before().map(ExpectedOriginal::content).orElse(ExpectedOriginal.absent());
            results.add(writer.write(target, c.after(), expected));
        }
        return results;
    }

    private void checkUnchanged(FileChange c) {
        Path target = root.resolve(c.file());
        boolean same;
        try {
            same = c.before().isPresent()
                    ? Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), c.before().get())
                    : !Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new WriteException(WriteException.Reason.IO_FAILURE, "cannot read " + target + ": " + e.getMessage(), e);
        }
        if (!same) {
            throw new WriteException(WriteException.Reason.CHANGED_ON_DISK, c.file() + " changed on disk since the plan"
                    + " was made; nothing was written");
        }
    }

    private static void createParent(Path target) {
        Path parent = target.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new WriteException(WriteException.Reason.IO_FAILURE,
                        "cannot create directory " + parent + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "EditPlan" + changes;
    }
}
