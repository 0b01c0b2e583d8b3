package dev.criconf.io.modules;

import dev.criconf.model.Origin;
import java.util.List;
import java.util.Objects;

/**
 * A module the node loads at boot, with every line that lists it.
 *
 * @param name    the name in kmod's normal form ({@link ModuleNames#normalize(String)})
 * @param entries the lines listing it, in the order read
 */
public record LoadedModule(String name, List<ModuleEntry> entries) {

    public LoadedModule {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a loaded module is listed somewhere");
        }
    }

    /** Where it is listed first. */
    public Origin origin() {
        return entries.get(0).origin();
    }
}
