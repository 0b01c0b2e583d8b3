package dev.criconf.io.node;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One file an {@link EditPlan} changes or creates.
 *
 * @param file   the file relative to the node root, {@code /} separators (as in origins)
 * @param before the bytes read from disk, or empty when the plan creates the file
 * @param after  the bytes the plan writes
 */
public record FileChange(String file, Optional<byte[]> before, byte[] after) {

    /** Copies the byte arrays so the change cannot be altered from outside. */
    public FileChange {
        Objects.requireNonNull(file, "file");
        before = before.map(b -> Arrays.copyOf(b, b.length));
        after = Arrays.copyOf(after, after.length);
    }

    /** Whether the plan creates this file. */
    public boolean creates() {
        return before.isEmpty();
    }

    /** The new content as text (the files criconf edits are UTF-8). */
    public String afterText() {
        return new String(after, StandardCharsets.UTF_8);
    }

    /** The old content as text; empty for a new file. */
    public String beforeText() {
        return before.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    }

    @Override
    public byte[] after() {
        return Arrays.copyOf(after, after.length);
    }

    @Override
    public Optional<byte[]> before() {
        return before.map(b -> Arrays.copyOf(b, b.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileChange c && file.equals(c.file) && Arrays.equals(after, c.after)
                && before.isPresent() == c.before.isPresent()
                && (before.isEmpty() || Arrays.equals(before.get(), c.before.get()));
    }

    @Override
    public int hashCode() {
        return file.hashCode() * 31 + Arrays.hashCode(after);
    }

    @Override
    public String toString() {
        return (creates() ? "create " : "change ") + file;
    }
}
