package dev.criconf.model.containerd;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.internal.KeySchema;
import dev.criconf.model.internal.Trees;
import dev.criconf.model.internal.Trees.Match;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.KeyPath;
import dev.criconf.model.value.TypeMismatch;
import dev.criconf.model.value.UnknownKey;
import dev.criconf.model.value.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One CRI runtime handler, {@code [...containerd.runtimes.<name>]}.
 *
 * <p>Keys of a runtime table (union over containerd 1.6 to 2.3; internal/cri/config/config.go
 * {@code Runtime}, pkg/cri/config/config.go at v1.6.20/v1.7.x): {@code runtime_type},
 * {@code runtime_path}, {@code runtime_engine} and {@code runtime_root} (1.x, only with
 * {@code io.containerd.runtime.v1.linux}), {@code pod_annotations}, {@code container_annotations},
 * {@code options}, {@code privileged_without_host_devices},
 * {@code privileged_without_host_devices_all_devices_allowed} (1.7+), {@code base_runtime_spec},
 * {@code cni_conf_dir}, {@code cni_max_conf_num}, {@code snapshotter} (1.7+), {@code sandbox_mode}
 * (1.7), {@code sandboxer} (2.0+), {@code io_type} (2.0+), {@code cgroup_writable} (2.1+),
 * {@code disable_pause_image_pull} (2.3+).
 *
 * <p>{@code options} is a free-form map decoded later, without checks, into the runc options
 * ({@code api/types/runc/options/oci.pb.go}: {@code NoPivotRoot}, {@code NoNewKeyring},
 * {@code ShimCgroup}, {@code IoUid}, {@code IoGid}, {@code BinaryName}, {@code Root},
 * {@code CriuPath} (1.x), {@code SystemdCgroup}, {@code CriuImagePath}, {@code CriuWorkPath},
 * {@code TaskApiAddress}, {@code TaskApiVersion} (2.x)) or another shim's options: so a misspelt
 * option is silently ignored in every release, which {@link #unknownKeys()} reports for runc handlers.
 *
 * @param name      the handler name (the key under {@code runtimes})
 * @param keyOrigin where the name is written (the table header)
 * @param table     the handler's table
 */
public record ContainerdRuntime(String name, Origin keyOrigin, ConfigTable table) {

    /** {@code runtime_type} of runc handlers. */
    public static final String RUNC_V2 = "io.containerd.runc.v2";
    /** The deprecated runc v1 shim. */
    public static final String RUNC_V1 = "io.containerd.runc.v1";
    /** The legacy runtime, the only one {@code systemd_cgroup}, {@code runtime_engine} and {@code runtime_root} work with (1.x). */
    public static final String RUNTIME_V1_LINUX = "io.containerd.runtime.v1.linux";

    /** Every key a runtime table may have in some release. */
    public static final Set<String> KNOWN_KEYS = Set.of("runtime_type", "runtime_path", "runtime_engine", "runtime_root",
            "pod_annotations", "container_annotations", "options", "privileged_without_host_devices",
            "privileged_without_host_devices_all_devices_allowed", "base_runtime_spec", "cni_conf_dir", "cni_max_conf_num",
            "snapshotter", "sandbox_mode", "sandboxer", "io_type", "cgroup_writable", "disable_pause_image_pull");

    private static final KeySchema RUNTIME_SCHEMA;
    private static final KeySchema RUNC_OPTIONS_SCHEMA;

    static {
        Map<String, KeySchema> rt = new LinkedHashMap<>();
        for (String k : KNOWN_KEYS) {
            rt.put(k, KeySchema.leaf(ValueType.STRING));
        }
        rt.put("options", new KeySchema.Leaf(Set.of(ValueType.TABLE)));
        rt.put("pod_annotations", new KeySchema.ListOf(KeySchema.leaf(ValueType.STRING)));
        rt.put("container_annotations", new KeySchema.ListOf(KeySchema.leaf(ValueType.STRING)));
        rt.put("privileged_without_host_devices", KeySchema.leaf(ValueType.BOOLEAN));
        rt.put("privileged_without_host_devices_all_devices_allowed", KeySchema.leaf(ValueType.BOOLEAN));
        rt.put("cni_max_conf_num", KeySchema.leaf(ValueType.INTEGER));
        rt.put("cgroup_writable", KeySchema.leaf(ValueType.BOOLEAN));
        rt.put("disable_pause_image_pull", KeySchema.leaf(ValueType.BOOLEAN));
        RUNTIME_SCHEMA = KeySchema.Table.of(rt);
        Map<String, KeySchema> runc = new LinkedHashMap<>();
        for (String k : List.of("NoPivotRoot", "NoNewKeyring", "SystemdCgroup")) {
            runc.put(k, KeySchema.leaf(ValueType.BOOLEAN));
        }
        for (String k : List.of("ShimCgroup", "BinaryName", "Root", "CriuPath", "CriuImagePath", "CriuWorkPath", "TaskApiAddress")) {
            runc.put(k, KeySchema.leaf(ValueType.STRING));
        }
        for (String k : List.of("IoUid", "IoGid", "TaskApiVersion")) {
            runc.put(k, KeySchema.leaf(ValueType.INTEGER));
        }
        RUNC_OPTIONS_SCHEMA = KeySchema.Table.of(runc);
    }

    /** Rejects nulls. */
    public ContainerdRuntime {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyOrigin, "keyOrigin");
        Objects.requireNonNull(table, "table");
    }

    /** {@code runtime_type}; absent or empty in a 1.x file means the handler lost its type (containerd 1.x does not merge with defaults). */
    public Optional<Setting<String>> runtimeType() {
        return Trees.string(table, Match.EXACT, List.of("runtime_type"));
    }

    /** {@code runtime_path}. */
    public Optional<Setting<String>> runtimePath() {
        return Trees.string(table, Match.EXACT, List.of("runtime_path"));
    }

    /** {@code runtime_engine} (1.x legacy). */
    public Optional<Setting<String>> runtimeEngine() {
        return Trees.string(table, Match.EXACT, List.of("runtime_engine"));
    }

    /** {@code runtime_root} (1.x legacy). */
    public Optional<Setting<String>> runtimeRoot() {
        return Trees.string(table, Match.EXACT, List.of("runtime_root"));
    }

    /** {@code sandboxer} (2.0+) or {@code sandbox_mode} (1.7). */
    public Optional<Setting<String>> sandboxer() {
        return Trees.string(table, Match.EXACT, List.of("sandboxer"))
                .or(() -> Trees.string(table, Match.EXACT, List.of("sandbox_mode")));
    }

    /** {@code snapshotter} (1.7+). */
    public Optional<Setting<String>> snapshotter() {
        return Trees.string(table, Match.EXACT, List.of("snapshotter"));
    }

    /** The raw {@code options} table. */
    public Optional<ConfigTable> options() {
        return table.table("options");
    }

    /** Whether the handler is runc (type {@code io.containerd.runc.v2} or {@code .v1}). */
    public boolean isRunc() {
        return runtimeType().map(t -> t.value().equals(RUNC_V2) || t.value().equals(RUNC_V1)).orElse(false);
    }

    /** {@code options.SystemdCgroup} written exactly so. */
    public Optional<Setting<Boolean>> systemdCgroup() {
        return systemdCgroup(TomlKeyMatching.EXACT);
    }

    /**
     * {@code options.SystemdCgroup} as a given containerd release matches the key: containerd 2.x
     * reads {@code SystemdCGroup} too, 1.x does not.
     */
    public Optional<Setting<Boolean>> systemdCgroup(TomlKeyMatching matching) {
        return option("SystemdCgroup", matching).flatMap(v -> v.asBoolean().map(b -> Setting.inFile(b, v.origin())));
    }

    /** The cgroup driver runc uses for this handler's containers, when {@code SystemdCgroup} is written. */
    public Optional<Setting<CgroupDriver>> cgroupDriver(TomlKeyMatching matching) {
        return systemdCgroup(matching).map(s -> s.map(b -> b ? CgroupDriver.SYSTEMD : CgroupDriver.CGROUPFS));
    }

    /** {@code options.BinaryName} (e.g. {@code /usr/bin/crun}). */
    public Optional<Setting<String>> binaryName() {
        return option("BinaryName", TomlKeyMatching.EXACT).flatMap(v -> v.asString().map(s -> Setting.inFile(s, v.origin())));
    }

    /** An option as a release's decoder would find it. */
    public Optional<ConfigValue> option(String name, TomlKeyMatching matching) {
        Optional<ConfigTable> opts = options();
        if (opts.isEmpty()) {
            return Optional.empty();
        }
        ConfigTable o = opts.get();
        switch (matching) {
            case EXACT:
                return o.get(name);
            case GO_TOML_V1: {
                String lowerFirst = Character.toLowerCase(name.charAt(0)) + name.substring(1);
                for (String k : List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT), lowerFirst)) {
                    Optional<ConfigValue> v = o.get(k);
                    if (v.isPresent()) {
                        return v;
                    }
                }
                return Optional.empty();
            }
            default: {
                ConfigValue found = null;
                for (ConfigEntry e : o.entries()) {
                    if (e.key().equalsIgnoreCase(name)) {
                        found = e.value();
                    }
                }
                return Optional.ofNullable(found);
            }
        }
    }

    /**
     * A {@code SystemdCgroup} (any case) written at the handler level instead of inside
     * {@code options}: ignored by every release.
     */
    public Optional<ConfigEntry> misplacedSystemdCgroup() {
        for (ConfigEntry e : table.entries()) {
            if (e.key().equalsIgnoreCase("SystemdCgroup") || e.key().equalsIgnoreCase("systemd_cgroup")) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Keys of the handler table no release knows, and, for runc handlers, option keys runc's options
     * do not have (case differences included: {@code SystemdCGroup} works only in 2.x). Paths are
     * relative to the handler table.
     */
    public List<UnknownKey> unknownKeys() {
        List<UnknownKey> out = new ArrayList<>(KeySchema.check(table, RUNTIME_SCHEMA, false).unknownKeys());
        if (isRunc()) {
            options().ifPresent(o -> {
                for (UnknownKey u : KeySchema.check(o, RUNC_OPTIONS_SCHEMA, false).unknownKeys()) {
                    out.add(new UnknownKey(prefixed("options", u.path()), u.origin(), u.suggestion()));
                }
            });
        }
        return List.copyOf(out);
    }

    /** Known keys and runc options with a value of the wrong type (e.g. {@code SystemdCgroup = "true"}). Paths as in {@link #unknownKeys()}. */
    public List<TypeMismatch> typeMismatches() {
        List<TypeMismatch> out = new ArrayList<>(KeySchema.check(table, RUNTIME_SCHEMA, false).typeMismatches());
        if (isRunc()) {
            options().ifPresent(o -> {
                for (TypeMismatch t : KeySchema.check(o, RUNC_OPTIONS_SCHEMA, true).typeMismatches()) {
                    out.add(new TypeMismatch(prefixed("options", t.path()), t.expected(), t.actual()));
                }
            });
        }
        return List.copyOf(out);
    }

    private static KeyPath prefixed(String key, KeyPath rest) {
        List<KeyPath.Segment> s = new ArrayList<>();
        s.add(new KeyPath.Key(key));
        s.addAll(rest.segments());
        return new KeyPath(s);
    }
}
