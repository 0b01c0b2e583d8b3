package dev.criconf.validate.internal.rules;

import static dev.criconf.testing.TestTrees.keyAt;
import static dev.criconf.testing.TestTrees.tree;
import static dev.criconf.validate.internal.rules.KubeletNodes.CONFIG;
import static dev.criconf.validate.internal.rules.KubeletNodes.kubeadmArgs;
import static dev.criconf.validate.internal.rules.KubeletNodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.kubelet.KubeletConfiguration;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Fix;
import dev.criconf.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubeletEvictionPartialRuleTest {

    private static final KubeletEvictionPartialRule RULE = new KubeletEvictionPartialRule();
    private static final String DROP_IN = "etc/kubernetes/kubelet.conf.d/20-eviction.conf";

    private static NodeConfig config(Object... pathsAndValues) {
        return NodeConfig.builder("n").kubeletConfiguration(new KubeletConfiguration(CONFIG, tree(CONFIG, pathsAndValues)))
                .build();
    }

    @Test
    void onlyMemoryAvailableDropsTheDiskThresholds() {
        List<Finding> f = run(RULE, "1.35.0", config("cgroupDriver", "systemd", "evictionHard.\"memory.available\"", "500Mi"));
        assertEquals(1, f.size());
        Finding x = f.get(0);
        assertEquals("kubelet-eviction-partial", x.ruleId());
        assertEquals(Severity.WARNING, x.severity());
        assertEquals(keyAt(CONFIG, 2), x.location(), "at the evictionHard key");
        assertEquals("evictionHard sets only memory.available, so the kubelet drops its other default hard-eviction "
                + "thresholds (nodefs.available<10%, nodefs.inodesFree<5%, imagefs.available<15%): pods are no longer "
                + "evicted when those run low; list them in evictionHard or set mergeDefaultEvictionSettings: true",
                x.message());
        assertEquals(2, x.fixes().size());
        Fix restore = x.fixes().get(0);
        assertFalse(restore.machineApplicable());
        assertEquals(List.of(new NodeEdit.SetValue(CONFIG, List.of("evictionHard", "nodefs.available"), "10%"),
                new NodeEdit.SetValue(CONFIG, List.of("evictionHard", "nodefs.inodesFree"), "5%"),
                new NodeEdit.SetValue(CONFIG, List.of("evictionHard", "imagefs.available"), "15%")), restore.edits());
        assertEquals(List.of(new NodeEdit.SetValue(CONFIG, List.of("mergeDefaultEvictionSettings"), "true")),
                x.fixes().get(1).edits());
    }

    @Test
    void before133ThereIsNoMergeSettingToSuggest() {
        List<Finding> f = run(RULE, "1.32.0", config("evictionHard.\"memory.available\"", "500Mi"));
        assertFalse(f.get(0).message().contains("mergeDefaultEvictionSettings"));
        assertEquals(1, f.get(0).fixes().size());
    }

    @Test
    void mergeDefaultEvictionSettingsKeepsTheDefaultsFrom133() {
        NodeConfig merged = config("evictionHard.\"memory.available\"", "500Mi", "mergeDefaultEvictionSettings", true);
        assertEquals(List.of(), run(RULE, "1.33.0", merged));
        assertEquals(1, run(RULE, "1.32.0", merged).size(), "1.32 does not know the field and drops the defaults");
    }

    @Test
    void everyDefaultSignalListedIsFine() {
        assertEquals(List.of(), run(RULE, "1.35.0", config(
                "evictionHard.\"memory.available\"", "200Mi", "evictionHard.\"nodefs.available\"", "5%",
                "evictionHard.\"nodefs.inodesFree\"", "5%", "evictionHard.\"imagefs.available\"", "10%")));
        assertEquals(List.of(), run(RULE, "1.35.0", config("cgroupDriver", "systemd")), "no evictionHard: defaults apply");
    }

    @Test
    void aDropInMergesIntoTheDefaults() {
        NodeConfig n = config("cgroupDriver", "systemd").toBuilder()
                .addKubeletDropIn(new KubeletConfiguration(DROP_IN, tree(DROP_IN, "evictionHard.\"memory.available\"", "1Gi")))
                .build();
        assertEquals(List.of(), run(RULE, "1.35.0", n));
    }

    @Test
    void theEvictionHardFlagReplacesTheWholeMap() {
        KubeletNodes.Line line = kubeadmArgs().flag("eviction-hard", "memory.available<300Mi");
        NodeConfig n = config("cgroupDriver", "systemd").toBuilder().kubeletFlags(KubeletNodes.flags(line)).build();
        List<Finding> f = run(RULE, "1.35.0", n);
        assertEquals(1, f.size());
        assertEquals(line.flagAt(0), f.get(0).location());
        assertTrue(f.get(0).message().startsWith("--eviction-hard sets only memory.available"), f.get(0).message());
        assertEquals(List.of(), f.get(0).fixes());
    }

    @Test
    void anEmptyMapTurnsHardEvictionOff() {
        NodeConfig n = NodeConfig.builder("n").kubeletConfiguration(new KubeletConfiguration(CONFIG,
                tree(CONFIG, "evictionHard", dev.criconf.model.value.ConfigTable.empty(keyAt(CONFIG, 1))))).build();
        List<Finding> f = run(RULE, "1.35.0", n);
        assertTrue(f.get(0).message().startsWith("evictionHard is empty, so hard eviction is off entirely"), f.get(0).message());
        assertTrue(f.get(0).message().contains("memory.available<100Mi"));
    }
}
