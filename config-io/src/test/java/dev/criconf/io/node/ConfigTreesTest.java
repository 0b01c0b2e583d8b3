package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.codec.internal.JsonTrees;
import dev.criconf.io.codec.internal.TomlTrees;
import dev.criconf.io.json.JsonDocument;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigDateTime;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigScalar;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.ConfigValues;
import dev.criconf.model.value.ValueType;
import dev.criconf.testing.SharedData;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** TOML and JSON documents as model trees: origins, raw text, order, duplicates. */
class ConfigTreesTest {

    @Test
    void tomlScalarsKeepTheirTextAndOrigin() {
        String text = "a = 0x1F\nb = 'C:\\x'\n[t]\nc = \"q\\\"\"\nd = 1979-05-27T07:32:00Z\ne = [1, 2,]\n[[arr]]\nf = true\n";
        ConfigTable t = TomlTrees.of(TomlDocument.parse("x.toml", text));
        ConfigInteger a = (ConfigInteger) t.get("a").orElseThrow();
        assertEquals(BigInteger.valueOf(31), a.value());
        assertEquals("0x1F", a.raw());
        assertEquals("x.toml:1:5", a.origin().toString());
        assertEquals("x.toml:1:1", t.entry("a").orElseThrow().keyOrigin().toString());
        assertEquals("'C:\\x'", ((ConfigScalar) t.get("b").orElseThrow()).raw());
        assertEquals("C:\\x", t.get("b").flatMap(ConfigValue::asString).orElseThrow());
        assertEquals("\"q\\\"\"", ((ConfigScalar) t.find("t", "c").orElseThrow()).raw());
        assertEquals(ConfigDateTime.Kind.OFFSET_DATE_TIME, ((ConfigDateTime) t.find("t", "d").orElseThrow()).kind());
        assertEquals(2, ((ConfigArray) t.find("t", "e").orElseThrow()).size());
        ConfigArray arr = (ConfigArray) t.get("arr").orElseThrow();
        assertEquals(ValueType.TABLE, arr.items().get(0).type());
        assertEquals(java.util.List.of("a", "b", "t", "arr"), t.keys());
    }

    @Test
    void jsonKeepsDuplicatesAndNumbers() {
        JsonDocument doc = JsonDocument.parse("daemon.json", "{\"a\": 1, \"b\": 1.5e3, \"a\": 2, \"c\": [null, \"x\"], \"d\": 123456789012345678901234567890}");
        ConfigTable t = (ConfigTable) JsonTrees.of(doc).orElseThrow();
        assertEquals(1, t.duplicateEntries().size());
        assertEquals(2L, t.get("a").flatMap(ConfigValue::asLong).orElseThrow(), "the last one counts, as in Go");
        assertEquals("1.5e3", ((ConfigScalar) t.get("b").orElseThrow()).raw());
        assertEquals(1500.0, t.get("b").flatMap(ConfigValue::asDouble).orElseThrow());
        assertTrue(((ConfigArray) t.get("c").orElseThrow()).items().get(0).isNull());
        assertEquals(new BigInteger("123456789012345678901234567890"), t.get("d").flatMap(ConfigValue::asBigInteger).orElseThrow());
        assertEquals("\"x\"", ((ConfigScalar) ((ConfigArray) t.get("c").orElseThrow()).items().get(1)).raw());
        assertTrue(JsonTrees.of(JsonDocument.parse("e.json", "  \n")).isEmpty());
    }

    /** Every TOML corpus file: the model tree says what tomlj's oracle tree says, and every raw text is the value's own span. */
    @TestFactory
    Stream<DynamicTest> tomlCorpusTreesMatchTheDocument() {
        Path corpus = SharedData.corpus();
        return Stream.concat(SharedData.files(corpus.resolve("containerd"), ".toml").stream(),
                        SharedData.files(corpus.resolve("crio")).stream().filter(p -> !p.toString().endsWith(".md")))
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                    TomlDocument doc = TomlDocument.parse(f.getFileName().toString(), Files.readAllBytes(f));
                    ConfigTable tree = TomlTrees.of(doc);
                    assertEquals(doc.root().toJava(), toJava(tree));
                    for (ConfigValues.Node n : ConfigValues.walk(tree)) {
                        if (n.value() instanceof ConfigScalar s) {
                            assertEquals(s.raw(), doc.text().substring(s.origin().offset(), s.origin().endOffset()));
                            assertTrue(!s.raw().isEmpty());
                        }
                    }
                }));
    }

    private static Object toJava(ConfigValue v) {
        if (v instanceof ConfigTable t) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            t.entries().forEach(e -> m.put(e.key(), toJava(e.value())));
            return m;
        }
        if (v instanceof ConfigArray a) {
            return a.items().stream().map(ConfigTreesTest::toJava).toList();
        }
        if (v instanceof ConfigInteger i) {
            return i.value().longValueExact();
        }
        if (v instanceof dev.criconf.model.value.ConfigFloat f) {
            return f.value();
        }
        if (v instanceof dev.criconf.model.value.ConfigBoolean b) {
            return b.value();
        }
        if (v instanceof ConfigDateTime d) {
            return d.value();
        }
        return v.asString().orElseThrow();
    }
}
