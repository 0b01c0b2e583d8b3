package dev.criconf.validate.rules;

import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertFinding;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertQuiet;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.containerd;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.containerdNode;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.run;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.ContainerdDeprecatedRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerdDeprecatedRuleTest {

    private static final ContainerdDeprecatedRule RULE = new ContainerdDeprecatedRule();

    @Test
    void registryMirrors() {
        NodeConfig node = containerdNode("version = 2\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"docker.io\"]\n  endpoint = [\"https://m.example\"]\n");
        Finding f = single(RULE, node, containerd("1.7.28"));
        assertFinding(f, Severity.WARNING, "etc/containerd/config.toml:2:47",
                "registry.mirrors in [plugins.\"io.containerd.grpc.v1.cri\"] is deprecated since containerd 1.5",
                "io.containerd.deprecation/cri-registry-mirrors", "slated for removal in containerd 2.4",
                "containerd 1.7.28 still applies it but warns about it", "Use hosts.toml files under");
        assertEquals(1, run(RULE, node, containerd("2.2.0")).size());
    }

    @Test
    void legacySystemdCgroup() {
        NodeConfig node = containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\"]\n  systemd_cgroup = true\n");
        assertFinding(single(RULE, node, containerd("1.7.28")), Severity.WARNING, "etc/containerd/config.toml:3:3",
                "systemd_cgroup in [plugins.\"io.containerd.grpc.v1.cri\"] is deprecated since containerd 1.3",
                "and removed in containerd 2.0", "the CRI plugin refuses to load",
                "Use SystemdCgroup = true in the runc handler's options");
        assertFinding(single(RULE, node, containerd("2.0.0")), Severity.WARNING, "etc/containerd/config.toml:3:3",
                "was deprecated in containerd 1.3 and removed in containerd 2.0",
                "containerd 2.0.0 ignores it, so what it configured no longer applies");
    }

    @Test
    void removedRuntimeTypes() {
        NodeConfig node = containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n"
                + "  runtime_type = \"io.containerd.runc.v1\"\n");
        assertFinding(single(RULE, node, containerd("1.6.20")), Severity.WARNING, "etc/containerd/config.toml:3:18",
                "runtime_type = \"io.containerd.runc.v1\" in [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]",
                "deprecated since containerd 1.4", "io.containerd.deprecation/runtime-runc-v1",
                "Use runtime_type = \"io.containerd.runc.v2\" instead");
        assertFinding(single(RULE, node, containerd("2.0.0")), Severity.WARNING, "etc/containerd/config.toml:3:18",
                "containerd 2.0.0 no longer has it, so this handler's pods fail to start");
        assertQuiet(RULE, containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n"
                + "  runtime_type = \"io.containerd.runc.v2\"\n"), containerd("1.6.20"));
    }

    @Test
    void cniBinDirFromTwoPointOneInVersionThreeFiles() {
        NodeConfig v3 = containerdNode("version = 3\n[plugins.'io.containerd.cri.v1.runtime'.cni]\n  bin_dir = '/opt/cni/bin'\n");
        assertFinding(single(RULE, v3, containerd("2.1.0")), Severity.WARNING, "etc/containerd/config.toml:3:3",
                "cni.bin_dir in [plugins.\"io.containerd.cri.v1.runtime\"] is deprecated since containerd 2.1",
                "Use bin_dirs = [...] in the same section instead");
        assertQuiet(RULE, v3, containerd("2.0.0"));
        assertQuiet(RULE, containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".cni]\n  bin_dir = \"/opt/cni/bin\"\n"),
                containerd("2.1.0"));
    }

    @Test
    void runcCriuPathAndHandlerLegacyKeys() {
        NodeConfig node = containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n"
                + "  runtime_type = \"io.containerd.runtime.v1.linux\"\n  runtime_engine = \"/usr/bin/runc\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n  CriuPath = \"/usr/sbin/criu\"\n");
        List<Finding> f = run(RULE, node, containerd("1.7.28"));
        assertEquals(3, f.size(), f::toString);
        assertFinding(f.get(0), Severity.WARNING, "etc/containerd/config.toml:3:18", "runtime-v1");
        assertFinding(f.get(1), Severity.WARNING, "etc/containerd/config.toml:4:3", "runtime_engine", "cri-runtime-engine",
                "options.BinaryName");
        assertFinding(f.get(2), Severity.WARNING, "etc/containerd/config.toml:6:3", "CriuPath", "since containerd 1.7",
                "a criu binary in $PATH");
    }

    @Test
    void tracingPluginConfigurationInAVersionOneFile() {
        NodeConfig node = containerdNode("[plugins.otlp]\n  endpoint = \"http://collector:4317\"\n");
        assertFinding(single(RULE, node, containerd("1.7.28")), Severity.WARNING, "etc/containerd/config.toml:1:10",
                "the [plugins.otlp] configuration is deprecated since containerd 1.6", "tracing-processor-config",
                "OTEL_EXPORTER_OTLP_");
    }

    @Test
    void topLevelPluginDir() {
        NodeConfig node = containerdNode("version = 3\nplugin_dir = '/opt/containerd/plugins'\n");
        assertQuiet(RULE, node, containerd("1.7.28"));
        assertFinding(single(RULE, node, containerd("2.0.0")), Severity.WARNING, "etc/containerd/config.toml:2:1",
                "plugin_dir is deprecated since containerd 2.0 and removed in containerd 2.1");
        assertFinding(single(RULE, node, containerd("2.1.0")), Severity.WARNING, "etc/containerd/config.toml:2:1",
                "containerd 2.1.0 ignores it");
    }

    @Test
    void quietOnCurrentSettingsEmptyMapsAndDisabledCri() {
        assertQuiet(RULE, containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\"]\n"
                + "  sandbox_image = \"registry.k8s.io/pause:3.10.1\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".registry]\n  config_path = \"/etc/containerd/certs.d\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors]\n"), containerd("1.7.28"));
        assertQuiet(RULE, containerdNode("version = 2\ndisabled_plugins = [\"io.containerd.grpc.v1.cri\"]\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\"]\n  systemd_cgroup = true\n"), containerd("1.7.28"));
    }

    @Test
    void saysWhenItAssumesTheRelease() {
        NodeConfig node = containerdNode("version = 2\n[plugins.\"io.containerd.grpc.v1.cri\"]\n  systemd_cgroup = true\n");
        Finding f = single(RULE, node);
        assertTrue(f.message().contains("containerd 1.7 still applies it"), f.message());
        assertTrue(f.message().endsWith("(assuming containerd 1.7; set containerdVersion in criconf.yaml)"), f.message());
    }
}
