package dev.criconf.model.containerd;

import dev.criconf.model.Setting;
import dev.criconf.model.internal.Trees;
import dev.criconf.model.internal.Trees.Match;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a containerd configuration (the main file or an imported one), as parsed.
 *
 * @param path the file, relative to the node root
 * @param tree its tree
 */
public record ContainerdFile(String path, ConfigTable tree) {

    /** Rejects nulls. */
    public ContainerdFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(tree, "tree");
    }

    /** The {@code version} this file declares, when it declares an integer one. */
    public Optional<Setting<Long>> declaredVersion() {
        return Trees.integer(tree, Match.EXACT, List.of("version"));
    }

    /** The {@code imports} entries as written (globs and paths), each with its origin. */
    public List<Setting<String>> imports() {
        return Trees.strings(tree, Match.EXACT, List.of("imports"));
    }

    /** The plugin tables this file declares ({@code [plugins."<id>"]}), in file order. */
    public List<ContainerdConfig.PluginTable> pluginTables() {
        List<ContainerdConfig.PluginTable> out = new ArrayList<>();
        tree.table("plugins").ifPresent(p -> {
            for (ConfigEntry e : p.entries()) {
                e.value().asTable().ifPresent(t -> out.add(new ContainerdConfig.PluginTable(e.key(), e.keyOrigin(), t)));
            }
        });
        return List.copyOf(out);
    }
}
