package dev.criconf.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SafeFileWriter} did.
 *
 * @param requested       the path the caller gave
 * @param written         the file actually replaced: {@code requested} with symbolic links resolved
 * @param created         whether the file did not exist before
 * @param atomic          whether the new content was put in place with an atomic rename; false only
 *                        on a file system that refuses atomic moves (see {@link SafeFileWriter})
 * @param directorySynced whether the directory entry was flushed to disk too
 * @param notes           what could not be kept or done, for the user to check (e.g. an owner
 *                        that only root may set); empty when everything was kept
 */
public record WriteResult(Path requested, Path written, boolean created, boolean atomic, boolean directorySynced,
        List<String> notes) {

    public WriteResult {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(written, "written");
        notes = List.copyOf(notes);
    }
}
