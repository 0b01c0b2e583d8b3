package dev.criconf.io.node.internal;

import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * containerd's merge of an imported file into the configuration read so far ({@code mergeConfig} in
 * services/server/config/config.go (1.x) and cmd/containerd/server/config/config.go (2.x); research
 * sheet {@code containerd.md} §6):
 * <ul>
 *   <li>mergo with {@code WithOverride}: a scalar of the later file wins only when it is not Go's zero
 *       value; nested struct tables ({@code [grpc]}, {@code [debug]}, ...) merge field by field;</li>
 *   <li>arrays append: 1.x keeps duplicates ({@code WithAppendSlice}), 2.x leaves out items already
 *       present (its slice transformer);</li>
 *   <li>{@code plugins."<id>"}: 1.x replaces the whole entry with the later file's; 2.x deep-merges it
 *       key by key, where the later value wins even when zero and arrays are replaced;</li>
 *   <li>{@code proxy_plugins."<n>"}, {@code stream_processors."<id>"}, {@code timeouts."<k>"}: the
 *       whole entry is replaced in both.</li>
 * </ul>
 * Keys are matched exactly.
 */
public final class ContainerdMerge {

    /** The merge semantics of a containerd release line. */
    public enum Semantics {
        /** containerd 1.x: whole plugin tables replaced, arrays appended with duplicates. */
        V1,
        /** containerd 2.x: plugin tables deep-merged, arrays appended without duplicates. */
        V2
    }

    private static final Set<String> REPLACED_MAPS = Set.of("proxy_plugins", "stream_processors", "timeouts");

    private ContainerdMerge() {}

    /** {@code from} merged into {@code to}; neither is changed. */
    public static ConfigTable merge(ConfigTable to, ConfigTable from, Semantics semantics) {
        List<ConfigEntry> out = new ArrayList<>(to.entries());
        for (ConfigEntry e : from.entries()) {
            int i = TreeMerge.indexOf(out, e.key());
            if (i < 0) {
                out.add(e);
                continue;
            }
            ConfigEntry old = out.get(i);
            ConfigValue merged;
            if (e.key().equals("plugins") && old.value() instanceof ConfigTable ot && e.value() instanceof ConfigTable nt) {
                merged = semantics == Semantics.V1 ? replaceEntries(ot, nt) : deepMergePlugins(ot, nt);
            } else if (REPLACED_MAPS.contains(e.key()) && old.value() instanceof ConfigTable ot && e.value() instanceof ConfigTable nt) {
                merged = replaceEntries(ot, nt);
            } else {
                merged = structMerge(old.value(), e.value(), semantics);
            }
            if (merged == e.value()) {
                out.set(i, e);
            } else if (merged != old.value()) {
                out.set(i, new ConfigEntry(old.key(), old.keyOrigin(), merged));
            }
        }
        return new ConfigTable(to.origin(), out);
    }

    /** mergo {@code WithOverride} on struct fields: non-zero scalars win, tables recurse, arrays append. */
    private static ConfigValue structMerge(ConfigValue old, ConfigValue later, ContainerdMerge.Semantics semantics) {
        if (old instanceof ConfigTable ot && later instanceof ConfigTable nt) {
            List<ConfigEntry> out = new ArrayList<>(ot.entries());
            for (ConfigEntry e : nt.entries()) {
                int i = TreeMerge.indexOf(out, e.key());
                if (i < 0) {
                    out.add(e);
                    continue;
                }
                ConfigEntry o = out.get(i);
                ConfigValue m = structMerge(o.value(), e.value(), semantics);
                if (m == e.value()) {
                    out.set(i, e);
                } else if (m != o.value()) {
                    out.set(i, new ConfigEntry(o.key(), o.keyOrigin(), m));
                }
            }
            return new ConfigTable(ot.origin(), out);
        }
        if (old instanceof ConfigArray oa && later instanceof ConfigArray na) {
            return TreeMerge.append(oa, na, semantics == Semantics.V2);
        }
        return TreeMerge.isZero(later) ? old : later;
    }

    /** Each entry of {@code later} replaces the same-named entry of {@code old} whole; other entries stay. */
    private static ConfigTable replaceEntries(ConfigTable old, ConfigTable later) {
        List<ConfigEntry> out = new ArrayList<>(old.entries());
        for (ConfigEntry e : later.entries()) {
            int i = TreeMerge.indexOf(out, e.key());
            if (i < 0) {
                out.add(e);
            } else {
                out.set(i, e);
            }
        }
        return new ConfigTable(old.origin(), out);
    }

    /** 2.x plugin tables: key by key, the later value wins even when zero, arrays replaced. */
    private static ConfigTable deepMergePlugins(ConfigTable old, ConfigTable later) {
        List<ConfigEntry> out = new ArrayList<>(old.entries());
        for (ConfigEntry e : later.entries()) {
            int i = TreeMerge.indexOf(out, e.key());
            if (i < 0) {
                out.add(e);
                continue;
            }
            ConfigEntry o = out.get(i);
            if (o.value() instanceof ConfigTable ot && e.value() instanceof ConfigTable nt) {
                out.set(i, new ConfigEntry(o.key(), o.keyOrigin(), deepMergePlugins(ot, nt)));
            } else {
                out.set(i, e);
            }
        }
        return new ConfigTable(old.origin(), out);
    }
}
