package dev.criconf.validate.internal.rules;

import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.testing.TestTrees.valueAt;
import static dev.criconf.validate.internal.rules.KubeletNodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioFile;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeadmCriSocketRuleTest {

    private static final KubeadmCriSocketRule RULE = new KubeadmCriSocketRule();
    private static final String KUBEADM = "etc/kubernetes/kubeadm.yaml";
    private static final String TOML = "etc/containerd/config.toml";

    private static NodeConfig.Builder kubeadm(String socket) {
        return NodeConfig.builder("n").kubeadm(new KubeadmConfig(KUBEADM, List.of(
                tree(KUBEADM, "apiVersion", "kubeadm.k8s.io/v1beta4", "kind", "InitConfiguration",
                        "nodeRegistration.criSocket", socket),
                tree(KUBEADM, "kind", "ClusterConfiguration"))));
    }

    @Test
    void aSocketWithoutSchemeIsRewrittenByKubeadm() {
        List<Finding> f = run(RULE, null, kubeadm("/run/containerd/containerd.sock")
                .containerd(ContainerdConfig.single(TOML, tree(TOML, "version", 3))).build());
        assertEquals(1, f.size());
        Finding x = f.get(0);
        assertEquals("kubeadm-cri-socket", x.ruleId());
        assertEquals(Severity.WARNING, x.severity());
        assertEquals(valueAt(KUBEADM, 3), x.location());
        assertEquals("criSocket '/run/containerd/containerd.sock' has no URL scheme: kubeadm warns \"Usage of CRI endpoints "
                + "without URL scheme is deprecated and can cause kubelet errors in the future\" and prepends it; write "
                + "unix:///run/containerd/containerd.sock", x.message());
        assertEquals(List.of(Fix.suggestion("write criSocket: unix:///run/containerd/containerd.sock",
                new NodeEdit.SetValue(KUBEADM, List.of("nodeRegistration", "criSocket"),
                        "unix:///run/containerd/containerd.sock"))), x.fixes());
    }

    @Test
    void aSocketNoRuntimeListensOn() {
        NodeConfig n = kubeadm("unix:///var/run/containerd/containerd.sock")
                .crio(CrioConfig.single("etc/crio/crio.conf", CrioFile.Role.MAIN,
                        tree("etc/crio/crio.conf", "crio.api.listen", "/var/run/crio/crio.sock")))
                .build();
        List<Finding> f = run(RULE, null, n);
        assertEquals(1, f.size());
        assertEquals("criSocket 'unix:///var/run/containerd/containerd.sock' is not where the node's runtime listens: CRI-O "
                + "listens on unix:///var/run/crio/crio.sock; kubeadm's preflight fails with \"container runtime is not "
                + "running\"", f.get(0).message());
        assertEquals(List.of(new RelatedLocation(valueAt("etc/crio/crio.conf", 1), "CRI-O listens on /var/run/crio/crio.sock")),
                f.get(0).related());
        assertFalse(f.get(0).fixes().get(0).machineApplicable());
    }

    @Test
    void aDefaultListenerIsNamedAsTheDefault() {
        List<Finding> f = run(RULE, null, kubeadm("unix:///run/crio/crio.sock")
                .containerd(ContainerdConfig.single(TOML, tree(TOML, "version", 2))).build());
        assertEquals("criSocket 'unix:///run/crio/crio.sock' is not where the node's runtime listens: containerd listens on "
                + "unix:///run/containerd/containerd.sock (default of containerd all versions on Linux); kubeadm's preflight "
                + "fails with \"container runtime is not running\"", f.get(0).message());
        assertEquals(List.of(), f.get(0).related());
    }

    @Test
    void varRunAndRunAreTheSameSocket() {
        assertEquals(List.of(), run(RULE, null, kubeadm("unix:///var/run/containerd/containerd.sock")
                .containerd(ContainerdConfig.single(TOML, tree(TOML, "grpc.address", "/run/containerd/containerd.sock"))).build()));
    }

    @Test
    void withoutRuntimesOnlyTheSchemeIsChecked() {
        assertEquals(List.of(), run(RULE, null, kubeadm("unix:///var/run/cri-dockerd.sock").build()));
        assertEquals(List.of(), run(RULE, null, NodeConfig.builder("n").build()));
    }
}
