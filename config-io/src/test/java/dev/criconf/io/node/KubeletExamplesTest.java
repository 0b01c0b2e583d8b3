package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.node.internal.KubeletReader;
import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.StrayArgument;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.KubeletSources;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example node trees of the repository load with the kubelet values their README describes. */
class KubeletExamplesTest {

    static final Path EXAMPLES = Path.of("..", "examples");

    static NodeConfig load(String example) {
        NodeConfig.Builder b = NodeConfig.builder("examples/" + example);
        KubeletReader.readInto(EXAMPLES.resolve(example), ParseLimits.DEFAULTS, b);
        return b.build();
    }

    static String at(Origin o) {
        return o.file() + ":" + o.line();
    }

    @TestFactory
    Stream<DynamicTest> everyExampleLoadsWithoutProblems() throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            // node trees carry a profile; examples/embedding is a Maven module, not a node
            dirs = s.filter(Files::isDirectory).filter(d -> Files.isRegularFile(d.resolve("criconf.yaml"))).sorted().toList();
        }
        assertTrue(dirs.size() >= 10, "examples found: " + dirs);
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> {
            NodeConfig n = load(d.getFileName().toString());
            // no example is expected to give a syntax-error finding, so the kubelet files read cleanly
            assertEquals(List.of(), n.problems());
            assertTrue(n.profile().isPresent());
            assertTrue(n.kubeletFlags().isPresent());
            assertTrue(n.kubeletConfiguration().isPresent());
            EffectiveKubeletConfig e = n.effectiveKubelet().orElseThrow();
            assertEquals(n.profile().get().kubernetesVersion().orElseThrow().value(), e.version());
            assertTrue(n.files().contains("var/lib/kubelet/config.yaml"), n.files().toString());
            assertTrue(n.files().contains("var/lib/kubelet/kubeadm-flags.env"), n.files().toString());
            assertEquals(List.of(), n.kubeletSources().orElseThrow().assumptions());
            assertTrue(n.parsedFile("var/lib/kubelet/config.yaml").isPresent());
            assertTrue(n.parsedFile("criconf.yaml").isPresent());
        }));
    }

    /** Each example's effective endpoint and cgroup driver, where each comes from, and its node IP flag. */
    @ParameterizedTest
    @CsvSource({
        "broken-cgroup-driver,         unix:///var/run/containerd/containerd.sock, var/lib/kubelet/config.yaml:19, cgroupfs, 192.168.56.21",
        "broken-containerd-no-version, unix:///var/run/containerd/containerd.sock, var/lib/kubelet/config.yaml:19, systemd,  192.168.56.22",
        "broken-containerd-registry,   unix:///var/run/containerd/containerd.sock, var/lib/kubelet/config.yaml:19, systemd,  192.168.56.27",
        "broken-cri-dockerd-socket,    unix:///var/run/cri-dockerd.sock,          var/lib/kubelet/config.yaml:19, systemd,  192.168.56.30",
        "broken-crio-conmon,           unix:///var/run/crio/crio.sock,            var/lib/kubelet/kubeadm-flags.env:1, cgroupfs, 192.168.56.23",
        "broken-crio-dropins,          unix:///var/run/crio/crio.sock,            var/lib/kubelet/config.yaml:19, systemd,  192.168.56.29",
        "broken-dockershim,            unix:///var/run/docker.sock,               etc/default/kubelet:2,          systemd,  ",
        "broken-endpoint,              /var/run/crio/crio.sock,                   var/lib/kubelet/config.yaml:22, systemd,  192.168.56.24",
        "broken-flag-split,            unix:///var/run/containerd/containerd.sock, var/lib/kubelet/config.yaml:19, systemd,  192.168.56.26",
        "broken-kernel-prereq,         unix:///var/run/containerd/containerd.sock, var/lib/kubelet/config.yaml:19, systemd,  192.168.56.31",
        "broken-kubelet-config,        unix:///var/run/containerd/containerd.sock, var/lib/kubelet/config.yaml:21, systemd,  192.168.56.28",
        "healthy-containerd,           unix:///var/run/containerd/containerd.sock, var/lib/kubelet/config.yaml:19, systemd,  192.168.56.11",
        "healthy-containerd-1.7,       unix:///var/run/containerd/containerd.sock, var/lib/kubelet/config.yaml:19, systemd,  192.168.56.12",
        "healthy-crio,                 unix:///var/run/crio/crio.sock,            var/lib/kubelet/config.yaml:19, systemd,  192.168.56.13",
        "healthy-cri-dockerd,          unix:///var/run/cri-dockerd.sock,          var/lib/kubelet/config.yaml:19, systemd,  192.168.56.14",
    })
    void endpointDriverAndNodeIp(String example, String endpoint, String endpointAt, String driver, String nodeIp) {
        NodeConfig n = load(example);
        EffectiveKubeletConfig e = n.effectiveKubelet().orElseThrow();
        Setting<String> ep = e.containerRuntimeEndpoint().orElseThrow();
        assertEquals(endpoint, ep.value());
        assertEquals(endpointAt, at(ep.origin().orElseThrow()));
        assertEquals(driver, e.cgroupDriver().orElseThrow().value());
        if (nodeIp == null) {
            assertFalse(n.kubeletFlags().orElseThrow().has("node-ip"));
        } else {
            CommandLineFlag ip = n.kubeletFlags().orElseThrow().last("node-ip").orElseThrow();
            assertEquals(nodeIp, ip.value().orElseThrow());
            assertEquals("var/lib/kubelet/kubeadm-flags.env:1", at(ip.origin()));
        }
    }

    @Test
    void healthyContainerd() {
        NodeConfig n = load("healthy-containerd");
        EffectiveKubeletConfig e = n.effectiveKubelet().orElseThrow();
        assertEquals("systemd", e.cgroupDriver().orElseThrow().value());
        Setting<String> endpoint = e.containerRuntimeEndpoint().orElseThrow();
        assertEquals("unix:///var/run/containerd/containerd.sock", endpoint.value());
        assertEquals("var/lib/kubelet/config.yaml", endpoint.origin().orElseThrow().file());
        KubeletSources src = n.kubeletSources().orElseThrow();
        assertEquals(List.of("usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf"), src.dropIns());
        assertEquals(List.of("var/lib/kubelet/kubeadm-flags.env", "etc/default/kubelet"), src.environmentFiles());
        assertEquals("var/lib/kubelet/config.yaml", src.configFile().orElseThrow());
        // the drop-in's KUBELET_CONFIG_ARGS gives --config, KUBELET_KUBECONFIG_ARGS the kubeconfigs
        CommandLineFlag config = n.kubeletFlags().orElseThrow().last("config").orElseThrow();
        assertEquals("KUBELET_CONFIG_ARGS", config.variable().orElseThrow());
        assertEquals("usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf", config.origin().file());
        assertTrue(n.kubeletFlags().get().has("bootstrap-kubeconfig"));
        assertEquals("KUBELET_KUBEADM_ARGS", n.kubeletFlags().get().last("node-ip").orElseThrow().variable().orElseThrow());
        assertEquals(List.of(), n.kubeletFlags().get().strayArguments());
    }

    @Test
    void brokenCgroupDriver() {
        NodeConfig n = load("broken-cgroup-driver");
        Setting<String> driver = n.effectiveKubelet().orElseThrow().cgroupDriver().orElseThrow();
        assertEquals("cgroupfs", driver.value());
        assertEquals("var/lib/kubelet/config.yaml:15", at(driver.origin().orElseThrow()));
    }

    @Test
    void brokenEndpoint() {
        NodeConfig n = load("broken-endpoint");
        Setting<String> endpoint = n.effectiveKubelet().orElseThrow().containerRuntimeEndpoint().orElseThrow();
        assertEquals("/var/run/crio/crio.sock", endpoint.value());
        assertEquals("var/lib/kubelet/config.yaml:22", at(endpoint.origin().orElseThrow()));
    }

    @Test
    void brokenFlagSplit() {
        NodeConfig n = load("broken-flag-split");
        List<StrayArgument> strays = n.kubeletFlags().orElseThrow().strayArguments();
        assertEquals(1, strays.size(), strays.toString());
        StrayArgument s = strays.get(0);
        assertEquals("node.example.com/tier=2", s.text());
        assertEquals("etc/default/kubelet:2", at(s.origin()));
        assertEquals("KUBELET_EXTRA_ARGS", s.variable().orElseThrow());
        CommandLineFlag labels = n.kubeletFlags().get().last("node-labels").orElseThrow();
        assertEquals("node.example.com/pool=batch,", labels.value().orElseThrow());
    }

    @Test
    void brokenCrioConmonTakesTheEndpointFromTheFlag() {
        NodeConfig n = load("broken-crio-conmon");
        EffectiveKubeletConfig e = n.effectiveKubelet().orElseThrow();
        assertEquals("1.32.9", e.version().toString());
        Setting<String> endpoint = e.containerRuntimeEndpoint().orElseThrow();
        assertEquals("unix:///var/run/crio/crio.sock", endpoint.value());
        assertEquals("var/lib/kubelet/kubeadm-flags.env:1", at(endpoint.origin().orElseThrow()));
        assertEquals("cgroupfs", e.cgroupDriver().orElseThrow().value());
        CommandLineFlag pause = n.kubeletFlags().orElseThrow().last("pod-infra-container-image").orElseThrow();
        assertEquals("registry.k8s.io/pause:3.10", pause.value().orElseThrow());
        assertEquals("KUBELET_KUBEADM_ARGS", pause.variable().orElseThrow());
        assertEquals("registry.k8s.io/pause:3.10", e.podInfraContainerImage().orElseThrow().value());
    }

    @Test
    void brokenDockershim() {
        NodeConfig n = load("broken-dockershim");
        EffectiveKubeletConfig e = n.effectiveKubelet().orElseThrow();
        assertEquals("1.24.17", e.version().toString());
        // before 1.27 the endpoint is a flag only; KUBELET_EXTRA_ARGS in /etc/default/kubelet sets it
        Setting<String> endpoint = e.containerRuntimeEndpoint().orElseThrow();
        assertEquals("unix:///var/run/docker.sock", endpoint.value());
        assertEquals("etc/default/kubelet:2", at(endpoint.origin().orElseThrow()));
        CommandLineFlag plugin = n.kubeletFlags().orElseThrow().last("network-plugin").orElseThrow();
        assertEquals("cni", plugin.value().orElseThrow());
        assertEquals("var/lib/kubelet/kubeadm-flags.env:1", at(plugin.origin()));
        assertEquals(List.of("etc/systemd/system/kubelet.service.d/10-kubeadm.conf"),
                n.kubeletSources().orElseThrow().dropIns());
    }

    @Test
    void brokenKubeletConfig() {
        NodeConfig n = load("broken-kubelet-config");
        KubeletSources src = n.kubeletSources().orElseThrow();
        assertEquals(List.of("etc/systemd/system/kubelet.service.d/10-kubeadm.conf"), src.dropIns());
        assertEquals(List.of(new KubeletSources.ShadowedDropIn("usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf",
                "etc/systemd/system/kubelet.service.d/10-kubeadm.conf")), src.shadowedDropIns());
        assertTrue(n.files().contains("usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf"));
        ConfigValue failSwapOn = n.kubeletConfiguration().orElseThrow().field("failSwapOn").orElseThrow().value();
        assertEquals(new ConfigBoolean(false, "no", failSwapOn.origin()), failSwapOn);
        assertEquals("var/lib/kubelet/config.yaml:26", at(failSwapOn.origin()));
        EffectiveKubeletConfig e = n.effectiveKubelet().orElseThrow();
        assertEquals(List.of("memory.available"), List.copyOf(e.evictionHard().keySet()));
        // the map's origin is its first entry (line 24); the key the rule points at is on line 23
        assertEquals("var/lib/kubelet/config.yaml:24", at(e.setting("evictionHard").orElseThrow()
                .explicitValue().orElseThrow().origin().orElseThrow()));
        assertEquals("var/lib/kubelet/config.yaml:23",
                at(n.kubeletConfiguration().get().tree().entry("evictionHard").orElseThrow().keyOrigin()));
        assertEquals(85L, n.kubeletConfiguration().get().imageGCLowThresholdPercent().orElseThrow().value());
        assertEquals("var/lib/kubelet/config.yaml:32",
                at(n.kubeletConfiguration().get().imageGCLowThresholdPercent().get().origin().orElseThrow()));
        assertFalse(n.parsedFile("var/lib/kubelet/config.yaml").orElseThrow().documents().isEmpty());
    }
}
