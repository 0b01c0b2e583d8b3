package dev.criconf.model.kubelet;

import static dev.criconf.testing.TestTrees.keyAt;
import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.testing.TestTrees.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CgroupDriver;
import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.value.ConfigBoolean;
import dev.criconf.model.value.ConfigTable;
import dev.criconf.model.value.ConfigValue;
import dev.criconf.model.value.UnknownKey;
import dev.criconf.model.value.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KubeletFilesTest {

    private static final String F = "var/lib/kubelet/config.yaml";

    @Test
    void readsFieldsCaseSensitively() {
        KubeletConfiguration c = new KubeletConfiguration(F, tree(F,
                "apiVersion", "kubelet.config.k8s.io/v1beta1",
                "kind", "KubeletConfiguration",
                "cgroupDriver", "Systemd",
                "CgroupRoot", "/",
                "containerRuntimeEndpoint", "unix:///run/containerd/containerd.sock",
                "evictionHard.\"memory.available\"", "100Mi"));
        assertTrue(c.hasKubeletTypeMeta());
        // the kubelet uses systemd only for exactly "systemd"
        assertEquals(Optional.of(CgroupDriver.CGROUPFS), c.cgroupDriverAsUsed().map(Setting::value));
        assertEquals(Optional.empty(), c.cgroupRoot());
        List<UnknownKey> unknown = c.unknownKeys();
        assertEquals(1, unknown.size());
        assertEquals("CgroupRoot", unknown.get(0).path().toString());
        assertEquals(Optional.of("cgroupRoot"), unknown.get(0).suggestion());
        assertEquals(keyAt(F, 4), unknown.get(0).origin());
    }

    @Test
    void yaml11BooleanWhereAStringBelongsIsATypeMismatch() {
        // kubelet-kubeadm.md §3: `cgroupDriver: yes` becomes JSON true and fails to decode into a string
        Origin at = valueAt(F, 1);
        ConfigTable t = ConfigTable.builder(Origin.ofFile(F)).put("cgroupDriver", keyAt(F, 1), new ConfigBoolean(true, "yes", at))
                .put("failSwapOn", keyAt(F, 2), new ConfigBoolean(false, "no", valueAt(F, 2))).build();
        KubeletConfiguration c = new KubeletConfiguration(F, t);
        assertEquals(Optional.empty(), c.cgroupDriver());
        assertEquals(Optional.of(false), c.failSwapOn().map(Setting::value));
        assertEquals(1, c.typeMismatches().size());
        assertEquals(Optional.of("yes"), c.typeMismatches().get(0).actual() instanceof ConfigBoolean b ? Optional.of(b.raw()) : Optional.empty());
        assertEquals(ValueType.STRING, c.typeMismatches().get(0).expected().iterator().next());
    }

    @Test
    void typedMapsAndNestedStructs() {
        KubeletConfiguration c = new KubeletConfiguration(F, tree(F,
                "featureGates.KubeletCgroupDriverFromCRI", true,
                "featureGates.Bad", "yes",
                "authentication.anonymous.enabled", false,
                "authentication.anonymus.enabled", true,
                "enforceNodeAllocatable", List.of("pods"),
                "imageGCHighThresholdPercent", 80,
                "imageGCLowThresholdPercent", 85));
        assertEquals(Map.of("KubeletCgroupDriverFromCRI", Setting.inFile(true, valueAt(F, 1))), c.featureGates().orElseThrow().entries());
        assertEquals(Optional.of(false), c.field("authentication.anonymous.enabled").flatMap(s -> s.value().asBoolean()));
        assertEquals(List.of("featureGates.Bad"), c.typeMismatches().stream().map(t -> t.path().toString()).collect(Collectors.toList()));
        assertEquals(List.of("authentication.anonymus"), c.unknownKeys().stream().map(u -> u.path().toString()).collect(Collectors.toList()));
        assertEquals(Optional.of("anonymous"), c.unknownKeys().get(0).suggestion());
        assertEquals(List.of("pods"), c.enforceNodeAllocatable().orElseThrow().value());
        assertTrue(c.imageGCLowThresholdPercent().orElseThrow().value() > c.imageGCHighThresholdPercent().orElseThrow().value());
    }

    @Test
    void kubeadmConfigDocuments() {
        String f = "kubeadm.yaml";
        ConfigValue init = tree(f, "apiVersion", "kubeadm.k8s.io/v1beta4", "kind", "InitConfiguration",
                "nodeRegistration.criSocket", "/run/containerd/containerd.sock",
                "nodeRegistration.kubeletExtraArgs", List.of(tree(f, "name", "node-ip", "value", "10.0.0.5")));
        ConfigValue cluster = tree(f, "apiVersion", "kubeadm.k8s.io/v1beta4", "kind", "ClusterConfiguration",
                "kubernetesVersion", "v1.31.2", "imageRepository", "registry.example/k8s");
        ConfigValue kubelet = tree(f, "apiVersion", "kubelet.config.k8s.io/v1beta1", "kind", "KubeletConfiguration", "cgroupDriver", "systemd");
        KubeadmConfig k = new KubeadmConfig(f, List.of(init, cluster, kubelet));
        assertEquals("/run/containerd/containerd.sock", k.criSocket().orElseThrow().value());
        assertEquals("v1.31.2", k.kubernetesVersion().orElseThrow().value());
        assertEquals("registry.example/k8s", k.imageRepository().orElseThrow().value());
        assertEquals("kubeadm.k8s.io/v1beta4", k.kubeadmApiVersion().orElseThrow().value());
        assertEquals("systemd", k.kubeletConfiguration().orElseThrow().cgroupDriver().orElseThrow().value());
        assertEquals("node-ip", k.kubeletExtraArgs().get(0).name());
        KubeadmConfig v1beta3 = new KubeadmConfig(f, List.of(tree(f, "kind", "JoinConfiguration",
                "nodeRegistration.kubeletExtraArgs.node-ip", "10.0.0.6")));
        assertEquals("10.0.0.6", v1beta3.kubeletExtraArgs().get(0).value().value());
        assertFalse(v1beta3.criSocket().isPresent());
    }

    @Test
    void envFilesSplitLikeSystemd() {
        String f = "var/lib/kubelet/kubeadm-flags.env";
        EnvAssignment a = new EnvAssignment("KUBELET_KUBEADM_ARGS",
                "--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --kube-reserved=cpu=1, memory=1Gi",
                "\"--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --kube-reserved=cpu=1, memory=1Gi\"",
                keyAt(f, 1), valueAt(f, 1));
        KubeadmFlagsEnv env = new KubeadmFlagsEnv(f, List.of(a));
        assertEquals(List.of("--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock", "--kube-reserved=cpu=1,", "memory=1Gi"),
                env.kubeadmArgs().orElseThrow().words());
        assertFalse(env.extraArgs().isPresent());
    }

    @Test
    void flagLookupsNormaliseNames() {
        String f = "etc/default/kubelet";
        CommandLineFlag a = new CommandLineFlag("cgroup-driver", "--cgroup_driver", Optional.of("cgroupfs"), CommandLineFlag.Form.EQUALS,
                keyAt(f, 1), Optional.of(valueAt(f, 1)), Optional.of("KUBELET_EXTRA_ARGS"));
        CommandLineFlag b = new CommandLineFlag("cgroup-driver", "--cgroup-driver", Optional.of("systemd"), CommandLineFlag.Form.EQUALS,
                keyAt(f, 2), Optional.of(valueAt(f, 2)), Optional.of("KUBELET_EXTRA_ARGS"));
        CommandLineFlag bare = new CommandLineFlag("fail-swap-on", "--fail-swap-on", Optional.empty(), CommandLineFlag.Form.BARE,
                keyAt(f, 3), Optional.empty(), Optional.empty());
        KubeletFlags flags = new KubeletFlags(List.of(a, b, bare), List.of(), Optional.empty());
        assertEquals(2, flags.all("--cgroup_driver").size());
        assertEquals(Setting.ofFlag("systemd", "--cgroup-driver", keyAt(f, 2)), flags.cgroupDriver().orElseThrow());
        assertEquals("true", flags.value("fail-swap-on").orElseThrow().value());
        assertEquals(2, flags.fromVariable("KUBELET_EXTRA_ARGS").size());
    }
}
