package dev.criconf.io.systemd;

import dev.criconf.io.env.EnvFile;
import java.util.List;
import java.util.Objects;

/**
 * An {@code EnvironmentFile=} in effect and what it loaded.
 *
 * @param path       the node path after specifiers, without the {@code -} prefix
 * @param optional   whether it had the {@code -} prefix (a missing file is then not an error)
 * @param declaredBy the assignment
 * @param files      the files read, in order (a glob may match several; none when missing)
 */
public record EnvironmentFileRef(String path, boolean optional, UnitAssignment declaredBy, List<EnvFile> files) {
    /** Checks that nothing is null and copies the list. */
    public EnvironmentFileRef {
        Objects.requireNonNull(path);
        Objects.requireNonNull(declaredBy);
        files = List.copyOf(files);
    }
}
