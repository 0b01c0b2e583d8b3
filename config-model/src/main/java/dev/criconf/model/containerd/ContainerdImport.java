package dev.criconf.model.containerd;

import dev.criconf.model.Setting;
import java.util.List;
import java.util.Objects;

/**
 * One {@code imports} entry and the files it resolved to. Relative entries are resolved against the
 * directory of the file that lists them (containerd 1.6.29+, 1.7.16+, 2.x; older releases resolved
 * relative globs against the working directory); a glob may match nothing; a missing non-glob path
 * is fatal for containerd (the loader reports it as a problem).
 *
 * @param declaredIn   the file whose {@code imports} lists the entry, relative to the node root
 * @param pattern      the entry as written, with its origin
 * @param matchedFiles the files it resolved to, relative to the node root, in containerd's order
 */
public record ContainerdImport(String declaredIn, Setting<String> pattern, List<String> matchedFiles) {

    /** Rejects nulls and copies the list. */
    public ContainerdImport {
        Objects.requireNonNull(declaredIn, "declaredIn");
        Objects.requireNonNull(pattern, "pattern");
        matchedFiles = List.copyOf(matchedFiles);
    }

    /** Whether the entry is a glob ({@code *} in it): a glob that matches nothing is silently ignored. */
    public boolean isGlob() {
        return pattern.value().contains("*");
    }
}
