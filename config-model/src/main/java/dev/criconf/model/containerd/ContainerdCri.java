package dev.criconf.model.containerd;

import dev.criconf.model.Setting;
import dev.criconf.model.catalog.ContainerdPlugins;
import dev.criconf.model.catalog.ContainerdPlugins.Schema;
import dev.criconf.model.internal.Trees;
import dev.criconf.model.internal.Trees.Match;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The CRI plugin's settings, read where the file's schema puts them (research sheet
 * {@code containerd.md} §3): schema 1 {@code [plugins.cri]}; schema 2
 * {@code [plugins."io.containerd.grpc.v1.cri"]}; schemas 3 and 4 {@code io.containerd.cri.v1.runtime}
 * (runtimes, CNI) and {@code io.containerd.cri.v1.images} (sandbox image, registry, snapshotter).
 * Tables of another schema's ids are not read here (containerd ignores them too); see
 * {@link ContainerdConfig#pluginTables()}.
 *
 * @param schema the schema the settings are read with
 * @param root   the merged configuration tree
 */
public record ContainerdCri(Schema schema, ConfigTable root) {

    /** Rejects nulls. */
    public ContainerdCri {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(root, "root");
    }

    /** The plugin id that holds runtimes and CNI in this schema. */
    public String runtimePluginId() {
        return ContainerdPlugins.runtimePlugin(schema);
    }

    /** The plugin id that holds the sandbox image and registry in this schema. */
    public String imagesPluginId() {
        return ContainerdPlugins.imagesPlugin(schema);
    }

    /** The runtime plugin's table, when the file has one. */
    public Optional<ConfigTable> runtimePluginTable() {
        return Trees.table(root, Match.EXACT, List.of("plugins", runtimePluginId()));
    }

    /** The images plugin's table, when the file has one (the same table as the runtime plugin before schema 3). */
    public Optional<ConfigTable> imagesPluginTable() {
        return Trees.table(root, Match.EXACT, List.of("plugins", imagesPluginId()));
    }

    /** Whether the file configures the CRI plugin at all in this schema. */
    public boolean isConfigured() {
        return runtimePluginTable().isPresent() || imagesPluginTable().isPresent();
    }

    private List<String> runtimePath(String... rest) {
        List<String> p = new ArrayList<>(List.of("plugins", runtimePluginId()));
        p.addAll(List.of(rest));
        return p;
    }

    private List<String> imagesPath(List<String> rest) {
        List<String> p = new ArrayList<>(List.of("plugins", imagesPluginId()));
        p.addAll(rest);
        return p;
    }

    /** The sandbox (pause) image: {@code sandbox_image} (schemas 1, 2) or {@code pinned_images.sandbox} (3, 4). */
    public Optional<Setting<String>> sandboxImage() {
        return Trees.string(root, Match.EXACT, imagesPath(ContainerdPlugins.sandboxImageKeys(schema)));
    }

    /** The key path of the sandbox image in this schema, for edits and messages. */
    public List<String> sandboxImagePath() {
        return List.copyOf(imagesPath(ContainerdPlugins.sandboxImageKeys(schema)));
    }

    /** {@code containerd.default_runtime_name}. */
    public Optional<Setting<String>> defaultRuntimeName() {
        return Trees.string(root, Match.EXACT, runtimePath("containerd", "default_runtime_name"));
    }

    /** The {@code containerd.runtimes} table entry itself (where to point a finding about the map). */
    public Optional<ConfigEntry> runtimesEntry() {
        return Trees.entry(root, Match.EXACT, runtimePath("containerd", "runtimes"));
    }

    /** {@code containerd.runtimes}, by handler name, in file order. */
    public Map<String, ContainerdRuntime> runtimes() {
        Map<String, ContainerdRuntime> out = new LinkedHashMap<>();
        for (ConfigEntry e : Trees.subTables(root, Match.EXACT, runtimePath("containerd", "runtimes")).values()) {
            out.put(e.key(), new ContainerdRuntime(e.key(), e.keyOrigin(), (ConfigTable) e.value()));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The handler the CRI plugin uses by default: the one {@code default_runtime_name} names, or
     * {@code runc} (containerd's default name) when the file does not name one.
     */
    public Optional<ContainerdRuntime> defaultRuntime() {
        String name = defaultRuntimeName().map(Setting::value).orElse("runc");
        return Optional.ofNullable(runtimes().get(name));
    }

    /**
     * The legacy plugin-level {@code systemd_cgroup} (schemas 1, 2): only works with
     * {@code io.containerd.runtime.v1.linux}, removed in 2.0.
     */
    public Optional<Setting<Boolean>> legacySystemdCgroup() {
        return Trees.bool(root, Match.EXACT, runtimePath("systemd_cgroup"));
    }

    /** The {@code registry} table. */
    public ContainerdRegistry registry() {
        return new ContainerdRegistry(Trees.table(root, Match.EXACT, imagesPath(List.of("registry"))));
    }

    /** {@code cni.bin_dir} (deprecated in 2.1 for {@code bin_dirs}). */
    public Optional<Setting<String>> cniBinDir() {
        return Trees.string(root, Match.EXACT, runtimePath("cni", "bin_dir"));
    }

    /** {@code cni.bin_dirs} (2.1+). */
    public List<Setting<String>> cniBinDirs() {
        return Trees.strings(root, Match.EXACT, runtimePath("cni", "bin_dirs"));
    }

    /** {@code cni.conf_dir}. */
    public Optional<Setting<String>> cniConfDir() {
        return Trees.string(root, Match.EXACT, runtimePath("cni", "conf_dir"));
    }

    /** The snapshotter: {@code containerd.snapshotter} (schemas 1, 2) or the images plugin's {@code snapshotter} (3, 4). */
    public Optional<Setting<String>> snapshotter() {
        return schema.number() >= 3
                ? Trees.string(root, Match.EXACT, imagesPath(List.of("snapshotter")))
                : Trees.string(root, Match.EXACT, runtimePath("containerd", "snapshotter"));
    }
}
