package dev.criconf.validate.internal.rules;

import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.testing.TestTrees.valueAt;
import static dev.criconf.validate.internal.rules.KubeletNodes.CONFIG;
import static dev.criconf.validate.internal.rules.KubeletNodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.Component;
import dev.criconf.model.FileFormat;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.ParsedFile;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Severity;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeletYaml11AmbiguityRuleTest {

    private static final KubeletYaml11AmbiguityRule RULE = new KubeletYaml11AmbiguityRule();

    private static NodeConfig config(ConfigTable t) {
        return NodeConfig.builder("n").kubeletConfiguration(new KubeletConfiguration(CONFIG, t)).build();
    }

    @Test
    void failSwapOnNoAsAYaml11ParserTypesIt() {
        ConfigTable t = tree(CONFIG, "cgroupDriver", "systemd", "failSwapOn", new ConfigBoolean(false, "no", valueAt(CONFIG, 2)));
        List<Finding> f = run(RULE, "1.35.0", config(t));
        assertEquals(1, f.size());
        Finding x = f.get(0);
        assertEquals("kubelet-yaml11-ambiguity", x.ruleId());
        assertEquals(Severity.WARNING, x.severity());
        assertEquals(valueAt(CONFIG, 2), x.location());
        assertEquals("failSwapOn: 'no' is the boolean false for the kubelet (YAML 1.1) but the string \"no\" for YAML 1.2 "
                + "tools such as yq; write false to keep the kubelet's reading, or quote it to mean the string", x.message());
        assertEquals(List.of(Fix.suggestion("write false instead of no",
                new NodeEdit.SetValue(CONFIG, List.of("failSwapOn"), "false"))), x.fixes());
    }

    @Test
    void theSameWhenTheParserUsedYaml12() {
        ConfigTable t = tree(CONFIG, "failSwapOn", new ConfigString("no", "no", valueAt(CONFIG, 1)));
        assertEquals(1, run(RULE, null, config(t)).size());
    }

    @Test
    void quotedAndCanonicalScalarsAreFine() {
        ConfigTable t = tree(CONFIG, "failSwapOn", false, "cgroupDriver", "yes",
                "clusterDomain", new ConfigString("on", "'on'", valueAt(CONFIG, 3)),
                "maxPods", 110, "staticPodPath", new ConfigString("/etc/kubernetes/manifests", "/etc/kubernetes/manifests",
                        valueAt(CONFIG, 5)), "imageMinimumGCAge", new ConfigString("2m0s", "2m0s", valueAt(CONFIG, 6)));
        assertEquals(List.of(), run(RULE, null, config(t)));
    }

    @Test
    void aStringFieldCannotTakeTheYaml11Boolean() {
        ConfigTable t = tree(CONFIG, "cgroupDriver", new ConfigString("yes", "yes", valueAt(CONFIG, 1)));
        Finding x = run(RULE, null, config(t)).get(0);
        assertEquals("cgroupDriver: 'yes' is the boolean true for the kubelet (YAML 1.1) but the string \"yes\" for YAML 1.2 "
                + "tools such as yq; the kubelet cannot use the boolean true as cgroupDriver and refuses to start; quote it: "
                + "\"yes\"", x.message());
        assertEquals(List.of(), x.fixes());
    }

    @Test
    void octalNumbers() {
        ConfigTable t = tree(CONFIG, "maxPods", new ConfigInteger(BigInteger.valueOf(493), "0755", valueAt(CONFIG, 1)));
        Finding x = run(RULE, null, config(t)).get(0);
        assertEquals("maxPods: '0755' is the number 493 for the kubelet (YAML 1.1) but the number 755 for YAML 1.2 tools "
                + "such as yq; write 493 to keep the kubelet's reading, or quote it to mean the string", x.message());
    }

    @Test
    void kubeadmFilesAndNestedValues() {
        ConfigTable init = tree("kubeadm.yaml", "kind", "InitConfiguration",
                "nodeRegistration.kubeletExtraArgs.rotate-certificates", new ConfigString("on", "on", valueAt("kubeadm.yaml", 2)));
        ConfigTable kubelet = tree("kubeadm.yaml", "kind", "KubeletConfiguration",
                "authentication.anonymous.enabled", new ConfigString("Off", "Off", valueAt("kubeadm.yaml", 9)));
        NodeConfig n = NodeConfig.builder("n")
                .addParsedFile(new ParsedFile("kubeadm.yaml", FileFormat.YAML, Component.KUBEADM, List.of(init, kubelet)))
                .build();
        List<Finding> f = run(RULE, null, n);
        assertEquals(2, f.size());
        assertTrue(f.get(0).message().startsWith("nodeRegistration.kubeletExtraArgs.rotate-certificates: 'on' is the "
                + "boolean true for kubeadm"), f.get(0).message());
        assertTrue(f.get(1).message().startsWith("authentication.anonymous.enabled: 'Off' is the boolean false for the "
                + "kubelet"), f.get(1).message());
        assertTrue(f.stream().allMatch(x -> x.fixes().isEmpty()), "two documents: a key path alone is ambiguous");
    }

    @Test
    void jsonFilesAndOtherComponentsAreNotChecked() {
        ConfigTable t = tree("var/lib/kubelet/config.json", "failSwapOn", new ConfigString("no", "no", valueAt(CONFIG, 1)));
        NodeConfig json = NodeConfig.builder("n").kubeletConfiguration(new KubeletConfiguration("var/lib/kubelet/config.json", t))
                .build();
        assertEquals(List.of(), run(RULE, null, json));
        NodeConfig profile = NodeConfig.builder("n").addParsedFile(ParsedFile.of("criconf.yaml", FileFormat.YAML,
                Component.CRICONF, tree("criconf.yaml", "init", new ConfigString("on", "on", valueAt("criconf.yaml", 1)))))
                .build();
        assertEquals(List.of(), run(RULE, null, profile));
    }

    @Test
    void readings() {
        assertEquals(new Yaml11Readings.Bool(true), Yaml11Readings.yaml11("Y"));
        assertEquals(new Yaml11Readings.Str("Y"), Yaml11Readings.yaml12("Y"));
        assertEquals(Yaml11Readings.yaml11("1_000"), Yaml11Readings.yaml12("1000"));
        assertEquals(new Yaml11Readings.Str("1_000"), Yaml11Readings.yaml12("1_000"));
        assertEquals(BigInteger.valueOf(5), Yaml11Readings.goParseInt("0b101").orElseThrow());
        assertEquals(BigInteger.valueOf(-31), Yaml11Readings.goParseInt("-0x1F").orElseThrow());
        assertEquals(BigInteger.valueOf(15), Yaml11Readings.goParseInt("0o17").orElseThrow());
        assertTrue(Yaml11Readings.goParseInt("089").isEmpty(), "not octal");
        assertTrue(Yaml11Readings.goParseInt("0x").isEmpty());
        assertTrue(Yaml11Readings.goParseInt("18446744073709551616").isEmpty(), "beyond uint64");
        assertTrue(Yaml11Readings.goParseInt("18446744073709551615").isPresent(), "uint64 max");
        for (String same : List.of("true", "False", "~", "null", "", "0", "12", "0x1F", "0o17", "1.5", ".inf", "-.Inf", ".NaN",
                "2001-12-14", "1:30", "08", "abc")) {
            ConfigString s = new ConfigString(same, same, valueAt(CONFIG, 1));
            assertTrue(Yaml11Readings.ambiguity(s).isEmpty(), same);
        }
        for (String differ : List.of("yes", "No", "ON", "off", "y", "n", "0755", "-0755", "0b101", "1_000", "+0x1F", "-0o17")) {
            ConfigString s = new ConfigString(differ, differ, valueAt(CONFIG, 1));
            assertTrue(Yaml11Readings.ambiguity(s).isPresent(), differ);
            assertFalse(Yaml11Readings.ambiguity(new ConfigString(differ, "\"" + differ + "\"", valueAt(CONFIG, 1))).isPresent());
        }
    }
}
