package dev.criconf.validate.rules;

import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertFinding;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.assertQuiet;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.containerd;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.containerdNode;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.run;
import static dev.criconf.validate.rules.RuntimeRulesTestSupport.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.criconf.model.NodeConfig;
import dev.criconf.validate.Finding;
import dev.criconf.validate.Severity;
import dev.criconf.validate.internal.rules.ContainerdOptionUncheckedRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerdOptionUncheckedRuleTest {

    private static final ContainerdOptionUncheckedRule RULE = new ContainerdOptionUncheckedRule();

    private static NodeConfig runcOptions(String options) {
        return containerdNode("version = 2\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n  runtime_type = \"io.containerd.runc.v2\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options]\n" + options);
    }

    @Test
    void misspeltOptionIsKeptWithoutAWord() {
        // experiment e4: SystemdCgroups and systemd_cgroup are kept verbatim, runc uses cgroupfs
        List<Finding> f = run(RULE, runcOptions("  SystemdCgroups = true\n  systemd_cgroup = true\n"), containerd("1.6.20"));
        assertEquals(2, f.size());
        assertFinding(f.get(0), Severity.WARNING, "etc/containerd/config.toml:5:3",
                "SystemdCgroups in [plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc.options] is not a runc option",
                "containerd 1.6.20 keeps it without a word", "SystemdCgroup stays false: runc uses the cgroupfs driver",
                "Did you mean SystemdCgroup?");
        assertFinding(f.get(1), Severity.WARNING, "etc/containerd/config.toml:6:3", "systemd_cgroup",
                "Did you mean SystemdCgroup?");
        assertTrue(f.get(0).fixes().isEmpty());
    }

    @Test
    void letterCaseMattersOnlyOnContainerdOneX() {
        NodeConfig node = runcOptions("  SystemdCGroup = true\n");
        assertFinding(single(RULE, node, containerd("1.7.28")), Severity.WARNING, "etc/containerd/config.toml:5:3",
                "not a spelling containerd 1.x matches to the runc option SystemdCgroup",
                "SystemdCgroup, systemdcgroup, SYSTEMDCGROUP and systemdCgroup");
        assertQuiet(RULE, node, containerd("2.0.0"));
        // go-toml v1 tries the all-lower-case spelling
        assertQuiet(RULE, runcOptions("  systemdcgroup = true\n"), containerd("1.7.28"));
    }

    @Test
    void optionsOfTheOtherReleaseLine() {
        assertFinding(single(RULE, runcOptions("  TaskApiAddress = \"/run/x.sock\"\n"), containerd("1.7.28")),
                Severity.WARNING, "etc/containerd/config.toml:5:3", "is a runc option of containerd 2.x, not of containerd 1.7.28");
        assertQuiet(RULE, runcOptions("  TaskApiAddress = \"/run/x.sock\"\n"), containerd("2.1.0"));
        assertFinding(single(RULE, runcOptions("  CriuPath = \"/usr/sbin/criu\"\n"), containerd("2.0.0")),
                Severity.WARNING, "etc/containerd/config.toml:5:3", "is a runc option of containerd 1.x");
    }

    @Test
    void unknownOptionWithoutCloseMatchListsTheKnownOnes() {
        assertFinding(single(RULE, runcOptions("  Frobnicate = true\n"), containerd("1.7.28")), Severity.WARNING,
                "etc/containerd/config.toml:5:3", "is not a runc option", "Remove it, or use one of the runc options: BinaryName");
    }

    @Test
    void systemdCgroupAtTheHandlerLevelIsIgnored() {
        // experiment e3
        NodeConfig node = containerdNode("version = 2\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runc]\n"
                + "  runtime_type = \"io.containerd.runc.v2\"\n  SystemdCgroup = true\n");
        assertFinding(single(RULE, node, containerd("1.6.20")), Severity.WARNING, "etc/containerd/config.toml:4:3",
                "SystemdCgroup is written in the handler table", "runc options belong in",
                ".containerd.runtimes.runc.options]", "SystemdCgroup stays false", "Move it there as SystemdCgroup = true");
    }

    @Test
    void optionsOfOtherShimsAreNotChecked() {
        assertQuiet(RULE, containerdNode("version = 2\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.kata]\n  runtime_type = \"io.containerd.kata.v2\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.kata.options]\n  ConfigPath = \"/etc/kata.toml\"\n"),
                containerd("1.7.28"));
    }

    @Test
    void runhcsOptionsOnlyNearMisses() {
        String head = "version = 2\n[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runhcs-wcow-process]\n"
                + "  runtime_type = \"io.containerd.runhcs.v1\"\n"
                + "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.runhcs-wcow-process.options]\n";
        assertFinding(single(RULE, containerdNode(head + "  SandboxIsolaton = 1\n"), containerd("1.7.28")),
                Severity.WARNING, "etc/containerd/config.toml:5:3", "is not a runhcs option", "Did you mean SandboxIsolation?");
        // a name criconf does not know may be a newer hcsshim option
        assertQuiet(RULE, containerdNode(head + "  SomeFutureOption = true\n"), containerd("1.7.28"));
    }

    @Test
    void quietOnKnownOptionsAndWhileCriIsDisabled() {
        assertQuiet(RULE, runcOptions("  SystemdCgroup = true\n  BinaryName = \"/usr/bin/crun\"\n  Root = \"/run/crun\"\n"),
                containerd("1.7.28"));
        assertQuiet(RULE, containerdNode("disabled_plugins = [\"cri\"]\n"
                + "[plugins.cri.containerd.runtimes.runc.options]\n  SystemdCgroups = true\n"), containerd("1.7.28"));
    }
}
