package dev.criconf.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.toml.TomlArray;
import dev.criconf.io.toml.TomlBoolean;
import dev.criconf.io.toml.TomlDocument;
import dev.criconf.io.toml.TomlFloat;
import dev.criconf.io.toml.TomlInteger;
import dev.criconf.io.toml.TomlString;
import dev.criconf.io.toml.TomlTable;
import dev.criconf.io.toml.TomlValue;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.containerd.ContainerdFile;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioFile;
import dev.criconf.model.value.ConfigArray;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigFloat;
import dev.criconf.model.value.ConfigInteger;
import dev.criconf.model.value.ConfigString;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Rule;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.TargetVersions;
import dev.criconf.validate.Validator;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds nodes for the containerd and CRI-O rule tests from TOML text (parsed with config-io's
 * TOML parser, so origins are real lines and columns) and runs one rule over them.
 */
final class RuntimeRulesTestSupport {

    static final String CONTAINERD = "etc/containerd/config.toml";
    static final String CRIO = "etc/crio/crio.conf";

    private RuntimeRulesTestSupport() {
    }

    /** The tree of a TOML text; fails the test when the text does not parse. */
    static ConfigTable toml(String file, String text) {
        TomlDocument doc = TomlDocument.parse(file, text);
        assertFalse(doc.hasErrors(), () -> "test input does not parse: " + doc.problems());
        return (ConfigTable) convert(doc.root(), doc.text());
    }

    private static ConfigValue convert(TomlValue v, String text) {
        String raw = text.substring(v.origin().offset(), Math.min(text.length(), v.origin().endOffset()));
        if (v instanceof TomlTable t) {
            ConfigTable.Builder b = ConfigTable.builder(t.origin());
            for (Map.Entry<String, TomlValue> e : t.entries().entrySet()) {
                ConfigValue c = convert(e.getValue(), text);
                b.put(e.getKey(), e.getValue().keyOrigin().orElse(c.origin()), c);
            }
            return b.build();
        }
        if (v instanceof TomlArray a) {
            List<ConfigValue> items = new ArrayList<>();
            for (TomlValue i : a.items()) {
                items.add(convert(i, text));
            }
            return new ConfigArray(a.origin(), items);
        }
        if (v instanceof TomlString s) {
            return new ConfigString(s.value(), raw, s.origin());
        }
        if (v instanceof TomlInteger i) {
            return new ConfigInteger(BigInteger.valueOf(i.value()), raw, i.origin());
        }
        if (v instanceof TomlBoolean b) {
            return new ConfigBoolean(b.value(), raw, b.origin());
        }
        if (v instanceof TomlFloat f) {
            return new ConfigFloat(f.value(), raw, f.origin());
        }
        return new ConfigString(String.valueOf(v.toJava()), raw, v.origin());
    }

    /** A node whose only configuration is a single containerd file. */
    static NodeConfig containerdNode(String text) {
        ConfigTable tree = toml(CONTAINERD, text);
        return NodeConfig.builder("node").addFile(CONTAINERD).containerd(ContainerdConfig.single(CONTAINERD, tree)).build();
    }

    /** A node with a containerd main file and imported files ({@code path, text} pairs), merged as the test says. */
    static NodeConfig containerdNode(ConfigTable merged, String... pathsAndTexts) {
        List<ContainerdFile> files = new ArrayList<>();
        NodeConfig.Builder b = NodeConfig.builder("node");
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.add(new ContainerdFile(pathsAndTexts[i], toml(pathsAndTexts[i], pathsAndTexts[i + 1])));
            b.addFile(pathsAndTexts[i]);
        }
        return b.containerd(new ContainerdConfig(files, merged, List.of())).build();
    }

    /** A node whose only CRI-O file is crio.conf. */
    static NodeConfig crioNode(String text) {
        ConfigTable tree = toml(CRIO, text);
        return NodeConfig.builder("node").addFile(CRIO).crio(CrioConfig.single(CRIO, CrioFile.Role.MAIN, tree)).build();
    }

    /** The CRI-O files ({@code path, text} pairs, main file first if any) with the merged tree the test gives. */
    static NodeConfig crioNode(ConfigTable merged, String... pathsAndTexts) {
        List<CrioFile> files = new ArrayList<>();
        NodeConfig.Builder b = NodeConfig.builder("node");
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            String path = pathsAndTexts[i];
            CrioFile.Role role = path.contains("crio.conf.d/") ? CrioFile.Role.DROP_IN : CrioFile.Role.MAIN;
            files.add(new CrioFile(path, role, toml(path, pathsAndTexts[i + 1])));
            b.addFile(path);
        }
        return b.crio(new CrioConfig(files, merged)).build();
    }

    static TargetVersion containerd(String version) {
        return TargetVersion.option(TargetComponent.CONTAINERD, version, "--containerd-version");
    }

    static TargetVersion crio(String version) {
        return TargetVersion.option(TargetComponent.CRIO, version, "--crio-version");
    }

    /** The rule's findings on the node; a rule that threw fails the test instead of showing up as internal-error. */
    static List<Finding> run(Rule rule, NodeConfig node, TargetVersion... versions) {
        List<Finding> findings = Validator.builder().ruleSet(RuleSet.of(rule)).targetVersions(TargetVersions.of(versions))
                .build().validate(node).findings();
        for (Finding f : findings) {
            assertEquals(rule.id(), f.ruleId(), () -> "unexpected finding " + f);
        }
        return findings;
    }

    /** The one finding the rule reports. */
    static Finding single(Rule rule, NodeConfig node, TargetVersion... versions) {
        List<Finding> findings = run(rule, node, versions);
        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        return findings.get(0);
    }

    static void assertQuiet(Rule rule, NodeConfig node, TargetVersion... versions) {
        List<Finding> findings = run(rule, node, versions);
        assertTrue(findings.isEmpty(), () -> "expected no finding, got " + findings);
    }

    /** Asserts severity, location ({@code file:line:col}) and message fragments. */
    static void assertFinding(Finding f, Severity severity, String location, String... fragments) {
        assertEquals(severity, f.severity(), () -> "severity of " + f);
        assertEquals(location, f.location().toString(), () -> "location of " + f);
        for (String s : fragments) {
            assertTrue(f.message().contains(s), () -> "message lacks '" + s + "': " + f.message());
        }
    }

    /** {@code file:line:col} of the related locations, in order. */
    static List<String> related(Finding f) {
        List<String> out = new ArrayList<>();
        f.related().forEach(r -> out.add(r.location().toString()));
        return out;
    }
}
