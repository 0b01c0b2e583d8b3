package dev.criconf.validate.internal.rules;

import static dev.criconf.testing.TestTrees.keyAt;
import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.validate.internal.rules.KubeletNodes.CONFIG;
import static dev.criconf.validate.internal.rules.KubeletNodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.docker.DockerDaemonConfig;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.TargetVersion;
import dev.criconf.validate.TargetVersions;
import dev.criconf.validate.RuleSet;
import dev.criconf.validate.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownKeyRuleTest {

    private static final UnknownKeyRule RULE = new UnknownKeyRule();
    private static final String TOML = "etc/containerd/config.toml";
    private static final String DROP_IN = "etc/kubernetes/kubelet.conf.d/10.conf";

    private static NodeConfig config(ConfigTable t) {
        return NodeConfig.builder("n").kubeletConfiguration(new KubeletConfiguration(CONFIG, t)).build();
    }

    @Test
    void aMisCasedKubeletFieldIsIgnoredByTheKubelet() {
        List<Finding> f = run(RULE, "1.35.0", config(tree(CONFIG, "apiVersion", "kubelet.config.k8s.io/v1beta1",
                "CgroupDriver", "systemd")));
        assertEquals(1, f.size());
        Finding x = f.get(0);
        assertEquals("unknown-key", x.ruleId());
        assertEquals(Severity.WARNING, x.severity());
        assertEquals(keyAt(CONFIG, 2), x.location());
        assertEquals("'CgroupDriver' is not a KubeletConfiguration field: the kubelet logs a strict-decoding error, then "
                + "ignores it; field names are case-sensitive: write 'cgroupDriver'", x.message());
        assertEquals(List.of(), x.fixes());
    }

    @Test
    void typosInNestedFieldsAndInDropInsAndKubeadm() {
        NodeConfig n = config(tree(CONFIG, "authentication.anonymus.enabled", false)).toBuilder()
                .addKubeletDropIn(new KubeletConfiguration(DROP_IN, tree(DROP_IN, "maxPod", 200)))
                .kubeadm(new KubeadmConfig("kubeadm.yaml", List.of(tree("kubeadm.yaml", "kind", "KubeletConfiguration",
                        "evictionHrad.\"memory.available\"", "1Gi"))))
                .build();
        List<Finding> f = run(RULE, "1.35.0", n);
        // reports sort by file: the drop-in, kubeadm.yaml, then config.yaml
        assertEquals(List.of(
                "'maxPod' is not a KubeletConfiguration field: the kubelet's configuration API does not have it; did you mean "
                        + "'maxPods'?",
                "'evictionHrad' is not a KubeletConfiguration field: kubeadm warns \"strict decoding error: unknown field\" "
                        + "and the kubelet never sees it; did you mean 'evictionHard'?",
                "'authentication.anonymus' is not a KubeletConfiguration field: the kubelet logs a strict-decoding error, then "
                        + "ignores it; did you mean 'anonymous'?"),
                f.stream().map(Finding::message).toList());
    }

    @Test
    void aFieldNewerThanTheTargetReleaseIsIgnoredByIt() {
        NodeConfig n = config(tree(CONFIG, "mergeDefaultEvictionSettings", true, "userNamespaces.idsPerPod", 65536));
        assertEquals(List.of(), run(RULE, "1.33.0", n));
        List<Finding> f = run(RULE, "1.32.9", n);
        assertEquals(2, f.size());
        assertEquals(keyAt(CONFIG, 1), f.get(0).location());
        assertEquals("'mergeDefaultEvictionSettings' only exists from Kubernetes 1.33: the kubelet (Kubernetes 1.32.9) "
                + "ignores it", f.get(0).message());
        assertTrue(f.get(1).message().startsWith("'userNamespaces' only exists from Kubernetes 1.33"), f.get(1).message());
    }

    @Test
    void containerdKeysExceptRuntimeOptions() {
        ConfigTable t = tree(TOML, "version", 2,
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.runtime_type", "io.containerd.runc.v2",
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.SystemdCgroup", true,
                "plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options.SystemdCgroups", true,
                "bogus_top", 1);
        List<Finding> f = run(RULE, null, NodeConfig.builder("n").containerd(ContainerdConfig.single(TOML, t)).build());
        assertEquals(1, f.size(), "options and a misplaced SystemdCgroup are containerd-option-unchecked's");
        assertEquals(keyAt(TOML, 5), f.get(0).location());
        assertEquals("containerd does not know 'bogus_top' and ignores it (2.x logs \"Ignoring unknown key\")",
                f.get(0).message());
    }

    @Test
    void containerd2MatchesKeysIgnoringCase() {
        ConfigTable t = tree(TOML, "version", 2, "Root", "/var/lib/containerd");
        NodeConfig n = NodeConfig.builder("n").containerd(ContainerdConfig.single(TOML, t)).build();
        List<Finding> f = run(RULE, null, n);
        assertEquals(1, f.size(), "version 2 does not prove containerd 2.x");
        assertTrue(f.get(0).message().endsWith("containerd 1.x matches keys case-sensitively: write 'root'"),
                f.get(0).message());
        List<Finding> on2 = Validator.builder().ruleSet(RuleSet.of(RULE)).targetVersions(TargetVersions.of(
                TargetVersion.option(TargetComponent.CONTAINERD, "2.1.0", "--containerd-version"))).build()
                .validate(n).findings();
        assertEquals(List.of(), on2);
        assertEquals(List.of(), run(RULE, null, NodeConfig.builder("n").containerd(ContainerdConfig.single(TOML,
                tree(TOML, "version", 3, "Root", "/var/lib/containerd"))).build()), "version 3 proves 2.x");
    }

    @Test
    void unknownDaemonJsonKeysStopDockerd() {
        String f = "etc/docker/daemon.json";
        NodeConfig n = NodeConfig.builder("n").dockerDaemon(new DockerDaemonConfig(f, tree(f,
                "exec-opts", List.of("native.cgroupdriver=systemd"), "registry-mirror", List.of("https://m.example")))).build();
        List<Finding> findings = run(RULE, null, n);
        assertEquals(1, findings.size());
        assertEquals(keyAt(f, 2), findings.get(0).location());
        assertEquals("'registry-mirror' is not a daemon.json option: dockerd refuses to start (\"the following directives "
                + "don't match any configuration option: registry-mirror\"); did you mean 'registry-mirrors'?",
                findings.get(0).message());
    }

    @Test
    void knownKeysAreQuiet() {
        assertEquals(List.of(), run(RULE, "1.35.0", config(tree(CONFIG, "apiVersion", "kubelet.config.k8s.io/v1beta1",
                "kind", "KubeletConfiguration", "cgroupDriver", "systemd", "evictionHard.\"memory.available\"", "100Mi",
                "featureGates.SomeGate", true, "authentication.anonymous.enabled", false))));
    }
}
