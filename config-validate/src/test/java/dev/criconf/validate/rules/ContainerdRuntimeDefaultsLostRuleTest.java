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
import dev.criconf.validate.internal.rules.ContainerdRuntimeDefaultsLostRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerdRuntimeDefaultsLostRuleTest {

    private static final ContainerdRuntimeDefaultsLostRule RULE = new ContainerdRuntimeDefaultsLostRule();

    @Test
    void handlerWithOnlyOptionsLosesItsTypeOnOneX() {
        // experiment e10: runc runtime_type = "" after a file that only sets runc.options
        NodeConfig node = containerdNode("version = 2\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n  SystemdCgroup = true\n");
        Finding f = single(RULE, node, containerd("1.7.28"));
        assertFinding(f, Severity.WARNING, "etc/containerd/config.toml:2:58",
                "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc] has no runtime_type",
                "containerd 1.7.28 builds the runtimes map from this file", "container.Runtime.Name must be set",
                "Add runtime_type = \"io.containerd.runc.v2\"");
        assertTrue(f.fixes().isEmpty());
        // containerd 2.x decodes into its defaults: runc keeps io.containerd.runc.v2
        assertQuiet(RULE, node, containerd("2.0.0"));
    }

    @Test
    void emptyRuntimeTypeIsReportedAtTheValue() {
        NodeConfig node = containerdNode("version = 2\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.kata]\n  runtime_type = \"\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n  runtime_type = \"io.containerd.runc.v2\"\n");
        assertFinding(single(RULE, node, containerd("1.6.20")), Severity.WARNING, "etc/containerd/config.toml:3:18",
                "has an empty runtime_type", "Add runtime_type = \"io.containerd.kata.v2\"");
    }

    @Test
    void declaringOnlyAnotherHandlerDropsRuncOnOneX() {
        // experiment e9: runtimes holds only kata; default_runtime_name is still runc
        NodeConfig node = containerdNode("version = 2\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.kata]\n  runtime_type = \"io.containerd.kata.v2\"\n");
        Finding f = single(RULE, node, containerd("1.7.28"));
        assertFinding(f, Severity.WARNING, "etc/containerd/config.toml:2:49",
                "declares only kata", "the default runc handler is gone",
                "no corresponding runtime configured in `containerd.runtimes` for `containerd` `default_runtime_name = \"runc\"`",
                "the kubelet finds no container runtime",
                "Declare [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]",
                "set default_runtime_name to one of: kata");
        assertEquals(List.of("etc/containerd/config.toml:2:58"), related(f));
        assertQuiet(RULE, node, containerd("2.0.0"));
    }

    @Test
    void defaultRuntimeNameWithoutHandlerFailsOnEveryRelease() {
        NodeConfig node = containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd]\n"
                + "  default_runtime_name = \"crun\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n  runtime_type = \"io.containerd.runc.v2\"\n");
        assertFinding(single(RULE, node, containerd("1.7.28")), Severity.WARNING, "etc/containerd/config.toml:3:26",
                "default_runtime_name = \"crun\" names no handler", "containerd 1.7.28 has runc");
        assertFinding(single(RULE, node, containerd("2.1.0")), Severity.WARNING, "etc/containerd/config.toml:3:26",
                "containerd 2.1.0 has runc", "CRI plugin fails validation");
        // no runtimes table at all: 2.x and 1.x both keep the built-in runc, which crun is not
        NodeConfig bare = containerdNode("version = 3\n[plugins.'io.containerd.cri.v1.runtime'.containerd]\n"
                + "  default_runtime_name = 'crun'\n");
        assertFinding(single(RULE, bare, containerd("2.2.0")), Severity.WARNING, "etc/containerd/config.toml:3:26",
                "containerd 2.2.0 has runc");
    }

    @Test
    void quietOnCompleteConfigurations() {
        // examples/healthy-containerd-1.7: runc repeats runtime_type
        assertQuiet(RULE, containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd]\n"
                + "  default_runtime_name = \"runc\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n  runtime_type = \"io.containerd.runc.v2\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n  SystemdCgroup = true\n"),
                containerd("1.7.28"));
        assertQuiet(RULE, containerdNode("version = 2\n"), containerd("1.7.28"));
        assertQuiet(RULE, NodeConfig.builder("empty").build());
    }

    @Test
    void quietWhileCriIsDisabled() {
        assertQuiet(RULE, containerdNode("version = 2\ndisabled_plugins = [\"io.containerd.grpc.v1.cri\"]\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n  SystemdCgroup = true\n"),
                containerd("1.7.28"));
    }

    @Test
    void quietWhenTheReleaseCannotReadTheFile() {
        // containerd 1.7 ignores or refuses a version-3 file: containerd-version-mismatch says so
        NodeConfig v3 = containerdNode("version = 3\n"
                + "[plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]\n  SystemdCgroup = true\n");
        assertQuiet(RULE, v3, containerd("1.7.28"));
        assertQuiet(RULE, v3, containerd("1.7.16"));
        assertQuiet(RULE, v3, containerd("2.0.0"));
    }

    @Test
    void saysWhenItAssumesTheRelease() {
        Finding f = single(RULE, containerdNode("version = 2\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n  SystemdCgroup = true\n"));
        assertTrue(f.message().endsWith("(assuming containerd 1.7; set containerdVersion in criconf.yaml)"), f.message());
    }
}
