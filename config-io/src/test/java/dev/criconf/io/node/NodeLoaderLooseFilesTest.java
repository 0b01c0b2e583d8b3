package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Problem;
import dev.criconf.model.crio.CrioFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NodeLoader#loadFiles}: loose files typed by name and content, each read alone. */
class NodeLoaderLooseFilesTest {

    @TempDir
    Path dir;

    private NodeConfig loadFiles(String... names) {
        return NodeLoader.create().loadFiles(java.util.Arrays.stream(names).map(dir::resolve).toList());
    }

    @Test
    void filesAreTypedByNameAndContentAndNamedAsGiven() {
        new NodeRoots(dir).write("repo/containerd/config.toml", "version = 2\nimports = [\"/etc/containerd/conf.d/*.toml\"]\n"
                        + "[plugins.\"io.containerd.grpc.v1.cri\"]\nsandbox_image = \"registry.k8s.io/pause:3.10\"\n")
                .write("repo/crio/crio.conf", "[crio.runtime]\ncgroup_manager = \"cgroupfs\"\n")
                .write("repo/crio/30-extra", "[crio.runtime]\nconmon_cgroup = \"pod\"\n")
                .write("repo/docker/daemon.json", "{\"exec-opts\": [\"native.cgroupdriver=systemd\"]}\n")
                .write("repo/sysctl.d/99-k8s.conf", "net.ipv4.ip_forward = 1\n")
                .write("repo/modules-load.d/k8s.conf", "overlay\nbr_netfilter\n")
                .write("repo/units/cri-docker.service", "[Service]\nExecStart=/usr/bin/cri-dockerd --container-runtime-endpoint fd://\n")
                .write("repo/units/cri-docker.socket", "[Socket]\nListenStream=%t/cri-dockerd.sock\n");
        NodeConfig n = loadFiles("repo/containerd/config.toml", "repo/crio/crio.conf", "repo/crio/30-extra", "repo/docker/daemon.json",
                "repo/sysctl.d/99-k8s.conf", "repo/modules-load.d/k8s.conf", "repo/units/cri-docker.service", "repo/units/cri-docker.socket");
        assertEquals("", n.root());
        assertEquals(List.of(), n.problems());
        String c = dir.resolve("repo/containerd/config.toml").toString();
        assertEquals(c, n.containerd().orElseThrow().mainFile().path());
        assertEquals(c, n.containerd().orElseThrow().cri().sandboxImage().orElseThrow().origin().orElseThrow().file());
        assertTrue(n.containerd().orElseThrow().imports().isEmpty(), "imports are not followed");
        var crio = n.crio().orElseThrow();
        assertEquals(List.of(CrioFile.Role.MAIN, CrioFile.Role.DROP_IN), crio.files().stream().map(CrioFile::role).toList());
        assertEquals("pod", crio.conmonCgroup().orElseThrow().value());
        assertTrue(n.dockerDaemon().isPresent());
        assertEquals("1", n.sysctl().orElseThrow().get("net.ipv4.ip_forward").orElseThrow().value());
        assertTrue(n.modulesLoad().orElseThrow().contains("br_netfilter"));
        var cd = n.criDockerd().orElseThrow();
        assertEquals("fd://", cd.containerRuntimeEndpoint().orElseThrow().value());
        assertEquals("%t/cri-dockerd.sock", cd.listenStream().orElseThrow().value());
        assertEquals(2, cd.unitFiles().size());
        assertEquals(8, n.files().size());
        assertEquals(8, n.parsedFiles().size());
    }

    @Test
    void unknownAndMissingFilesAreProblems() {
        new NodeRoots(dir).write("notes.txt", "hello\n");
        NodeConfig n = loadFiles("notes.txt", "missing.toml");
        assertEquals(List.of(Problem.Kind.UNREADABLE, Problem.Kind.UNREADABLE), n.problems().stream().map(Problem::kind).toList());
        assertEquals(List.of(dir.resolve("notes.txt").toString()), n.files());
    }

    @Test
    void aYamlFileOfNoKnownKindNamesTheKubeadmKindsInAFixedOrder() {
        new NodeRoots(dir).write("pod.yaml", "apiVersion: v1\nkind: Pod\n");
        NodeConfig n = loadFiles("pod.yaml");
        // the kinds came from a Set.of once, whose order changes from one JVM run to the next
        assertEquals(List.of("a YAML file criconf does not know: not a KubeletConfiguration, a kubeadm configuration"
                        + " (InitConfiguration, ClusterConfiguration, JoinConfiguration, UpgradeConfiguration, ResetConfiguration)"
                        + " or criconf.yaml"),
                n.problems().stream().map(Problem::message).toList());
    }

    @Test
    void syntaxErrorsAreLocatedInTheFileAsGiven() {
        new NodeRoots(dir).write("config.toml", "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\"\n");
        NodeConfig n = loadFiles("config.toml");
        assertEquals(dir.resolve("config.toml").toString(), n.problems().get(0).origin().file());
        assertEquals(2, n.problems().get(0).origin().line());
        assertTrue(n.containerd().isPresent(), "what parsed is still there");
    }

    @Test
    void secretsOfLooseFiles() {
        new NodeRoots(dir).write("config.toml", """
                version = 2
                [plugins."io.containerd.grpc.v1.cri".registry.configs."reg.example".auth]
                  username = "robot"
                  password = "hunter2"
                  auth = "cm9ib3Q6aHVudGVyMg=="
                [plugins."io.containerd.grpc.v1.cri".registry.auths."https://gcr.io"]
                  identitytoken = "tok-123"
                [plugins."io.containerd.grpc.v1.cri".registry.mirrors."docker.io"]
                  endpoint = ["https://mirroruser:mirrorpass@mirror.example"]
                """).write("daemon.json", "{\"registry-mirrors\": [\"https://u:p4ss@m.example\"]}");
        NodeConfig n = loadFiles("config.toml", "daemon.json");
        assertEquals(java.util.Set.of("robot", "hunter2", "cm9ib3Q6aHVudGVyMg==", "robot:hunter2", "tok-123",
                "mirroruser:mirrorpass", "mirrorpass", "u:p4ss", "p4ss"), NodeSecrets.of(n));
    }

    @Test
    void anExampleNodesFilesGivenLooseReadLikeTheNode() throws java.io.IOException {
        Path example = NodeLoaderExamplesTest.EXAMPLES.resolve("healthy-containerd");
        List<Path> files;
        try (var s = java.nio.file.Files.walk(example)) {
            files = s.filter(java.nio.file.Files::isRegularFile).sorted().toList();
        }
        NodeConfig loose = NodeLoader.create().loadFiles(files);
        NodeConfig node = NodeLoader.create().load(example);
        assertEquals(List.of(), loose.problems());
        assertEquals(files.size(), loose.files().size());
        var effective = loose.effectiveKubelet().orElseThrow();
        assertEquals(node.effectiveKubelet().orElseThrow().cgroupDriver().orElseThrow().value(), effective.cgroupDriver().orElseThrow().value());
        assertEquals(node.effectiveKubelet().orElseThrow().containerRuntimeEndpoint().orElseThrow().value(),
                effective.containerRuntimeEndpoint().orElseThrow().value());
        assertEquals(node.kubeletRuntime(), loose.kubeletRuntime());
        assertEquals(java.util.Optional.of(dev.criconf.model.ContainerRuntime.CONTAINERD), loose.kubeletRuntime());
        assertEquals("1.35.0", loose.kubernetesVersion().orElseThrow().value().toString());
        assertEquals(example.resolve("var/lib/kubelet/config.yaml").toString(), loose.kubeletConfiguration().orElseThrow().file());
        assertTrue(loose.kubeletFlags().isPresent());
        assertEquals(node.kubeletFlags().orElseThrow().flags().stream().map(f -> f.name() + "=" + f.value().orElse("")).toList(),
                loose.kubeletFlags().orElseThrow().flags().stream().map(f -> f.name() + "=" + f.value().orElse("")).toList());
    }

    @Test
    void kubeletDropInsAndKubeadmConfigAsLooseFiles() {
        new NodeRoots(dir).write("kubelet/config.yaml", "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: cgroupfs\n")
                .write("kubelet/config.d/20-driver.conf", "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\n")
                .write("kubeadm.yaml", "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: v1.31.2\n")
                .write("notes.yaml", "hello: world\n");
        NodeConfig n = loadFiles("kubelet/config.yaml", "kubelet/config.d/20-driver.conf", "kubeadm.yaml", "notes.yaml");
        assertEquals(1, n.kubeletDropIns().size());
        assertEquals("systemd", n.effectiveKubelet().orElseThrow().cgroupDriver().orElseThrow().value());
        assertEquals(dir.resolve("kubelet/config.d/20-driver.conf").toString(),
                n.effectiveKubelet().orElseThrow().cgroupDriver().orElseThrow().origin().orElseThrow().file());
        assertEquals("1.31.2", n.kubernetesVersion().orElseThrow().value().toString());
        assertEquals(List.of(dir.resolve("notes.yaml").toString()), n.problems().stream().map(p -> p.origin().file()).toList());
    }

    @Test
    void kubeadmJoinCredentialsAreSecrets() {
        new NodeRoots(dir).write("kubeadm.yaml", """
                apiVersion: kubeadm.k8s.io/v1beta4
                kind: InitConfiguration
                bootstrapTokens:
                - token: abcdef.0123456789abcdef
                ---
                apiVersion: kubeadm.k8s.io/v1beta4
                kind: JoinConfiguration
                discovery:
                  bootstrapToken:
                    token: abcdef.0123456789abcdef
                    apiServerEndpoint: "https://admin:s3cr3t@10.0.0.1:6443"
                  tlsBootstrapToken: ghijkl.0123456789abcdef
                controlPlane:
                  certificateKey: e6a2eb8581237ab72a4f494f30285ec12a9694d750b9785706a83bfcbbbd2204
                """);
        NodeConfig n = loadFiles("kubeadm.yaml");
        assertEquals(java.util.Set.of("abcdef.0123456789abcdef", "ghijkl.0123456789abcdef",
                "e6a2eb8581237ab72a4f494f30285ec12a9694d750b9785706a83bfcbbbd2204", "admin:s3cr3t", "s3cr3t"), NodeSecrets.of(n));
    }
}
