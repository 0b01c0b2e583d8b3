package dev.criconf.model.value;

import static dev.criconf.testing.TestTrees.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.Origin;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigTreeTest {

    private final Origin o = Origin.ofFile("f.yaml");

    @Test
    void keepsDuplicateKeysAndReadsTheLast() {
        Origin first = new Origin("f.yaml", 1, 1, 0, 3);
        Origin second = new Origin("f.yaml", 2, 1, 10, 3);
        ConfigTable t = ConfigTable.builder(o)
                .put("port", first, ConfigInteger.of(1, first))
                .put("other", first, ConfigBoolean.of(true, first))
                .put("port", second, ConfigInteger.of(2, second))
                .build();
        assertEquals(3, t.size());
        assertEquals(Optional.of(2L), t.get("port").flatMap(ConfigValue::asLong));
        assertEquals(List.of("port", "other"), t.keys());
        assertEquals(1, t.duplicateEntries().size());
        assertEquals(second, t.duplicateEntries().get(0).keyOrigin());
        assertEquals(Map.of("port", t.entries().get(2).value(), "other", t.entries().get(1).value()), t.asMap());
    }

    @Test
    void findsCaseMismatchesAndIgnoringCaseLookups() {
        ConfigTable t = tree("k.yaml", "CgroupDriver", "systemd", "port", 1);
        assertEquals(Map.of("CgroupDriver", "cgroupDriver"), t.caseMismatches(Set.of("cgroupDriver", "port")));
        assertTrue(t.entryIgnoringCase("cgroupdriver").isPresent());
        assertFalse(t.entry("cgroupdriver").isPresent());
    }

    @Test
    void walksInDocumentOrderWithPaths() {
        ConfigTable t = tree("c.toml", "a.b", 1, "a.c", List.of("x", "y"), "d", true);
        List<String> paths = new ArrayList<>();
        for (ConfigValues.Node n : ConfigValues.walk(t)) {
            paths.add(n.path().toString());
        }
        assertEquals(List.of("", "a", "a.b", "a.c", "a.c[0]", "a.c[1]", "d"), paths);
    }

    @Test
    void handlesDeepTreesWithoutRecursion() {
        // deeper than a recursive implementation survives; walk builds a path per node, so it gets a shallower tree
        ConfigValue v = new ConfigString("leaf", "leaf", o);
        ConfigValue shallow = v;
        for (int i = 0; i < 200_000; i++) {
            v = new ConfigArray(o, List.of(v));
            if (i == 4_999) {
                shallow = v;
            }
        }
        assertTrue(ConfigValues.sameContent(v, v));
        assertTrue(ConfigValues.render(v, 40).endsWith("..."));
        assertEquals(5_001, ConfigValues.walk(shallow).size());
    }

    @Test
    void comparesContentIgnoringOriginsAndSpelling() {
        ConfigTable a = tree("a.toml", "x", 1, "y", List.of("p"));
        Origin elsewhere = new Origin("b.toml", 9, 9, 99, 1);
        ConfigTable b = ConfigTable.builder(elsewhere)
                .put("x", new ConfigInteger(BigInteger.ONE, "0x1", elsewhere))
                .put("y", new ConfigArray(elsewhere, List.of(new ConfigString("p", "'p'", elsewhere))))
                .build();
        assertTrue(ConfigValues.sameContent(a, b));
        assertFalse(ConfigValues.sameContent(a, tree("c.toml", "y", List.of("p"), "x", 1)));
        assertTrue(ConfigValues.sameContent(new ConfigFloat(Double.NaN, "nan", o), new ConfigFloat(Double.NaN, "+nan", o)));
    }

    @Test
    void rendersOnOneLine() {
        ConfigTable t = tree("a.yaml", "m.k", "v\"q", "n", 3, "b", List.of(true, false));
        assertEquals("{m: {k: \"v\\\"q\"}, n: 3, b: [true, false]}", ConfigValues.render(t, 200));
    }

    @Test
    void typedAccessorsOnlyForTheirType() {
        ConfigValue s = new ConfigString("true", "\"true\"", o);
        assertEquals(Optional.empty(), s.asBoolean());
        assertEquals(Optional.of("true"), s.asString());
        ConfigValue big = new ConfigInteger(new BigInteger("123456789012345678901234567890"), "123456789012345678901234567890", o);
        assertEquals(Optional.empty(), big.asLong());
        assertTrue(big.asBigInteger().isPresent());
        assertEquals(Optional.of(2.0), ConfigInteger.of(2, o).asDouble());
    }

    @Test
    void recordsRejectNullsAndCopyCollections() {
        assertThrows(NullPointerException.class, () -> new ConfigString(null, "", o));
        assertThrows(NullPointerException.class, () -> new ConfigTable(null, List.of()));
        assertThrows(NullPointerException.class, () -> new ConfigEntry("k", o, null));
        assertThrows(IllegalArgumentException.class,
                () -> new ConfigDateTime(ConfigDateTime.Kind.LOCAL_TIME, LocalDate.of(2024, 1, 1), "2024-01-01", o));
        List<ConfigValue> items = new ArrayList<>(List.of(ConfigBoolean.of(true, o)));
        ConfigArray a = new ConfigArray(o, items);
        items.clear();
        assertEquals(1, a.size());
        assertThrows(UnsupportedOperationException.class, () -> a.items().add(ConfigBoolean.of(false, o)));
        assertThrows(NullPointerException.class, () -> new ConfigArray(o, java.util.Arrays.asList((ConfigValue) null)));
    }

    @Test
    void resolvesPathsThroughTablesAndArrays() {
        ConfigTable t = tree("a.toml", "imports", List.of("a.toml", "b.toml"));
        assertEquals(Optional.of("b.toml"), KeyPath.of("imports").index(1).resolve(t).flatMap(ConfigValue::asString));
        assertEquals(Optional.empty(), KeyPath.of("imports").index(5).resolve(t));
        assertEquals(Optional.empty(), KeyPath.of("imports", "x").resolve(t));
    }
}
