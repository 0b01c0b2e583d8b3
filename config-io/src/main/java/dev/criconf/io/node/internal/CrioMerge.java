package dev.criconf.io.node.internal;

import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.ConfigValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CRI-O's merge of one configuration file into the configuration read so far: each file is decoded
 * with BurntSushi/toml into a copy of the current config ({@code UpdateFromDropInFile} in
 * pkg/config/config.go; research sheet {@code crio-dockerd.md} §4.2):
 * <ul>
 *   <li>struct tables ({@code [crio]}, {@code [crio.runtime]}, ...) merge key by key, keys matching
 *       exactly, else ignoring case; every value the file writes wins, zero values included;</li>
 *   <li>arrays are replaced, except {@code [crio] storage_option}, which is concatenated keeping the
 *       last occurrence of each item;</li>
 *   <li>map tables: each {@code [crio.runtime.runtimes.<name>]} and {@code [crio.runtime.workloads.<name>]}
 *       a file names replaces that entry whole (fields it omits become empty); other entries stay;</li>
 *   <li>an empty {@code root}, {@code runroot} or {@code storage_driver} is ignored.</li>
 * </ul>
 */
public final class CrioMerge {

    /** Tables whose entries are map values (exact keys, replaced whole). */
    private static final Set<String> MAP_TABLES = Set.of("crio.runtime.runtimes", "crio.runtime.workloads");
    /** Strings an empty value does not reset. */
    private static final Set<String> EMPTY_KEEPS = Set.of("crio.root", "crio.runroot", "crio.storage_driver");
    private static final String STORAGE_OPTION = "crio.storage_option";

    private CrioMerge() {}

    /** {@code from} merged into {@code to}; neither is changed. */
    public static ConfigTable merge(ConfigTable to, ConfigTable from) {
        return mergeTable(to, from, "");
    }

    private static ConfigTable mergeTable(ConfigTable to, ConfigTable from, String path) {
        boolean isMap = MAP_TABLES.contains(path);
        List<ConfigEntry> out = new ArrayList<>(to.entries());
        for (ConfigEntry e : from.entries()) {
            String childPath = path.isEmpty() ? lower(e.key()) : path + "." + lower(e.key());
            int i = isMap ? TreeMerge.indexOf(out, e.key()) : TreeMerge.indexOfIgnoringCase(out, e.key());
            if (i < 0) {
                if (!(EMPTY_KEEPS.contains(childPath) && TreeMerge.isZero(e.value()) && e.value() instanceof ConfigString)) {
                    out.add(e);
                }
                continue;
            }
            ConfigEntry old = out.get(i);
            if (isMap) {
                out.set(i, e);
                continue;
            }
            if (old.value() instanceof ConfigTable ot && e.value() instanceof ConfigTable nt) {
                out.set(i, new ConfigEntry(old.key(), old.keyOrigin(), mergeTable(ot, nt, childPath)));
            } else if (childPath.equals(STORAGE_OPTION) && old.value() instanceof ConfigArray oa && e.value() instanceof ConfigArray na) {
                out.set(i, new ConfigEntry(e.key(), e.keyOrigin(), keepLast(oa, na)));
            } else if (EMPTY_KEEPS.contains(childPath) && e.value() instanceof ConfigString s && s.value().isEmpty()) {
                continue;
            } else {
                out.set(i, e);
            }
        }
        return new ConfigTable(to.origin(), out);
    }

    /** {@code a} then {@code b}, each item kept only at its last occurrence. */
    private static ConfigArray keepLast(ConfigArray a, ConfigArray b) {
        List<ConfigValue> all = new ArrayList<>(a.items());
        all.addAll(b.items());
        List<ConfigValue> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ConfigValue v = all.get(i);
            boolean later = false;
            for (int j = i + 1; j < all.size() && !later; j++) {
                later = ConfigValues.sameContent(v, all.get(j));
            }
            if (!later) {
                out.add(v);
            }
        }
        return new ConfigArray(b.origin(), out);
    }

    private static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
