package dev.criconf.validate.internal.rules;

import static dev.criconf.validate.internal.rules.KubeletNodes.kubeadmArgs;
import static dev.criconf.validate.internal.rules.KubeletNodes.node;
import static dev.criconf.validate.internal.rules.KubeletNodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.testing.TestTrees;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeletDeprecatedFlagRuleTest {

    private static final KubeletDeprecatedFlagRule RULE = new KubeletDeprecatedFlagRule();

    /** What kubeadm 1.32 writes on a CRI-O node. */
    private static KubeletNodes.Line kubeadm132() {
        return kubeadmArgs().flag("container-runtime-endpoint", "unix:///var/run/crio/crio.sock")
                .flag("node-ip", "192.168.56.23").flag("pod-infra-container-image", "registry.k8s.io/pause:3.10");
    }

    private static NodeConfig withConfig(KubeletNodes.Line line) {
        return node(line).toBuilder().kubeletConfiguration(new KubeletConfiguration(KubeletNodes.CONFIG,
                TestTrees.tree(KubeletNodes.CONFIG, "containerRuntimeEndpoint", ""))).build();
    }

    @Test
    void kubeadm132FlagsAreTwoWarnings() {
        KubeletNodes.Line line = kubeadm132();
        List<Finding> f = run(RULE, "1.32.9", withConfig(line));
        assertEquals(2, f.size());
        Finding endpoint = f.get(0);
        assertEquals("kubelet-deprecated-flag", endpoint.ruleId());
        assertEquals(Severity.WARNING, endpoint.severity());
        assertEquals(line.flagAt(0), endpoint.location());
        assertEquals("--container-runtime-endpoint (from $KUBELET_KUBEADM_ARGS) is deprecated since Kubernetes 1.27: set "
                + "containerRuntimeEndpoint in the KubeletConfiguration file (--config) instead; the kubelet logs \"Flag "
                + "--container-runtime-endpoint has been deprecated\" at every start", endpoint.message());
        Fix move = endpoint.fixes().get(0);
        assertFalse(move.machineApplicable(), "kubeadm owns both files; a person decides");
        assertEquals(List.of(new NodeEdit.SetValue(KubeletNodes.CONFIG, List.of("containerRuntimeEndpoint"),
                "unix:///var/run/crio/crio.sock"), new NodeEdit.RemoveKubeletFlag("container-runtime-endpoint")), move.edits());

        Finding pause = f.get(1);
        assertEquals(line.flagAt(2), pause.location());
        assertEquals("--pod-infra-container-image (from $KUBELET_KUBEADM_ARGS) is deprecated since Kubernetes 1.27: has no "
                + "effect since 1.29 (the runtime's sandbox image is used and pinned); set the sandbox image in the runtime's "
                + "configuration; Kubernetes 1.35 removes it and the kubelet then refuses to start", pause.message());
        assertEquals(List.of(Fix.of("remove --pod-infra-container-image (no effect since Kubernetes 1.29)",
                new NodeEdit.RemoveKubeletFlag("pod-infra-container-image"))), pause.fixes());
        assertTrue(pause.fixes().get(0).machineApplicable());
    }

    @Test
    void onKubernetes124NeitherIsDeprecatedYet() {
        // dockershim-era kubeadm flags: --pod-infra-container-image carries no pflag deprecation before 1.27,
        // and --container-runtime-endpoint only becomes a config field in 1.27
        KubeletNodes.Line line = kubeadmArgs().flag("container-runtime-endpoint", "unix:///var/run/docker.sock")
                .flag("pod-infra-container-image", "k8s.gcr.io/pause:3.6");
        assertEquals(List.of(), run(RULE, "1.24.17", node(line)));
        assertEquals(List.of(), run(RULE, "1.26.0", node(line)));
        assertEquals(2, run(RULE, "1.27.0", node(line)).size());
    }

    @Test
    void podInfraContainerImage134Versus135() {
        KubeletNodes.Line line = kubeadmArgs().flag("pod-infra-container-image", "registry.k8s.io/pause:3.10.1");
        assertEquals(1, run(RULE, "1.34.1", node(line)).size());
        assertEquals(List.of(), run(RULE, "1.35.0", node(line)), "1.35 no longer has it: kubelet-unknown-flag's finding");
    }

    @Test
    void beforeItBecameANoOpRemovalIsOnlySuggested() {
        List<Finding> f = run(RULE, "1.28.5", node(kubeadmArgs().flag("pod-infra-container-image", "registry.k8s.io/pause:3.9")));
        assertFalse(f.get(0).fixes().get(0).machineApplicable(), "1.27-1.28 still keep that image from garbage collection");
    }

    @Test
    void configBackedFlagsWithoutAConfigFileGetNoFix() {
        List<Finding> f = run(RULE, "1.30.0", node(kubeadmArgs().flag("cgroup-driver", "systemd")));
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("set cgroupDriver in the KubeletConfiguration file"));
        assertEquals(List.of(), f.get(0).fixes());
    }

    @Test
    void flagOnlySettingsAndLoggingFlagsAreNotDeprecated() {
        assertEquals(List.of(), run(RULE, "1.35.0", node(kubeadmArgs().flag("node-ip", "10.0.0.1").flag("v", "2")
                .flag("config", "/var/lib/kubelet/config.yaml").flag("hostname-override", "n1"))));
    }

    @Test
    void checksKubeadmKubeletExtraArgs() {
        KubeadmConfig kubeadm = new KubeadmConfig("kubeadm.yaml", List.of(TestTrees.tree("kubeadm.yaml",
                "kind", "JoinConfiguration",
                "nodeRegistration.kubeletExtraArgs", List.of())));
        assertEquals(List.of(), run(RULE, "1.35.0", NodeConfig.builder("n").kubeadm(kubeadm).build()));
        KubeadmConfig withCgroup = new KubeadmConfig("kubeadm.yaml", List.of(TestTrees.tree("kubeadm.yaml",
                "kind", "JoinConfiguration",
                "nodeRegistration.kubeletExtraArgs.cgroup-driver", "systemd")));
        List<Finding> f = run(RULE, "1.35.0", NodeConfig.builder("n").kubeadm(withCgroup).build());
        assertEquals(1, f.size());
        assertEquals(TestTrees.valueAt("kubeadm.yaml", 2), f.get(0).location());
        assertTrue(f.get(0).message().startsWith("kubeletExtraArgs: --cgroup-driver is deprecated"));
    }

    @Test
    void assumedVersionIsNamed() {
        List<Finding> f = run(RULE, null, node(kubeadmArgs().flag("fail-swap-on", "false")));
        assertTrue(f.get(0).message().contains("(assuming Kubernetes 1.35)"), f.get(0).message());
    }
}
