package dev.criconf.io.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.criconf.io.ParseLimits;
import dev.criconf.io.node.internal.KubeletReader;
import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Problem;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.KubeletFlags;
import dev.criconf.model.kubelet.KubeletSources;
import dev.criconf.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kubelet/kubeadm file of the shared corpus, placed at the path it has on a node, loads; the
 * values the kubelet would read are the ones the fact sheet ({@code kubelet-kubeadm.md} §3, §4, §7)
 * says it reads.
 */
class KubeletCorpusTest {

    @TempDir
    Path tmp;

    /** Where a corpus file lives on a node (SOURCES.md gives each file's upstream path). */
    static String placement(String name) {
        if (name.endsWith("kubeadm-flags.env")) {
            return "var/lib/kubelet/kubeadm-flags.env";
        }
        if (name.endsWith("_kubelet_kubelet.env")) {
            return "etc/sysconfig/kubelet"; // the RPM location; DEB packages install it as /etc/default/kubelet
        }
        if (name.endsWith("_etc_default_kubelet")) {
            return "etc/default/kubelet";
        }
        if (name.startsWith("kubernetes_release_cmd_krel_") && name.endsWith("_10-kubeadm.conf")) {
            return "usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf";
        }
        if (name.endsWith("_10-kubeadm.conf")) {
            return "etc/systemd/system/kubelet.service.d/10-kubeadm.conf";
        }
        if (name.endsWith("_11-kind.conf")) {
            return "etc/systemd/system/kubelet.service.d/11-kind.conf";
        }
        if (name.endsWith("_lib_systemd_system_kubelet.service")) {
            return "lib/systemd/system/kubelet.service";
        }
        if (name.endsWith("_etc_systemd_system_kubelet.service")) {
            return "etc/systemd/system/kubelet.service";
        }
        if (name.endsWith("_kubelet.service")) {
            return "usr/lib/systemd/system/kubelet.service";
        }
        if (name.contains("_KubeletConfiguration_") || name.endsWith("_kubelet-instance-config.yaml")) {
            return "var/lib/kubelet/config.yaml";
        }
        if (name.endsWith(".yaml")) {
            return "etc/kubernetes/kubeadm-config.yaml";
        }
        return null;
    }

    static List<Path> corpus() {
        return SharedData.files(SharedData.corpus().resolve("kubelet")).stream()
                .filter(p -> !p.getFileName().toString().equals("SOURCES.md")).toList();
    }

    NodeConfig loadAt(Path root, Map<String, Path> files) throws IOException {
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Path target = root.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.copy(e.getValue(), target);
        }
        NodeConfig.Builder b = NodeConfig.builder(root.toString());
        KubeletReader.readInto(root, ParseLimits.DEFAULTS, b);
        return b.build();
    }

    static String at(Problem p) {
        return p.origin().file() + ":" + p.origin().line();
    }

    /** Checks for the value each file gives the kubelet, by corpus file name. */
    static final Map<String, Consumer<NodeConfig>> CHECKS = new LinkedHashMap<>();

    static KubeletFlags flags(NodeConfig n) {
        return n.kubeletFlags().orElseThrow(() -> new AssertionError("no kubelet flags"));
    }

    static String value(NodeConfig n, String flag) {
        return flags(n).value(flag).orElseThrow(() -> new AssertionError("no --" + flag)).value();
    }

    static {
        CHECKS.put("Thomas-YangHT_k8s-ha-autoinstall_kubeadm-flags.env", n -> {
            assertEquals("systemd", value(n, "cgroup-driver"));
            assertEquals("cni", value(n, "network-plugin"));
            assertEquals("k8s.gcr.io/pause:3.1", value(n, "pod-infra-container-image"));
            // the first line is a comment
            assertEquals(2, flags(n).last("cgroup-driver").get().origin().line());
            assertNoUnitAssumed(n);
        });
        CHECKS.put("bupd_k8stemps_kubeadm-flags.env", n -> {
            assertEquals("", value(n, "node-labels"));
            // single quotes inside the double-quoted value group and are removed by the $VAR split
            assertEquals("/etc/kubernetes/credential-providers", value(n, "image-credential-provider-bin-dir"));
            assertEquals("/etc/kubernetes/credential-providers/config.yml", value(n, "image-credential-provider-config"));
            assertEquals("kind://docker/kind/kind-control-plane", value(n, "provider-id"));
            assertEquals(List.of(), flags(n).strayArguments());
        });
        CHECKS.put("calvinxu_go-web-hello-world_kubeadm-flags.env", n ->
                assertEquals("registry.aliyuncs.com/google_containers/pause:3.6", value(n, "pod-infra-container-image")));
        CHECKS.put("cecep-91_upgrade_kubernetes_kubeadm-flags.env", n -> {
            assertEquals(4, flags(n).all("container-runtime-endpoint").size());
            assertEquals("awikwoketc", value(n, "resolv"));
            assertEquals("unix:///var/run/cri-dockerd.sock",
                    n.effectiveKubelet().orElseThrow().containerRuntimeEndpoint().orElseThrow().value());
        });
        CHECKS.put("cecep-91_upgrade_kubernetes_roles_upgrade_to_1.24_files_kubeadm-flags.env", n -> {
            assertEquals("unix:///var/run/cri-dockerd.sock", value(n, "container-runtime-endpoint"));
            assertEquals("k8s.gcr.io/pause:3.7", value(n, "pod-infra-container-image"));
        });
        CHECKS.put("markkuleppala_disco_kubeadm-flags.env", n -> {
            assertEquals("systemd", value(n, "cgroup-driver"));
            assertEquals("systemd", n.effectiveKubelet().orElseThrow().cgroupDriver().orElseThrow().value());
        });
        CHECKS.put("kubernetes_release_cmd_krel_templates_latest_kubelet_kubelet.env", n -> {
            assertEquals("", n.kubeletEnvFiles().get(0).extraArgs().orElseThrow().value());
            assertEquals(List.of(), flags(n).flags());
        });
        CHECKS.put("kubernetes-sigs_kind_images_base_files_etc_default_kubelet", n -> {
            CommandLineFlag f = flags(n).last("runtime-cgroups").orElseThrow();
            assertEquals("/system.slice/containerd.service", f.value().orElseThrow());
            assertEquals("KUBELET_EXTRA_ARGS", f.variable().orElseThrow());
        });
        CHECKS.put("kubernetes_release_cmd_krel_templates_latest_kubeadm_10-kubeadm.conf", n -> {
            assertPackagedDropIn(n, "usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf");
        });
        CHECKS.put("kubernetes_release_cmd_kubepkg_templates_latest_deb_kubeadm_10-kubeadm.conf", n -> {
            assertPackagedDropIn(n, "etc/systemd/system/kubelet.service.d/10-kubeadm.conf");
        });
        CHECKS.put("kubernetes-sigs_kind_images_base_files_etc_systemd_system_kubelet.service.d_10-kubeadm.conf", n -> {
            assertPackagedDropIn(n, "etc/systemd/system/kubelet.service.d/10-kubeadm.conf");
        });
        CHECKS.put("kubernetes_release_packages_deb_bionic_kubeadm_channel_stable_etc_systemd_system_kubelet.service.d_post-1.8_10-kubeadm.conf", n -> {
            assertEquals("true", value(n, "allow-privileged"));
            assertEquals("0", value(n, "cadvisor-port"));
            assertEquals("KUBELET_NETWORK_ARGS", flags(n).last("network-plugin").get().variable().orElseThrow());
            EffectiveKubeletConfig e = n.effectiveKubelet().orElseThrow();
            assertEquals(List.of("10.96.0.10"), e.setting("clusterDNS").orElseThrow().asStringList().orElseThrow().value());
            assertTrue(n.kubeletConfiguration().isEmpty());
            assertTrue(n.kubeletSources().orElseThrow().assumptions().stream().anyMatch(a -> a.contains("defaults")));
        });
        CHECKS.put("kubernetes_release_packages_deb_bionic_kubeadm_channel_stable_etc_systemd_system_kubelet.service.d_pre-1.8_10-kubeadm.conf", n ->
                assertEquals("true", value(n, "require-kubeconfig")));
        CHECKS.put("kubernetes-sigs_kind_images_base_files_etc_systemd_system_kubelet.service.d_11-kind.conf", n -> {
            // only ExecStartPre=: no ExecStart, so no command line
            assertTrue(n.kubeletFlags().isEmpty());
            assertEquals(List.of("etc/systemd/system/kubelet.service.d/11-kind.conf"), n.kubeletSources().orElseThrow().dropIns());
        });
        CHECKS.put("kubernetes-sigs_kind_images_base_files_etc_systemd_system_kubelet.service", n -> {
            assertEquals(List.of(), flags(n).flags());
            assertEquals("etc/systemd/system/kubelet.service", n.kubeletSources().orElseThrow().unitFile().orElseThrow());
        });
        CHECKS.put("kubernetes_release_cmd_krel_templates_latest_kubelet_kubelet.service", n ->
                assertEquals("usr/lib/systemd/system/kubelet.service", n.kubeletSources().orElseThrow().unitFile().orElseThrow()));
        CHECKS.put("kubernetes_release_cmd_kubepkg_templates_latest_deb_kubelet_lib_systemd_system_kubelet.service", n ->
                assertEquals("lib/systemd/system/kubelet.service", n.kubeletSources().orElseThrow().unitFile().orElseThrow()));
        CHECKS.put("kubernetes_kubernetes_pkg_kubelet_apis_config_scheme_testdata_KubeletConfiguration_after_v1beta1.yaml", n -> {
            EffectiveKubeletConfig e = n.effectiveKubelet().orElseThrow();
            assertEquals("cgroupfs", e.cgroupDriver().orElseThrow().value());
            assertEquals(15, e.cgroupDriver().get().origin().orElseThrow().line());
            assertEquals(4, e.evictionHard().size());
            assertTrue(n.kubeletConfiguration().orElseThrow().hasKubeletTypeMeta());
            assertTrue(n.kubeletSources().orElseThrow().assumptions().stream().anyMatch(a -> a.contains("no --config")));
        });
        CHECKS.put("kubernetes_kubernetes_pkg_kubelet_apis_config_scheme_testdata_KubeletConfiguration_before_v1beta1.yaml", n ->
                assertEquals(false, n.kubeletConfiguration().orElseThrow().field("singleProcessOOMKill").orElseThrow().value()
                        .asBoolean().orElseThrow()));
        CHECKS.put("kubernetes_kubernetes_cmd_kubeadm_app_util_config_testdata_kubelet-instance-config.yaml", n ->
                assertEquals("unix:///foo/bar", n.kubeletConfiguration().orElseThrow().containerRuntimeEndpoint().orElseThrow().value()));
        CHECKS.put("kubernetes_kubernetes_cmd_kubeadm_app_util_config_testdata_conversion_node_v1beta3.yaml", n ->
                assertEquals("/var/run/dockershim.sock", n.kubeadm().orElseThrow().criSocket().orElseThrow().value()));
        CHECKS.put("kubernetes_kubernetes_cmd_kubeadm_app_util_config_testdata_defaulting_controlplane_defaulted.yaml", n -> {
            assertEquals("/var/run/criruntime.sock", n.kubeadm().orElseThrow().criSocket().orElseThrow().value());
            assertEquals("1.13.0", n.kubernetesVersion().orElseThrow().value().toString());
            assertEquals("cgroupfs", n.kubeadm().get().kubeletConfiguration().orElseThrow().cgroupDriver().orElseThrow().value());
        });
        CHECKS.put("kubernetes_minikube_pkg_minikube_bootstrapper_bsutil_testdata_v1.23_crio.yaml", n ->
                assertEquals("/var/run/crio/crio.sock", n.kubeadm().orElseThrow().criSocket().orElseThrow().value()));
        CHECKS.put("kubernetes_minikube_pkg_minikube_bootstrapper_bsutil_testdata_v1.26_containerd.yaml", n -> {
            assertEquals("unix:///run/containerd/containerd.sock", n.kubeadm().orElseThrow().criSocket().orElseThrow().value());
            assertEquals("v1beta3", n.kubeadm().get().kubeadmApiVersion().orElseThrow().value().substring("kubeadm.k8s.io/".length()));
        });
        CHECKS.put("kubernetes_minikube_pkg_minikube_bootstrapper_bsutil_testdata_v1.34_containerd.yaml", n ->
                assertEquals("1.34.0", n.kubernetesVersion().orElseThrow().value().toString()));
        CHECKS.put("kubernetes_minikube_pkg_minikube_bootstrapper_bsutil_testdata_v1.34_crio-options-gates.yaml", n -> {
            assertEquals("unix:///var/run/crio/crio.sock", n.kubeadm().orElseThrow().criSocket().orElseThrow().value());
            assertFalse(n.kubeadm().get().kubeletExtraArgs().isEmpty());
        });
        CHECKS.put("kubernetes_minikube_pkg_minikube_bootstrapper_bsutil_testdata_v1.35_options.yaml", n ->
                assertEquals("unix:///var/run/dockershim.sock", n.kubeadm().orElseThrow().kubeletConfiguration().orElseThrow()
                        .containerRuntimeEndpoint().orElseThrow().value()));
    }

    static void assertNoUnitAssumed(NodeConfig n) {
        KubeletSources s = n.kubeletSources().orElseThrow();
        assertFalse(s.hasUnit());
        assertTrue(s.assumptions().stream().anyMatch(a -> a.contains("no kubelet.service unit")), s.assumptions().toString());
    }

    static void assertPackagedDropIn(NodeConfig n, String path) {
        KubeletFlags f = flags(n);
        CommandLineFlag config = f.last("config").orElseThrow();
        assertEquals("/var/lib/kubelet/config.yaml", config.value().orElseThrow());
        assertEquals("KUBELET_CONFIG_ARGS", config.variable().orElseThrow());
        assertEquals(path, config.origin().file());
        assertEquals("/etc/kubernetes/kubelet.conf", f.value("kubeconfig").orElseThrow().value());
        assertEquals(path, f.execStart().orElseThrow().file());
        assertEquals(List.of(path), n.kubeletSources().orElseThrow().dropIns());
        // the config file the drop-in names is not there: the kubelet would exit
        assertEquals(1, n.problems().size(), n.problems().toString());
        assertEquals(Problem.Kind.UNREADABLE, n.problems().get(0).kind());
        assertEquals(path, n.problems().get(0).origin().file());
    }

    @TestFactory
    Stream<DynamicTest> everyFileAloneAtItsPlace() {
        List<Path> files = corpus();
        assertTrue(files.size() >= 20, "kubelet corpus: " + files.size() + " files");
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String name = p.getFileName().toString();
            String place = placement(name);
            if (place == null) {
                fail("no node path known for corpus file " + name + "; add it to placement()");
            }
            Path root = Files.createDirectories(tmp.resolve(name.replace('.', '_')));
            NodeConfig n = loadAt(root, Map.of(place, p));
            assertTrue(n.files().contains(place), n.files().toString());
            for (Problem pr : n.problems()) {
                // the only problem a lone file may give: a packaged drop-in names a config file that is not there
                assertEquals(Problem.Kind.UNREADABLE, pr.kind(), pr.toString());
                assertTrue(pr.message().startsWith("--config names"), pr.toString());
            }
            Consumer<NodeConfig> check = CHECKS.get(name);
            if (check == null) {
                fail("no value check for corpus file " + name);
            }
            check.accept(n);
        }));
    }

    @Test
    void aPackagedNodeAssembledFromCorpusFiles() throws IOException {
        Path dir = SharedData.corpus().resolve("kubelet");
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("usr/lib/systemd/system/kubelet.service", dir.resolve("kubernetes_release_cmd_krel_templates_latest_kubelet_kubelet.service"));
        files.put("usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf",
                dir.resolve("kubernetes_release_cmd_krel_templates_latest_kubeadm_10-kubeadm.conf"));
        files.put("etc/sysconfig/kubelet", dir.resolve("kubernetes_release_cmd_krel_templates_latest_kubelet_kubelet.env"));
        files.put("var/lib/kubelet/kubeadm-flags.env",
                dir.resolve("cecep-91_upgrade_kubernetes_roles_upgrade_to_1.24_files_kubeadm-flags.env"));
        files.put("var/lib/kubelet/config.yaml",
                dir.resolve("kubernetes_kubernetes_pkg_kubelet_apis_config_scheme_testdata_KubeletConfiguration_after_v1beta1.yaml"));
        NodeConfig n = loadAt(tmp, files);
        assertEquals(List.of(), n.problems());
        assertEquals(List.of("etc/sysconfig/kubelet", "usr/lib/systemd/system/kubelet.service",
                "usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf", "var/lib/kubelet/config.yaml",
                "var/lib/kubelet/kubeadm-flags.env"), n.files());
        KubeletSources s = n.kubeletSources().orElseThrow();
        assertEquals("usr/lib/systemd/system/kubelet.service", s.unitFile().orElseThrow());
        assertEquals(List.of("var/lib/kubelet/kubeadm-flags.env", "etc/sysconfig/kubelet"), s.environmentFiles());
        assertEquals("var/lib/kubelet/config.yaml", s.configFile().orElseThrow());
        EffectiveKubeletConfig e = n.effectiveKubelet().orElseThrow();
        // no profile and no kubeadm file: the assumed release's defaults, said so
        assertEquals(KubeletReader.ASSUMED_VERSION, e.version());
        assertEquals(1, s.assumptions().size(), s.assumptions().toString());
        // the flag (kubeadm-flags.env) wins over the file, which has no endpoint
        assertEquals("unix:///var/run/cri-dockerd.sock", e.containerRuntimeEndpoint().orElseThrow().value());
        assertEquals("var/lib/kubelet/kubeadm-flags.env", e.containerRuntimeEndpoint().get().origin().orElseThrow().file());
        assertEquals("cgroupfs", e.cgroupDriver().orElseThrow().value());
        assertEquals("var/lib/kubelet/config.yaml", e.cgroupDriver().get().origin().orElseThrow().file());
    }
}
