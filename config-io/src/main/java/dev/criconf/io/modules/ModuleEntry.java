package dev.criconf.io.modules;

import dev.criconf.model.Origin;
import java.util.Objects;

/**
 * A module listed in a modules-load.d file.
 *
 * @param name   the line with surrounding blanks removed: a module name or alias
 * @param origin where it is written
 */
public record ModuleEntry(String name, Origin origin) {

    public ModuleEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
    }

    /** The name as kmod compares module names: {@code -} and {@code _} are the same character. */
    public String normalizedName() {
        return ModuleNames.normalize(name);
    }
}
