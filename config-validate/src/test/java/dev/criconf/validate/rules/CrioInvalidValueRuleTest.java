package dev.criconf.validate.rules;

import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertFinding;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertQuiet;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.crio;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.crioNode;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.run;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrioInvalidValueRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrioInvalidValueRuleTest {

    private static final CrioInvalidValueRule RULE = new CrioInvalidValueRule();

    @Test
    void cgroupManagerMustBeExact() {
        Finding f = single(RULE, crioNode("[crio.runtime]\ncgroup_manager = \"SystemD\"\n"), crio("1.35.0"));
        assertFinding(f, Severity.ERROR, "etc/crio/crio.conf:2:18", "cgroup_manager = \"SystemD\" is not a cgroup manager",
                "invalid cgroup manager: SystemD", "Did you mean \"systemd\"?", "Use exactly \"systemd\" or \"cgroupfs\"");
        assertFinding(single(RULE, crioNode("[crio.runtime]\ncgroup_manager = \"cgroup\"\n"), crio("1.35.0")),
                Severity.ERROR, "etc/crio/crio.conf:2:18", "invalid cgroup manager: cgroup");
        assertQuiet(RULE, crioNode("[crio.runtime]\ncgroup_manager = \"cgroupfs\"\n"), crio("1.35.0"));
    }

    @Test
    void logSizeMaxBelow8192() {
        assertFinding(single(RULE, crioNode("[crio.runtime]\nlog_size_max = 1024\n")), Severity.ERROR,
                "etc/crio/crio.conf:2:16", "log_size_max = 1024 is below CRI-O's minimum",
                "log size max should be negative or >= 8192", "Use -1 for no limit");
        assertEquals(1, run(RULE, crioNode("[crio.runtime]\nlog_size_max = 0\n")).size());
        assertEquals(1, run(RULE, crioNode("[crio.runtime]\nlog_size_max = 8191\n")).size());
        assertQuiet(RULE, crioNode("[crio.runtime]\nlog_size_max = 8192\n"));
        assertQuiet(RULE, crioNode("[crio.runtime]\nlog_size_max = -1\n"));
    }

    @Test
    void pauseImageMustBeAReference() {
        NodeConfig node = crioNode("[crio.image]\npause_image = \"registry.k8s.io/pause::3.10\"\n");
        assertFinding(single(RULE, node, crio("1.29.0")), Severity.ERROR, "etc/crio/crio.conf:2:15",
                "pause_image = \"registry.k8s.io/pause::3.10\" is not an image reference", "CRI-O 1.29.0 refuses to start",
                "invalid pause image \"registry.k8s.io/pause::3.10\"");
        assertFinding(single(RULE, node, crio("1.28.2")), Severity.ERROR, "etc/crio/crio.conf:2:15",
                "CRI-O 1.28.2 cannot pull it, so every pod sandbox fails to start");
        assertFinding(single(RULE, node), Severity.ERROR, "etc/crio/crio.conf:2:15", "CRI-O 1.29 and later refuse to start");
        assertQuiet(RULE, crioNode("[crio.image]\npause_image = \"registry.k8s.io/pause:3.10\"\n"), crio("1.35.0"));
        // short names are normalised to Docker Hub, as CRI-O does
        assertQuiet(RULE, crioNode("[crio.image]\npause_image = \"pause:3.10\"\n"), crio("1.35.0"));
    }

    @Test
    void pluginDirAsAnArray() {
        Finding f = single(RULE, crioNode("[crio.network]\nplugin_dir = [\"/opt/cni/bin\"]\n"), crio("1.26.4"));
        assertFinding(f, Severity.ERROR, "etc/crio/crio.conf:2:14", "plugin_dir = [\"/opt/cni/bin\"] is an array",
                "incompatible types", "Rename the key to plugin_dirs");
        assertQuiet(RULE, crioNode("[crio.network]\nplugin_dir = \"/opt/cni/bin\"\n"), crio("1.26.4"));
    }

    @Test
    void everyBadValueIsReported() {
        List<?> f = run(RULE, crioNode("[crio.runtime]\ncgroup_manager = \"cgroups\"\nlog_size_max = 10\n"
                + "[crio.image]\npause_image = \"registry.k8s.io/Pause:3.10\"\n"), crio("1.35.0"));
        assertEquals(3, f.size(), f::toString);
    }

    @Test
    void quietOnAValidConfiguration() {
        assertQuiet(RULE, crioNode("[crio.runtime]\ncgroup_manager = \"systemd\"\nlog_size_max = -1\n"
                + "[crio.image]\npause_image = \"registry.k8s.io/pause:3.10.1\"\n"
                + "[crio.network]\nplugin_dirs = [\"/opt/cni/bin/\"]\n"), crio("1.35.0"));
        assertQuiet(RULE, NodeConfig.builder("empty").build());
    }
}
