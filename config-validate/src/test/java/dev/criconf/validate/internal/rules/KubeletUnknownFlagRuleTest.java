package dev.criconf.validate.internal.rules;

import static dev.criconf.validate.internal.rules.KubeletNodes.extraArgs;
import static dev.criconf.validate.internal.rules.KubeletNodes.kubeadmArgs;
import static dev.criconf.validate.internal.rules.KubeletNodes.node;
import static dev.criconf.validate.internal.rules.KubeletNodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.testing.TestTrees;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeletUnknownFlagRuleTest {

    private static final KubeletUnknownFlagRule RULE = new KubeletUnknownFlagRule();

    private static KubeletNodes.Line dockershimEra() {
        return kubeadmArgs().flag("network-plugin", "cni").flag("pod-infra-container-image", "k8s.gcr.io/pause:3.6");
    }

    @Test
    void dockershimFlagsStillWorkOn123() {
        assertEquals(List.of(), run(RULE, "1.23.17", node(dockershimEra())));
    }

    @Test
    void dockershimFlagsStopTheKubeletFrom124() {
        KubeletNodes.Line line = dockershimEra();
        List<Finding> f = run(RULE, "1.24.17", node(line));
        assertEquals(1, f.size());
        Finding x = f.get(0);
        assertEquals("kubelet-unknown-flag", x.ruleId());
        assertEquals(Severity.ERROR, x.severity());
        assertEquals(line.flagAt(0), x.location());
        assertEquals("--network-plugin (from $KUBELET_KUBEADM_ARGS) was removed in Kubernetes 1.24 (dockershim was removed "
                + "in 1.24; configure the CRI runtime instead); the kubelet (Kubernetes 1.24.17) exits with \"unknown flag: "
                + "--network-plugin\"", x.message());
        assertEquals(List.of(), x.related());
        assertEquals(List.of(Fix.of("remove --network-plugin (removed in Kubernetes 1.24)",
                new NodeEdit.RemoveKubeletFlag("network-plugin"))), x.fixes());
        assertTrue(x.fixes().get(0).machineApplicable());
    }

    @Test
    void podInfraContainerImageIsAcceptedBy134AndRejectedBy135() {
        KubeletNodes.Line line = kubeadmArgs().flag("node-ip", "10.0.0.5").flag("pod-infra-container-image",
                "registry.k8s.io/pause:3.10");
        assertEquals(List.of(), run(RULE, "1.34.2", node(line)));
        List<Finding> f = run(RULE, "1.35.0", node(line));
        assertEquals(1, f.size());
        assertEquals(line.flagAt(1), f.get(0).location());
        assertTrue(f.get(0).message().startsWith("--pod-infra-container-image (from $KUBELET_KUBEADM_ARGS) was removed in "
                + "Kubernetes 1.35"), f.get(0).message());
        assertEquals(new NodeEdit.RemoveKubeletFlag("pod-infra-container-image"), f.get(0).fixes().get(0).edits().get(0));
    }

    @Test
    void aMisspeltFlagGetsADidYouMeanAndASuggestedReplacement() {
        KubeletNodes.Line line = extraArgs().flag("node-lables", "pool=batch");
        List<Finding> f = run(RULE, "1.35.0", node(line));
        assertEquals(1, f.size());
        assertEquals("--node-lables (from $KUBELET_EXTRA_ARGS) is not a kubelet flag; the kubelet (Kubernetes 1.35.0) exits "
                + "with \"unknown flag: --node-lables\"; did you mean --node-labels?", f.get(0).message());
        Fix fix = f.get(0).fixes().get(0);
        assertFalse(fix.machineApplicable(), "renaming is a guess");
        assertEquals(List.of(new NodeEdit.RemoveKubeletFlag("node-lables"), new NodeEdit.SetKubeletFlag("node-labels", "pool=batch")),
                fix.edits());
    }

    @Test
    void aFlagNewerThanTheTargetIsUnknownToIt() {
        KubeletNodes.Line line = kubeadmArgs().flag("config-dir", "/etc/kubernetes/kubelet.conf.d");
        assertEquals(List.of(), run(RULE, "1.28.0", node(line)));
        List<Finding> f = run(RULE, "1.27.3", node(line));
        assertEquals("--config-dir (from $KUBELET_KUBEADM_ARGS) only exists from Kubernetes 1.28; the kubelet (Kubernetes "
                + "1.27.3) exits with \"unknown flag: --config-dir\"", f.get(0).message());
        assertEquals(List.of(), f.get(0).fixes(), "removing a flag the user wants is not the fix; upgrading is");
    }

    @Test
    void aLongFlagWithOneDashIsReported() {
        KubeletNodes.Line line = extraArgs();
        line.flags.add(new dev.criconf.model.CommandLineFlag("node-ip", "-node-ip=10.0.0.1", java.util.Optional.of("10.0.0.1"),
                dev.criconf.model.CommandLineFlag.Form.EQUALS, RuleHarness.at(KubeletNodes.DEFAULT_KUBELET, 2, 21),
                java.util.Optional.empty(), java.util.Optional.of("KUBELET_EXTRA_ARGS")));
        List<Finding> f = run(RULE, "1.35.0", node(line));
        assertEquals(1, f.size());
        assertEquals("-node-ip is written with one dash: pflag reads it as a cluster of one-letter flags and the kubelet "
                + "exits; write --node-ip", f.get(0).message());
    }

    @Test
    void withoutAVersionItAssumesOneAndSaysSo() {
        List<Finding> f = run(RULE, null, node(kubeadmArgs().flag("pod-infra-container-image", "registry.k8s.io/pause:3.10")));
        assertEquals(1, f.size());
        assertTrue(f.get(0).message().contains("the kubelet (assuming Kubernetes 1.35) exits"), f.get(0).message());
    }

    @Test
    void takesTheVersionFromTheNodeProfileWhenNoOptionGivesOne() {
        NodeConfig n = node(dockershimEra()).toBuilder()
                .profile(NodeProfile.fromTree("criconf.yaml", TestTrees.tree("criconf.yaml", "kubernetesVersion", "1.23.4")))
                .build();
        assertEquals(List.of(), run(RULE, null, n));
        assertEquals(1, run(RULE, "1.24.0", n).size(), "an explicit option wins over the profile");
    }

    @Test
    void checksKubeadmKubeletExtraArgs() {
        KubeadmConfig kubeadm = new KubeadmConfig("kubeadm.yaml", List.of(TestTrees.tree("kubeadm.yaml",
                "apiVersion", "kubeadm.k8s.io/v1beta3",
                "kind", "InitConfiguration",
                "nodeRegistration.kubeletExtraArgs.network-plugin", "cni",
                "nodeRegistration.kubeletExtraArgs.node-ip", "10.0.0.5")));
        NodeConfig n = NodeConfig.builder("node").kubeadm(kubeadm).build();
        List<Finding> f = run(RULE, "1.24.0", n);
        assertEquals(1, f.size());
        assertEquals(TestTrees.valueAt("kubeadm.yaml", 3), f.get(0).location());
        assertTrue(f.get(0).message().startsWith("kubeletExtraArgs: --network-plugin was removed in Kubernetes 1.24"));
        assertTrue(f.get(0).message().endsWith("kubeadm writes it into kubeadm-flags.env on init, join and upgrade"));
    }

    @Test
    void readsTheEnvironmentFilesWhenTheNodeHasNoUnit() {
        KubeletNodes.Line line = dockershimEra();
        List<Finding> f = run(RULE, "1.24.0", KubeletNodes.envOnly(line));
        assertEquals(1, f.size());
        assertEquals(line.flagAt(0), f.get(0).location());
    }

    @Test
    void healthyFlagsOfEveryReleaseAreQuiet() {
        for (Map.Entry<String, KubeletNodes.Line> e : Map.of(
                "1.23.0", kubeadmArgs().flag("network-plugin", "cni").flag("pod-infra-container-image", "k8s.gcr.io/pause:3.6"),
                "1.26.0", kubeadmArgs().flag("container-runtime", "remote").flag("container-runtime-endpoint", "unix:///run/x.sock"),
                "1.35.0", kubeadmArgs().flag("node-ip", "10.1.1.1").bare("v").flag("cgroup-driver", "systemd")).entrySet()) {
            assertEquals(List.of(), run(RULE, e.getKey(), node(e.getValue())), e.getKey());
        }
    }
}
