package dev.criconf.validate;

import static dev.criconf.testing.TestTrees.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.ComponentVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.NodeProfile;
import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.validate.report.JsonRenderer;
import dev.criconf.validate.report.ToolInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeVersionsTest {

    private static final String TOML = "etc/containerd/config.toml";
    private static final String KUBEADM = "etc/kubernetes/kubeadm.yaml";

    private static NodeProfile profile(Object... kv) {
        return NodeProfile.fromTree("criconf.yaml", tree("criconf.yaml", kv));
    }

    private static KubeadmConfig kubeadm(String version) {
        return new KubeadmConfig(KUBEADM, List.of(tree(KUBEADM, "apiVersion", "kubeadm.k8s.io/v1beta4",
                "kind", "ClusterConfiguration", "kubernetesVersion", version)));
    }

    @Test
    void profileVersionsForEveryComponent() {
        NodeConfig n = NodeConfig.builder("n").profile(profile("kubernetesVersion", "1.35.0", "containerdVersion", "2.2.0",
                "crioVersion", "1.35.1", "criDockerdVersion", "0.4.0", "dockerVersion", "28.5.1")).build();
        TargetVersions v = NodeVersions.from(n);
        assertEquals(new TargetVersion(TargetComponent.KUBERNETES, ComponentVersion.of(1, 35, 0), VersionSource.PROFILE, "criconf.yaml"),
                v.kubernetes().orElseThrow());
        assertEquals(ComponentVersion.of(2, 2, 0), v.containerd().orElseThrow().version());
        assertEquals(ComponentVersion.of(1, 35, 1), v.crio().orElseThrow().version());
        assertEquals(ComponentVersion.of(0, 4, 0), v.criDockerd().orElseThrow().version());
        assertEquals(ComponentVersion.of(28, 5, 1), v.docker().orElseThrow().version());
        assertEquals("Kubernetes 1.35.0 (from criconf.yaml)", v.kubernetes().orElseThrow().toString());
    }

    @Test
    void filesProveKubernetesAndAContainerdMinimum() {
        NodeConfig n = NodeConfig.builder("n").kubeadm(kubeadm("v1.31.4"))
                .containerd(ContainerdConfig.single(TOML, tree(TOML, "version", 3))).build();
        TargetVersions v = NodeVersions.from(n);
        TargetVersion k8s = v.kubernetes().orElseThrow();
        assertEquals(ComponentVersion.of(1, 31, 4), k8s.version());
        assertEquals(VersionSource.FILES, k8s.source());
        assertEquals("etc/kubernetes/kubeadm.yaml:3:10 (kubernetesVersion: v1.31.4)", k8s.basis());
        TargetVersion containerd = v.containerd().orElseThrow();
        assertEquals(ComponentVersion.of(2, 0), containerd.version());
        assertEquals(VersionSource.FILES, containerd.source());
        assertEquals("etc/containerd/config.toml:1:10 (version = 3 needs containerd 2.0 or later)", containerd.basis());
    }

    @Test
    void labelsSchema2AndNothingProveNothing() {
        NodeConfig n = NodeConfig.builder("n").kubeadm(kubeadm("stable-1.30"))
                .containerd(ContainerdConfig.single(TOML, tree(TOML, "version", 2))).build();
        assertEquals(TargetVersions.none(), NodeVersions.from(n));
        assertEquals(TargetVersions.none(), NodeVersions.from(NodeConfig.builder("n").build()));
    }

    @Test
    void theProfileWinsOverTheFilesAndOptionsWinOverBoth() {
        NodeConfig n = NodeConfig.builder("n").profile(profile("kubernetesVersion", "1.30.2", "containerdVersion", "2.1.3"))
                .kubeadm(kubeadm("v1.31.0")).containerd(ContainerdConfig.single(TOML, tree(TOML, "version", 3))).build();
        TargetVersions v = NodeVersions.from(n);
        assertEquals(VersionSource.PROFILE, v.kubernetes().orElseThrow().source());
        assertEquals(ComponentVersion.of(1, 30, 2), v.kubernetes().orElseThrow().version());
        assertEquals(ComponentVersion.of(2, 1, 3), v.containerd().orElseThrow().version());

        List<String> seen = new ArrayList<>();
        Rule probe = TestRules.rule("probe", Severity.INFO, (node, ctx) -> {
            seen.add(ctx.versions().kubernetes().orElseThrow().toString());
            seen.add(ctx.versions().containerd().orElseThrow().toString());
        });
        Validator.builder().ruleSet(RuleSet.of(probe))
                .targetVersions(TargetVersions.of(TargetVersion.option(TargetComponent.KUBERNETES, "1.33", "--kubernetes-version")))
                .build().validate(n);
        assertEquals(List.of("Kubernetes 1.33 (from --kubernetes-version)", "containerd 2.1.3 (from criconf.yaml)"), seen);
    }

    @Test
    void validateWithExplicitNodeVersionsDoesNotReadTheProfile() {
        NodeConfig n = NodeConfig.builder("n").profile(profile("kubernetesVersion", "1.30.2")).build();
        List<Boolean> known = new ArrayList<>();
        Rule probe = TestRules.rule("probe", Severity.INFO, (node, ctx) -> known.add(ctx.versions().kubernetes().isPresent()));
        Validator v = Validator.builder().ruleSet(RuleSet.of(probe)).build();
        v.validate(n, TargetVersions.none());
        v.validate(n);
        assertEquals(List.of(false, true), known);
    }

    @Test
    void containerdCredentialsReachTheReportAndAreRedacted() {
        String v2 = "plugins.\"io.containerd.grpc.v1.cri\".registry.";
        ContainerdConfig c = ContainerdConfig.single(TOML, tree(TOML, "version", 2,
                v2 + "configs.\"registry.example.internal\".auth.username", "robot",
                v2 + "configs.\"registry.example.internal\".auth.password", "s3cr3t-pass",
                v2 + "auths.\"https://old.example\".auth", "dXNlcjpwYXNz",
                // a schema-1 table in a version-2 file: not read by the typed view, still on disk
                "plugins.cri.registry.auths.\"https://other.example\".identitytoken", "tok-123"));
        NodeConfig n = NodeConfig.builder("n").addFile(TOML).containerd(c).build();
        Rule echo = TestRules.rule("echo", Severity.WARNING, (node, ctx) ->
                ctx.report(dev.criconf.model.Origin.ofFile(TOML), "password is s3cr3t-pass, token tok-123"));
        Report r = Validator.builder().ruleSet(RuleSet.of(echo)).build().validate(n);
        assertEquals(Secrets.of("robot", "s3cr3t-pass", "dXNlcjpwYXNz", "tok-123"), r.secrets());
        String json = new JsonRenderer(ToolInfo.of("criconf", "0.1.0")).render(r);
        assertFalse(json.contains("s3cr3t-pass"), json);
        assertFalse(json.contains("tok-123"), json);
        assertTrue(Validator.builder().ruleSet(RuleSet.of(echo)).build().validate(NodeConfig.builder("n").build()).secrets().isEmpty());
    }
}
