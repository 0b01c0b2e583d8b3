package dev.criconf.model.kubelet;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.MapSetting;
import dev.criconf.model.Setting;
import dev.criconf.model.catalog.KubeletFieldCatalog;
import dev.criconf.model.catalog.KubeletFieldCatalog.Field;
import dev.criconf.model.catalog.KubeletFieldCatalog.FieldType;
import dev.criconf.model.internal.KeySchema;
import dev.criconf.model.internal.Trees;
import dev.criconf.model.internal.Trees.Match;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.TypeMismatch;
import dev.criconf.model.value.UnknownKey;
import dev.criconf.model.value.ValueType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code KubeletConfiguration} document: the {@code --config} file
 * ({@code /var/lib/kubelet/config.yaml}), a {@code --config-dir} drop-in (a partial document), a
 * document embedded in a kubeadm configuration, or kubeadm's {@code instance-config.yaml}.
 *
 * <p>A typed view over the tree: accessors read the fields the kubelet reads (JSON names,
 * case-sensitive: {@code CgroupDriver:} is an unknown key the kubelet ignores). A value of the
 * wrong type is not returned by its accessor; {@link #typeMismatches()} lists it (the kubelet
 * refuses to start). Keys the kubelet does not know are in {@link #unknownKeys()} and stay in
 * {@link #tree()}.
 *
 * @param file the file, relative to the node root
 * @param tree the document
 */
public record KubeletConfiguration(String file, ConfigTable tree) {

    private static final KeySchema SCHEMA = buildSchema();

    /** Rejects nulls. */
    public KubeletConfiguration {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(tree, "tree");
    }

    private Optional<Setting<String>> str(String path) {
        return Trees.string(tree, Match.EXACT, Arrays.asList(path.split("\\.")));
    }

    private Optional<Setting<Boolean>> bool(String path) {
        return Trees.bool(tree, Match.EXACT, Arrays.asList(path.split("\\.")));
    }

    private Optional<Setting<Long>> integer(String path) {
        return Trees.integer(tree, Match.EXACT, Arrays.asList(path.split("\\.")));
    }

    /** The raw value of any field by its dotted path ({@code authentication.anonymous.enabled}), whatever its type. */
    public Optional<Setting<ConfigValue>> field(String path) {
        return Trees.raw(tree, Match.EXACT, Arrays.asList(path.split("\\.")));
    }

    /** {@code apiVersion}; the kubelet requires {@code kubelet.config.k8s.io/v1beta1}. */
    public Optional<Setting<String>> apiVersion() {
        return str("apiVersion");
    }

    /** {@code kind}; the kubelet requires {@code KubeletConfiguration}. */
    public Optional<Setting<String>> kind() {
        return str("kind");
    }

    /** Whether {@code apiVersion} and {@code kind} are the ones the kubelet accepts. */
    public boolean hasKubeletTypeMeta() {
        return apiVersion().map(s -> s.value().equals(KubeletFieldCatalog.API_VERSION)).orElse(false)
                && kind().map(s -> s.value().equals(KubeletFieldCatalog.KIND)).orElse(false);
    }

    /** {@code cgroupDriver} as written. */
    public Optional<Setting<String>> cgroupDriver() {
        return str("cgroupDriver");
    }

    /**
     * The driver the kubelet uses for the written {@code cgroupDriver}: systemd only for exactly
     * {@code systemd}; anything else (including {@code Systemd}) silently means cgroupfs.
     */
    public Optional<Setting<CgroupDriver>> cgroupDriverAsUsed() {
        return cgroupDriver().map(s -> s.map(v -> v.equals("systemd") ? CgroupDriver.SYSTEMD : CgroupDriver.CGROUPFS));
    }

    /** {@code containerRuntimeEndpoint} (a field since 1.27; before that only a flag). */
    public Optional<Setting<String>> containerRuntimeEndpoint() {
        return str("containerRuntimeEndpoint");
    }

    /** {@code imageServiceEndpoint} (empty means the runtime endpoint). */
    public Optional<Setting<String>> imageServiceEndpoint() {
        return str("imageServiceEndpoint");
    }

    /** {@code cgroupRoot}. */
    public Optional<Setting<String>> cgroupRoot() {
        return str("cgroupRoot");
    }

    /** {@code systemCgroups} (requires {@code cgroupRoot}). */
    public Optional<Setting<String>> systemCgroups() {
        return str("systemCgroups");
    }

    /** {@code kubeletCgroups}. */
    public Optional<Setting<String>> kubeletCgroups() {
        return str("kubeletCgroups");
    }

    /** {@code kubeReservedCgroup}. */
    public Optional<Setting<String>> kubeReservedCgroup() {
        return str("kubeReservedCgroup");
    }

    /** {@code systemReservedCgroup}. */
    public Optional<Setting<String>> systemReservedCgroup() {
        return str("systemReservedCgroup");
    }

    /** {@code cgroupsPerQOS}. */
    public Optional<Setting<Boolean>> cgroupsPerQOS() {
        return bool("cgroupsPerQOS");
    }

    /** {@code staticPodPath}. */
    public Optional<Setting<String>> staticPodPath() {
        return str("staticPodPath");
    }

    /** {@code imageGCHighThresholdPercent}. */
    public Optional<Setting<Long>> imageGCHighThresholdPercent() {
        return integer("imageGCHighThresholdPercent");
    }

    /** {@code imageGCLowThresholdPercent} (must be below the high threshold). */
    public Optional<Setting<Long>> imageGCLowThresholdPercent() {
        return integer("imageGCLowThresholdPercent");
    }

    /** {@code evictionHard}: thresholds such as {@code memory.available: 100Mi}. */
    public Optional<MapSetting<String>> evictionHard() {
        return Trees.stringMap(tree, Match.EXACT, List.of("evictionHard"));
    }

    /** {@code evictionSoft}. */
    public Optional<MapSetting<String>> evictionSoft() {
        return Trees.stringMap(tree, Match.EXACT, List.of("evictionSoft"));
    }

    /** {@code mergeDefaultEvictionSettings} (1.33+): keep the default thresholds a partial {@code evictionHard} omits. */
    public Optional<Setting<Boolean>> mergeDefaultEvictionSettings() {
        return bool("mergeDefaultEvictionSettings");
    }

    /** {@code featureGates}. */
    public Optional<MapSetting<Boolean>> featureGates() {
        return Trees.boolMap(tree, Match.EXACT, List.of("featureGates"));
    }

    /** {@code systemReserved}. */
    public Optional<MapSetting<String>> systemReserved() {
        return Trees.stringMap(tree, Match.EXACT, List.of("systemReserved"));
    }

    /** {@code kubeReserved}. */
    public Optional<MapSetting<String>> kubeReserved() {
        return Trees.stringMap(tree, Match.EXACT, List.of("kubeReserved"));
    }

    /** {@code enforceNodeAllocatable}. */
    public Optional<Setting<List<String>>> enforceNodeAllocatable() {
        return Trees.stringList(tree, Match.EXACT, List.of("enforceNodeAllocatable"));
    }

    /** {@code failSwapOn}. */
    public Optional<Setting<Boolean>> failSwapOn() {
        return bool("failSwapOn");
    }

    /** {@code failCgroupV1} (1.31+; default true from 1.35). */
    public Optional<Setting<Boolean>> failCgroupV1() {
        return bool("failCgroupV1");
    }

    /** {@code serializeImagePulls}. */
    public Optional<Setting<Boolean>> serializeImagePulls() {
        return bool("serializeImagePulls");
    }

    /** {@code maxParallelImagePulls} (1.27+). */
    public Optional<Setting<Long>> maxParallelImagePulls() {
        return integer("maxParallelImagePulls");
    }

    /** {@code containerLogMaxFiles} (must be greater than 1). */
    public Optional<Setting<Long>> containerLogMaxFiles() {
        return integer("containerLogMaxFiles");
    }

    /** {@code containerLogMaxSize}. */
    public Optional<Setting<String>> containerLogMaxSize() {
        return str("containerLogMaxSize");
    }

    /** {@code podLogsDir} (1.30+). */
    public Optional<Setting<String>> podLogsDir() {
        return str("podLogsDir");
    }

    /** {@code clusterDNS}. */
    public Optional<Setting<List<String>>> clusterDNS() {
        return Trees.stringList(tree, Match.EXACT, List.of("clusterDNS"));
    }

    /** {@code memorySwap.swapBehavior}. */
    public Optional<Setting<String>> swapBehavior() {
        return str("memorySwap.swapBehavior");
    }

    /**
     * Keys the kubelet does not know in any release criconf tracks, with a suggestion (mis-cased keys
     * get the right spelling: the kubelet matches names case-sensitively and ignores the rest).
     * Fields of releases other than the target are not reported here; compare
     * {@link KubeletFieldCatalog#topLevelNames} for that.
     */
    public List<UnknownKey> unknownKeys() {
        return KeySchema.check(tree, SCHEMA, false).unknownKeys();
    }

    /** Known fields whose value has a type the kubelet cannot decode (fatal at start-up). */
    public List<TypeMismatch> typeMismatches() {
        return KeySchema.check(tree, SCHEMA, false).typeMismatches();
    }

    private static KeySchema buildSchema() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("apiVersion", KeySchema.leaf(ValueType.STRING));
        root.put("kind", KeySchema.leaf(ValueType.STRING));
        for (Field f : KubeletFieldCatalog.all()) {
            insert(root, f.path().split("\\."), 0, schemaOf(f.type()));
        }
        return toSchema(root);
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> node, String[] parts, int i, KeySchema leaf) {
        if (i == parts.length - 1) {
            node.put(parts[i], leaf);
            return;
        }
        Object child = node.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        insert((Map<String, Object>) child, parts, i + 1, leaf);
    }

    @SuppressWarnings("unchecked")
    private static KeySchema toSchema(Map<String, Object> node) {
        Map<String, KeySchema> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : node.entrySet()) {
            fields.put(e.getKey(), e.getValue() instanceof KeySchema s ? s : toSchema((Map<String, Object>) e.getValue()));
        }
        return KeySchema.Table.of(fields);
    }

    private static KeySchema schemaOf(FieldType t) {
        switch (t) {
            case STRING_MAP:
                return KeySchema.Table.mapOf(KeySchema.leaf(ValueType.STRING));
            case BOOLEAN_MAP:
                return KeySchema.Table.mapOf(KeySchema.leaf(ValueType.BOOLEAN));
            case STRING_LIST_MAP:
                return KeySchema.Table.mapOf(new KeySchema.ListOf(KeySchema.leaf(ValueType.STRING)));
            case STRING_LIST:
                return new KeySchema.ListOf(KeySchema.leaf(ValueType.STRING));
            case INTEGER_LIST:
                return new KeySchema.ListOf(KeySchema.leaf(ValueType.INTEGER));
            case OBJECT_LIST:
                return new KeySchema.ListOf(new KeySchema.Any());
            case OBJECT:
                return new KeySchema.Leaf(Set.of(ValueType.TABLE));
            default:
                return new KeySchema.Leaf(t.accepted());
        }
    }
}
