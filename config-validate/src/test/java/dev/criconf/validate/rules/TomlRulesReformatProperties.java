package dev.criconf.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.node.NodeLoader;
import dev.criconf.io.toml.TomlArray;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.toml.TomlTable;
import dev.criconf.io.toml.TomlValue;
import dev.criconf.model.Origin;
import dev.criconf.validate.Finding;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Validator;
import dev.criconf.validate.rules.TomlLayout.Entry;
import dev.criconf.validate.rules.TomlLayout.Raw;
import dev.criconf.validate.rules.TomlLayout.Str;
import dev.criconf.validate.rules.TomlLayout.Strs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * Reformatting a node's TOML files - containerd's config.toml and its imports, CRI-O's crio.conf and
 * drop-ins - does not change what any rule reports: comments, blank lines, indentation, the order of
 * keys and tables, {@code [header]} tables or dotted keys at any depth, bare or quoted keys, basic or
 * literal strings ({@link TomlLayout}). Nodes are generated from a pool of settings, good and bad,
 * written twice in two layouts, loaded with {@link NodeLoader} and validated with the built-in rules.
 * The findings must be the same (rule, severity, message without positions, file), and every location
 * in a TOML file - the finding's and its related ones - must point at the same key, value or table
 * in both layouts (resolved by parsing the file and finding the element written at that offset, and
 * checked against the text there). The kubelet's files are the same in both and compared by position.
 */
class TomlRulesReformatProperties {

    enum Runtime { CONTAINERD_1X_V1, CONTAINERD_1X_V2, CONTAINERD_2X_V2, CONTAINERD_2X_V3, CRIO }

    /** A setting of the pool: entries of one file. */
    record Item(String file, List<Entry> entries) {
    }

    record Spec(Runtime runtime, String runtimeVersion, List<Item> items) {
        @Override
        public String toString() {
            return runtime + " " + runtimeVersion + " " + items;
        }
    }

    static final String CONTAINERD = "etc/containerd/config.toml";
    static final String IMPORT = "etc/containerd/conf.d/10-registry.toml";
    static final String CRIO = "etc/crio/crio.conf";
    static final String CRIO_DROP_IN = "etc/crio/crio.conf.d/10-runtime.conf";
    static final String CRIO_LATER_DROP_IN = "etc/crio/crio.conf.d/30-crun-devices.conf";
    static final String CRIO_BACKUP = "etc/crio/crio.conf.d/20-site.conf.orig";

    /** The rule ids the generated nodes must bring (each seen at least once over the run). */
    static final Set<String> TOML_RULES = Set.of("containerd-cri-disabled", "containerd-version-mismatch",
            "containerd-runtime-defaults-lost", "containerd-option-unchecked", "containerd-import-replaces",
            "containerd-mirrors-with-config-path", "containerd-deprecated", "crio-conmon-cgroup", "crio-default-runtime-missing",
            "crio-dropin-replaces-handler", "crio-dropin-not-toml", "crio-invalid-value", "unknown-key", "type-mismatch",
            "deprecated-registry", "sandbox-image-version", "cgroup-driver-mismatch", "runtime-endpoint-mismatch");

    private static final Validator VALIDATOR = Validator.defaults();

    @Provide
    Arbitrary<Spec> nodes() {
        // CRI-O three times: one layout of its files against four of containerd's
        return Arbitraries.of(Runtime.CONTAINERD_1X_V1, Runtime.CONTAINERD_1X_V2, Runtime.CONTAINERD_2X_V2, Runtime.CONTAINERD_2X_V3,
                Runtime.CRIO, Runtime.CRIO, Runtime.CRIO).flatMap(r -> {
            Arbitrary<String> version = switch (r) {
                case CONTAINERD_1X_V1, CONTAINERD_1X_V2 -> Arbitraries.of("1.6.36", "1.7.22");
                case CONTAINERD_2X_V2, CONTAINERD_2X_V3 -> Arbitraries.of("2.0.5", "2.1.3");
                case CRIO -> Arbitraries.of("1.29.6", "1.32.9", "1.33.2");
            };
            List<Item> pool = r == Runtime.CRIO ? crioPool() : containerdPool(r);
            Arbitrary<List<Item>> items = Arbitraries.subsetOf(pool).map(s -> pool.stream().filter(s::contains).toList());
            return Combinators.combine(version, items).as((v, i) -> new Spec(r, v, i));
        });
    }

    @Provide
    Arbitrary<TomlLayout.Style> styles() {
        return TomlLayout.styles();
    }

    private static Item item(String file, Entry... entries) {
        return new Item(file, List.of(entries));
    }

    static List<Item> containerdPool(Runtime r) {
        boolean v3 = r == Runtime.CONTAINERD_2X_V3;
        String rt = v3 ? "plugins.\"io.containerd.cri.v1.runtime\"" : "plugins.\"io.containerd.grpc.v1.cri\"";
        String runc = rt + ".containerd.runtimes.runc";
        String registry = v3 ? "plugins.\"io.containerd.cri.v1.images\".registry" : "plugins.\"io.containerd.grpc.v1.cri\".registry";
        List<Item> pool = new ArrayList<>();
        pool.add(item(CONTAINERD, Entry.of("", "root", new Str("/var/lib/containerd")),
                Entry.of("", "oom_scroe", new Raw("-999"))));
        pool.add(item(CONTAINERD, Entry.of("grpc", "address", new Str("/run/k8s/containerd.sock"))));
        pool.add(item(CONTAINERD, Entry.of("", "disabled_plugins", new Strs(List.of("io.containerd.snapshotter.v1.zfs",
                v3 ? "io.containerd.cri.v1.runtime" : "io.containerd.grpc.v1.cri")))));
        pool.add(item(CONTAINERD, v3 ? Entry.of("plugins.\"io.containerd.cri.v1.images\".pinned_images", "sandbox",
                new Str("k8s.gcr.io/pause:3.6")) : Entry.of("plugins.\"io.containerd.grpc.v1.cri\"", "sandbox_image",
                new Str("k8s.gcr.io/pause:3.6"))));
        pool.add(item(CONTAINERD, Entry.of(rt + ".containerd", "default_runtime_name", new Str("crun"))));
        pool.add(item(CONTAINERD, Entry.of(runc, "runtime_type", new Str("io.containerd.runc.v1"))));
        pool.add(item(CONTAINERD, Entry.of(runc + ".options", "SystemdCgroup", new Raw("\"true\""))));
        pool.add(item(CONTAINERD, Entry.of(runc + ".options", "SystemdCgroups", new Raw("true")),
                Entry.of(runc + ".options", "BinaryName", new Str("/usr/bin/runc"))));
        pool.add(item(CONTAINERD, Entry.of(runc, "SystemdCgroup", new Raw("true"))));
        if (!v3) {
            pool.add(item(CONTAINERD, Entry.of(rt, "systemd_cgroup", new Raw("true"))));
        }
        pool.add(item(CONTAINERD, Entry.of(registry, "config_path", new Str("/etc/containerd/certs.d")),
                Entry.of(registry + ".mirrors.\"docker.io\"", "endpoint", new Strs(List.of("https://mirror.example.internal")))));
        pool.add(item(CONTAINERD, Entry.of("", "imports", new Strs(List.of("/etc/containerd/conf.d/*.toml")))));
        pool.add(item(IMPORT, Entry.of("", "version", new Raw(v3 ? "3" : "2")),
                Entry.of(registry, "config_path", new Str("/etc/containerd/certs.d"))));
        pool.add(item(IMPORT, Entry.of(rt, "enable_selinux", new Raw("false"))));
        return pool;
    }

    static List<Item> crioPool() {
        List<Item> pool = new ArrayList<>();
        pool.add(item(CRIO, Entry.of("crio.runtime", "cgroup_manager", new Str("cgroupfs")),
                Entry.of("crio.runtime", "conmon_cgroup", new Str("system.slice"))));
        pool.add(item(CRIO, Entry.of("crio.runtime", "cgroup_manager", new Str("SystemD"))));
        pool.add(item(CRIO, Entry.of("crio.runtime", "log_size_max", new Raw("4096")),
                Entry.of("crio.network", "plugin_dir", new Strs(List.of("/opt/cni/bin")))));
        pool.add(item(CRIO, Entry.of("crio.runtime", "cgroup_managr", new Str("systemd"))));
        pool.add(item(CRIO, Entry.of("crio.image", "pause_image", new Str("k8s.gcr.io/pause:3.6"))));
        pool.add(item(CRIO, Entry.of("crio.api", "listen", new Str("/run/crio/other.sock"))));
        pool.add(item(CRIO, Entry.of("crio.runtime", "default_runtime", new Str("crun")),
                Entry.of("crio.runtime.runtimes.crun", "runtime_path", new Str("/usr/libexec/crio/crun")),
                Entry.of("crio.runtime.runtimes.crun", "runtime_root", new Str("/run/crun")),
                Entry.of("crio.runtime.runtimes.crun", "monitor_path", new Str("/usr/libexec/crio/conmon"))));
        pool.add(item(CRIO_DROP_IN, Entry.of("crio.runtime", "default_runtime", new Str("kata"))));
        pool.add(item(CRIO_LATER_DROP_IN, Entry.of("crio.runtime.runtimes.crun", "allowed_annotations",
                new Strs(List.of("io.kubernetes.cri-o.Devices")))));
        pool.add(item(CRIO_BACKUP, Entry.of("crio.image", "pause_image", new Str("registry.k8s.io/pause:3.9"))));
        pool.add(item(CRIO_DROP_IN, Entry.of("crio.runtime", "log_size_max", new Raw("\"big\""))));
        return pool;
    }

    // each try writes and loads two node roots
    @Property(tries = 120)
    void tomlFindingsDoNotDependOnTheLayout(@ForAll("nodes") Spec spec, @ForAll("styles") TomlLayout.Style a,
            @ForAll("styles") TomlLayout.Style b) {
        List<String> first = findings(spec, a);
        List<String> second = findings(spec, b);
        assertEquals(first, second, () -> spec + "\nlayout " + a + "\nlayout " + b);
        Set<String> ids = first.stream().map(f -> f.substring(0, f.indexOf(' '))).collect(Collectors.toCollection(TreeSet::new));
        // which rules reported, for the report; that each of TOML_RULES does is asserted by the example test below
        for (String id : ids) {
            Statistics.label("rules").collect(id);
        }
    }

    /**
     * Every pool setting alone, and the whole pool together, on every runtime layout, written with one
     * header per table and with no header at all (keys shuffled, requoted, commented): the same
     * findings, and between them every rule of {@link #TOML_RULES}, whatever the property's random
     * nodes were.
     */
    @Test
    void everyTomlRuleReportsTheSameOnSingleSettingNodesInTheTwoExtremeLayouts() {
        TomlLayout.Style flat = new TomlLayout.Style(11, 0, true, true, true, true, true, 0);
        Set<String> seen = new TreeSet<>();
        for (Runtime r : Runtime.values()) {
            List<Item> pool = r == Runtime.CRIO ? crioPool() : containerdPool(r);
            List<List<Item>> nodes = new ArrayList<>();
            pool.forEach(i -> nodes.add(List.of(i)));
            nodes.add(pool);
            for (List<Item> items : nodes) {
                for (String version : r == Runtime.CRIO ? List.of("1.32.9") : r.name().contains("1X") ? List.of("1.7.22")
                        : List.of("2.1.3")) {
                    Spec spec = new Spec(r, version, items);
                    List<String> plain = findings(spec, TomlLayout.plain());
                    assertEquals(plain, findings(spec, flat), spec::toString);
                    plain.forEach(f -> seen.add(f.substring(0, f.indexOf(' '))));
                }
            }
        }
        assertTrue(seen.containsAll(TOML_RULES), () -> "reported: " + seen + ", expected at least " + TOML_RULES);
    }

    /** The layouts really differ: the same entries with all headers and with none. */
    @Test
    void layoutsWriteTheSameTablesDifferently() {
        List<Entry> entries = containerdPool(Runtime.CONTAINERD_2X_V2).stream().filter(i -> i.file().equals(CONTAINERD))
                .flatMap(i -> i.entries().stream()).toList();
        String headers = TomlLayout.render(entries, TomlLayout.plain());
        String dotted = TomlLayout.render(entries, new TomlLayout.Style(7, 0, true, true, true, true, true, 0));
        assertFalse(dotted.lines().anyMatch(l -> l.startsWith("[")), dotted);
        assertTrue(headers.contains("[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]"), headers);
        TomlDocument h = TomlDocument.parse("h", headers.getBytes(StandardCharsets.UTF_8));
        TomlDocument d = TomlDocument.parse("d", dotted.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), h.problems());
        assertEquals(List.of(), d.problems());
        assertEquals(h.root().toJava(), d.root().toJava());
    }

    /** The findings as comparable text: rule, severity, message without positions, and what each location points at. */
    static List<String> findings(Spec spec, TomlLayout.Style style) {
        Path root = NodeTrees.tempRoot("criconf-toml-layout");
        try {
            write(root, spec, style);
            List<String> out = new ArrayList<>();
            for (Finding f : VALIDATOR.validate(NodeLoader.create().load(root)).findings()) {
                java.util.regex.Matcher more = MORE_PLACES.matcher(f.message());
                if (more.find()) {
                    // one finding for several places of a file, pointing at the first: which one is first is
                    // the layout's business; the places and their number are not
                    Set<String> places = new TreeSet<>();
                    places.add(anchor(root, f.location()));
                    f.related().forEach(r -> places.add(anchor(root, r.location())));
                    out.add(f.ruleId() + " " + f.severity() + " " + f.location().file() + " " + more.group() + " " + places);
                    continue;
                }
                StringBuilder sb = new StringBuilder(f.ruleId()).append(' ').append(f.severity()).append(' ')
                        .append(anchor(root, f.location())).append(' ').append(withoutPositions(f.message()));
                for (RelatedLocation r : f.related()) {
                    sb.append(" / ").append(anchor(root, r.location())).append(' ').append(withoutPositions(r.message()));
                }
                sb.append(' ').append(f.fixes().stream().map(x -> x.description()).toList());
                out.add(sb.toString());
            }
            out.sort(null);
            return out;
        } finally {
            NodeTrees.delete(root);
        }
    }

    private static final java.util.regex.Pattern MORE_PLACES = java.util.regex.Pattern.compile(
            "\\(\\d+ more places? in this file listed below\\)");

    static String withoutPositions(String message) {
        return message.replaceAll(":\\d+:\\d+", "").replaceAll("(?i)line \\d+", "line N");
    }

    private static void write(Path root, Spec spec, TomlLayout.Style style) {
        NodeTrees.put(root, "criconf.yaml", "kubernetesVersion: \"1.33.4\"\n"
                + (spec.runtime() == Runtime.CRIO ? "crioVersion" : "containerdVersion") + ": \"" + spec.runtimeVersion() + "\"\n"
                + "cgroupVersion: 2\ninit: systemd\nos: linux\n");
        String socket = spec.runtime() == Runtime.CRIO ? "/var/run/crio/crio.sock" : "/run/containerd/containerd.sock";
        NodeTrees.put(root, "usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf", BrokenNodes.KUBEADM_DROP_IN);
        NodeTrees.put(root, "var/lib/kubelet/config.yaml", "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n"
                + "cgroupDriver: systemd\ncontainerRuntimeEndpoint: unix://" + socket + "\n");
        Map<String, List<Entry>> files = new LinkedHashMap<>();
        files.put(spec.runtime() == Runtime.CRIO ? CRIO : CONTAINERD, new ArrayList<>());
        if (spec.runtime() != Runtime.CRIO && spec.runtime() != Runtime.CONTAINERD_1X_V1) {
            files.get(CONTAINERD).add(Entry.of("", "version", new Raw(spec.runtime() == Runtime.CONTAINERD_2X_V3 ? "3" : "2")));
        }
        Set<String> keys = new HashSet<>();
        for (Item i : spec.items()) {
            for (Entry e : i.entries()) {
                // one value per key: the pool has alternatives for some keys
                if (keys.add(i.file() + " " + e.table() + " " + e.key())) {
                    files.computeIfAbsent(i.file(), f -> new ArrayList<>()).add(e);
                }
            }
        }
        int n = 0;
        for (Map.Entry<String, List<Entry>> f : files.entrySet()) {
            TomlLayout.Style s = new TomlLayout.Style(style.seed() + n++, style.headerDepth(), style.comments(), style.blankLines(),
                    style.shuffle(), style.quoteKeys(), style.literalStrings(), style.indent());
            NodeTrees.put(root, f.getKey(), TomlLayout.render(f.getValue(), s));
        }
        if (files.containsKey(CRIO_BACKUP)) {
            NodeTrees.put(root, "etc/crio/crio.conf.d/README", "Files in this directory are managed by config management.\n");
        }
    }

    /**
     * What a location points at: for a TOML file the key path of the element written there and
     * whether it is the key, the value or the table (checked against the text at the location); the
     * file alone for a whole-file location; the position in other files (written the same in both
     * layouts).
     */
    static String anchor(Path root, Origin o) {
        if (o.line() == 1 && o.column() == 1 && o.length() == 0 || o.file().equals(Validator.NODE_FILE)) {
            return o.file();
        }
        boolean toml = o.file().endsWith(".toml") || o.file().startsWith("etc/crio/");
        String text = NodeTrees.read(root, o.file());
        if (!toml) {
            return o.toString();
        }
        TomlDocument doc = TomlDocument.parse(o.file(), text.getBytes(StandardCharsets.UTF_8));
        if (!doc.problems().isEmpty()) {
            return o.toString(); // not TOML (crio-dropin-not-toml's README): written the same in both layouts
        }
        Optional<String> found = find(doc.root(), "", o, text);
        assertTrue(found.isPresent(), () -> "no key, value or table of " + o.file() + " is written at " + o + ":\n" + text);
        return o.file() + "@" + found.get();
    }

    private static Optional<String> find(TomlValue v, String path, Origin o, String text) {
        // a table's header, or the key segment that made it: which of the two a layout has is the layout's business
        if (v instanceof TomlTable && !path.isEmpty()
                && (v.origin().offset() == o.offset() || v.keyOrigin().filter(k -> k.offset() == o.offset()).isPresent())) {
            return Optional.of(path + " table");
        }
        if (v.keyOrigin().filter(k -> k.offset() == o.offset()).isPresent()) {
            String key = path.substring(path.lastIndexOf('/') + 1);
            String written = text.substring(o.offset(), Math.min(text.length(), o.offset() + Math.max(o.length(), key.length() + 2)));
            assertTrue(written.startsWith(key) || written.startsWith("\"" + key) || written.startsWith("'" + key),
                    () -> "the key " + path + " at " + o + " reads '" + written + "'");
            return Optional.of(path + " key");
        }
        if (v.origin().offset() == o.offset() && !path.isEmpty()) {
            if (!(v instanceof TomlTable) && !(v instanceof TomlArray)) {
                String written = text.substring(o.offset(), Math.min(text.length(), o.offset() + o.length()));
                String value = String.valueOf(v.toJava());
                assertTrue(o.length() == 0 || written.contains(value) || written.replace("\\\\", "\\").contains(value),
                        () -> "the value of " + path + " at " + o + " reads '" + written + "', not " + value);
            }
            return Optional.of(path + (v instanceof TomlTable ? " table" : " value"));
        }
        if (v instanceof TomlTable t) {
            for (Map.Entry<String, TomlValue> e : t.entries().entrySet()) {
                Optional<String> f = find(e.getValue(), path + "/" + e.getKey(), o, text);
                if (f.isPresent()) {
                    return f;
                }
            }
        } else if (v instanceof TomlArray a) {
            for (int i = 0; i < a.items().size(); i++) {
                Optional<String> f = find(a.items().get(i), path + "[" + i + "]", o, text);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }
}
