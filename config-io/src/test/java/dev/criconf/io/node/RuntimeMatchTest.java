package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.criconf.io.node.internal.RuntimeMatch;
import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.ContainerRuntime;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.KubeletFlags;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runtime the kubelet's effective endpoint points at. */
class RuntimeMatchTest {

    @TempDir
    Path root;

    private static NodeConfig withEndpoint(NodeConfig node, String endpoint) {
        Origin at = new Origin("var/lib/kubelet/kubeadm-flags.env", 1, 1, 0, 10);
        CommandLineFlag flag = new CommandLineFlag("container-runtime-endpoint", "--container-runtime-endpoint=" + endpoint,
                Optional.of(endpoint), CommandLineFlag.Form.EQUALS, at, Optional.of(at), Optional.empty());
        KubeletFlags flags = new KubeletFlags(List.of(flag), List.of(), Optional.empty());
        return node.withEffectiveKubelet(EffectiveKubeletConfig.compute(KubernetesVersion.parse("1.35.0").orElseThrow(),
                Optional.empty(), List.of(), Optional.of(flags)));
    }

    private NodeConfig threeRuntimes() {
        new NodeRoots(root)
                .write("etc/containerd/config.toml", "version = 2\n[grpc]\naddress = \"/run/containerd/containerd.sock\"\n")
                .write("etc/crio/crio.conf.d/10-crio.conf", "[crio.runtime]\ncgroup_manager = \"systemd\"\n")
                .write("usr/lib/systemd/system/cri-docker.service", "[Service]\nExecStart=/usr/bin/cri-dockerd --container-runtime-endpoint fd://\n")
                .write("usr/lib/systemd/system/cri-docker.socket", "[Socket]\nListenStream=%t/cri-dockerd.sock\n");
        NodeConfig node = NodeLoader.create().load(root);
        assertEquals(3, node.configuredRuntimes().size());
        return node;
    }

    @Test
    void endpointsMatchTheirRuntimesListenSockets() {
        NodeConfig node = threeRuntimes();
        assertEquals(Optional.of(ContainerRuntime.CONTAINERD),
                RuntimeMatch.kubeletRuntime(withEndpoint(node, "unix:///var/run/containerd/containerd.sock")), "/var/run is /run");
        assertEquals(Optional.of(ContainerRuntime.CRIO), RuntimeMatch.kubeletRuntime(withEndpoint(node, "unix:///run/crio/crio.sock")),
                "CRI-O's default listen");
        assertEquals(Optional.of(ContainerRuntime.CRI_DOCKERD),
                RuntimeMatch.kubeletRuntime(withEndpoint(node, "unix:///var/run/cri-dockerd.sock")), "socket unit %t/cri-dockerd.sock");
        assertEquals(Optional.of(ContainerRuntime.CRIO), RuntimeMatch.kubeletRuntime(withEndpoint(node, "/var/run/crio/crio.sock")),
                "a bare path names the same socket");
    }

    @Test
    void noMatchOrNoKubeletLeavesItEmpty() {
        NodeConfig node = threeRuntimes();
        assertEquals(Optional.empty(), RuntimeMatch.kubeletRuntime(node));
        assertEquals(Optional.empty(), RuntimeMatch.kubeletRuntime(withEndpoint(node, "unix:///var/run/docker.sock")));
        assertEquals(Optional.empty(), node.kubeletRuntime());
    }

    @Test
    void listenersUseDefaultsWhereTheFilesSayNothing() {
        new NodeRoots(root).write("etc/containerd/config.toml", "version = 2\n")
                .write("etc/systemd/system/cri-docker.service", "[Service]\nExecStart=/usr/bin/cri-dockerd\n");
        var listeners = RuntimeMatch.listeners(NodeLoader.create().load(root));
        assertEquals("/run/containerd/containerd.sock", listeners.get(ContainerRuntime.CONTAINERD).address());
        assertEquals("/var/run/cri-dockerd.sock", listeners.get(ContainerRuntime.CRI_DOCKERD).address());
    }
}
