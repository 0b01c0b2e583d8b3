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
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.ContainerdMirrorsWithConfigPathRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerdMirrorsWithConfigPathRuleTest {

    private static final ContainerdMirrorsWithConfigPathRule RULE = new ContainerdMirrorsWithConfigPathRule();

    private static final String MIRRORS = "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n"
            + "  endpoint = [\"https://mirror.registry.example.internal\"]\n";

    @Test
    void mirrorsWithConfigPathStopTheCriPlugin() {
        // as examples/broken-containerd-registry
        NodeConfig node = containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                + "  config_path = \"/etc/containerd/certs.d\"\n" + MIRRORS);
        Finding f = single(RULE, node, containerd("1.7.28"));
        assertFinding(f, Severity.ERROR, "etc/containerd/config.toml:4:47",
                "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors] (docker.io) is set together with "
                        + "registry.config_path = \"/etc/containerd/certs.d\"",
                "`mirrors` cannot be set when `config_path` is provided", "the kubelet finds no container runtime",
                "/etc/containerd/certs.d/docker.io/hosts.toml", "delete the mirrors table");
        assertEquals(List.of("etc/containerd/config.toml:3:17"), related(f));
        assertEquals("config_path = \"/etc/containerd/certs.d\"", f.related().get(0).message());
    }

    @Test
    void versionThreeLayout() {
        NodeConfig node = containerdNode("version = 3\n[plugins.'io.containerd.cri.v1.images'.registry]\n"
                + "  config_path = '/etc/containerd/certs.d:/etc/docker/certs.d'\n"
                + "[plugins.'io.containerd.cri.v1.images'.registry.mirrors.'docker.io']\n  endpoint = ['https://m.example']\n");
        assertFinding(single(RULE, node, containerd("2.1.0")), Severity.ERROR, "etc/containerd/config.toml:4:49",
                "[plugins.\"io.containerd.cri.v1.images\".registry.mirrors]", "/etc/containerd/certs.d/docker.io/hosts.toml");
    }

    @Test
    void containerdTwoPointTwoZeroHadAConfigPathByDefault() {
        NodeConfig node = containerdNode("version = 2\n" + MIRRORS);
        assertQuiet(RULE, node, containerd("1.7.28"));
        Finding f = single(RULE, node, containerd("2.2.0"));
        assertFinding(f, Severity.ERROR, "etc/containerd/config.toml:2:47",
                "containerd 2.2.0 sets registry.config_path = \"/etc/containerd/certs.d:/etc/docker/certs.d\" by default",
                "fixed in 2.2.2", "upgrade to containerd 2.2.2 or later");
        assertTrue(f.related().isEmpty());
        assertEquals(1, RuntimeRulesTestSupport.run(RULE, node, containerd("2.2.1")).size());
        assertQuiet(RULE, node, containerd("2.2.2"));
        // a release line means its latest patch release
        assertQuiet(RULE, node, containerd("2.2"));
        // an explicit empty config_path turns hosts.toml lookup off again
        assertQuiet(RULE, containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"\"\n"
                + MIRRORS), containerd("2.2.0"));
    }

    @Test
    void quietWithOnlyOneOfThemOrWhileCriIsDisabled() {
        assertQuiet(RULE, containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry]\n"
                + "  config_path = \"/etc/containerd/certs.d\"\n"), containerd("1.7.28"));
        assertQuiet(RULE, containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors]\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"\n"),
                containerd("1.7.28"));
        assertQuiet(RULE, containerdNode("version = 2\ndisabled_plugins = [\"io.containerd.grpc.v1.cri\"]\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"\n" + MIRRORS),
                containerd("1.7.28"));
    }
}
