package dev.criconf.io.node.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.criconf.io.codec.internal.TomlTrees;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The mergers against a plain-map model of each program's rules, over random sequences of files. */
class MergeProperties {

    private static final List<String> KEYS = List.of("log_level", "cgroup_manager", "pids_limit", "conmon_cgroup");
    private static final List<String> HANDLERS = List.of("runc", "crun");
    private static final List<String> HANDLER_KEYS = List.of("runtime_path", "runtime_root", "monitor_cgroup");

    /** One generated file: [crio.runtime] keys and handler tables, each with values 0..3. */
    record FileSpec(Map<String, Integer> keys, Map<String, Map<String, Integer>> handlers) {
        String toml() {
            StringBuilder sb = new StringBuilder("[crio.runtime]\n");
            keys.forEach((k, v) -> sb.append(k).append(" = \"v").append(v).append("\"\n"));
            handlers.forEach((h, fields) -> {
                sb.append("[crio.runtime.runtimes.").append(h).append("]\n");
                fields.forEach((k, v) -> sb.append(k).append(" = \"v").append(v).append("\"\n"));
            });
            return sb.toString();
        }
    }

    @Provide
    Arbitrary<List<FileSpec>> files() {
        Arbitrary<Map<String, Integer>> keys = Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.integers().between(0, 3)).ofMaxSize(4);
        Arbitrary<Map<String, Integer>> fields = Arbitraries.maps(Arbitraries.of(HANDLER_KEYS), Arbitraries.integers().between(0, 3)).ofMaxSize(3);
        Arbitrary<Map<String, Map<String, Integer>>> handlers = Arbitraries.maps(Arbitraries.of(HANDLERS), fields).ofMaxSize(2);
        return Combinators.combine(keys, handlers).as(FileSpec::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 1000)
    void crioLastFileWinsPerKeyAndPerHandler(@ForAll("files") List<FileSpec> files) {
        Map<String, Integer> keys = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> handlers = new LinkedHashMap<>();
        ConfigTable merged = ConfigTable.empty(dev.criconf.model.Origin.ofFile("0"));
        for (int i = 0; i < files.size(); i++) {
            FileSpec f = files.get(i);
            keys.putAll(f.keys());
            handlers.putAll(f.handlers());
            TomlDocument doc = TomlDocument.parse(Integer.toString(i), f.toml());
            assertEquals(List.of(), doc.problems());
            merged = CrioMerge.merge(merged, TomlTrees.of(doc));
        }
        for (String k : KEYS) {
            assertEquals(Optional.ofNullable(keys.get(k)).map(v -> "v" + v), str(merged, "crio", "runtime", k), k);
        }
        for (String h : HANDLERS) {
            for (String k : HANDLER_KEYS) {
                Optional<String> expected = Optional.ofNullable(handlers.get(h)).map(m -> m.get(k)).map(v -> "v" + v);
                assertEquals(expected, str(merged, "crio", "runtime", "runtimes", h, k), h + "." + k);
            }
        }
    }

    @Property(tries = 1000)
    void containerd2DeepMergesPluginsAnd1ReplacesThem(@ForAll("files") List<FileSpec> files) {
        // the same shapes as plugin tables: plugins."<handler>".<key>
        Map<String, Map<String, Integer>> deep = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> whole = new LinkedHashMap<>();
        ConfigTable v1 = null;
        ConfigTable v2 = null;
        for (int i = 0; i < files.size(); i++) {
            StringBuilder sb = new StringBuilder();
            files.get(i).handlers().forEach((h, fields) -> {
                sb.append("[plugins.").append(h).append("]\n");
                fields.forEach((k, v) -> sb.append(k).append(" = ").append(v).append("\n"));
            });
            files.get(i).handlers().forEach((h, fields) -> {
                deep.computeIfAbsent(h, x -> new LinkedHashMap<>()).putAll(fields);
                whole.put(h, new LinkedHashMap<>(fields));
            });
            ConfigTable t = TomlTrees.of(TomlDocument.parse(Integer.toString(i), sb.toString()));
            v1 = v1 == null ? t : ContainerdMerge.merge(v1, t, ContainerdMerge.Semantics.V1);
            v2 = v2 == null ? t : ContainerdMerge.merge(v2, t, ContainerdMerge.Semantics.V2);
        }
        for (String h : HANDLERS) {
            for (String k : HANDLER_KEYS) {
                assertEquals(Optional.ofNullable(deep.get(h)).map(m -> m.get(k)).map(Integer::longValue), num(v2, "plugins", h, k), "2.x " + h + "." + k);
                assertEquals(Optional.ofNullable(whole.get(h)).map(m -> m.get(k)).map(Integer::longValue), num(v1, "plugins", h, k), "1.x " + h + "." + k);
            }
        }
    }

    private static Optional<String> str(ConfigTable t, String... path) {
        return t.find(path).flatMap(ConfigValue::asString);
    }

    private static Optional<Long> num(ConfigTable t, String... path) {
        return t.find(path).flatMap(ConfigValue::asLong);
    }
}
