package dev.criconf.validate.internal.rules;

import static dev.criconf.validate.internal.rules.KubeletNodes.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.Origin;
import dev.criconf.model.Setting;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.model.host.ModulesLoad;
import dev.criconf.model.host.SysctlEntry;
import dev.criconf.model.host.SysctlSettings;
import dev.criconf.validate.Finding;
import dev.criconf.validate.RelatedLocation;
import dev.criconf.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelPrerequisiteRuleTest {

    private static final KernelPrerequisiteRule RULE = new KernelPrerequisiteRule();
    private static final String K8S = "etc/sysctl.d/99-kubernetes.conf";
    private static final String CIS = "etc/sysctl.d/99-zz-cis-hardening.conf";
    private static final String MODULES = "etc/modules-load.d/k8s.conf";

    /** Lines of sysctl files as file, key, value triples, in application order; each on its own line. */
    private static SysctlSettings sysctl(String... fileKeyValue) {
        List<SysctlEntry> entries = new ArrayList<>();
        for (int i = 0; i < fileKeyValue.length; i += 3) {
            String key = fileKeyValue[i + 1];
            entries.add(new SysctlEntry(SysctlSettings.normalizeKey(key), key, fileKeyValue[i + 2],
                    RuleHarness.at(fileKeyValue[i], i / 3 + 2, 1), false));
        }
        return new SysctlSettings(entries);
    }

    private static ModulesLoad modules(String... names) {
        List<Setting<String>> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(Setting.inFile(names[i], RuleHarness.at(MODULES, i + 1, 1)));
        }
        return new ModulesLoad(out);
    }

    private static NodeConfig node(SysctlSettings s, ModulesLoad m) {
        NodeConfig.Builder b = NodeConfig.builder("n");
        if (s != null) {
            b.sysctl(s);
        }
        if (m != null) {
            b.modulesLoad(m);
        }
        return b.build();
    }

    @Test
    void aHardeningFileThatSortsLaterTurnsForwardingOff() {
        SysctlSettings s = sysctl(K8S, "net.ipv4.ip_forward", "1", K8S, "net.bridge.bridge-nf-call-iptables", "1",
                CIS, "net.ipv4.ip_forward", "0");
        List<Finding> f = run(RULE, "1.35.0", node(s, modules("overlay", "br_netfilter")));
        assertEquals(1, f.size());
        Finding x = f.get(0);
        assertEquals("kernel-prerequisite", x.ruleId());
        assertEquals(Severity.WARNING, x.severity());
        assertEquals(s.entries().get(2).origin(), x.location());
        assertEquals("net.ipv4.ip_forward = 0 is the setting that wins at boot: kubeadm's preflight fails "
                + "(\"/proc/sys/net/ipv4/ip_forward contents are not set to 1\") and traffic between pods on different nodes "
                + "is not forwarded", x.message());
        assertEquals(List.of(new RelatedLocation(s.entries().get(0).origin(), "net.ipv4.ip_forward = 1 here is overridden: "
                + "systemd-sysctl applies files in lexical order of their names and the last setting wins")), x.related());
        assertEquals(2, x.fixes().size());
        assertEquals(List.of(new NodeEdit.RemoveValue(CIS, List.of("net.ipv4.ip_forward"))), x.fixes().get(0).edits());
        assertEquals(List.of(new NodeEdit.SetValue(CIS, List.of("net.ipv4.ip_forward"), "1")), x.fixes().get(1).edits());
        assertFalse(x.fixes().get(0).machineApplicable(), "the hardening file was written on purpose");
    }

    @Test
    void slashSpellingIsTheSameKey() {
        assertEquals(List.of(), run(RULE, "1.35.0", node(sysctl(K8S, "net/ipv4/ip_forward", "1"), null)));
    }

    @Test
    void noFileSetsForwarding() {
        List<Finding> f = run(RULE, "1.35.0", node(sysctl(K8S, "vm.swappiness", "10"), null));
        assertEquals(1, f.size());
        assertEquals(Origin.ofFile(K8S), f.get(0).location());
        assertTrue(f.get(0).message().startsWith("no sysctl.d file sets net.ipv4.ip_forward = 1, so it keeps the kernel "
                + "default 0 unless something else sets it at run time"), f.get(0).message());
        assertEquals(List.of(new NodeEdit.SetValue(KernelPrerequisiteRule.CONVENTIONAL_SYSCTL_FILE,
                List.of("net.ipv4.ip_forward"), "1")), f.get(0).fixes().get(0).edits());
    }

    @Test
    void before130BridgeNetfilterIsRequiredToo() {
        NodeConfig n = node(sysctl(K8S, "net.ipv4.ip_forward", "1"), modules("overlay"));
        assertEquals(List.of(), run(RULE, "1.30.0", n));
        List<Finding> f = run(RULE, "1.29.4", n);
        assertEquals(2, f.size());
        // reports sort by file: modules-load.d before sysctl.d
        assertEquals(Origin.ofFile(MODULES), f.get(0).location());
        assertTrue(f.get(0).message().startsWith("no modules-load.d file loads br_netfilter"), f.get(0).message());
        assertTrue(f.get(1).message().startsWith("no sysctl.d file sets net.bridge.bridge-nf-call-iptables = 1"));
        assertTrue(f.get(1).message().contains("(kubeadm Kubernetes 1.29.4 checks it; the check was dropped in 1.30)"));
        NodeConfig ok = node(sysctl(K8S, "net.ipv4.ip_forward", "1", K8S, "net.bridge.bridge-nf-call-iptables", "1"),
                modules("overlay", "br-netfilter"));
        assertEquals(List.of(), run(RULE, "1.29.4", ok));
    }

    @Test
    void withoutHostFilesThereIsNothingToCheck() {
        assertEquals(List.of(), run(RULE, "1.24.0", node(null, null)));
        assertEquals(List.of(), run(RULE, "1.35.0", node(null, modules("overlay"))));
    }
}
