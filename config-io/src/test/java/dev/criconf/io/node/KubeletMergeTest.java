package dev.criconf.io.node;

import static dev.criconf.io.node.NodeTree.HEADER;
import static dev.criconf.io.node.NodeTree.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.NodeConfig;
import dev.criconf.model.Setting;
import dev.criconf.model.Source;
import dev.criconf.model.kubelet.EffectiveKubeletConfig;
import dev.criconf.model.kubelet.EffectiveSetting;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubelet's precedence, one rule per test: defaults &lt; {@code --config} &lt; {@code --config-dir}
 * drop-ins (JSON merge patch, {@code filepath.WalkDir} order) &lt; flags ({@code KUBELET_KUBEADM_ARGS}
 * then {@code KUBELET_EXTRA_ARGS}; map flags replace, feature gates merge per key). Research sheet
 * {@code kubelet-kubeadm.md} §3 and §11.
 */
class KubeletMergeTest {

    @TempDir
    Path tmp;

    static final String DIR = "etc/kubernetes/kubelet.conf.d";

    NodeTree withConfigDir() {
        return new NodeTree(tmp).write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--config-dir=/" + DIR + "\n");
    }

    static EffectiveKubeletConfig effective(NodeConfig n) {
        assertEquals(List.of(), n.problems());
        return n.effectiveKubelet().orElseThrow();
    }

    static String file(Setting<?> s) {
        return s.origin().orElseThrow().file();
    }

    @Test
    void dropInsMergeMapsKeyByKeyAndReplaceLists() {
        NodeConfig n = withConfigDir()
                .kubeadmNode("1.35.0", "featureGates:\n  A: true\n  B: true\nclusterDNS:\n- 10.0.0.1\n- 10.0.0.2\n"
                        + "evictionHard:\n  memory.available: 100Mi\n")
                .write(DIR + "/10-site.conf", HEADER + "featureGates:\n  B: false\n  C: true\nclusterDNS:\n- 10.0.0.9\n"
                        + "evictionHard:\n  nodefs.available: 5%\n")
                .load();
        EffectiveKubeletConfig e = effective(n);
        assertEquals(List.of(DIR + "/10-site.conf"), e.dropInFiles());
        assertEquals(DIR, n.kubeletSources().orElseThrow().configDir().orElseThrow());

        assertEquals(true, e.featureGate("A").orElseThrow().value());
        assertEquals("var/lib/kubelet/config.yaml:4:6", at(e.featureGate("A").get().origin().orElseThrow()));
        assertEquals(false, e.featureGate("B").orElseThrow().value());
        assertEquals(DIR + "/10-site.conf:4:6", at(e.featureGate("B").get().origin().orElseThrow()));
        assertEquals(true, e.featureGate("C").orElseThrow().value());

        Setting<List<String>> dns = e.setting("clusterDNS").orElseThrow().asStringList().orElseThrow();
        assertEquals(List.of("10.0.0.9"), dns.value());
        assertEquals(DIR + "/10-site.conf", file(dns));

        Map<String, Setting<String>> eviction = e.evictionHard();
        assertEquals(List.of("memory.available", "nodefs.available"), List.copyOf(eviction.keySet()));
        assertEquals("var/lib/kubelet/config.yaml", file(eviction.get("memory.available")));
        assertEquals("5%", eviction.get("nodefs.available").value());
        assertEquals(DIR + "/10-site.conf", file(eviction.get("nodefs.available")));
        assertEquals(List.of("apiVersion", "kind", "featureGates", "clusterDNS", "evictionHard"),
                n.kubeletDropIns().get(0).tree().keys());
    }

    @Test
    void aNullInADropInRemovesTheValue() {
        NodeConfig n = withConfigDir().kubeadmNode("1.35.0", "cgroupDriver: systemd\n")
                .write(DIR + "/50-reset.conf", HEADER + "cgroupDriver: null\n")
                .load();
        EffectiveSetting s = effective(n).setting("cgroupDriver").orElseThrow();
        assertFalse(s.isExplicit());
        assertEquals("cgroupfs", s.asString().orElseThrow().value());
        assertInstanceOf(Source.Default.class, s.source().orElseThrow());
        assertEquals(2, s.contributions().size());
    }

    @Test
    void configDirIsWalkedLikeGoWalkDir() {
        NodeConfig n = withConfigDir().kubeadmNode("1.35.0", "maxPods: 5\n")
                .write(DIR + "/20-site.conf", HEADER + "cgroupDriver: systemd\n")
                .write(DIR + "/10-base.conf", HEADER + "cgroupDriver: cgroupfs\nmaxPods: 10\n")
                .write(DIR + "/15-sub/99-deep.conf", HEADER + "maxPods: 20\n")
                .write(DIR + "/30-ignored.yaml", HEADER + "maxPods: 30\n")
                .write(DIR + "/31-ignored.conf.bak", HEADER + "maxPods: 31\n")
                // "a" sorts before "a.conf", so the directory's files come first (a full-path sort would differ)
                .write(DIR + "/a.conf", HEADER + "maxPods: 50\n")
                .write(DIR + "/a/z.conf", HEADER + "maxPods: 40\n")
                .load();
        EffectiveKubeletConfig e = effective(n);
        assertEquals(List.of(DIR + "/10-base.conf", DIR + "/15-sub/99-deep.conf", DIR + "/20-site.conf", DIR + "/a/z.conf",
                DIR + "/a.conf"), e.dropInFiles());
        assertEquals(50L, e.setting("maxPods").orElseThrow().asLong().orElseThrow().value());
        assertEquals(DIR + "/a.conf", file(e.setting("maxPods").get().asLong().get()));
        assertEquals("systemd", e.cgroupDriver().orElseThrow().value());
        assertEquals(5, e.setting("maxPods").get().contributions().size(), "the file and four drop-ins");
        assertFalse(n.files().contains(DIR + "/30-ignored.yaml"));
    }

    @Test
    void aFlagWinsOverTheFileAndTheDropIns() {
        String flags = "KUBELET_KUBEADM_ARGS=\"--cgroup-driver=cgroupfs\"\n";
        NodeConfig n = withConfigDir().kubeadmNode("1.35.0", "cgroupDriver: systemd\n")
                .write(DIR + "/10-site.conf", HEADER + "cgroupDriver: systemd\n")
                .write("var/lib/kubelet/kubeadm-flags.env", flags)
                .load();
        EffectiveSetting s = effective(n).setting("cgroupDriver").orElseThrow();
        assertEquals("cgroupfs", s.asString().orElseThrow().value());
        Source.Flag src = assertInstanceOf(Source.Flag.class, s.source().orElseThrow());
        assertEquals("--cgroup-driver", src.flag());
        assertEquals("var/lib/kubelet/kubeadm-flags.env:1:" + (flags.indexOf("--cgroup") + 1), at(src.at()));
        assertEquals(3, s.contributions().size());
        assertEquals("var/lib/kubelet/config.yaml", file(s.contributions().get(0)));
        assertEquals(DIR + "/10-site.conf", file(s.contributions().get(1)));
    }

    @Test
    void extraArgsWinOverKubeadmArgs() {
        NodeConfig n = new NodeTree(tmp).kubeadmNode("1.35.0", "")
                .write("var/lib/kubelet/kubeadm-flags.env", "KUBELET_KUBEADM_ARGS=\"--cgroup-driver=cgroupfs --node-ip=10.0.0.1\"\n")
                .write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--cgroup-driver=systemd\n")
                .load();
        Setting<String> driver = effective(n).cgroupDriver().orElseThrow();
        assertEquals("systemd", driver.value());
        assertEquals("etc/default/kubelet:1:20", at(driver.origin().orElseThrow()));
        List<CommandLineFlag> all = n.kubeletFlags().orElseThrow().all("cgroup_driver");
        assertEquals(List.of("KUBELET_KUBEADM_ARGS", "KUBELET_EXTRA_ARGS"),
                all.stream().map(f -> f.variable().orElseThrow()).toList());
        assertEquals(List.of("--cgroup-driver"), n.kubeletFlags().get().fromVariable("KUBELET_EXTRA_ARGS").stream()
                .map(f -> f.written().substring(0, f.written().indexOf('='))).toList());
    }

    @Test
    void aMapFlagReplacesTheConfiguredMapAndLaterOccurrencesAdd() {
        NodeConfig n = new NodeTree(tmp)
                .kubeadmNode("1.35.0", "evictionHard:\n  memory.available: 100Mi\n  nodefs.available: 10%\n")
                .write("var/lib/kubelet/kubeadm-flags.env", "KUBELET_KUBEADM_ARGS=\"--eviction-hard=memory.available<200Mi\"\n")
                .write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--eviction-hard=imagefs.available<20%\n")
                .load();
        Map<String, Setting<String>> eviction = effective(n).evictionHard();
        assertEquals(List.of("memory.available", "imagefs.available"), List.copyOf(eviction.keySet()));
        assertEquals("200Mi", eviction.get("memory.available").value());
        assertEquals("var/lib/kubelet/kubeadm-flags.env", file(eviction.get("memory.available")));
        assertEquals("etc/default/kubelet", file(eviction.get("imagefs.available")));
    }

    @Test
    void featureGatesMergePerKeyWithTheFlagWinning() {
        NodeConfig n = new NodeTree(tmp)
                .kubeadmNode("1.35.0", "featureGates:\n  A: true\n  B: true\n")
                .write("var/lib/kubelet/kubeadm-flags.env", "KUBELET_KUBEADM_ARGS=\"--feature-gates=B=false\"\n")
                .write("etc/default/kubelet", "KUBELET_EXTRA_ARGS=--feature-gates=C=true\n")
                .load();
        EffectiveKubeletConfig e = effective(n);
        assertEquals(true, e.featureGate("A").orElseThrow().value());
        assertEquals("var/lib/kubelet/config.yaml", file(e.featureGate("A").get()));
        assertEquals(false, e.featureGate("B").orElseThrow().value());
        assertEquals("var/lib/kubelet/kubeadm-flags.env", file(e.featureGate("B").get()));
        assertEquals(true, e.featureGate("C").orElseThrow().value());
        assertEquals("etc/default/kubelet", file(e.featureGate("C").get()));
    }

    @Test
    void theReleaseComesFromTheProfileThenKubeadmElseItIsAssumed() {
        String kubeadm = "apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: v1.31.2\n";
        NodeTree t = new NodeTree(tmp).write("var/lib/kubelet/config.yaml", HEADER)
                .write("etc/kubernetes/kubeadm-config.yaml", kubeadm);
        NodeConfig fromKubeadm = t.load();
        assertEquals("1.31.2", effective(fromKubeadm).version().toString());
        assertFalse(fromKubeadm.kubeletSources().orElseThrow().assumptions().stream().anyMatch(a -> a.contains("defaults")));

        NodeConfig fromProfile = t.write("criconf.yaml", "kubernetesVersion: 1.30\n").load();
        assertEquals("1.30", effective(fromProfile).version().toString());

        NodeConfig label = new NodeTree(tmp.resolve("label")).write("var/lib/kubelet/config.yaml", HEADER)
                .write("etc/kubernetes/kubeadm-config.yaml", kubeadm.replace("v1.31.2", "stable-1.31")).load();
        assertEquals(dev.criconf.io.node.internal.KubeletReader.ASSUMED_VERSION, effective(label).version());
        assertTrue(label.kubeletSources().orElseThrow().assumptions().stream()
                .anyMatch(a -> a.contains("defaults") && a.contains("stable-1.31")), label.kubeletSources().get().assumptions().toString());
    }
}
