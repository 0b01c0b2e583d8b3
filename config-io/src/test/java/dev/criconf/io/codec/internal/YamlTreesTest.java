package dev.criconf.io.codec.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.yaml.YamlSchema;
import dev.criconf.io.yaml.YamlStream;
import dev.criconf.model.Origin;
import dev.criconf.model.Problem;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigEntry;
import dev.criconf.model.value.ConfigFloat;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigNull;
import dev.criconf.model.value.ConfigScalar;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTreesTest {

    static YamlTrees.Trees trees(String text) {
        return YamlTrees.of(YamlStream.parse("f.yaml", text));
    }

    static ConfigTable table(String text) {
        return (ConfigTable) trees(text).first().orElseThrow();
    }

    static String at(Origin o) {
        return o.line() + ":" + o.column() + "+" + o.length();
    }

    @Test
    void scalarsAreTypedAsTheKubeletReadsThemAndKeepTheirText() {
        ConfigTable t = table("a: no\nb: 'no'\nc: 0755\nd: \"1.30\"\ne: 1.30\nf: ~\ng:\nh: On\ni: 0x1F\nj: 1_000\nk: .inf\nl: !!str 12\n");
        assertEquals(new ConfigBoolean(false, "no", t.get("a").get().origin()), t.get("a").get());
        assertEquals(new ConfigString("no", "'no'", t.get("b").get().origin()), t.get("b").get());
        assertEquals(new ConfigInteger(BigInteger.valueOf(493), "0755", t.get("c").get().origin()), t.get("c").get());
        assertEquals("\"1.30\"", ((ConfigScalar) t.get("d").get()).raw());
        ConfigFloat e = assertInstanceOf(ConfigFloat.class, t.get("e").get());
        assertEquals("1.30", e.raw());
        assertEquals(1.3, e.value());
        assertEquals(new ConfigNull("~", t.get("f").get().origin()), t.get("f").get());
        ConfigNull g = assertInstanceOf(ConfigNull.class, t.get("g").get());
        assertEquals("", g.raw());
        assertEquals(true, t.get("h").get().asBoolean().orElseThrow());
        assertEquals(31L, t.get("i").get().asLong().orElseThrow());
        assertEquals(1000L, t.get("j").get().asLong().orElseThrow());
        assertEquals(Double.POSITIVE_INFINITY, t.get("k").get().asDouble().orElseThrow());
        assertEquals("12", t.get("l").get().asString().orElseThrow());
        assertEquals("1:4+2", at(t.get("a").get().origin()));
        assertEquals("2:4+4", at(t.get("b").get().origin()));
    }

    @Test
    void theCoreSchemaReadsTheSameTextDifferently() {
        ConfigTable t = (ConfigTable) YamlTrees.of(YamlStream.parse("f.yaml", "a: no\nb: 0755\n"), YamlSchema.YAML_1_2_CORE)
                .first().orElseThrow();
        assertEquals("no", t.get("a").get().asString().orElseThrow());
        assertEquals(755L, t.get("b").get().asLong().orElseThrow());
    }

    @Test
    void keysAreNamedAsTheirJsonText() {
        ConfigTable t = table("on: 1\n0x10: 2\n\"yes\": 3\nplain: 4\n");
        assertEquals(List.of("true", "16", "yes", "plain"), t.keys());
        assertEquals("1:1+2", at(t.entries().get(0).keyOrigin()));
    }

    @Test
    void originsPointAtTheWrittenNodes() {
        ConfigTable t = table("# c\nevictionHard:\n  memory.available: 100Mi\nlist:\n- a\n- b\nflow: {x: 1}\n");
        ConfigTable eh = assertInstanceOf(ConfigTable.class, t.get("evictionHard").get());
        assertEquals("3:3", at(eh.origin()).split("\\+")[0]);
        assertEquals("2:1+12", at(t.entry("evictionHard").get().keyOrigin()));
        ConfigArray list = assertInstanceOf(ConfigArray.class, t.get("list").get());
        assertEquals(List.of("a", "b"), list.asStrings().orElseThrow());
        assertEquals("5:1", at(list.origin()).split("\\+")[0]);
        assertEquals("7:7", at(t.get("flow").get().origin()).split("\\+")[0]);
        assertEquals("f.yaml", t.origin().file());
    }

    @Test
    void duplicateKeysStayAndTheLastWins() {
        YamlStream s = YamlStream.parse("f.yaml", "a: 1\na: 2\n");
        ConfigTable t = (ConfigTable) YamlTrees.of(s).first().orElseThrow();
        assertEquals(2, t.size());
        assertEquals(2L, t.get("a").get().asLong().orElseThrow());
        assertEquals(1, t.duplicateEntries().size());
        assertEquals(Problem.Kind.DUPLICATE_KEY, s.problems().get(0).kind());
    }

    @Test
    void aliasesShareTheirAnchorsTree() {
        ConfigTable t = table("base: &b\n  x: 1\nother: *b\n");
        assertTrue(t.get("base").get() == t.get("other").get(), "shared, not copied");
    }

    @Test
    void mergeKeysApplyLikeGoYamlV2() {
        ConfigTable t = table("base: &b\n  x: 1\n  p: 2\nuse:\n  <<: *b\n  p: 3\n");
        ConfigTable use = (ConfigTable) t.get("use").get();
        assertEquals(List.of("x", "p"), use.keys());
        assertEquals(3L, use.get("p").get().asLong().orElseThrow());
        assertEquals(List.of(), use.duplicateEntries());
        // merged entries keep their origins in the anchor
        assertEquals(2, use.entry("x").get().keyOrigin().line());

        ConfigTable seq = table("a: &a {k: 1}\nb: &b {k: 2, j: 2}\nc:\n  <<: [*a, *b]\n");
        ConfigTable c = (ConfigTable) seq.get("c").get();
        assertEquals(1L, c.get("k").get().asLong().orElseThrow(), "earlier mappings win");
        assertEquals(2L, c.get("j").get().asLong().orElseThrow());

        YamlTrees.Trees bad = trees("a:\n  <<: 5\n  b: 1\n");
        assertEquals(1, bad.problems().size());
        assertEquals(List.of("b"), ((ConfigTable) ((ConfigTable) bad.first().get()).get("a").get()).keys());
    }

    @Test
    void anAliasInsideItsOwnAnchorIsNull() {
        YamlStream s = YamlStream.parse("f.yaml", "a: &x\n  b: *x\n");
        YamlTrees.Trees t = YamlTrees.of(s);
        ConfigTable a = (ConfigTable) ((ConfigTable) t.first().get()).get("a").get();
        assertInstanceOf(ConfigNull.class, a.get("b").get());
        assertEquals("*x", ((ConfigNull) a.get("b").get()).raw());
        // the stream reports it; the conversion does not repeat it
        assertEquals(1, s.problems().size());
        assertEquals(List.of(), t.problems());
    }

    @Test
    void yAndNAreBooleanKeysInYaml11() {
        ConfigTable t = table("y: 1\nn: 2\n");
        assertEquals(List.of("true", "false"), t.keys());
    }

    @Test
    void everyDocumentIsConverted() {
        YamlTrees.Trees t = trees("a: 1\n---\n- x\n---\n");
        assertEquals(3, t.documents().size());
        assertInstanceOf(ConfigTable.class, t.documents().get(0));
        assertInstanceOf(ConfigArray.class, t.documents().get(1));
        assertInstanceOf(ConfigNull.class, t.documents().get(2));
    }

    @Test
    void deepNestingIsCutOffNotOverflowed() {
        int depth = YamlTrees.MAX_DEPTH + 50;
        String text = "[".repeat(depth) + "]".repeat(depth);
        YamlStream s = YamlStream.parse("f.yaml", text, ParseLimits.DEFAULTS.withMaxDepth(depth + 10));
        YamlTrees.Trees t = YamlTrees.of(s);
        assertEquals(1, t.problems().size(), t.problems().toString());
        assertEquals(Problem.Kind.LIMIT_EXCEEDED, t.problems().get(0).kind());
        ConfigValue v = t.first().orElseThrow();
        int levels = 0;
        while (v instanceof ConfigArray a && !a.items().isEmpty()) {
            v = a.items().get(0);
            levels++;
        }
        assertEquals(YamlTrees.MAX_DEPTH + 1, levels);
    }

    @Test
    void entriesKeepKeyOrigins() {
        ConfigTable t = table("x:\n  'q': 1\n");
        ConfigEntry e = ((ConfigTable) t.get("x").get()).entries().get(0);
        assertEquals("q", e.key());
        assertEquals("2:3+3", at(e.keyOrigin()));
    }
}
