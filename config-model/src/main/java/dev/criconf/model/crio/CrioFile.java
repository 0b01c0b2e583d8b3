package dev.criconf.model.crio;

import dev.criconf.model.value.ConfigTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One CRI-O configuration file as parsed.
 *
 * @param path   the file, relative to the node root
 * @param role   whether it is the main file or a drop-in
 * @param tree   its tree
 */
public record CrioFile(String path, Role role, ConfigTable tree) {

    /** Where the file sits in CRI-O's order. */
    public enum Role {
        /** {@code /etc/crio/crio.conf} (optional: upstream packages ship only a drop-in). */
        MAIN,
        /** A file under {@code /etc/crio/crio.conf.d}; every file there is read, whatever its name. */
        DROP_IN
    }

    /** Rejects nulls. */
    public CrioFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tree, "tree");
    }

    /** The handlers this file declares ({@code [crio.runtime.runtimes.<name>]}), by name, in file order. */
    public Map<String, CrioRuntimeHandler> declaredHandlers() {
        Map<String, CrioRuntimeHandler> out = new LinkedHashMap<>();
        CrioConfig.handlersIn(tree).forEach((k, e) -> out.put(k, new CrioRuntimeHandler(k, e.keyOrigin(), (ConfigTable) e.value())));
        return Collections.unmodifiableMap(out);
    }
}
