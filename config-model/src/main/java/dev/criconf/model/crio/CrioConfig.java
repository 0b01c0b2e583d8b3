package dev.criconf.model.crio;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.Setting;
import dev.criconf.model.internal.Trees;
import dev.criconf.model.internal.Trees.Match;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * CRI-O's configuration: {@code /etc/crio/crio.conf} (optional) and every file under
 * {@code /etc/crio/crio.conf.d} in CRI-O's walk order (lexical per directory, recursive), merged as
 * CRI-O merges them: plain tables key by key, arrays replaced (except {@code storage_option}, which
 * is appended without duplicates), each {@code [crio.runtime.runtimes.<name>]} a file names replaced
 * as a whole, an empty {@code root}/{@code runroot}/{@code storage_driver} ignored (research sheet
 * {@code crio-dockerd.md} §4). The merge is the codec's; origins in {@link #merged()} point at the
 * file each value came from.
 *
 * <p>Keys match exactly, else ignoring case ({@code Pause_Image} works). Unknown keys are silently
 * ignored by every CRI-O release.
 *
 * @param files  the files read, in CRI-O's order (main first when present)
 * @param merged the merged tree
 */
public record CrioConfig(List<CrioFile> files, ConfigTable merged) {

    private static final Match M = Match.EXACT_THEN_IGNORE_CASE;

    /** Rejects nulls and copies the list. */
    public CrioConfig {
        files = List.copyOf(files);
        Objects.requireNonNull(merged, "merged");
    }

    /** A configuration of a single file (its tree is the merged tree). */
    public static CrioConfig single(String path, CrioFile.Role role, ConfigTable tree) {
        return new CrioConfig(List.of(new CrioFile(path, role, tree)), tree);
    }

    private Optional<Setting<String>> str(String... path) {
        return Trees.string(merged, M, List.of(path));
    }

    /** {@code [crio.runtime] cgroup_manager} as written. */
    public Optional<Setting<String>> cgroupManager() {
        return str("crio", "runtime", "cgroup_manager");
    }

    /** The cgroup driver {@code cgroup_manager} names (CRI-O accepts exactly {@code systemd} or {@code cgroupfs}). */
    public Optional<Setting<CgroupDriver>> cgroupDriver() {
        return cgroupManager().flatMap(s -> CgroupDriver.parseExact(s.value()).map(d -> new Setting<>(d, s.source())));
    }

    /** {@code [crio.runtime] conmon_cgroup} (deprecated since 1.24 for handlers' {@code monitor_cgroup}). */
    public Optional<Setting<String>> conmonCgroup() {
        return str("crio", "runtime", "conmon_cgroup");
    }

    /** {@code [crio.runtime] conmon} (deprecated since 1.24 for {@code monitor_path}). */
    public Optional<Setting<String>> conmon() {
        return str("crio", "runtime", "conmon");
    }

    /** {@code [crio.runtime] conmon_env}. */
    public List<Setting<String>> conmonEnv() {
        return Trees.strings(merged, M, List.of("crio", "runtime", "conmon_env"));
    }

    /** {@code [crio.runtime] default_runtime}: must name a handler table after the merge. */
    public Optional<Setting<String>> defaultRuntime() {
        return str("crio", "runtime", "default_runtime");
    }

    /** {@code [crio.runtime.runtimes.*]} after the merge, by name, in order. */
    public Map<String, CrioRuntimeHandler> runtimes() {
        Map<String, CrioRuntimeHandler> out = new LinkedHashMap<>();
        handlersIn(merged).forEach((k, e) -> out.put(k, new CrioRuntimeHandler(k, e.keyOrigin(), (ConfigTable) e.value())));
        return Collections.unmodifiableMap(out);
    }

    static Map<String, ConfigEntry> handlersIn(ConfigTable tree) {
        return Trees.subTables(tree, M, List.of("crio", "runtime", "runtimes"));
    }

    /**
     * Every declaration of a handler in file order, for finding drop-ins that re-declare a handler
     * partially: each element is (file, handler as that file writes it).
     */
    public List<Map.Entry<CrioFile, CrioRuntimeHandler>> handlerDeclarations() {
        List<Map.Entry<CrioFile, CrioRuntimeHandler>> out = new ArrayList<>();
        for (CrioFile f : files) {
            for (CrioRuntimeHandler h : f.declaredHandlers().values()) {
                out.add(Map.entry(f, h));
            }
        }
        return List.copyOf(out);
    }

    /** {@code [crio.image] pause_image}. */
    public Optional<Setting<String>> pauseImage() {
        return str("crio", "image", "pause_image");
    }

    /** {@code [crio.api] listen}: a socket path (not a URL). */
    public Optional<Setting<String>> listen() {
        return str("crio", "api", "listen");
    }

    /** {@code [crio.runtime] log_size_max}: negative for no limit, else at least 8192. */
    public Optional<Setting<Long>> logSizeMax() {
        return Trees.integer(merged, M, List.of("crio", "runtime", "log_size_max"));
    }

    /** {@code [crio.network] plugin_dir} as written: a string (deprecated) or, fatally, an array (1.14-era files). */
    public Optional<Setting<ConfigValue>> pluginDir() {
        return Trees.raw(merged, M, List.of("crio", "network", "plugin_dir"));
    }

    /** {@code [crio.network] plugin_dirs}. */
    public List<Setting<String>> pluginDirs() {
        return Trees.strings(merged, M, List.of("crio", "network", "plugin_dirs"));
    }

    /** {@code [crio.network] network_dir}. */
    public Optional<Setting<String>> networkDir() {
        return str("crio", "network", "network_dir");
    }

    /** {@code [crio] root} (storage). */
    public Optional<Setting<String>> storageRoot() {
        return str("crio", "root");
    }

    /** {@code [crio] runroot}. */
    public Optional<Setting<String>> storageRunroot() {
        return str("crio", "runroot");
    }

    /** {@code [crio] storage_driver}. */
    public Optional<Setting<String>> storageDriver() {
        return str("crio", "storage_driver");
    }

    /** {@code [crio] storage_option}. */
    public List<Setting<String>> storageOptions() {
        return Trees.strings(merged, M, List.of("crio", "storage_option"));
    }

    /** {@code [crio.image] insecure_registries} (no effect from 1.35). */
    public List<Setting<String>> insecureRegistries() {
        return Trees.strings(merged, M, List.of("crio", "image", "insecure_registries"));
    }

    /** {@code [crio.image] registries} (ignored since 1.21, removed in 1.31). */
    public List<Setting<String>> registries() {
        return Trees.strings(merged, M, List.of("crio", "image", "registries"));
    }

    /** {@code [crio.image] global_auth_file}. */
    public Optional<Setting<String>> globalAuthFile() {
        return str("crio", "image", "global_auth_file");
    }

    /** The drop-in files. */
    public List<CrioFile> dropIns() {
        List<CrioFile> out = new ArrayList<>();
        for (CrioFile f : files) {
            if (f.role() == CrioFile.Role.DROP_IN) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }
}
