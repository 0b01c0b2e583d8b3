package dev.criconf.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.Problem;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class YamlSemanticsTest {

    private static YamlValue read(String plain, YamlSchema schema) {
        YamlStream s = YamlStream.parse("t.yaml", "v: " + plain + "\n");
        assertFalse(s.hasSyntaxErrors(), () -> s.problems().toString());
        return s.document(0).orElseThrow().value(schema).asMapping().get("v").orElseThrow();
    }

    private static YamlValue parse(String kind, String text) {
        return switch (kind) {
            case "bool" -> YamlValue.of(Boolean.parseBoolean(text));
            case "int" -> YamlValue.of(new BigInteger(text));
            case "float" -> YamlValue.of(Double.parseDouble(text));
            case "null" -> YamlValue.NULL;
            default -> YamlValue.of(text);
        };
    }

    /** go-yaml v2 (sigs.k8s.io/yaml, the kubelet) against the YAML 1.2 core schema. */
    @ParameterizedTest(name = "{0}: 1.1 {1} {2}, 1.2 {3} {4}")
    @CsvSource(delimiter = '|', value = {
        "yes    | bool  | true                 | str   | yes",
        "Yes    | bool  | true                 | str   | Yes",
        "YES    | bool  | true                 | str   | YES",
        "y      | bool  | true                 | str   | y",
        "Y      | bool  | true                 | str   | Y",
        "on     | bool  | true                 | str   | on",
        "ON     | bool  | true                 | str   | ON",
        "no     | bool  | false                | str   | no",
        "n      | bool  | false                | str   | n",
        "off    | bool  | false                | str   | off",
        "Off    | bool  | false                | str   | Off",
        "true   | bool  | true                 | bool  | true",
        "FALSE  | bool  | false                | bool  | false",
        "tRUE   | str   | tRUE                 | str   | tRUE",
        "yEs    | str   | yEs                  | str   | yEs",
        "0755   | int   | 493                  | int   | 755",
        "0o17   | int   | 15                   | int   | 15",
        "0x1F   | int   | 31                   | int   | 31",
        "-0x1F  | int   | -31                  | str   | -0x1F",
        "0b101  | int   | 5                    | str   | 0b101",
        "1_000  | int   | 1000                 | str   | 1_000",
        "+12    | int   | 12                   | int   | 12",
        "08     | float | 8                    | int   | 8",
        "1:30   | str   | 1:30                 | str   | 1:30",
        "190:20:30 | str | 190:20:30           | str   | 190:20:30",
        "~      | null  |                      | null  | ",
        "null   | null  |                      | null  | ",
        "Null   | null  |                      | null  | ",
        "2001-12-14 | str | 2001-12-14         | str   | 2001-12-14",
        ".5     | float | 0.5                  | float | 0.5",
        "1e3    | float | 1000                 | float | 1000",
        "1_000.5 | float | 1000.5              | str   | 1_000.5",
        ".inf   | float | Infinity             | float | Infinity",
        "-.INF  | float | -Infinity            | float | -Infinity",
        ".NaN   | float | NaN                  | float | NaN",
        "18446744073709551615 | int | 18446744073709551615 | int | 18446744073709551615",
        "99999999999999999999 | float | 1e20   | int   | 99999999999999999999",
        "0xFFFFFFFFFFFFFFFFFF | int | 4722366482869645213695 | int | 4722366482869645213695",
        "systemd | str  | systemd              | str   | systemd",
    })
    void scalarTypes(String text, String kind11, String value11, String kind12, String value12) {
        assertEquals(parse(kind11, value11 == null ? "" : value11), read(text, YamlSchema.YAML_1_1_KUBELET), "YAML 1.1");
        assertEquals(parse(kind12, value12 == null ? "" : value12), read(text, YamlSchema.YAML_1_2_CORE), "YAML 1.2");
    }

    @Test
    void quotedAndTaggedScalars() {
        YamlStream s = YamlStream.parse("t.yaml", "a: 'yes'\nb: \"0755\"\nc: !!str on\nd: !!int \"0x10\"\ne: !!float 1\n");
        for (YamlSchema schema : YamlSchema.values()) {
            YamlValue.MappingValue m = s.document(0).orElseThrow().value(schema).asMapping();
            assertEquals(YamlValue.of("yes"), m.get("a").orElseThrow());
            assertEquals(YamlValue.of("0755"), m.get("b").orElseThrow());
            assertEquals(YamlValue.of("on"), m.get("c").orElseThrow());
            assertEquals(YamlValue.of(16), m.get("d").orElseThrow());
            assertEquals(YamlValue.of(1.0), m.get("e").orElseThrow());
        }
    }

    @Test
    void ambiguityReportListsWhatTheKubeletReadsDifferently() {
        String text = "apiVersion: kubelet.config.k8s.io/v1beta1\n"
                + "kind: KubeletConfiguration\n"
                + "failSwapOn: no\n"
                + "staticPodPath: \"yes\"\n"
                + "cgroupDriver: systemd\n"
                + "on: x\n"
                + "mode: 0755\n"
                + "tlsCipherSuites: [y, TLS_AES_128_GCM_SHA256]\n";
        YamlStream s = YamlStream.parse("config.yaml", text);
        List<AmbiguousScalar> a = s.ambiguousScalars();
        assertEquals(List.of("no", "on", "0755", "y"), a.stream().map(AmbiguousScalar::text).collect(Collectors.toList()));
        AmbiguousScalar no = a.get(0);
        assertEquals("config.yaml:3:13", no.origin().toString());
        assertEquals(YamlPath.of("failSwapOn"), no.path());
        assertFalse(no.isKey());
        assertEquals(YamlValue.of(false), no.yaml11());
        assertEquals(YamlValue.of("no"), no.yaml12());
        assertTrue(a.get(1).isKey());
        assertEquals(YamlPath.of("on"), a.get(1).path());
        assertEquals(YamlValue.of(493), a.get(2).yaml11());
        assertEquals(YamlValue.of(755), a.get(2).yaml12());
        assertEquals(YamlPath.of("tlsCipherSuites", 0), a.get(3).path());
        // The kubelet sees a boolean key where YAML 1.2 sees the string "on".
        assertTrue(s.document(0).orElseThrow().value(YamlSchema.YAML_1_1_KUBELET).asMapping().entries()
                .containsKey(YamlValue.of(true)));
    }

    @Test
    void duplicateKeysAreLocatedProblemsAndTheLastOneWins() {
        String text = "apiVersion: v1\nkind: KubeletConfiguration\ncgroupDriver: cgroupfs\nport: 1\ncgroupDriver: systemd\n";
        YamlStream s = YamlStream.parse("config.yaml", text);
        assertEquals(1, s.problems().size());
        Problem p = s.problems().get(0);
        assertEquals(Problem.Kind.DUPLICATE_KEY, p.kind());
        assertEquals("duplicate key `cgroupDriver`, first defined at 3:1", p.message());
        assertEquals("config.yaml:5:1", p.origin().toString());
        assertTrue(s.hasErrors());
        assertFalse(s.hasSyntaxErrors());
        assertEquals(YamlValue.of("systemd"),
                s.document(0).orElseThrow().value(YamlSchema.YAML_1_1_KUBELET).asMapping().get("cgroupDriver").orElseThrow());
        YamlScalar found = (YamlScalar) s.find(0, YamlPath.of("cgroupDriver")).orElseThrow();
        assertEquals(5, found.origin().line());
    }

    @Test
    void yaml11KeysCollideByValue() {
        YamlStream s = YamlStream.parse("c.yaml", "on: 1\ntrue: 2\n0x10: a\n16: b\n");
        assertEquals(List.of("duplicate key `true`, first defined at 1:1", "duplicate key `16`, first defined at 3:1"),
                s.problems().stream().map(Problem::message).collect(Collectors.toList()));
    }

    @Test
    void mergeKeysApplyInYaml11Only() {
        // (not "y": that is a boolean key in YAML 1.1)
        String text = "base: &b {x: 1, z: 2}\nm:\n  <<: *b\n  z: 3\n";
        YamlStream s = YamlStream.parse("m.yaml", text);
        assertTrue(s.problems().isEmpty(), () -> s.problems().toString());
        YamlValue m11 = s.document(0).orElseThrow().value(YamlSchema.YAML_1_1_KUBELET).asMapping().get("m").orElseThrow();
        assertEquals(YamlValue.of(1), m11.asMapping().get("x").orElseThrow());
        assertEquals(YamlValue.of(3), m11.asMapping().get("z").orElseThrow());
        YamlValue m12 = s.document(0).orElseThrow().value(YamlSchema.YAML_1_2_CORE).asMapping().get("m").orElseThrow();
        assertTrue(m12.asMapping().get("<<").isPresent());
    }

    @Test
    void spansAndLookupInAMultiDocumentStream() {
        String text = "%YAML 1.1\n---\na: &x 1\nb: *x\n...\n---\n- [1, 2]\n- {k: v}\n";
        YamlStream s = YamlStream.parse("s.yaml", text);
        assertTrue(s.problems().isEmpty(), () -> s.problems().toString());
        assertEquals(2, s.documents().size());
        YamlDocument first = s.documents().get(0);
        assertEquals("1.1", first.yamlVersion().orElseThrow());
        assertTrue(first.explicitStart() && first.explicitEnd());
        YamlAlias alias = (YamlAlias) s.find(0, YamlPath.of("b")).orElseThrow();
        YamlScalar target = (YamlScalar) first.resolve(alias).orElseThrow();
        assertEquals("x", target.anchor().orElseThrow());
        assertEquals("s.yaml:3:7", target.origin().toString());
        assertEquals("s.yaml:3:4", target.nodeOrigin().toString());
        YamlMapping root = (YamlMapping) first.root();
        assertEquals("s.yaml:4:1", root.entries().get(1).keyOrigin().toString());
        assertEquals("s.yaml:4:4", root.entries().get(1).valueOrigin().toString());
        YamlScalar v = (YamlScalar) s.find(1, YamlPath.of(1, "k")).orElseThrow();
        assertEquals("s.yaml:8:7", v.origin().toString());
        assertEquals(YamlValue.of(2), s.document(1).orElseThrow().value(YamlSchema.YAML_1_2_CORE) instanceof YamlValue.SequenceValue q
                ? ((YamlValue.SequenceValue) q.items().get(0)).items().get(1) : null);
        SpanChecks.check(s);
    }
}
