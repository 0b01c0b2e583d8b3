package dev.criconf.validate.rules;

import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertFinding;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertQuiet;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.crio;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.crioNode;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.related;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.run;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.model.edit.NodeEdit;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.CrioConmonCgroupRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrioConmonCgroupRuleTest {

    private static final CrioConmonCgroupRule RULE = new CrioConmonCgroupRule();

    private static NodeConfig cgroupfs(String conmonCgroupLine) {
        return crioNode("[crio.runtime]\ncgroup_manager = \"cgroupfs\"\n" + conmonCgroupLine
                + "default_runtime = \"runc\"\n\n[crio.runtime.runtimes.runc]\nruntime_path = \"/usr/bin/runc\"\n");
    }

    @Test
    void systemSliceWithCgroupfsBefore133() {
        // as examples/broken-crio-conmon (CRI-O 1.32.9)
        NodeConfig node = cgroupfs("conmon_cgroup = \"system.slice\"\n");
        Finding f = single(RULE, node, crio("1.32.9"));
        assertFinding(f, Severity.ERROR, "etc/crio/crio.conf:3:17",
                "conmon_cgroup = \"system.slice\" with cgroup_manager = \"cgroupfs\"", "CRI-O 1.32.9 refuses to start",
                "cgroupfs manager conmon cgroup should be 'pod' or empty",
                "an empty value does not help before 1.33 either", "set conmon_cgroup = \"pod\"");
        assertEquals(List.of("etc/crio/crio.conf:2:18"), related(f));
        assertEquals("cgroup_manager = \"cgroupfs\"", f.related().get(0).message());
        assertEquals(1, f.fixes().size());
        assertEquals(List.of(new NodeEdit.SetCrioConmonCgroup("pod")), f.fixes().get(0).edits());
        assertTrue(f.fixes().get(0).machineApplicable());
    }

    @Test
    void crio133AcceptsEmptyAndDropsSystemSlice() {
        // cri-o pkg/config/config.go TranslateMonitorFieldsForHandler (1.33+)
        assertQuiet(RULE, cgroupfs("conmon_cgroup = \"system.slice\"\n"), crio("1.33.0"));
        assertQuiet(RULE, cgroupfs("conmon_cgroup = \"\"\n"), crio("1.33.0"));
        assertQuiet(RULE, cgroupfs(""), crio("1.35.0"));
        assertQuiet(RULE, cgroupfs("conmon_cgroup = \"pod\"\n"), crio("1.35.0"));
    }

    @Test
    void emptyWithCgroupfsVersion132Versus133() {
        NodeConfig node = cgroupfs("conmon_cgroup = \"\"\n");
        Finding f = single(RULE, node, crio("1.32.0"));
        assertFinding(f, Severity.ERROR, "etc/crio/crio.conf:3:17", "conmon_cgroup = \"\" with cgroup_manager = \"cgroupfs\"",
                "before 1.33 CRI-O turns an empty value into \"system.slice\"");
        assertQuiet(RULE, node, crio("1.33.0"));
        // 1.24 and 1.25 turned an empty value into system.slice only under systemd: a declared handler passes
        assertQuiet(RULE, node, crio("1.25.0"));
    }

    @Test
    void unsetWithCgroupfsPointsAtTheRuntimeTable() {
        // the runc handler a file declares without monitor_cgroup: "" becomes system.slice on 1.26 to 1.32
        Finding f = single(RULE, cgroupfs(""), crio("1.26.4"));
        assertFinding(f, Severity.ERROR, "etc/crio/crio.conf:1:1",
                "conmon_cgroup is not set, so runtime handler runc runs conmon in \"system.slice\"",
                "CRI-O 1.26.4 refuses to start");
        assertEquals(List.of("etc/crio/crio.conf:2:18"), related(f));
    }

    @Test
    void builtInHandlerCarriesSystemSlice() {
        // no handler declared: CRI-O's own crun handler carries system.slice (1.24 to 1.32)
        NodeConfig node = crioNode("[crio.runtime]\ncgroup_manager = \"cgroupfs\"\n");
        assertFinding(single(RULE, node, crio("1.31.0")), Severity.ERROR, "etc/crio/crio.conf:1:1",
                "runtime handler crun runs conmon in \"system.slice\"");
        assertFinding(single(RULE, node, crio("1.24.0")), Severity.ERROR, "etc/crio/crio.conf:1:1",
                "runtime handler runc runs conmon in \"system.slice\"");
        assertQuiet(RULE, node, crio("1.33.0"));
    }

    @Test
    void handlerMonitorCgroup() {
        NodeConfig node = crioNode("[crio.runtime]\ncgroup_manager = \"cgroupfs\"\n\n[crio.runtime.runtimes.crun]\n"
                + "monitor_cgroup = \"machine.slice\"\n");
        Finding f = single(RULE, node, crio("1.34.0"));
        assertFinding(f, Severity.ERROR, "etc/crio/crio.conf:5:18",
                "monitor_cgroup = \"machine.slice\" of runtime handler crun",
                "cgroupfs manager conmon cgroup should be 'pod' or empty, but got: 'machine.slice'");
        // a non-empty global conmon_cgroup overrides every oci handler's monitor_cgroup
        assertQuiet(RULE, crioNode("[crio.runtime]\ncgroup_manager = \"cgroupfs\"\nconmon_cgroup = \"pod\"\n\n"
                + "[crio.runtime.runtimes.crun]\nmonitor_cgroup = \"machine.slice\"\n"), crio("1.34.0"));
        // vm handlers are not checked
        assertQuiet(RULE, crioNode("[crio.runtime]\ncgroup_manager = \"cgroupfs\"\nconmon_cgroup = \"pod\"\n\n"
                + "[crio.runtime.runtimes.kata]\nruntime_type = \"vm\"\nmonitor_cgroup = \"nonsense\"\n"), crio("1.34.0"));
    }

    @Test
    void systemdNeedsPodOrASlice() {
        NodeConfig node = crioNode("[crio.runtime]\ncgroup_manager = \"systemd\"\nconmon_cgroup = \"conmon\"\n");
        assertFinding(single(RULE, node, crio("1.35.0")), Severity.ERROR, "etc/crio/crio.conf:3:17",
                "conmon cgroup should be 'pod' or a systemd slice", "or a systemd slice such as \"system.slice\"");
        assertQuiet(RULE, crioNode("[crio.runtime]\ncgroup_manager = \"systemd\"\nconmon_cgroup = \"machine.slice\"\n"),
                crio("1.35.0"));
        assertQuiet(RULE, crioNode("[crio.runtime]\ncgroup_manager = \"systemd\"\n"), crio("1.30.0"));
        // systemd is CRI-O's default manager since 1.18
        assertQuiet(RULE, crioNode("[crio.runtime]\nconmon_cgroup = \"system.slice\"\n"), crio("1.32.0"));
    }

    @Test
    void releasesBefore124CheckOnlyTheGlobalSetting() {
        NodeConfig unset = crioNode("[crio.runtime]\ncgroup_manager = \"cgroupfs\"\n");
        // 1.19 to 1.23: only "pod" with cgroupfs; the default is system.slice
        assertFinding(single(RULE, unset, crio("1.20.0")), Severity.ERROR, "etc/crio/crio.conf:1:1",
                "conmon_cgroup is not set (CRI-O 1.20.0 defaults to \"system.slice\")");
        // 1.17 and 1.18 had no cgroupfs-specific check
        assertQuiet(RULE, unset, crio("1.18.0"));
        assertFinding(single(RULE, crioNode("[crio.runtime]\nconmon_cgroup = \"\"\n"), crio("1.18.0")), Severity.ERROR,
                "etc/crio/crio.conf:2:17", "conmon cgroup should be 'pod' or a systemd slice");
    }

    @Test
    void unknownReleaseAssumes132AndLowersWhenOnlyOldReleasesRefuse() {
        Finding f = single(RULE, cgroupfs("conmon_cgroup = \"\"\n"));
        assertFinding(f, Severity.WARNING, "etc/crio/crio.conf:3:17", "CRI-O 1.32 refuses to start",
                "(assuming CRI-O 1.32; CRI-O 1.33 and later accept it, so this matters only before 1.33: set crioVersion in criconf.yaml)");
        // a value every release refuses stays an error
        Finding bad = single(RULE, cgroupfs("conmon_cgroup = \"machine.slice\"\n"));
        assertFinding(bad, Severity.ERROR, "etc/crio/crio.conf:3:17", "(assuming CRI-O 1.32; set crioVersion in criconf.yaml)");
    }

    @Test
    void oneFindingPerPlace() {
        NodeConfig node = crioNode("[crio.runtime]\ncgroup_manager = \"cgroupfs\"\n\n"
                + "[crio.runtime.runtimes.crun]\nmonitor_cgroup = \"system.slice\"\n\n"
                + "[crio.runtime.runtimes.runc]\nruntime_path = \"/usr/bin/runc\"\n"
                + "[crio.runtime.runtimes.youki]\nruntime_path = \"/usr/bin/youki\"\n");
        List<Finding> f = run(RULE, node, crio("1.30.0"));
        assertEquals(2, f.size(), f::toString);
        assertFinding(f.get(0), Severity.ERROR, "etc/crio/crio.conf:1:1", "runtime handlers runc, youki run conmon");
        assertFinding(f.get(1), Severity.ERROR, "etc/crio/crio.conf:5:18", "monitor_cgroup = \"system.slice\" of runtime handler crun");
    }

    @Test
    void quietWithoutCrioOrWithAnInvalidManager() {
        assertQuiet(RULE, NodeConfig.builder("empty").build());
        assertQuiet(RULE, crioNode("[crio.runtime]\ncgroup_manager = \"SystemD\"\nconmon_cgroup = \"bogus\"\n"), crio("1.35.0"));
    }
}
