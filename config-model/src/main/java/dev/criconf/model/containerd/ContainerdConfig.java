package dev.criconf.model.containerd;

import dev.criconf.model.Component;
import dev.criconf.model.ComponentVersion;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.ContainerdPlugins;
import dev.criconf.model.catalog.ContainerdPlugins.Schema;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * containerd's configuration: the main {@code config.toml}, the files its {@code imports} pulled in,
 * and the tree containerd works with after merging them.
 *
 * <p>The merge is the codec's job and follows the release: 1.x replaces whole
 * {@code plugins."<id>"} tables with the later file's, 2.x deep-merges them; top-level scalars from a
 * later file win only when non-zero; arrays append (see research sheet {@code containerd.md} §6).
 * Origins in {@link #merged()} point at the file each value came from. Typed accessors read
 * {@link #merged()} with exact key names; {@link #files()} keeps each file's own tree, which rules
 * about imports need.
 *
 * <p>Registry credentials ({@code registry.configs.*.auth}, {@code registry.auths}) are in the trees
 * as plain strings: output must not print values at {@link #isSecretPath(KeyPath)}.
 *
 * @param files   the main file first, then imported files in containerd's load order
 * @param merged  the merged tree
 * @param imports every {@code imports} entry of every file with what it matched
 */
public record ContainerdConfig(List<ContainerdFile> files, ConfigTable merged, List<ContainerdImport> imports) {

    /** A plugin table: {@code [plugins."<id>"]}. */
    public record PluginTable(String id, Origin keyOrigin, ConfigTable table) {
        /** Rejects nulls. */
        public PluginTable {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(keyOrigin, "keyOrigin");
            Objects.requireNonNull(table, "table");
        }
    }

    private static final KeySchema TOP_SCHEMA = topSchema();

    /** Rejects nulls, an empty file list, and copies the lists. */
    public ContainerdConfig {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("a containerd configuration has at least its main file");
        }
        Objects.requireNonNull(merged, "merged");
        imports = List.copyOf(imports);
    }

    /** A configuration of one file without imports (its tree is the merged tree). */
    public static ContainerdConfig single(String path, ConfigTable tree) {
        return new ContainerdConfig(List.of(new ContainerdFile(path, tree)), tree, List.of());
    }

    /** The main file. */
    public ContainerdFile mainFile() {
        return files.get(0);
    }

    /** The {@code version} line in effect, when it is an integer. */
    public Optional<Setting<Long>> declaredVersion() {
        return Trees.integer(merged, Match.EXACT, List.of("version"));
    }

    /**
     * The schema containerd reads the configuration with: the declared {@code version}, or 1 when
     * there is no {@code version} line; empty when {@code version} is not an integer (fatal for
     * containerd) or names a schema no release knows.
     */
    public Optional<Schema> schema() {
        Optional<ConfigValue> v = merged.get("version");
        if (v.isEmpty()) {
            return Optional.of(Schema.V1);
        }
        return v.get().asLong().flatMap(Schema::of);
    }

    /** The schema with where it comes from: the {@code version} line, or containerd's rule for a file without one. */
    public Optional<Setting<Schema>> schemaSetting() {
        Optional<Setting<Long>> declared = declaredVersion();
        if (declared.isPresent()) {
            return Schema.of(declared.get().value()).map(s -> new Setting<>(s, declared.get().source()));
        }
        if (merged.has("version")) {
            return Optional.empty();
        }
        return Optional.of(Setting.ofDefault(Schema.V1, Component.CONTAINERD, "all versions (no version line means version 1)"));
    }

    /**
     * The oldest containerd release that reads this configuration's schema, as the files prove it:
     * {@code version = 3} means containerd 2.0 or later, {@code version = 4} 2.3 or later. Empty for
     * schemas 1 and 2, which every release since 1.3 reads.
     */
    public Optional<Setting<ComponentVersion>> minimumRelease() {
        Optional<Setting<Long>> declared = declaredVersion();
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        return Schema.of(declared.get().value()).filter(s -> s.number() >= 3)
                .map(s -> new Setting<>(ComponentVersion.parse(s.minimumRelease()).orElseThrow(), declared.get().source()));
    }

    /** The CRI plugin's settings read with the configuration's schema (schema 1 when the version is unusable). */
    public ContainerdCri cri() {
        return new ContainerdCri(schema().orElse(Schema.V1), merged);
    }

    /** {@code root}. */
    public Optional<Setting<String>> root() {
        return Trees.string(merged, Match.EXACT, List.of("root"));
    }

    /** {@code state}. */
    public Optional<Setting<String>> state() {
        return Trees.string(merged, Match.EXACT, List.of("state"));
    }

    /**
     * The gRPC socket containerd listens on: {@code [grpc] address}, or in schema 4
     * {@code [plugins."io.containerd.server.v1.grpc"] address} (an old {@code [grpc]} table is migrated there).
     */
    public Optional<Setting<String>> grpcAddress() {
        Optional<Setting<String>> legacy = Trees.string(merged, Match.EXACT, List.of("grpc", "address"));
        if (schema().map(s -> s == Schema.V4).orElse(false)) {
            return Trees.string(merged, Match.EXACT, List.of("plugins", ContainerdPlugins.SERVER_GRPC, "address")).or(() -> legacy);
        }
        return legacy;
    }

    /** {@code disabled_plugins}, each entry with its origin. */
    public List<Setting<String>> disabledPlugins() {
        return Trees.strings(merged, Match.EXACT, List.of("disabled_plugins"));
    }

    /** {@code required_plugins}, each entry with its origin. */
    public List<Setting<String>> requiredPlugins() {
        return Trees.strings(merged, Match.EXACT, List.of("required_plugins"));
    }

    /** Every {@code [plugins."<id>"]} table of the merged tree, in order. */
    public List<PluginTable> pluginTables() {
        List<PluginTable> out = new ArrayList<>();
        merged.table("plugins").ifPresent(p -> {
            for (ConfigEntry e : p.entries()) {
                e.value().asTable().ifPresent(t -> out.add(new PluginTable(e.key(), e.keyOrigin(), t)));
            }
        });
        return List.copyOf(out);
    }

    /**
     * Top-level keys no release knows, and unknown keys of the CRI runtime handlers (handler level
     * and runc options), with paths from the root, in file order.
     */
    public List<UnknownKey> unknownKeys() {
        List<UnknownKey> out = new ArrayList<>(KeySchema.check(merged, TOP_SCHEMA, false).unknownKeys());
        ContainerdCri cri = cri();
        for (ContainerdRuntime r : cri.runtimes().values()) {
            KeyPath base = runtimeBase(cri, r.name());
            for (UnknownKey u : r.unknownKeys()) {
                out.add(new UnknownKey(join(base, u.path()), u.origin(), u.suggestion()));
            }
        }
        out.sort(java.util.Comparator.comparingInt((UnknownKey u) -> fileIndex(u.origin().file())).thenComparingInt(u -> u.origin().offset()));
        return List.copyOf(out);
    }

    /** Known keys whose value has a type containerd cannot decode (fatal at start-up; runc options fail at pod creation). */
    public List<TypeMismatch> typeMismatches() {
        List<TypeMismatch> out = new ArrayList<>(KeySchema.check(merged, TOP_SCHEMA, false).typeMismatches());
        ContainerdCri cri = cri();
        for (ContainerdRuntime r : cri.runtimes().values()) {
            KeyPath base = runtimeBase(cri, r.name());
            for (TypeMismatch t : r.typeMismatches()) {
                out.add(new TypeMismatch(join(base, t.path()), t.expected(), t.actual()));
            }
        }
        return List.copyOf(out);
    }

    private int fileIndex(String file) {
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).path().equals(file)) {
                return i;
            }
        }
        return files.size();
    }

    private static KeyPath runtimeBase(ContainerdCri cri, String name) {
        return KeyPath.of("plugins", cri.runtimePluginId(), "containerd", "runtimes", name);
    }

    private static KeyPath join(KeyPath a, KeyPath b) {
        List<KeyPath.Segment> s = new ArrayList<>(a.segments());
        s.addAll(b.segments());
        return new KeyPath(s);
    }

    /** Whether a path holds a registry credential ({@code ...registry.configs.<host>.auth...} or {@code ...registry.auths...}). */
    public static boolean isSecretPath(KeyPath path) {
        List<String> keys = new ArrayList<>();
        for (KeyPath.Segment s : path.segments()) {
            if (s instanceof KeyPath.Key k) {
                keys.add(k.name());
            }
        }
        for (int i = 0; i + 1 < keys.size(); i++) {
            if (keys.get(i).equals("registry")) {
                if (keys.get(i + 1).equals("auths")) {
                    return keys.size() > i + 2;
                }
                if (keys.get(i + 1).equals("configs") && keys.size() > i + 3 && keys.get(i + 3).equals("auth")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static KeySchema topSchema() {
        KeySchema str = KeySchema.leaf(ValueType.STRING);
        KeySchema integer = KeySchema.leaf(ValueType.INTEGER);
        KeySchema strings = new KeySchema.ListOf(str);
        Map<String, KeySchema> grpc = new LinkedHashMap<>();
        for (String k : List.of("address", "tcp_address", "tcp_tls_ca", "tcp_tls_cert", "tcp_tls_key", "tcp_tls_common_name")) {
            grpc.put(k, str);
        }
        for (String k : List.of("uid", "gid", "max_recv_message_size", "max_send_message_size")) {
            grpc.put(k, integer);
        }
        Map<String, KeySchema> ttrpc = Map.of("address", str, "uid", integer, "gid", integer);
        Map<String, KeySchema> debug = new LinkedHashMap<>();
        debug.put("address", str);
        debug.put("uid", integer);
        debug.put("gid", integer);
        debug.put("level", str);
        debug.put("format", str);
        debug.put("log_trace_id", new KeySchema.Any());
        Map<String, KeySchema> metrics = Map.of("address", str, "grpc_histogram", KeySchema.leaf(ValueType.BOOLEAN));
        Map<String, KeySchema> proxy = new LinkedHashMap<>();
        proxy.put("type", str);
        proxy.put("address", str);
        proxy.put("platform", str);
        proxy.put("exports", KeySchema.Table.mapOf(str));
        proxy.put("capabilities", strings);
        Map<String, KeySchema> top = new LinkedHashMap<>();
        top.put("version", integer);
        top.put("root", str);
        top.put("state", str);
        top.put("temp", str);
        top.put("plugin_dir", str);
        top.put("grpc", KeySchema.Table.of(grpc));
        top.put("ttrpc", KeySchema.Table.of(ttrpc));
        top.put("debug", KeySchema.Table.of(debug));
        top.put("metrics", KeySchema.Table.of(metrics));
        top.put("disabled_plugins", strings);
        top.put("required_plugins", strings);
        top.put("plugins", KeySchema.Table.mapOf(new KeySchema.Leaf(java.util.Set.of(ValueType.TABLE))));
        top.put("oom_score", integer);
        top.put("cgroup", KeySchema.Table.of(Map.of("path", str)));
        top.put("proxy_plugins", KeySchema.Table.mapOf(KeySchema.Table.of(proxy)));
        top.put("timeouts", KeySchema.Table.mapOf(str));
        top.put("imports", strings);
        top.put("stream_processors", KeySchema.Table.mapOf(new KeySchema.Any()));
        return KeySchema.Table.of(top);
    }
}
