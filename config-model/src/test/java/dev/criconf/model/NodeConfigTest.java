package dev.criconf.model;

import static dev.criconf.testing.TestTrees.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.containerd.ContainerdConfig;
import dev.criconf.model.crio.CrioConfig;
import dev.criconf.model.crio.CrioFile;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.KubeletConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeConfigTest {

    @Test
    void threeArgumentConstructorKeepsItsMeaning() {
        List<String> files = new ArrayList<>(List.of("etc/containerd/config.toml"));
        Problem p = Problem.syntax(Origin.ofFile("etc/containerd/config.toml"), "bad");
        NodeConfig n = new NodeConfig("nodes/a", files, List.of(p));
        files.add("x");
        assertEquals("nodes/a", n.root());
        assertEquals(List.of("etc/containerd/config.toml"), n.files());
        assertEquals(List.of(p), n.problems());
        assertEquals(Optional.empty(), n.containerd());
        assertEquals(Set.of(), n.configuredRuntimes());
        assertThrows(NullPointerException.class, () -> new NodeConfig(null, List.of(), List.of()));
        assertThrows(UnsupportedOperationException.class, () -> n.files().add("y"));
    }

    @Test
    void builderAssemblesAndSortsFiles() {
        String c = "etc/containerd/config.toml";
        String k = "var/lib/kubelet/config.yaml";
        KubeletConfiguration kc = new KubeletConfiguration(k, tree(k, "cgroupDriver", "systemd"));
        NodeConfig n = NodeConfig.builder("node")
                .addFile(k).addFile(c).addFile(c)
                .addParsedFile(ParsedFile.of(c, FileFormat.TOML, Component.CONTAINERD, tree(c, "version", 2)))
                .containerd(ContainerdConfig.single(c, tree(c, "version", 2)))
                .crio(CrioConfig.single("etc/crio/crio.conf", CrioFile.Role.MAIN, tree("etc/crio/crio.conf")))
                .kubeletConfiguration(kc)
                .build();
        assertEquals(List.of(c, k), n.files());
        assertEquals(Set.of(ContainerRuntime.CONTAINERD, ContainerRuntime.CRIO), n.configuredRuntimes());
        assertTrue(n.parsedFile(c).isPresent());
        assertFalse(n.parsedFile(k).isPresent());
        assertEquals(FileFormat.TOML, n.parsedFile(c).orElseThrow().format());
        NodeConfig derived = n.withKubeletRuntime(ContainerRuntime.CONTAINERD)
                .withEffectiveKubelet(EffectiveKubeletConfig.compute(KubernetesVersion.of(1, 30), n.kubeletConfiguration(), n.kubeletDropIns(), n.kubeletFlags()));
        assertEquals(Optional.of(ContainerRuntime.CONTAINERD), derived.kubeletRuntime());
        assertEquals("systemd", derived.effectiveKubelet().orElseThrow().cgroupDriver().orElseThrow().value());
        assertEquals(n.containerd(), derived.containerd());
        assertEquals(n, n.toBuilder().build());
        assertEquals(1, n.withProblems(List.of(Problem.syntax(Origin.ofFile(c), "x"))).problems().size());
    }

    @Test
    void kubernetesVersionFromProfileThenKubeadm() {
        String k = "kubeadm.yaml";
        dev.criconf.model.kubelet.KubeadmConfig kubeadm = new dev.criconf.model.kubelet.KubeadmConfig(k,
                List.of(tree(k, "kind", "ClusterConfiguration", "kubernetesVersion", "v1.29.3")));
        NodeConfig n = NodeConfig.builder("r").kubeadm(kubeadm).build();
        assertEquals(KubernetesVersion.of(1, 29, 3), n.kubernetesVersion().orElseThrow().value());
        NodeConfig withProfile = n.toBuilder().profile(NodeProfile.fromTree("criconf.yaml", tree("criconf.yaml", "kubernetesVersion", "1.31"))).build();
        assertEquals(KubernetesVersion.of(1, 31), withProfile.kubernetesVersion().orElseThrow().value());
        NodeConfig label = NodeConfig.builder("r").kubeadm(new dev.criconf.model.kubelet.KubeadmConfig(k,
                List.of(tree(k, "kind", "ClusterConfiguration", "kubernetesVersion", "stable-1.30")))).build();
        assertEquals(Optional.empty(), label.kubernetesVersion());
        assertEquals(ComponentVersion.of(2, 0), ContainerdConfig.single("c", tree("c", "version", 3)).minimumRelease().orElseThrow().value());
        assertEquals(Optional.empty(), ContainerdConfig.single("c", tree("c", "version", 2)).minimumRelease());
    }

    @Test
    void parsedFilesHoldDocuments() {
        String f = "kubeadm.yaml";
        ParsedFile two = new ParsedFile(f, FileFormat.YAML, Component.KUBEADM, List.of(tree(f, "kind", "A"), tree(f, "kind", "B")));
        assertEquals(Optional.empty(), two.single());
        assertEquals(2, two.documents().size());
        assertThrows(NullPointerException.class, () -> new ParsedFile(f, null, Component.KUBEADM, List.of()));
    }
}
