package dev.criconf.validate.rules;

import static dev.criconf.testing.TestTrees.valueAt;
import static dev.criconf.validate.rules.Nodes.CONTAINERD;
import static dev.criconf.validate.rules.Nodes.CRIO;
import static dev.criconf.validate.rules.Nodes.CRI_DOCKERD;
import static dev.criconf.validate.rules.Nodes.KUBEADM;
import static dev.criconf.validate.rules.Nodes.KUBEADM_FLAGS;
import static dev.criconf.validate.rules.Nodes.KUBELET;
import static dev.criconf.validate.rules.Nodes.V2;
import static dev.criconf.validate.rules.Nodes.V3_IMAGES;
import static dev.criconf.validate.rules.Nodes.containerd;
import static dev.criconf.validate.rules.Nodes.crio;
import static dev.criconf.validate.rules.Nodes.criDockerd;
import static dev.criconf.validate.rules.Nodes.flag;
import static dev.criconf.validate.rules.Nodes.flags;
import static dev.criconf.validate.rules.Nodes.kubelet;
import static dev.criconf.validate.rules.Nodes.node;
import static dev.criconf.validate.rules.Nodes.option;
import static dev.criconf.validate.rules.Nodes.profile;
import static dev.criconf.validate.rules.Nodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeadmConfig;
import dev.criconf.testing.TestTrees;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Severity;
import dev.criconf.validate.TargetComponent;
import dev.criconf.validate.internal.rules.DeprecatedRegistryRule;
import dev.criconf.validate.internal.rules.SandboxImageMismatchRule;
import dev.criconf.validate.internal.rules.SandboxImageVersionRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SandboxImageRulesTest {

    private static NodeConfig crioNode(String k8s, String pauseFlag, String pauseImage) {
        NodeConfig.Builder b = node().profile(profile("kubernetesVersion", k8s, "crioVersion", k8s))
                .kubeletConfiguration(kubelet("cgroupDriver", "systemd", "containerRuntimeEndpoint", "unix:///var/run/crio/crio.sock"))
                .crio(crio("crio.runtime.cgroup_manager", "systemd", "crio.image.pause_image", pauseImage));
        if (pauseFlag != null) {
            b.kubeletFlags(flags(flag(KUBEADM_FLAGS, 1, "pod-infra-container-image", pauseFlag)));
        }
        return b.build();
    }

    @Nested
    class Mismatch {
        private final SandboxImageMismatchRule rule = new SandboxImageMismatchRule();

        @Test
        void flagDiffersFromPauseImage() {
            Finding x = run(rule, crioNode("1.30.4", "registry.k8s.io/pause:3.9", "registry.k8s.io/pause:3.10")).get(0);
            assertEquals("sandbox-image-mismatch", x.ruleId());
            assertEquals(Severity.WARNING, x.severity());
            assertEquals(valueAt(KUBEADM_FLAGS, 1), x.location());
            assertEquals(valueAt(CRIO, 2), x.related().get(0).location());
            assertTrue(x.message().startsWith("the kubelet's --pod-infra-container-image is registry.k8s.io/pause:3.9 but CRI-O creates "
                    + "pod sandboxes from registry.k8s.io/pause:3.10 (pause_image = \"registry.k8s.io/pause:3.10\" at "
                    + "etc/crio/crio.conf:2:10)"), x.message());
            assertTrue(x.message().contains("since Kubernetes 1.29 the flag has no effect"), x.message());
        }

        @Test
        void before129TheGarbageCollectorIsTheProblem() {
            Finding x = run(rule, crioNode("1.26.1", "registry.k8s.io/pause:3.8", "registry.k8s.io/pause:3.9")).get(0);
            assertTrue(x.message().contains("Kubernetes 1.26.1 keeps only registry.k8s.io/pause:3.8 from image garbage collection"),
                    x.message());
        }

        @Test
        void normalisedNamesAreTheSameImage() {
            assertEquals(List.of(), run(rule, crioNode("1.30.4", "pause:3.9", "docker.io/library/pause:3.9")));
            assertEquals(List.of(), run(rule, crioNode("1.30.4", "registry.k8s.io/pause:3.9", "registry.k8s.io/pause:3.9")));
        }

        @Test
        void from135TheFlagIsGoneAndAnUnknownReleaseIsAssumedToHaveIt() {
            assertEquals(List.of(), run(rule, crioNode("1.35.0", "registry.k8s.io/pause:3.9", "registry.k8s.io/pause:3.10.1")));
            NodeConfig noVersion = crioNode("1.30.4", "registry.k8s.io/pause:3.9", "registry.k8s.io/pause:3.10").toBuilder()
                    .profile(profile("os", "linux")).build();
            Finding x = run(rule, noVersion).get(0);
            assertTrue(x.message().contains("assuming a Kubernetes release that still has the flag"), x.message());
        }

        @Test
        void aRuntimeDefaultCountsOnlyWhenTheReleaseIsKnown() {
            NodeConfig known = node().profile(profile("kubernetesVersion", "1.28.3", "containerdVersion", "1.7.13"))
                    .kubeletFlags(flags(flag(KUBEADM_FLAGS, 1, "pod-infra-container-image", "registry.k8s.io/pause:3.9")))
                    .containerd(containerd("version", 2, V2 + "containerd.default_runtime_name", "runc")).build();
            Finding x = run(rule, known).get(0);
            assertTrue(x.message().contains("from registry.k8s.io/pause:3.8 (no sandbox_image (default of containerd 1.7"), x.message());
            assertEquals(keyAt2(), x.related().get(0).location());
            NodeConfig unknown = known.toBuilder().profile(profile("kubernetesVersion", "1.28.3")).build();
            assertEquals(List.of(), run(rule, unknown));
        }

        private Origin keyAt2() {
            return TestTrees.keyAt(CONTAINERD, 2);
        }
    }

    @Nested
    class Version {
        private final SandboxImageVersionRule rule = new SandboxImageVersionRule();

        @Test
        void crioPauseImageOlderThanKubeadmsExpectation() {
            Finding x = run(rule, crioNode("1.35.0", null, "registry.k8s.io/pause:3.9")).get(0);
            assertEquals("sandbox-image-version", x.ruleId());
            assertEquals(Severity.WARNING, x.severity());
            assertEquals(valueAt(CRIO, 2), x.location());
            assertTrue(x.message().startsWith("CRI-O's sandbox image is registry.k8s.io/pause:3.9 (pause_image = "
                    + "\"registry.k8s.io/pause:3.9\") but kubeadm for Kubernetes 1.35.0 expects registry.k8s.io/pause:3.10.1"), x.message());
            assertTrue(x.message().endsWith("Set pause_image to registry.k8s.io/pause:3.10.1"), x.message());
        }

        @Test
        void theExpectationFollowsTheKubernetesRelease() {
            assertEquals(List.of(), run(rule, crioNode("1.30.2", null, "registry.k8s.io/pause:3.9")));
            assertEquals(1, run(rule, crioNode("1.31.0", null, "registry.k8s.io/pause:3.9")).size());
            assertEquals(List.of(), run(rule, crioNode("1.33.0", null, "registry.k8s.io/pause:3.10")));
        }

        @Test
        void containerdDefaultsAndVersion3Keys() {
            NodeConfig defaulted = node().profile(profile("kubernetesVersion", "1.33.0", "containerdVersion", "1.7.28"))
                    .containerd(containerd("version", 2, V2 + "containerd.default_runtime_name", "runc")).build();
            Finding x = run(rule, defaulted).get(0);
            assertEquals(TestTrees.keyAt(CONTAINERD, 2), x.location());
            assertTrue(x.message().contains("no sandbox_image (default of containerd 1.7"), x.message());
            assertTrue(x.message().endsWith("Add sandbox_image = \"registry.k8s.io/pause:3.10\""), x.message());

            NodeConfig v3 = node().profile(profile("kubernetesVersion", "1.33.0"))
                    .containerd(containerd("version", 3, V3_IMAGES + "pinned_images.sandbox", "registry.k8s.io/pause:3.9")).build();
            Finding y = run(rule, v3).get(0);
            assertEquals(valueAt(CONTAINERD, 2), y.location());
            assertTrue(y.message().endsWith("Set pinned_images.sandbox to registry.k8s.io/pause:3.10"), y.message());

            // a version = 3 file proves only "containerd 2.0 or later": its default image is not guessed
            NodeConfig v3Default = node().profile(profile("kubernetesVersion", "1.33.0"))
                    .containerd(containerd("version", 3, V3_IMAGES + "snapshotter", "overlayfs")).build();
            assertEquals(List.of(), run(rule, v3Default));
        }

        @Test
        void kubeadmsImageRepositoryAndVersionCount() {
            KubeadmConfig kubeadm = new KubeadmConfig(KUBEADM, List.of(TestTrees.tree(KUBEADM,
                    "apiVersion", "kubeadm.k8s.io/v1beta4", "kind", "ClusterConfiguration",
                    "kubernetesVersion", "v1.32.3", "imageRepository", "registry.example.internal/k8s")));
            NodeConfig n = node().kubeadm(kubeadm)
                    .criDockerd(criDockerd(Optional.empty(), "pod-infra-container-image", "registry.k8s.io/pause:3.10")).build();
            Finding x = run(rule, n).get(0);
            assertEquals(valueAt(CRI_DOCKERD, 10), x.location());
            assertTrue(x.message().contains("kubeadm for Kubernetes 1.32.3 expects registry.example.internal/k8s/pause:3.10 "
                    + "(imageRepository registry.example.internal/k8s)"), x.message());
            assertEquals(valueAt(KUBEADM, 4), x.related().get(0).location());
        }

        @Test
        void noGuessWithoutAKubernetesRelease() {
            NodeConfig n = crioNode("1.35.0", null, "registry.k8s.io/pause:3.6").toBuilder().profile(profile("os", "linux")).build();
            assertEquals(List.of(), run(rule, n));
            assertEquals(1, run(rule, n, option(TargetComponent.KUBERNETES, "1.29")).size());
        }
    }

    @Nested
    class Registry {
        private final DeprecatedRegistryRule rule = new DeprecatedRegistryRule();

        @Test
        void kubeletFlagOnK8sGcrIo() {
            NodeConfig n = node().kubeletFlags(flags(flag(KUBEADM_FLAGS, 1, "pod-infra-container-image", "k8s.gcr.io/pause:3.6"))).build();
            Finding x = run(rule, n, option(TargetComponent.KUBERNETES, "1.24")).get(0);
            assertEquals("deprecated-registry", x.ruleId());
            assertEquals(Severity.WARNING, x.severity());
            assertEquals(valueAt(KUBEADM_FLAGS, 1), x.location());
            assertTrue(x.message().startsWith("the kubelet's --pod-infra-container-image is k8s.gcr.io/pause:3.6"), x.message());
            assertTrue(x.message().endsWith("use registry.k8s.io/pause:3.6, the same image on registry.k8s.io"), x.message());
            assertEquals(List.of(Fix.of(new NodeEdit.SetKubeletFlag("pod-infra-container-image", "registry.k8s.io/pause:3.6"))),
                    x.fixes());
        }

        @Test
        void runtimeSettingsGetSetValueFixes() {
            NodeConfig n = node()
                    .containerd(containerd("version", 2, V2 + "sandbox_image", "k8s.gcr.io/pause:3.8"))
                    .crio(crio("crio.image.pause_image", "k8s.gcr.io/pause@sha256:" + "a".repeat(64))).build();
            List<Finding> f = run(rule, n);
            assertEquals(2, f.size(), f.toString());
            assertEquals(valueAt(CONTAINERD, 2), f.get(0).location());
            assertEquals(List.of(Fix.of(new NodeEdit.SetValue(CONTAINERD, List.of("plugins", "io.containerd.grpc.v1.cri", "sandbox_image"),
                    "registry.k8s.io/pause:3.8"))), f.get(0).fixes());
            assertEquals(valueAt(CRIO, 1), f.get(1).location());
            assertEquals(List.of(Fix.of(new NodeEdit.SetValue(CRIO, List.of("crio", "image", "pause_image"),
                    "registry.k8s.io/pause@sha256:" + "a".repeat(64)))), f.get(1).fixes());
        }

        @Test
        void anOldRuntimesDefaultIsReportedWhereTheKeyBelongs() {
            NodeConfig n = node().profile(profile("containerdVersion", "1.6.4"))
                    .containerd(containerd("version", 2, V2 + "containerd.snapshotter", "overlayfs")).build();
            Finding x = run(rule, n).get(0);
            assertEquals(TestTrees.keyAt(CONTAINERD, 2), x.location());
            assertTrue(x.message().contains("no sandbox_image (default of containerd 1.6.0 to 1.6.8: k8s.gcr.io/pause:3.6)"), x.message());
            assertTrue(x.message().contains("set it explicitly to registry.k8s.io/pause:3.6"), x.message());
            assertEquals(List.of(), run(rule, n.toBuilder().profile(profile("containerdVersion", "1.6.9")).build()));
        }

        @Test
        void kubeadmImageRepositoryIsASuggestion() {
            KubeadmConfig kubeadm = new KubeadmConfig(KUBEADM, List.of(TestTrees.tree(KUBEADM,
                    "apiVersion", "kubeadm.k8s.io/v1beta3", "kind", "ClusterConfiguration", "imageRepository", "k8s.gcr.io")));
            Finding x = run(rule, node().kubeadm(kubeadm).build()).get(0);
            assertEquals(valueAt(KUBEADM, 3), x.location());
            assertEquals(1, x.fixes().size());
            assertEquals(List.of(new NodeEdit.SetValue(KUBEADM, List.of("imageRepository"), "registry.k8s.io")), x.fixes().get(0).edits());
            assertTrue(!x.fixes().get(0).machineApplicable());
        }

        @Test
        void quietOnRegistryK8sIoAndForDisabledCri() {
            NodeConfig n = node().kubeletConfiguration(kubelet("cgroupDriver", "systemd"))
                    .kubeletFlags(flags(flag(KUBEADM_FLAGS, 1, "pod-infra-container-image", "registry.k8s.io/pause:3.9")))
                    .containerd(containerd("disabled_plugins", List.of("cri"), "plugins.cri.sandbox_image", "k8s.gcr.io/pause:3.2"))
                    .build();
            assertEquals(List.of(), run(rule, n));
            assertEquals(List.of(), run(rule, node().kubeletConfiguration(kubelet("cgroupDriver", KUBELET)).build()));
        }
    }
}
