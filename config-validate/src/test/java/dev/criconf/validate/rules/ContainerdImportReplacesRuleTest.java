package dev.criconf.validate.rules;

import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertFinding;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertQuiet;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.containerd;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.containerdNode;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.related;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.single;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.toml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.ContainerdImportReplacesRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerdImportReplacesRuleTest {

    private static final ContainerdImportReplacesRule RULE = new ContainerdImportReplacesRule();

    private static final String MAIN = "etc/containerd/config.toml";
    private static final String DROP_IN = "etc/containerd/conf.d/10-registry.toml";

    private static final String MAIN_TEXT = "version = 2\nimports = [\"conf.d/*.toml\"]\n"
            + "[plugins.\"io.containerd.grpc.v1.cri\"]\n"
            + "  sandbox_image = \"registry.k8s.io/pause:3.10.1\"\n"
            + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
            + "  SystemdCgroup = true\n";

    private static NodeConfig node(String dropIn) {
        return containerdNode(toml(DROP_IN, dropIn), MAIN, MAIN_TEXT, DROP_IN, dropIn);
    }

    @Test
    void importThatSetsOnlyTheRegistryResetsTheMainFilesCriSettings() {
        // Debian 1.6.20 "imp" experiment: sandbox_image and SystemdCgroup reverted to the defaults
        NodeConfig n = node("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                + "  config_path = \"/etc/containerd/certs.d\"\n");
        Finding f = single(RULE, n, containerd("1.6.20"));
        assertFinding(f, Severity.WARNING, DROP_IN + ":2:10",
                DROP_IN + " is imported and re-declares [plugins.\"io.containerd.grpc.v1.cri\"]",
                "containerd 1.6.20 replaces a plugin table from an import as a whole",
                "containerd.runtimes.runc.options.SystemdCgroup, sandbox_image set in " + MAIN + " fall back to containerd's defaults",
                "Repeat those settings in this table");
        // the lost settings by key, whatever their order in the file
        assertEquals(List.of(MAIN + ":3:10", MAIN + ":6:3", MAIN + ":4:3"), related(f));
        assertEquals("the table it replaces", f.related().get(0).message());
        assertEquals("lost: containerd.runtimes.runc.options.SystemdCgroup = true", f.related().get(1).message());
        assertEquals("lost: sandbox_image = \"registry.k8s.io/pause:3.10.1\"", f.related().get(2).message());
    }

    @Test
    void lostStringsAreQuotedTheSameWhateverTheFileUses() {
        // found by the TOML reformat property: 'x' and "x" are the same string, so the message is the same
        String literal = MAIN_TEXT.replace("\"registry.k8s.io/pause:3.10.1\"", "'registry.k8s.io/pause:3.10.1'");
        String dropIn = "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = '/etc/containerd/certs.d'\n";
        NodeConfig n = containerdNode(toml(DROP_IN, dropIn), MAIN, literal, DROP_IN, dropIn);
        Finding f = single(RULE, n, containerd("1.6.20"));
        assertEquals("lost: sandbox_image = \"registry.k8s.io/pause:3.10.1\"", f.related().get(2).message());
    }

    @Test
    void containerdTwoMergesPluginTables() {
        NodeConfig n = node("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"\n");
        assertQuiet(RULE, n, containerd("2.0.0"));
        assertTrue(single(RULE, n).message().contains("(assuming containerd 1.7;"));
    }

    @Test
    void quietWhenTheImportRepeatsEverythingOrNamesOtherPlugins() {
        assertQuiet(RULE, node("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\"]\n"
                + "  sandbox_image = \"registry.k8s.io/pause:3.10.1\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n  SystemdCgroup = false\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"\n"),
                containerd("1.7.28"));
        assertQuiet(RULE, node("version = 2\n[plugins.\"io.containerd.internal.v1.opt\"]\n  path = \"/var/lib/containerd/opt\"\n"),
                containerd("1.7.28"));
        assertQuiet(RULE, RuntimeRulesTestSupport.containerdNode(MAIN_TEXT), containerd("1.7.28"));
    }

    @Test
    void aLaterImportReplacesTheTableOfAnEarlierImport() {
        String second = "etc/containerd/conf.d/20-sandbox.toml";
        NodeConfig n = containerdNode(toml(second, "version = 2\n"),
                MAIN, "version = 2\nimports = [\"conf.d/*.toml\"]\n",
                DROP_IN, "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"\n",
                second, "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\"]\n  sandbox_image = \"registry.k8s.io/pause:3.10.1\"\n");
        Finding f = single(RULE, n, containerd("1.7.28"));
        assertFinding(f, Severity.WARNING, second + ":2:10", "registry.config_path set in " + DROP_IN + " falls back");
    }
}
