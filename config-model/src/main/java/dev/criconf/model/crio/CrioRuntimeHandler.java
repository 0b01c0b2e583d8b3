package dev.criconf.model.crio;

import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.internal.Trees;
import dev.criconf.model.internal.Trees.Match;
import dev.criconf.model.value.ConfigTable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One OCI runtime handler, {@code [crio.runtime.runtimes.<name>]}. A drop-in that names a handler
 * replaces it entirely: fields the drop-in omits become empty ({@code runtime_type} {@code ""},
 * which CRI-O treats as {@code oci}). Keys match exactly, else ignoring case (CRI-O's TOML decoder).
 *
 * @param name      the handler name
 * @param keyOrigin where the table header names it
 * @param table     the handler's table
 */
public record CrioRuntimeHandler(String name, Origin keyOrigin, ConfigTable table) {

    /** Rejects nulls. */
    public CrioRuntimeHandler {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyOrigin, "keyOrigin");
        Objects.requireNonNull(table, "table");
    }

    private Optional<Setting<String>> str(String key) {
        return Trees.string(table, Match.EXACT_THEN_IGNORE_CASE, List.of(key));
    }

    /** {@code runtime_type}: {@code oci} (or empty, the same), {@code vm}, {@code pod}. */
    public Optional<Setting<String>> runtimeType() {
        return str("runtime_type");
    }

    /** Whether CRI-O applies and checks the monitor ({@code conmon}) settings for this handler: type {@code oci} or empty. */
    public boolean isOci() {
        return runtimeType().map(t -> t.value().isEmpty() || t.value().equals("oci")).orElse(true);
    }

    /** {@code runtime_path} (empty means a {@code $PATH} lookup of the handler name). */
    public Optional<Setting<String>> runtimePath() {
        return str("runtime_path");
    }

    /** {@code runtime_root}. */
    public Optional<Setting<String>> runtimeRoot() {
        return str("runtime_root");
    }

    /** {@code runtime_config_path} (only for {@code vm}). */
    public Optional<Setting<String>> runtimeConfigPath() {
        return str("runtime_config_path");
    }

    /** {@code monitor_cgroup} (1.24+): {@code pod}, a {@code *.slice}, or empty. */
    public Optional<Setting<String>> monitorCgroup() {
        return str("monitor_cgroup");
    }

    /** {@code monitor_path} (1.24+): the conmon binary. */
    public Optional<Setting<String>> monitorPath() {
        return str("monitor_path");
    }

    /** {@code monitor_env} (1.24+). */
    public List<Setting<String>> monitorEnv() {
        return Trees.strings(table, Match.EXACT_THEN_IGNORE_CASE, List.of("monitor_env"));
    }

    /** {@code inherit_default_runtime}: copy path, type, config path and root from the default runtime. */
    public Optional<Setting<Boolean>> inheritDefaultRuntime() {
        return Trees.bool(table, Match.EXACT_THEN_IGNORE_CASE, List.of("inherit_default_runtime"));
    }

    /** {@code allowed_annotations}. */
    public List<Setting<String>> allowedAnnotations() {
        return Trees.strings(table, Match.EXACT_THEN_IGNORE_CASE, List.of("allowed_annotations"));
    }
}
