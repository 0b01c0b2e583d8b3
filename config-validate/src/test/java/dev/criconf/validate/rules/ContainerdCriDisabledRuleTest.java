package dev.criconf.validate.rules;

import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertFinding;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertQuiet;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.containerd;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.containerdNode;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.related;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.ContainerdCriDisabledRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerdCriDisabledRuleTest {

    private static final ContainerdCriDisabledRule RULE = new ContainerdCriDisabledRule();

    /** Docker's containerd.io file with a version-2 snippet appended, as in examples/broken-containerd-no-version. */
    private static final String DOCKER_FILE = "# containerd.io\n"
            + "disabled_plugins = [\"cri\"]\n"
            + "\n"
            + "[plugins.\"io.containerd.grpc.v1.cri\"]\n"
            + "  sandbox_image = \"registry.k8s.io/pause:3.10.1\"\n";

    @Test
    void theRelatedTableIsTheDisabledPluginsOwnWhereverTheFileHasIt() {
        // found by the TOML reformat property: the related location followed the order of the tables
        String toml = "version = 3\n"
                + "disabled_plugins = [\"io.containerd.cri.v1.runtime\"]\n"
                + "[plugins.\"io.containerd.cri.v1.images\".registry]\n"
                + "  config_path = \"/etc/containerd/certs.d\"\n"
                + "[plugins.\"io.containerd.cri.v1.runtime\".containerd]\n"
                + "  default_runtime_name = \"runc\"\n";
        Finding f = single(RULE, containerdNode(toml), containerd("2.1.3"));
        assertEquals(List.of("etc/containerd/config.toml:5:10"), related(f));
    }

    @Test
    void shortIdInAVersionOneFileDisablesCri() {
        Finding f = single(RULE, containerdNode(DOCKER_FILE), containerd("1.7.28"));
        assertFinding(f, Severity.ERROR, "etc/containerd/config.toml:2:21",
                "turns off containerd's CRI plugin", "\"cri\" in a file without a version line",
                "containerd 1.7.28 serves no CRI API", "Remove \"cri\" from disabled_plugins");
        assertEquals(List.of("etc/containerd/config.toml:4:10"), related(f));
        assertEquals(1, f.fixes().size());
        assertEquals(List.of(new NodeEdit.EnableContainerdCri()), f.fixes().get(0).edits());
        assertTrue(f.fixes().get(0).machineApplicable());
        assertEquals("remove \"cri\" from disabled_plugins", f.fixes().get(0).description());
    }

    @Test
    void theUriInAVersionOneFileDoesNotDisableCriOnOneX() {
        // Debian's containerd 1.6.20 keeps the CRI plugin loaded (experiment e5b)
        NodeConfig node = containerdNode("disabled_plugins = [\"io.containerd.grpc.v1.cri\"]\n");
        assertQuiet(RULE, node, containerd("1.6.20"));
        assertQuiet(RULE, node, containerd("1.7.28"));
        // containerd 2.x migrates version-1 ids first, and then the URI counts
        assertFinding(single(RULE, node, containerd("2.0.0")), Severity.ERROR, "etc/containerd/config.toml:1:21",
                "containerd 2.0.0 serves no CRI API");
    }

    @Test
    void shortIdInAVersionTwoFileIsFatal() {
        // experiment e5c: invalid disabled plugin URI "cri" expect io.containerd.x.vx
        NodeConfig node = containerdNode("version = 2\ndisabled_plugins = [\"cri\"]\n");
        Finding f = single(RULE, node, containerd("1.6.20"));
        assertFinding(f, Severity.ERROR, "etc/containerd/config.toml:2:21", "a short plugin id, in a version 2 file",
                "containerd 1.6.20 refuses to load the file",
                "invalid disabled plugin URI \"cri\" expect io.containerd.x.vx", "does not start");
        assertEquals(new NodeEdit.EnableContainerdCri(), f.fixes().get(0).edits().get(0));
        assertFinding(single(RULE, node, containerd("2.1.0")), Severity.ERROR, "etc/containerd/config.toml:2:21",
                "containerd 2.1.0 refuses to load the file");
    }

    @Test
    void theUriInAVersionTwoFileDisablesCri() {
        NodeConfig node = containerdNode("version = 2\ndisabled_plugins = [\"io.containerd.grpc.v1.cri\"]\n");
        Finding f = single(RULE, node, containerd("1.7.28"));
        assertFinding(f, Severity.ERROR, "etc/containerd/config.toml:2:21", "in a version 2 file",
                "Remove \"io.containerd.grpc.v1.cri\" from disabled_plugins");
        assertTrue(f.related().isEmpty(), "no CRI table in the file");
    }

    @Test
    void theSplitCriPluginsCountFromContainerdTwo() {
        NodeConfig v3 = containerdNode("version = 3\ndisabled_plugins = [\"io.containerd.cri.v1.images\"]\n");
        assertFinding(single(RULE, v3, containerd("2.2.0")), Severity.ERROR, "etc/containerd/config.toml:2:21",
                "\"io.containerd.cri.v1.images\" in a version 3 file");
        // containerd 1.x has no such plugin: the entry disables nothing
        NodeConfig v2 = containerdNode("version = 2\ndisabled_plugins = [\"io.containerd.cri.v1.runtime\"]\n");
        assertQuiet(RULE, v2, containerd("1.7.28"));
        assertFinding(single(RULE, v2, containerd("2.0.0")), Severity.ERROR, "etc/containerd/config.toml:2:21");
    }

    @Test
    void saysWhenItAssumesTheRelease() {
        Finding f = single(RULE, containerdNode(DOCKER_FILE));
        assertTrue(f.message().contains("assuming containerd 1.7"), f.message());
        assertTrue(f.message().contains("containerdVersion in criconf.yaml"), f.message());
    }

    @Test
    void quietWhenOtherPluginsAreDisabled() {
        assertQuiet(RULE, containerdNode("version = 2\ndisabled_plugins = [\"io.containerd.snapshotter.v1.zfs\"]\n"),
                containerd("1.7.28"));
        assertQuiet(RULE, containerdNode("disabled_plugins = [\"zfs\", \"aufs\"]\n"), containerd("1.7.28"));
        assertQuiet(RULE, containerdNode("version = 2\n"), containerd("1.7.28"));
        assertQuiet(RULE, NodeConfig.builder("empty").build());
    }

    @Test
    void oneFindingPerDisablingEntry() {
        NodeConfig node = containerdNode("version = 3\n"
                + "disabled_plugins = [\"io.containerd.grpc.v1.cri\", \"io.containerd.cri.v1.runtime\"]\n");
        List<Finding> f = RuntimeRulesTestSupport.run(RULE, node, containerd("2.2.0"));
        assertEquals(2, f.size());
        assertEquals("etc/containerd/config.toml:2:21", f.get(0).location().toString());
        assertEquals("etc/containerd/config.toml:2:50", f.get(1).location().toString());
    }
}
