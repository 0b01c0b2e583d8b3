package dev.criconf.io.codec.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.yaml.YamlSchema;
import dev.criconf.io.yaml.YamlStream;
import dev.criconf.io.yaml.YamlValue;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigFloat;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigNull;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The trees {@link YamlTrees} builds mean the same data as the YAML layer's own decoding
 * ({@link YamlStream#values(YamlSchema)}), for both schemas, over every valid case of the
 * yaml-test-suite and every YAML file of the kubelet corpus: aliases, merge keys, tags, block and
 * flow styles, multi-document streams. Mapping keys are compared as the JSON names the kubelet uses;
 * documents with keys that have no such name (collections, floats, nulls) are compared without them.
 */
class YamlTreesConformanceTest {

    static List<Path> inputs() throws IOException {
        List<Path> out = new ArrayList<>();
        Path data = SharedData.conformance().resolve("yaml-test-suite/data");
        try (Stream<Path> s = Files.walk(data)) {
            out.addAll(s.filter(p -> Files.isRegularFile(p.resolve("==="))).filter(p -> !Files.exists(p.resolve("error")))
                    .map(p -> p.resolve("in.yaml")).sorted().collect(Collectors.toList()));
        }
        out.addAll(SharedData.files(SharedData.corpus().resolve("kubelet"), ".yaml"));
        return out;
    }

    private int compared;
    private int skipped;

    @TestFactory
    Stream<DynamicTest> sameDataAsTheYamlLayer() throws IOException {
        List<Path> inputs = inputs();
        assertTrue(inputs.size() > 300, inputs.size() + " inputs");
        DynamicTest summary = DynamicTest.dynamicTest("summary", () -> {
            System.out.println("YamlTrees vs YamlStream.values: " + compared + " documents compared, " + skipped
                    + " with keys that have no JSON name");
            assertTrue(compared > 500, compared + " compared");
        });
        return Stream.concat(inputs.stream().map(p -> DynamicTest.dynamicTest(p.getParent().getFileName() + "/" + p.getFileName(), () -> {
            YamlStream s = YamlStream.parse("in.yaml", Files.readAllBytes(p), ParseLimits.DEFAULTS);
            for (YamlSchema schema : YamlSchema.values()) {
                List<YamlValue> expected = s.values(schema);
                YamlTrees.Trees trees = YamlTrees.of(s, schema);
                assertEquals(expected.size(), trees.documents().size());
                for (int i = 0; i < expected.size(); i++) {
                    Optional<Object> want = plain(expected.get(i), schema);
                    if (want.isEmpty()) {
                        skipped++; // a key without a JSON name somewhere in the document
                        continue;
                    }
                    assertEquals(want.get(), plain(trees.documents().get(i)), schema + " document " + i);
                    compared++;
                }
            }
        })), Stream.of(summary));
    }

    /** Plain Java data (maps keyed by JSON name, lists, scalars); empty when a key has no JSON name. */
    static Optional<Object> plain(YamlValue v, YamlSchema schema) {
        if (v instanceof YamlValue.MappingValue m) {
            Map<String, Object> out = new HashMap<>();
            for (Map.Entry<YamlValue, YamlValue> e : m.entries().entrySet()) {
                Optional<String> key = keyName(e.getKey(), schema);
                Optional<Object> value = plain(e.getValue(), schema);
                if (key.isEmpty() || value.isEmpty()) {
                    return Optional.empty();
                }
                out.put(key.get(), value.get());
            }
            return Optional.of(out);
        }
        if (v instanceof YamlValue.SequenceValue q) {
            List<Object> out = new ArrayList<>();
            for (YamlValue item : q.items()) {
                Optional<Object> x = plain(item, schema);
                if (x.isEmpty()) {
                    return Optional.empty();
                }
                out.add(x.get());
            }
            return Optional.of(out);
        }
        return Optional.of(scalar(v));
    }

    static Optional<String> keyName(YamlValue k, YamlSchema schema) {
        if (k instanceof YamlValue.StringValue s) {
            return Optional.of(s.value());
        }
        if (schema == YamlSchema.YAML_1_1_KUBELET && k instanceof YamlValue.BoolValue b) {
            return Optional.of(Boolean.toString(b.value()));
        }
        if (schema == YamlSchema.YAML_1_1_KUBELET && k instanceof YamlValue.IntValue i) {
            return Optional.of(i.value().toString());
        }
        return Optional.empty();
    }

    static Object scalar(YamlValue v) {
        if (v instanceof YamlValue.NullValue) {
            return "null";
        }
        if (v instanceof YamlValue.BoolValue b) {
            return b.value();
        }
        if (v instanceof YamlValue.IntValue i) {
            return i.value();
        }
        if (v instanceof YamlValue.FloatValue f) {
            return f.value();
        }
        return "s:" + ((YamlValue.StringValue) v).value();
    }

    static Object plain(ConfigValue v) {
        if (v instanceof ConfigTable t) {
            Map<String, Object> out = new HashMap<>();
            for (ConfigEntry e : t.entries()) {
                out.put(e.key(), plain(e.value())); // the last occurrence wins, as in the decoder
            }
            return out;
        }
        if (v instanceof ConfigArray a) {
            return a.items().stream().map(YamlTreesConformanceTest::plain).collect(Collectors.toList());
        }
        if (v instanceof ConfigNull) {
            return "null";
        }
        if (v instanceof ConfigBoolean b) {
            return b.value();
        }
        if (v instanceof ConfigInteger i) {
            return i.value();
        }
        if (v instanceof ConfigFloat f) {
            return f.value();
        }
        return "s:" + ((ConfigString) v).value();
    }
}
