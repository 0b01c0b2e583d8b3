package dev.criconf.model.kubelet;

import static dev.criconf.testing.TestTrees.NULL;
import static dev.criconf.testing.TestTrees.keyAt;
import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.testing.TestTrees.valueAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.CommandLineFlag;
import dev.criconf.model.Component;
import dev.criconf.model.KubernetesVersion;
import dev.criconf.model.Setting;
import dev.criconf.model.Source;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kubelet's merge: cmd/kubelet/app/server.go loadConfigFile, mergeKubeletConfigurations, kubeletConfigFlagPrecedence. */
class EffectiveKubeletConfigTest {

    private static final String CONFIG = "var/lib/kubelet/config.yaml";
    private static final String DROP = "etc/kubernetes/kubelet.conf.d/10.conf";
    private static final String ENV = "var/lib/kubelet/kubeadm-flags.env";
    private static final KubernetesVersion V130 = KubernetesVersion.of(1, 30);

    private static CommandLineFlag flag(String name, String value, int line) {
        return new CommandLineFlag(name, "--" + name, Optional.ofNullable(value),
                value == null ? CommandLineFlag.Form.BARE : CommandLineFlag.Form.EQUALS, keyAt(ENV, line),
                value == null ? Optional.empty() : Optional.of(valueAt(ENV, line)), Optional.of("KUBELET_KUBEADM_ARGS"));
    }

    private static EffectiveKubeletConfig compute(KubernetesVersion v, KubeletConfiguration file, List<KubeletConfiguration> dropIns, CommandLineFlag... flags) {
        return EffectiveKubeletConfig.compute(v, Optional.ofNullable(file), dropIns,
                Optional.of(new KubeletFlags(List.of(flags), List.of(), Optional.empty())));
    }

    @Test
    void defaultsFileDropInsFlagsInThatOrder() {
        KubeletConfiguration file = new KubeletConfiguration(CONFIG, tree(CONFIG, "cgroupDriver", "cgroupfs", "maxPods", 200));
        KubeletConfiguration drop = new KubeletConfiguration(DROP, tree(DROP, "cgroupDriver", "systemd"));
        EffectiveKubeletConfig e = compute(V130, file, List.of(drop), flag("max-pods", "50", 1), flag("max-pods", "60", 2));
        EffectiveSetting driver = e.setting("cgroupDriver").orElseThrow();
        assertEquals(Setting.ofDefault("cgroupfs", Component.KUBELET, "all versions"), driver.defaultValue().orElseThrow());
        assertEquals(2, driver.contributions().size());
        assertEquals(Setting.inFile("systemd", valueAt(DROP, 1)), e.cgroupDriver().orElseThrow());
        EffectiveSetting maxPods = e.setting("maxPods").orElseThrow();
        assertEquals(3, maxPods.contributions().size());
        assertEquals(Setting.ofFlag(60L, "--max-pods", keyAt(ENV, 2)), maxPods.asLong().orElseThrow());
        EffectiveSetting port = e.setting("port").orElseThrow();
        assertFalse(port.isExplicit());
        assertEquals(Optional.of(10250L), port.asLong().map(Setting::value));
        assertEquals("default of kubelet all versions", port.source().orElseThrow().describe());
        assertEquals(Optional.of(CONFIG), e.configFile());
        assertEquals(List.of(DROP), e.dropInFiles());
    }

    @Test
    void dropInNullRestoresTheDefault() {
        KubeletConfiguration file = new KubeletConfiguration(CONFIG, tree(CONFIG, "cgroupDriver", "systemd"));
        KubeletConfiguration drop = new KubeletConfiguration(DROP, tree(DROP, "cgroupDriver", NULL));
        EffectiveKubeletConfig e = compute(V130, file, List.of(drop));
        assertEquals("cgroupfs", e.cgroupDriver().orElseThrow().value());
        assertFalse(e.cgroupDriver().orElseThrow().isExplicit());
        assertEquals(2, e.setting("cgroupDriver").orElseThrow().contributions().size());
    }

    @Test
    void partialEvictionHardDropsTheOtherDefaults() {
        KubeletConfiguration file = new KubeletConfiguration(CONFIG, tree(CONFIG, "evictionHard.\"memory.available\"", "200Mi"));
        assertEquals(Set.of("memory.available"), compute(V130, file, List.of()).evictionHard().keySet());
        KubeletConfiguration merging = new KubeletConfiguration(CONFIG, tree(CONFIG,
                "evictionHard.\"memory.available\"", "200Mi", "mergeDefaultEvictionSettings", true));
        Map<String, Setting<String>> merged = compute(KubernetesVersion.of(1, 33), merging, List.of()).evictionHard();
        assertEquals(4, merged.size());
        assertEquals("200Mi", merged.get("memory.available").value());
        assertEquals(Source.Default.class, merged.get("nodefs.available").source().getClass());
        // without a file map the defaults stay and a drop-in merges into them
        KubeletConfiguration drop = new KubeletConfiguration(DROP, tree(DROP, "evictionHard.\"nodefs.available\"", "5%"));
        Map<String, Setting<String>> withDrop = compute(V130, new KubeletConfiguration(CONFIG, tree(CONFIG)), List.of(drop)).evictionHard();
        assertEquals(4, withDrop.size());
        assertEquals(Setting.inFile("5%", valueAt(DROP, 1)), withDrop.get("nodefs.available"));
        // a flag replaces the whole map
        Map<String, Setting<String>> flagged = compute(V130, null, List.of(), flag("eviction-hard", "memory.available<1Gi,nodefs.available<20%", 1)).evictionHard();
        assertEquals(Map.of("memory.available", Setting.ofFlag("1Gi", "--eviction-hard", keyAt(ENV, 1)),
                "nodefs.available", Setting.ofFlag("20%", "--eviction-hard", keyAt(ENV, 1))), flagged);
    }

    @Test
    void featureGatesMergeGateByGate() {
        KubeletConfiguration file = new KubeletConfiguration(CONFIG, tree(CONFIG,
                "featureGates.KubeletCgroupDriverFromCRI", false, "featureGates.NodeSwap", true));
        EffectiveKubeletConfig e = compute(V130, file, List.of(), flag("feature-gates", "KubeletCgroupDriverFromCRI=true", 1));
        assertEquals(Setting.ofFlag(true, "--feature-gates", keyAt(ENV, 1)), e.featureGate("KubeletCgroupDriverFromCRI").orElseThrow());
        assertEquals(Setting.inFile(true, valueAt(CONFIG, 2)), e.featureGate("NodeSwap").orElseThrow());
        assertEquals(Optional.empty(), e.featureGate("Other"));
    }

    @Test
    void listFlagsReplaceThenAppend() {
        KubeletConfiguration file = new KubeletConfiguration(CONFIG, tree(CONFIG, "clusterDNS", List.of("10.96.0.10")));
        EffectiveKubeletConfig e = compute(V130, file, List.of(), flag("cluster-dns", "10.0.0.1", 1), flag("cluster-dns", "10.0.0.2,10.0.0.3", 2));
        assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"), e.setting("clusterDNS").orElseThrow().asStringList().orElseThrow().value());
    }

    @Test
    void endpointIsAFlagBefore127AndAFieldAfter() {
        CommandLineFlag f = flag("container-runtime-endpoint", "unix:///var/run/crio/crio.sock", 1);
        EffectiveKubeletConfig old = compute(KubernetesVersion.of(1, 26), null, List.of(), f);
        assertFalse(old.setting("containerRuntimeEndpoint").isPresent());
        assertEquals("unix:///var/run/crio/crio.sock", old.containerRuntimeEndpoint().orElseThrow().value());
        EffectiveKubeletConfig now = compute(KubernetesVersion.of(1, 28), null, List.of());
        assertEquals("unix:///run/containerd/containerd.sock", now.containerRuntimeEndpoint().orElseThrow().value());
        assertEquals(now.containerRuntimeEndpoint(), now.imageServiceEndpoint());
    }

    @Test
    void flagOnlySettingsAndUnparsableValues() {
        EffectiveKubeletConfig e = compute(KubernetesVersion.of(1, 30), null, List.of(),
                flag("pod-infra-container-image", "registry.k8s.io/pause:3.9", 1),
                flag("node-ip", "10.0.0.5", 2),
                flag("max-pods", "lots", 3),
                flag("fail-swap-on", null, 4),
                flag("cgroup-driver", null, 5),
                flag("made-up", "x", 6));
        assertEquals("registry.k8s.io/pause:3.9", e.podInfraContainerImage().orElseThrow().value());
        assertTrue(e.flagOnly().containsKey("node-ip"));
        assertTrue(e.flagOnly().containsKey("made-up"));
        assertEquals(2, e.problems().size());
        assertTrue(e.problems().get(0).message().contains("--max-pods"));
        assertEquals(valueAt(ENV, 3), e.problems().get(0).origin());
        assertTrue(e.problems().get(1).message().contains("flag needs an argument"));
        assertEquals(Optional.of(true), e.setting("failSwapOn").orElseThrow().asBoolean().map(Setting::value));
        assertEquals(110L, e.setting("maxPods").orElseThrow().asLong().orElseThrow().value());
    }

    @Test
    void onlyFieldsOfTheReleaseAreSettings() {
        EffectiveKubeletConfig e = compute(KubernetesVersion.of(1, 26), new KubeletConfiguration(CONFIG,
                tree(CONFIG, "failCgroupV1", true)), List.of());
        assertFalse(e.setting("failCgroupV1").isPresent());
        assertEquals("true", compute(KubernetesVersion.of(1, 35), null, List.of()).setting("failCgroupV1").orElseThrow().render());
        assertEquals("{memory.available: 100Mi, nodefs.available: 10%, nodefs.inodesFree: 5%, imagefs.available: 15%}",
                compute(V130, null, List.of()).setting("evictionHard").orElseThrow().render());
    }

    @Test
    void fieldsNothingSetsAreWhatTheAccumulatorGivesWithoutContributions() {
        // compute shares one precomputed setting per field and release line for fields nothing sets
        KubeletConfiguration file = new KubeletConfiguration(CONFIG, tree(CONFIG, "cgroupDriver", "systemd"));
        for (KubernetesVersion v : List.of(KubernetesVersion.of(1, 24), KubernetesVersion.of(1, 27), V130,
                KubernetesVersion.of(1, 35))) {
            EffectiveKubeletConfig e = compute(v, file, List.of(), flag("max-pods", "60", 1));
            int untouched = 0;
            for (String path : e.settings().keySet()) {
                if (path.equals("cgroupDriver") || path.equals("maxPods")) {
                    continue;
                }
                assertEquals(EffectiveKubeletConfig.accumulatedDefault(v, path), e.setting(path), v + " " + path);
                untouched++;
            }
            assertTrue(untouched > 50, "fields checked in " + v + ": " + untouched);
        }
    }

    @Test
    void settingsBehaveAsAnOrderedReadOnlyMap() {
        KubeletConfiguration file = new KubeletConfiguration(CONFIG, tree(CONFIG, "cgroupDriver", "systemd"));
        EffectiveKubeletConfig e = compute(V130, file, List.of(), flag("max-pods", "60", 1));
        Map<String, EffectiveSetting> copy = new java.util.LinkedHashMap<>(e.settings());
        assertEquals(copy, e.settings());
        assertEquals(e.settings(), copy);
        assertEquals(copy.hashCode(), e.settings().hashCode());
        assertEquals(copy.toString(), e.settings().toString());
        assertEquals(List.copyOf(copy.keySet()), List.copyOf(e.settings().keySet()));
        List<String> catalogOrder = dev.criconf.model.catalog.KubeletFieldCatalog.all().stream()
                .filter(f -> f.existsIn(V130)).map(dev.criconf.model.catalog.KubeletFieldCatalog.Field::path).toList();
        assertEquals(catalogOrder, List.copyOf(e.settings().keySet()));
        assertEquals(Optional.empty(), e.setting("noSuchField"));
        assertEquals(null, e.settings().get(null));
        assertEquals(null, e.settings().get(42));
        assertFalse(e.settings().containsKey("noSuchField"));
        assertTrue(e.settings().containsKey("cgroupDriver"));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> e.settings().put("x", e.setting("cgroupDriver").orElseThrow()));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> e.settings().remove("cgroupDriver"));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> e.settings().entrySet().iterator().next().setValue(null));
        // the same record built from a plain map equals the computed one
        EffectiveKubeletConfig rebuilt = new EffectiveKubeletConfig(e.version(), e.configFile(), e.dropInFiles(),
                copy, e.flagOnly(), e.problems());
        assertEquals(rebuilt, e);
        assertEquals(rebuilt.hashCode(), e.hashCode());
    }
}
