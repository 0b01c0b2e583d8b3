package dev.criconf.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.EditException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlEditTest {

    private static YamlStream yaml(String text) {
        YamlStream s = YamlStream.parse("config.yaml", text);
        assertTrue(s.problems().isEmpty(), () -> s.problems().toString());
        return s;
    }

    private static final String KUBELET = ""
            + "apiVersion: kubelet.config.k8s.io/v1beta1\n"
            + "kind: KubeletConfiguration\n"
            + "# the driver must match the runtime's\n"
            + "cgroupDriver: cgroupfs   # was set by hand\n"
            + "failSwapOn: \"false\"\n"
            + "clusterDNS:\n"
            + "- 10.96.0.10\n"
            + "evictionHard:\n"
            + "  memory.available: 100Mi\n"
            + "  nodefs.available: 10%\n"
            + "\n"
            + "# trailing comment\n";

    // ------------------------------------------------------------ set a scalar

    @Test
    void setPlainScalarKeepsTheCommentAfterIt() {
        YamlStream s = yaml(KUBELET).setScalar(0, YamlPath.of("cgroupDriver"), "systemd");
        assertEquals(KUBELET.replace("cgroupDriver: cgroupfs   #", "cgroupDriver: systemd   #"), s.text());
        assertEquals(YamlValue.of("systemd"),
                s.document(0).orElseThrow().value(YamlSchema.YAML_1_1_KUBELET).asMapping().get("cgroupDriver").orElseThrow());
    }

    @Test
    void stringsThatWouldReadAsOtherTypesAreQuoted() {
        YamlStream s = yaml("a: x\nb: x\nc: x\nd: x\ne: x\n")
                .setScalar(0, YamlPath.of("a"), "yes")
                .setScalar(0, YamlPath.of("b"), "0755")
                .setScalar(0, YamlPath.of("c"), "true")
                .setScalar(0, YamlPath.of("d"), "on")
                .setScalar(0, YamlPath.of("e"), "key: value # not a comment");
        assertEquals("a: \"yes\"\nb: \"0755\"\nc: \"true\"\nd: \"on\"\ne: \"key: value # not a comment\"\n", s.text());
        for (YamlSchema schema : YamlSchema.values()) {
            YamlValue.MappingValue m = s.document(0).orElseThrow().value(schema).asMapping();
            assertEquals(YamlValue.of("yes"), m.get("a").orElseThrow());
            assertEquals(YamlValue.of("0755"), m.get("b").orElseThrow());
        }
    }

    @Test
    void typedValuesAreWrittenPlainAndReplaceQuotes() {
        YamlStream s = yaml(KUBELET).setScalar(0, YamlPath.of("failSwapOn"), YamlValue.of(false));
        assertEquals(KUBELET.replace("failSwapOn: \"false\"", "failSwapOn: false"), s.text());
        YamlStream n = yaml("port: 10250\nratio: 0.5\n")
                .setScalar(0, YamlPath.of("port"), YamlValue.of(10255))
                .setScalar(0, YamlPath.of("ratio"), YamlValue.of(0.75));
        assertEquals("port: 10255\nratio: 0.75\n", n.text());
    }

    @Test
    void quotedStylesAreKeptWhenTheyCanHoldTheValue() {
        YamlStream s = yaml("a: 'old'\nb: \"old\"\n")
                .setScalar(0, YamlPath.of("a"), "it's")
                .setScalar(0, YamlPath.of("b"), "tab\there");
        assertEquals("a: 'it''s'\nb: \"tab\\there\"\n", s.text());
        YamlStream t = yaml("a: 'old'\n").setScalar(0, YamlPath.of("a"), "two\nlines");
        assertEquals("a: \"two\\nlines\"\n", t.text());
    }

    @Test
    void settingTheSameValueChangesNothing() {
        YamlStream s = yaml(KUBELET);
        assertSame(s, s.setScalar(0, YamlPath.of("cgroupDriver"), "cgroupfs"));
    }

    @Test
    void literalBlockScalarStaysLiteral() {
        YamlStream s = yaml("script: |\n  echo one\n  echo two\nnext: 1\n")
                .setScalar(0, YamlPath.of("script"), "echo three\n");
        assertEquals("script: |\n  echo three\nnext: 1\n", s.text());
        YamlStream t = yaml("script: |\n    a\n\nnext: 1\n").setScalar(0, YamlPath.of("script"), "b\nc");
        assertEquals("script: |-\n    b\n    c\n\nnext: 1\n", t.text());
    }

    @Test
    void emptyValueGetsASpace() {
        assertEquals("a: x\nb: 1\n", yaml("a:\nb: 1\n").setScalar(0, YamlPath.of("a"), "x").text());
    }

    @Test
    void crlfAndBomAreKept() {
        String text = "\uFEFFapiVersion: v1\r\nkind: KubeletConfiguration\r\ncgroupDriver: cgroupfs\r\n";
        YamlStream s = yaml(text).setScalar(0, YamlPath.of("cgroupDriver"), "systemd")
                .addKey(0, YamlPath.root(), "failSwapOn", YamlValue.of(false));
        assertEquals("\uFEFFapiVersion: v1\r\nkind: KubeletConfiguration\r\ncgroupDriver: systemd\r\nfailSwapOn: false\r\n",
                s.text());
    }

    @Test
    void charactersOutsideTheBmpDoNotShiftOffsets() {
        String text = "note: \"\uD83D\uDE00 smile\"\ncgroupDriver: cgroupfs # \uD83D\uDE00\n";
        YamlStream s = yaml(text);
        YamlScalar driver = (YamlScalar) s.find(0, YamlPath.of("cgroupDriver")).orElseThrow();
        assertEquals("cgroupfs", text.substring(driver.origin().offset(), driver.origin().endOffset()));
        assertEquals(15, driver.origin().column());
        assertEquals("note: \"\uD83D\uDE00 smile\"\ncgroupDriver: systemd # \uD83D\uDE00\n",
                s.setScalar(0, YamlPath.of("cgroupDriver"), "systemd").text());
    }

    // ------------------------------------------------------------ multi-document streams

    private static final String KUBEADM = ""
            + "apiVersion: kubeadm.k8s.io/v1beta4\n"
            + "kind: InitConfiguration\n"
            + "nodeRegistration:\n"
            + "  criSocket: unix:///var/run/containerd/containerd.sock\n"
            + "---\n"
            + "apiVersion: kubelet.config.k8s.io/v1beta1\n"
            + "kind: KubeletConfiguration\n"
            + "cgroupDriver: cgroupfs\n"
            + "...\n";

    @Test
    void editsTheSecondDocumentOnly() {
        YamlStream s = yaml(KUBEADM).setScalar(1, YamlPath.of("cgroupDriver"), "systemd")
                .addKey(1, YamlPath.root(), "containerRuntimeEndpoint", YamlValue.of("unix:///run/containerd/containerd.sock"));
        assertEquals(KUBEADM.replace("cgroupDriver: cgroupfs\n",
                "cgroupDriver: systemd\ncontainerRuntimeEndpoint: unix:///run/containerd/containerd.sock\n"), s.text());
        assertEquals(2, s.documents().size());
        assertEquals(yaml(KUBEADM).document(0).orElseThrow().value(YamlSchema.YAML_1_1_KUBELET),
                s.document(0).orElseThrow().value(YamlSchema.YAML_1_1_KUBELET));
    }

    // ------------------------------------------------------------ add a key

    @Test
    void addKeyToNestedBlockMappingUsesSiblingIndentation() {
        YamlStream s = yaml(KUBELET).addKey(0, YamlPath.of("evictionHard"), "imagefs.available", YamlValue.of("15%"));
        assertEquals(KUBELET.replace("  nodefs.available: 10%\n", "  nodefs.available: 10%\n  imagefs.available: 15%\n"),
                s.text());
    }

    @Test
    void addKeyWithCollectionValueFollowsTheFileLayout() {
        Map<String, YamlValue> gates = new LinkedHashMap<>();
        gates.put("KubeletCgroupDriverFromCRI", YamlValue.of(true));
        gates.put("NodeSwap", YamlValue.of(false));
        YamlStream s = yaml(KUBELET)
                .addKey(0, YamlPath.root(), "featureGates", YamlValue.mapping(gates))
                .addKey(0, YamlPath.root(), "enforceNodeAllocatable", YamlValue.sequence(List.of(YamlValue.of("pods"))));
        assertEquals(KUBELET.replace("  nodefs.available: 10%\n", "  nodefs.available: 10%\n"
                + "featureGates:\n  KubeletCgroupDriverFromCRI: true\n  NodeSwap: false\n"
                + "enforceNodeAllocatable:\n- pods\n"), s.text());
    }

    @Test
    void addKeyToFlowMappings() {
        YamlStream s = yaml("featureGates: {A: true}\nempty: {}\n")
                .addKey(0, YamlPath.of("featureGates"), "B", YamlValue.of(false))
                .addKey(0, YamlPath.of("empty"), "key with space", YamlValue.sequence(List.of(YamlValue.of(1), YamlValue.of("x,y"))));
        assertEquals("featureGates: {A: true, B: false}\nempty: {key with space: [1, \"x,y\"]}\n", s.text());
    }

    @Test
    void addKeyToAnEmptyValueMakesABlockMapping() {
        YamlStream s = yaml("featureGates:   # none yet\nport: 1\n")
                .addKey(0, YamlPath.of("featureGates"), "NodeSwap", YamlValue.of(true));
        assertEquals("featureGates:   # none yet\n  NodeSwap: true\nport: 1\n", s.text());
    }

    @Test
    void addKeyAtTheEndOfAFileWithoutFinalNewline() {
        assertEquals("a: 1\nb: 2", yaml("a: 1").addKey(0, YamlPath.root(), "b", YamlValue.of(2)).text());
    }

    @Test
    void addKeyQuotesKeysThatNeedIt() {
        assertEquals("a: 1\n\"on\": x\n", yaml("a: 1\n").addKey(0, YamlPath.root(), "on", YamlValue.of("x")).text());
    }

    @Test
    void addKeyRefusesAnExistingKey() {
        EditException e = assertThrows(EditException.class,
                () -> yaml(KUBELET).addKey(0, YamlPath.root(), "cgroupDriver", YamlValue.of("systemd")));
        assertTrue(e.getMessage().contains("exists at 4:1"), e.getMessage());
    }

    // ------------------------------------------------------------ add an item

    @Test
    void addItemToBlockAndFlowSequences() {
        YamlStream s = yaml(KUBELET).addItem(0, YamlPath.of("clusterDNS"), YamlValue.of("10.96.0.11"));
        assertEquals(KUBELET.replace("- 10.96.0.10\n", "- 10.96.0.10\n- 10.96.0.11\n"), s.text());
        YamlStream f = yaml("dns: [10.0.0.1]\nnone: []\n")
                .addItem(0, YamlPath.of("dns"), YamlValue.of("10.0.0.2"))
                .addItem(0, YamlPath.of("none"), YamlValue.of("yes"));
        assertEquals("dns: [10.0.0.1, 10.0.0.2]\nnone: [\"yes\"]\n", f.text());
    }

    @Test
    void addMappingItemToIndentedSequence() {
        String text = "nodeRegistration:\n  kubeletExtraArgs:\n    - name: node-ip\n      value: 10.0.0.1\n";
        Map<String, YamlValue> arg = new LinkedHashMap<>();
        arg.put("name", YamlValue.of("cgroup-driver"));
        arg.put("value", YamlValue.of("systemd"));
        YamlStream s = yaml(text).addItem(0, YamlPath.of("nodeRegistration", "kubeletExtraArgs"), YamlValue.mapping(arg));
        assertEquals(text + "    - name: cgroup-driver\n      value: systemd\n", s.text());
    }

    // ------------------------------------------------------------ remove

    @Test
    void removeKeyWithItsNestedLinesKeepsTheCommentsAround() {
        YamlStream s = yaml(KUBELET).remove(0, YamlPath.of("evictionHard"));
        assertEquals(KUBELET.replace("evictionHard:\n  memory.available: 100Mi\n  nodefs.available: 10%\n", ""), s.text());
        YamlStream t = yaml(KUBELET).remove(0, YamlPath.of("cgroupDriver"));
        assertEquals(KUBELET.replace("cgroupDriver: cgroupfs   # was set by hand\n", ""), t.text());
    }

    @Test
    void removeItems() {
        assertEquals("a:\n- 1\n- 3\n", yaml("a:\n- 1\n- 2\n- 3\n").remove(0, YamlPath.of("a", 1)).text());
        assertEquals("a:\n  []\n", yaml("a:\n- 1\n").remove(0, YamlPath.of("a", 0)).text());
        assertEquals("a:\n  []\n", yaml("a:\n  - 1\n").remove(0, YamlPath.of("a", 0)).text());
        assertEquals("a: [1, 3]\n", yaml("a: [1, 2, 3]\n").remove(0, YamlPath.of("a", 1)).text());
        assertEquals("a: [1, 2]\n", yaml("a: [1, 2, 3]\n").remove(0, YamlPath.of("a", 2)).text());
        assertEquals("a: [ ]\n", yaml("a: [ 1, ]\n").remove(0, YamlPath.of("a", 0)).text());
    }

    @Test
    void removeTheFirstKeyOfACompactMappingInASequence() {
        assertEquals("- b: 2\n", yaml("- a: 1\n  b: 2\n").remove(0, YamlPath.of(0, "a")).text());
        assertEquals("- {}\n", yaml("- a: 1\n").remove(0, YamlPath.of(0, "a")).text());
    }

    @Test
    void removeFromFlowMapping() {
        assertEquals("{b: 2}\n", yaml("{a: 1, b: 2}\n").remove(0, YamlPath.of("a")).text());
        assertEquals("{}\n", yaml("{a: 1}\n").remove(0, YamlPath.of("a")).text());
    }

    @Test
    void removeTheLastLineOfAFileWithoutFinalNewline() {
        assertEquals("a: 1", yaml("a: 1\nb: 2").remove(0, YamlPath.of("b")).text());
        assertEquals("b: 2", yaml("a: 1\nb: 2").remove(0, YamlPath.of("a")).text());
    }

    @Test
    void removeTheFirstOfTwoDuplicateKeys() {
        YamlStream s = YamlStream.parse("config.yaml", "cgroupDriver: cgroupfs\ncgroupDriver: systemd\n");
        assertEquals(1, s.problems().size());
        YamlStream fixed = s.removeEntry(0, YamlPath.root(), 0);
        assertEquals("cgroupDriver: systemd\n", fixed.text());
        assertTrue(fixed.problems().isEmpty());
        // A path names the last occurrence, the one the kubelet keeps.
        assertEquals("cgroupDriver: cgroupfs\n", s.remove(0, YamlPath.of("cgroupDriver")).text());
    }

    // ------------------------------------------------------------ refusals

    @Test
    void editsThatCannotBeMadeAreRefusedWithAReason() {
        YamlStream s = yaml(KUBELET);
        assertThrows(EditException.class, () -> s.setScalar(0, YamlPath.of("missing"), "x"));
        assertThrows(EditException.class, () -> s.setScalar(0, YamlPath.of("evictionHard"), "x"));
        assertThrows(EditException.class, () -> s.setScalar(1, YamlPath.of("cgroupDriver"), "x"));
        assertThrows(EditException.class, () -> s.addItem(0, YamlPath.of("cgroupDriver"), YamlValue.of(1)));
        assertThrows(EditException.class, () -> s.remove(0, YamlPath.root()));
        assertThrows(EditException.class,
                () -> s.setScalar(0, YamlPath.of("clusterDNS"), YamlValue.sequence(List.of())));
    }

    @Test
    void aStreamWithSyntaxErrorsRefusesEdits() {
        YamlStream broken = YamlStream.parse("config.yaml", "a: 1\nb: [1, 2\n");
        assertTrue(broken.hasSyntaxErrors());
        EditException e = assertThrows(EditException.class, () -> broken.setScalar(0, YamlPath.of("a"), "2"));
        assertTrue(e.getMessage().contains("has errors"), e.getMessage());
    }

    @Test
    void anchoredNodesThatAliasesUseAreNotEdited() {
        YamlStream s = yaml("base: &b\n  x: 1\nother: *b\n");
        EditException e = assertThrows(EditException.class, () -> s.setScalar(0, YamlPath.of("base", "x"), YamlValue.of(2)));
        assertTrue(e.getMessage().contains("&b"), e.getMessage());
        assertThrows(EditException.class, () -> s.setScalar(0, YamlPath.of("other", "x"), YamlValue.of(2)));
        assertThrows(EditException.class, () -> s.remove(0, YamlPath.of("base")));
        assertEquals("base: &b\n  x: 1\nother: *b\nz: 0\n", s.addKey(0, YamlPath.root(), "z", YamlValue.of(0)).text());
    }
}
