package dev.criconf.validate.rules;

import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertFinding;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertQuiet;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.containerd;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.containerdNode;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.related;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.run;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.single;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.toml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.ContainerdVersionMismatchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerdVersionMismatchRuleTest {

    private static final ContainerdVersionMismatchRule RULE = new ContainerdVersionMismatchRule();

    private static final String V2_TABLES = "[plugins.\"io.containerd.grpc.v1.cri\"]\n"
            + "  sandbox_image = \"registry.k8s.io/pause:3.10.1\"\n"
            + "  [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n"
            + "    runtime_type = \"io.containerd.runc.v2\"\n"
            + "    [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
            + "      SystemdCgroup = true\n";

    @Test
    void theIgnoredSettingsAreListedByKeyWhateverTheirOrderInTheFile() {
        // found by the TOML reformat property: the list followed the file's key order
        String reordered = "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n"
                + "  SystemdCgroup = true\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\"]\n"
                + "  sandbox_image = \"registry.k8s.io/pause:3.10.1\"\n";
        Finding f = single(RULE, containerdNode(reordered), containerd("1.7.28"));
        assertTrue(f.message().contains("(containerd.runtimes.runc.options.SystemdCgroup, sandbox_image have no effect)"),
                f.message());
        assertEquals(f.message(), single(RULE, containerdNode(V2_TABLES.replace("    runtime_type = \"io.containerd.runc.v2\"\n", "")
                .replace("  [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n", "")), containerd("1.7.28")).message());
    }

    @Test
    void versionTwoTablesInAFileWithoutVersionAreIgnoredByOneX() {
        // experiment e1: sandbox_image and SystemdCgroup both ignored, only the generic v1 deprecation warning
        Finding f = single(RULE, containerdNode("disabled_plugins = [\"cri\"]\n\n" + V2_TABLES), containerd("1.7.28"));
        assertFinding(f, Severity.ERROR, "etc/containerd/config.toml:3:10",
                "[plugins.\"io.containerd.grpc.v1.cri\"] uses a version-2 plugin URI",
                "this file has no version line", "containerd 1.7.28 reads it as version 1",
                "silently ignores the whole table", "sandbox_image", "containerd.runtimes.runc.options.SystemdCgroup",
                "have no effect", "Add version = 2 as the first line");
        assertTrue(f.related().isEmpty(), "one table, one place");
        assertTrue(f.fixes().isEmpty());
    }

    @Test
    void quietWithTheVersionLine() {
        assertQuiet(RULE, containerdNode("version = 2\n" + V2_TABLES), containerd("1.7.28"));
        assertQuiet(RULE, containerdNode("version = 2\n" + V2_TABLES), containerd("2.1.0"));
        assertQuiet(RULE, containerdNode("[plugins.cri]\n  sandbox_image = \"registry.k8s.io/pause:3.10\"\n"),
                containerd("1.7.28"));
    }

    @Test
    void containerdTwoToTwoPointTwoDoNotMigrateCriSettingsOfAVersionOneFile() {
        NodeConfig node = containerdNode("[plugins.cri]\n  sandbox_image = \"registry.k8s.io/pause:3.10\"\n");
        assertFinding(single(RULE, node, containerd("2.1.0")), Severity.ERROR, "etc/containerd/config.toml:1:10",
                "containerd 2.1.0 renames version-1 plugin ids but does not migrate", "Add version = 3");
        assertQuiet(RULE, node, containerd("2.3.0"));
        // without a version line, containerd 2.2 does not migrate a version-2 snippet's CRI settings either
        assertFinding(single(RULE, containerdNode(V2_TABLES), containerd("2.2.0")), Severity.ERROR,
                "etc/containerd/config.toml:1:10", "containerd 2.2.0 renames version-1 plugin ids");
    }

    @Test
    void shortIdInAVersionTwoFile() {
        NodeConfig node = containerdNode("version = 2\n[plugins.cri]\n  sandbox_image = \"registry.k8s.io/pause:3.10\"\n");
        assertFinding(single(RULE, node, containerd("1.6.20")), Severity.ERROR, "etc/containerd/config.toml:2:10",
                "containerd 1.6.20 refuses to load the file", "invalid plugin key URI \"cri\" expect io.containerd.x.vx",
                "[plugins.\"io.containerd.grpc.v1.cri\"]");
        assertFinding(single(RULE, node, containerd("2.0.0")), Severity.ERROR, "etc/containerd/config.toml:2:10",
                "has no plugin registered under it and ignores the table", "sandbox_image has no effect");
    }

    @Test
    void versionThreeOnContainerdOneX() {
        NodeConfig node = containerdNode("version = 3\n"
                + "[plugins.'io.containerd.cri.v1.images'.pinned_images]\n  sandbox = 'registry.k8s.io/pause:3.10.1'\n"
                + "[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]\n  SystemdCgroup = true\n");
        // before 1.7.17 the file is read as version 2 and the v3 tables are ignored (experiment e7 on 1.6.20)
        Finding silent = single(RULE, node, containerd("1.7.16"));
        assertFinding(silent, Severity.ERROR, "etc/containerd/config.toml:1:11", "version = 3",
                "containerd 1.7.16 reads it as version 2 without a word", "SystemdCgroup = false",
                "Run containerd 2.0 or later");
        assertEquals(List.of("etc/containerd/config.toml:2:10", "etc/containerd/config.toml:4:10"), related(silent));
        assertTrue(silent.message().contains("(2 more places in this file listed below)"), silent.message());
        assertFinding(single(RULE, node, containerd("1.7.28")), Severity.ERROR, "etc/containerd/config.toml:1:11",
                "containerd 1.7.28 can read", "unsupported config version");
        assertQuiet(RULE, node, containerd("2.0.0"));
        assertQuiet(RULE, node, containerd("2.2.0"));
    }

    @Test
    void versionFourBeforeTwoPointThree() {
        NodeConfig node = containerdNode("version = 4\n[plugins.'io.containerd.server.v1.grpc']\n  address = '/run/containerd/containerd.sock'\n");
        assertFinding(single(RULE, node, containerd("2.2.0")), Severity.ERROR, "etc/containerd/config.toml:1:11",
                "expected containerd config version equal to or less than `3`, got `4`", "Use version = 3");
        assertQuiet(RULE, node, containerd("2.3.0"));
    }

    @Test
    void versionTwoCriKeysLeftInAVersionThreeFile() {
        NodeConfig node = containerdNode("version = 3\n"
                + "[plugins.'io.containerd.grpc.v1.cri'.containerd.runtimes.runc.options]\n  SystemdCgroup = true\n");
        assertFinding(single(RULE, node, containerd("2.1.0")), Severity.ERROR, "etc/containerd/config.toml:2:10",
                "holds version-2 CRI settings in a version-3 file", "containerd 2.1.0 does not migrate them",
                "io.containerd.cri.v1.runtime");
        assertQuiet(RULE, node, containerd("2.3.0"));
        // the streaming server settings do stay in io.containerd.grpc.v1.cri
        assertQuiet(RULE, containerdNode("version = 3\n[plugins.'io.containerd.grpc.v1.cri']\n  stream_server_port = '10010'\n"),
                containerd("2.1.0"));
    }

    @Test
    void shortTableIdInAVersionThreeFile() {
        NodeConfig node = containerdNode("version = 3\n[plugins.cri]\n  sandbox_image = 'registry.k8s.io/pause:3.10'\n");
        assertFinding(single(RULE, node, containerd("2.2.0")), Severity.ERROR, "etc/containerd/config.toml:2:10",
                "a short (version-1) plugin id in a version-3 file", "ignores the table");
    }

    @Test
    void shortIdsInPluginListsOfAVersionTwoFile() {
        NodeConfig node = containerdNode("version = 2\ndisabled_plugins = [\"zfs\"]\nrequired_plugins = [\"cri\"]\n");
        Finding f = single(RULE, node, containerd("1.7.28"));
        assertFinding(f, Severity.ERROR, "etc/containerd/config.toml:2:21", "disabled_plugins lists \"zfs\"",
                "invalid disabled plugin URI \"zfs\"", "Write \"io.containerd.snapshotter.v1.zfs\" instead");
        assertEquals(List.of("etc/containerd/config.toml:3:21"), related(f));
        assertEquals("short plugin id: file rejected", f.related().get(0).message());
        // "cri" in disabled_plugins is containerd-cri-disabled's finding
        assertQuiet(RULE, containerdNode("version = 2\ndisabled_plugins = [\"cri\"]\n"), containerd("1.7.28"));
    }

    @Test
    void uriInTheDisabledListOfAVersionOneFileHasNoEffectOnOneX() {
        NodeConfig node = containerdNode("disabled_plugins = [\"io.containerd.snapshotter.v1.zfs\"]\n");
        assertFinding(single(RULE, node, containerd("1.6.20")), Severity.ERROR, "etc/containerd/config.toml:1:21",
                "has no effect and the plugin stays enabled");
        assertQuiet(RULE, node, containerd("2.0.0"));
    }

    @Test
    void containerdTwoPluginsInAVersionTwoFileOnOneX() {
        NodeConfig node = containerdNode("version = 2\n[plugins.\"io.containerd.cri.v1.images\".pinned_images]\n"
                + "  sandbox = \"registry.k8s.io/pause:3.10\"\n");
        assertFinding(single(RULE, node, containerd("1.7.28")), Severity.ERROR, "etc/containerd/config.toml:2:10",
                "is a containerd 2.x plugin", "pinned_images.sandbox has no effect");
    }

    @Test
    void oneFindingPerFile() {
        // containerd 2.x reads each file with its own version: both files mismatch
        NodeConfig node = containerdNode(toml("etc/containerd/config.toml", "version = 3\n"),
                "etc/containerd/config.toml", "version = 3\nimports = [\"conf.d/*.toml\"]\n[plugins.cri]\n  x = 1\n",
                "etc/containerd/conf.d/10.toml", "version = 3\n[plugins.opt]\n  path = '/opt'\n[plugins.bolt]\n  y = 1\n");
        List<Finding> f = run(RULE, node, containerd("2.2.0"));
        assertEquals(2, f.size());
        // reports sort findings by file
        assertEquals("etc/containerd/conf.d/10.toml:2:10", f.get(0).location().toString());
        assertEquals(List.of("etc/containerd/conf.d/10.toml:4:10"), related(f.get(0)));
        assertEquals("etc/containerd/config.toml:3:10", f.get(1).location().toString());
    }

    @Test
    void assumesContainerdOneSevenWhenNothingSaysWhichRelease() {
        Finding f = single(RULE, containerdNode(V2_TABLES));
        assertTrue(f.message().contains("containerd 1.7 reads it as version 1"), f.message());
        assertTrue(f.message().contains("(assuming containerd 1.7; set containerdVersion in criconf.yaml)"), f.message());
        // version = 3 proves containerd 2.0 or later: nothing is assumed then
        assertQuiet(RULE, containerdNode("version = 3\n[plugins.'io.containerd.cri.v1.images'.pinned_images]\n  sandbox = 'x'\n"));
    }

    @Test
    void quietOnNodesWithoutContainerd() {
        assertQuiet(RULE, NodeConfig.builder("empty").build());
    }
}
